import { defineConfig } from 'drizzle-kit';
import { isAgency } from './lib/agencies.ts';

// One migration history per agency: each subgraph's tables live in its own Postgres schema.
// `npm run db:generate` runs drizzle-kit once per agency with AGENCY set.
const agency = process.env.AGENCY ?? '';
if (!isAgency(agency)) throw new Error(`Set AGENCY to comms, econ, bigdata or energy (got "${agency}")`);

export default defineConfig({
  dialect: 'postgresql',
  schema: `./subgraphs/${agency}/tables.ts`,
  // DRIZZLE_OUT lets the staleness test generate into a scratch copy of the migrations.
  out: process.env.DRIZZLE_OUT ?? `./db/migrations/${agency}`,
  schemaFilter: [agency],
  migrations: { schema: 'drizzle', table: `${agency}_migrations` },
});
