// `npm run start:subgraph -- energy`: one subgraph alone, as its agency would deploy it
// (`indicators` runs the catalog and formula engine alone; it has no database).
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import { host, port, seedDemo } from '../lib/config.ts';
import { onShutdown } from '../lib/shutdown.ts';
import { bootSubgraph } from '../lib/subgraph/boot.ts';
import { buildWorld } from '../db/demo/world.ts';
import { startIndicators } from '../subgraphs/indicators/server.ts';
import { installLastResortHandlers } from '../lib/last-resort.ts';

const name = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
installLastResortHandlers(name || 'subgraph');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  if (name === 'indicators') {
    const server = await startIndicators({ port: port('indicators'), host: host() });
    console.log(`indicators subgraph ready at ${server.url} in ${elapsed()}`);
    onShutdown(() => server.stop());
  } else if (isAgency(name)) {
    const subgraph = await bootSubgraph(name, { world: seedDemo(process.argv) ? buildWorld() : undefined });
    console.log(`${name} subgraph ready at ${subgraph.server.url} (${subgraph.database.kind}${subgraph.seeded ? ', demo data loaded' : ''}) in ${elapsed()}`);
    onShutdown(() => subgraph.stop());
  } else {
    console.error(`usage: npm run start:subgraph -- <${[...AGENCIES, 'indicators'].join('|')}> [--empty]`);
    process.exit(2);
  }
} catch (error) {
  console.error(`${name} subgraph failed to start:`, error);
  process.exit(1);
}
