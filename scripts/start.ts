// `npm start`: the four agency subgraphs, the indicators subgraph and the gateway, each in a worker thread of its own
// (`--processes`: each in a child process) on its own port, supervised: a service that crashes is restarted with
// back-off while the others keep serving. With INDICATORS_IN_PROCESS=true the gateway runs the indicators subgraph
// itself. `--single-process` runs all on this thread, unsupervised.
import { createServer } from 'node:net';
import path from 'node:path';
import { AGENCIES, AGENCY_NAMES } from '../lib/agencies.ts';
import { host, port } from '../lib/config.ts';
import { Supervisor, type ReadyService } from '../lib/supervisor/supervisor.ts';
import { installLastResortHandlers } from '../lib/last-resort.ts';
import { printDevelopmentTokens, startupConfig } from './start-common.ts';
import { BUILD_DIR, ENTRIES } from './build-server.mjs';

installLastResortHandlers('supervisor');

if (process.argv.includes('--single-process')) {
  await import('./start-single-process.ts');
} else {
  await supervise();
}

/** A service's entry: from the server bundle when this script runs from it (`npm start`), else its source (tsx). */
function entryScript(entry: 'subgraph' | 'gateway'): string {
  return import.meta.url.endsWith('.js') ? path.join(BUILD_DIR, `${entry}.js`) : ENTRIES[entry];
}

/** A free port for a service configured with port 0, chosen here so that a restarted service comes back where it was. */
async function resolvePort(configured: number): Promise<number> {
  if (configured !== 0) return configured;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host(), () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

async function supervise(): Promise<void> {
  const started = performance.now();
  const { auth, inProcess, heap } = startupConfig();
  const args = process.argv.slice(2).filter((a) => a === '--empty');
  const subgraphNames = [...AGENCIES, ...(inProcess ? [] : (['indicators'] as const))];
  const ports = Object.fromEntries(await Promise.all([...subgraphNames, 'gateway' as const].map(async (s) => [s, await resolvePort(port(s))] as const)));
  const connectHost = ['0.0.0.0', '::'].includes(host()) ? '127.0.0.1' : host();
  // Every port is known now, so the gateway (static supergraph: it fetches nothing at start) starts with the subgraphs.
  const urls = Object.fromEntries(subgraphNames.map((s) => [`${s.toUpperCase()}_URL`, `http://${connectHost}:${ports[s]}/graphql`]));

  const supervisor = new Supervisor({ isolation: process.argv.includes('--processes') ? 'process' : 'thread', heap });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    const clean = await supervisor.stop([['gateway'], subgraphNames]);
    if (clean) console.log('stopped cleanly');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const services = [
    ...subgraphNames.map((name) => ({
      name,
      script: entryScript('subgraph'),
      args: [name, ...args],
      env: { [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
    })),
    { name: 'gateway', script: entryScript('gateway'), env: { GATEWAY_PORT: String(ports.gateway), ...urls } },
  ];
  const results = await Promise.allSettled(services.map((s) => supervisor.start(s)));
  if (stopping) return;
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (failed.length > 0) {
    for (const reason of failed) console.error(reason.message);
    await supervisor.stop([['gateway'], subgraphNames]);
    process.exit(1);
  }
  const ready = Object.fromEntries(services.map((s, i) => [s.name, (results[i] as PromiseFulfilledResult<ReadyService>).value]));

  console.log('\nGreen-ICT statistics federation');
  for (const agency of AGENCIES) {
    const r = ready[agency]!;
    console.log(`  ${agency.padEnd(10)} ${r.url.padEnd(32)} ${AGENCY_NAMES[agency].zh}  [${r.where}; ${r.data}; ${r.id}]`);
  }
  console.log(
    `  ${'indicators'.padEnd(10)} ${(ready.indicators?.url ?? '(inside the gateway)').padEnd(32)} catalog and formulas (no database)${ready.indicators ? `  [${ready.indicators.id}]` : ''}`,
  );
  console.log(`  ${'gateway'.padEnd(10)} ${ready.gateway!.url}  [${ready.gateway!.id}]`);
  console.log(`\nready in ${((performance.now() - started) / 1000).toFixed(1)} s — each service is restarted if it crashes; Ctrl-C to stop`);

  await printDevelopmentTokens(auth);
}
