// What both ways of `npm start` (supervised, single process) do before starting and after they are ready.
import { AGENCIES } from '../lib/agencies.ts';
import { authConfig } from '../lib/auth/config.ts';
import { mintToken } from '../lib/auth/tokens.ts';
import { indicatorsInProcess, serviceHeap, type ServiceHeap } from '../lib/config.ts';

/**
 * The token configuration, indicators placement and each service's heap sizes, or exit 1 with the reason: a
 * configuration the services would refuse (e.g. the development secret in production) is refused before anything starts.
 */
export function startupConfig(): { auth: ReturnType<typeof authConfig>; inProcess: boolean; heap: ServiceHeap } {
  try {
    return { auth: authConfig(), inProcess: indicatorsInProcess(), heap: serviceHeap() };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** With the public development secret only: a writer token per agency and a reader token, valid 12 hours. */
export async function printDevelopmentTokens(auth: ReturnType<typeof authConfig>): Promise<void> {
  if (auth.keys.kind !== 'secret' || !auth.keys.development) return;
  const expiresIn = '12h';
  console.log('\nDevelopment tokens (public development secret; valid 12 h; send as "Authorization: Bearer <token>"):');
  for (const agency of AGENCIES)
    console.log(`  ${`${agency} writer`.padEnd(16)} ${await mintToken({ subject: `dev-${agency}-writer`, agency, roles: ['writer'], expiresIn }, auth)}`);
  console.log(`  ${'reader'.padEnd(16)} ${await mintToken({ subject: 'dev-reader', roles: ['reader'], expiresIn }, auth)}`);
  console.log('  more: npm run -s token -- --agency energy --role writer --role reader');
}
