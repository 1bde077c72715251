// Generates a drizzle-kit migration for each agency whose tables.ts changed: `npm run db:generate -- --name add_x`.
import { spawnSync } from 'node:child_process';
import { AGENCIES, isAgency } from '../lib/agencies.ts';

const args = process.argv.slice(2);
const only = args.filter(isAgency);
const passThrough = args.filter((a) => !isAgency(a));
for (const agency of only.length > 0 ? only : AGENCIES) {
  console.log(`\n— ${agency}`);
  const result = spawnSync('npx', ['drizzle-kit', 'generate', ...passThrough], { stdio: 'inherit', env: { ...process.env, AGENCY: agency } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
