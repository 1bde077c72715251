// Runs the gateway alone, against subgraphs started elsewhere (`<AGENCY>_URL`, default localhost ports).
import { SUBGRAPHS } from '../lib/subgraphs.ts';
import { host, port, subgraphUrl } from '../lib/config.ts';
import { onShutdown } from '../lib/shutdown.ts';
import { startGateway } from './server.ts';
import { readSupergraph } from './supergraph.ts';

try {
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    urls: Object.fromEntries(SUBGRAPHS.map((a) => [a, subgraphUrl(a)])),
    port: port('gateway'),
    host: host(),
  });
  console.log(`gateway ready at ${gateway.url}`);
  onShutdown(() => gateway.stop());
} catch (error) {
  console.error('gateway failed to start:', error);
  process.exit(1);
}
