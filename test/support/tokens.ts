import type { Agency } from '../../lib/agencies.ts';
import { mintToken } from '../../lib/auth/tokens.ts';
import type { Role } from '../../lib/auth/viewer.ts';

/** Request headers carrying a token signed with the configured secret (the development one in tests). */
export async function bearer(
  agency: Agency | null,
  roles: readonly Role[],
  subject = `test-${agency ?? 'gov'}-${roles.join('+') || 'none'}`,
): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken({ subject, agency, roles })}` };
}

/** No Authorization header at all. */
export const ANONYMOUS_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

let reader: Promise<Record<string, string>> | undefined;

/** A government reader's headers, minted once per test file: what the test helpers send unless told otherwise. */
export function readerHeaders(): Promise<Record<string, string>> {
  reader ??= bearer(null, ['reader'], 'test-reader');
  return reader;
}
