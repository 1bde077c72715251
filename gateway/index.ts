// Runs the gateway alone, against subgraphs started elsewhere (`<SUBGRAPH>_URL`, default localhost ports);
// with INDICATORS_IN_PROCESS=true it runs the indicators subgraph itself.
import { SUBGRAPHS } from '../lib/subgraphs.ts';
import { host, indicatorsInProcess, port, subgraphUrl } from '../lib/config.ts';
import { holdSignalsDuringStart, onShutdown } from '../lib/shutdown.ts';
import { endWithSupervisor, reportReady } from '../lib/supervisor/child.ts';
import { startGateway } from './server.ts';
import { readSupergraph } from './supergraph.ts';
import { installLastResortHandlers } from '../lib/last-resort.ts';

installLastResortHandlers('gateway');
holdSignalsDuringStart();
endWithSupervisor();
try {
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    urls: Object.fromEntries(SUBGRAPHS.filter((s) => s !== 'indicators' || !indicatorsInProcess()).map((s) => [s, subgraphUrl(s)])),
    port: port('gateway'),
    host: host(),
  });
  console.log(`gateway ready at ${gateway.url}`);
  reportReady({ url: gateway.url });
  onShutdown(() => gateway.stop());
} catch (error) {
  console.error('gateway failed to start:', error);
  process.exit(1);
}
