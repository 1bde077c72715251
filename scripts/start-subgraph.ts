// `npm run start:subgraph -- energy`: one agency's subgraph alone, as the agency would deploy it.
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import { seedDemo } from '../lib/config.ts';
import { onShutdown } from '../lib/shutdown.ts';
import { bootSubgraph } from '../lib/subgraph/boot.ts';
import { buildWorld } from '../db/demo/world.ts';

const agency = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
if (!isAgency(agency)) {
  console.error(`usage: npm run start:subgraph -- <${AGENCIES.join('|')}> [--empty]`);
  process.exit(2);
}
const started = performance.now();
try {
  const subgraph = await bootSubgraph(agency, { world: seedDemo(process.argv) ? buildWorld() : undefined });
  console.log(`${agency} subgraph ready at ${subgraph.server.url} (${subgraph.database.kind}${subgraph.seeded ? ', demo data loaded' : ''}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  onShutdown(() => subgraph.stop());
} catch (error) {
  console.error(`${agency} subgraph failed to start:`, error);
  process.exit(1);
}
