// `npm start -- --single-process`: the four agency subgraphs, the indicators subgraph and the gateway on one thread,
// each on its own port (with INDICATORS_IN_PROCESS=true the gateway runs the indicators subgraph itself). No supervision:
// one crash stops everything; for profiling and debugging with one inspector. `npm start` runs each in a worker thread.
import { AGENCIES, AGENCY_NAMES } from '../lib/agencies.ts';
import { databaseTarget, host, port, seedDemo } from '../lib/config.ts';
import { holdSignalsDuringStart, onShutdown } from '../lib/shutdown.ts';
import { bootSubgraph } from '../lib/subgraph/boot.ts';
import { buildWorld } from '../db/demo/world.ts';
import { startGateway } from '../gateway/server.ts';
import { readSupergraph } from '../gateway/supergraph.ts';
import { startIndicators } from '../subgraphs/indicators/server.ts';
import { installLastResortHandlers } from '../lib/last-resort.ts';
import { printDevelopmentTokens, startupConfig } from './start-common.ts';

holdSignalsDuringStart();
const started = performance.now();
installLastResortHandlers('federation');
const { auth, inProcess } = startupConfig();
// Built once for the four agencies, and only if one of them has to generate its demo data (no current snapshot).
let built: ReturnType<typeof buildWorld> | undefined;
const world = seedDemo(process.argv) ? () => (built ??= buildWorld()) : undefined;
const results = await Promise.allSettled(AGENCIES.map((agency) => bootSubgraph(agency, { world, snapshot: true })));
const subgraphs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [[AGENCIES[i], r.reason] as const] : []));
if (failed.length > 0) {
  for (const [agency, reason] of failed) console.error(`${agency} failed to start:`, reason);
  await Promise.all(subgraphs.map((s) => s.stop()));
  process.exit(1);
}

const indicators = inProcess ? null : await startIndicators({ port: port('indicators'), host: host() });
const gateway = await startGateway({
  supergraphSdl: readSupergraph(),
  urls: { ...Object.fromEntries(subgraphs.map((s) => [s.agency, s.server.url])), ...(indicators ? { indicators: indicators.url } : {}) },
  port: port('gateway'),
  host: host(),
}).catch(async (error: unknown) => {
  console.error('gateway failed to start:', error);
  await Promise.all(subgraphs.map((s) => s.stop()));
  process.exit(1);
});

console.log('\nGreen-ICT statistics federation');
for (const s of subgraphs) {
  const target = databaseTarget(s.agency);
  const where = target.kind === 'postgres' ? 'postgres' : `pglite ${target.dataDir}`;
  const data = s.seeded || 'existing data';
  console.log(`  ${s.agency.padEnd(10)} ${s.server.url.padEnd(32)} ${AGENCY_NAMES[s.agency].zh}  [${where}; ${data}]`);
}
console.log(`  ${'indicators'.padEnd(10)} ${(indicators?.url ?? '(inside the gateway)').padEnd(32)} catalog and formulas (no database)`);
console.log(`  ${'gateway'.padEnd(10)} ${gateway.url}`);
console.log(`\nready in ${((performance.now() - started) / 1000).toFixed(1)} s — Ctrl-C to stop`);

await printDevelopmentTokens(auth);

onShutdown(async () => {
  await gateway.stop();
  await Promise.all([indicators?.stop(), ...subgraphs.map((s) => s.stop())]);
});
