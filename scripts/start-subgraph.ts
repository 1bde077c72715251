// `npm run start:subgraph -- energy`: one subgraph alone, as its agency would deploy it
// (`indicators` runs the catalog and formula engine alone; it has no database).
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import { databaseTarget, host, port, seedDemo } from '../lib/config.ts';
import { holdSignalsDuringStart, onShutdown } from '../lib/shutdown.ts';
import { endWithSupervisor, reportReady } from '../lib/supervisor/child.ts';
import { installLastResortHandlers } from '../lib/last-resort.ts';

holdSignalsDuringStart();
endWithSupervisor();
const name = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
installLastResortHandlers(name || 'subgraph');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  if (name === 'indicators') {
    // Each branch imports only what it runs: under `npm start` six processes load their modules at once.
    const { startIndicators } = await import('../subgraphs/indicators/server.ts');
    const server = await startIndicators({ port: port('indicators'), host: host() });
    console.log(`indicators subgraph ready at ${server.url} in ${elapsed()}`);
    reportReady({ url: server.url });
    onShutdown(() => server.stop());
  } else if (isAgency(name)) {
    const { bootSubgraph } = await import('../lib/subgraph/boot.ts');
    const { buildWorld } = await import('../db/demo/world.ts');
    const subgraph = await bootSubgraph(name, { world: seedDemo(process.argv) ? () => buildWorld() : undefined, snapshot: true });
    console.log(`${name} subgraph ready at ${subgraph.server.url} (${subgraph.database.kind}${subgraph.seeded ? `, ${subgraph.seeded}` : ''}) in ${elapsed()}`);
    const target = databaseTarget(name);
    reportReady({
      url: subgraph.server.url,
      where: target.kind === 'postgres' ? 'postgres' : `pglite ${target.dataDir}`,
      data: subgraph.seeded || (seedDemo(process.argv) ? 'existing data' : 'code list only'),
    });
    onShutdown(() => subgraph.stop());
  } else {
    console.error(`usage: npm run start:subgraph -- <${[...AGENCIES, 'indicators'].join('|')}> [--empty]`);
    process.exit(2);
  }
} catch (error) {
  console.error(`${name} subgraph failed to start:`, error);
  process.exit(1);
}
