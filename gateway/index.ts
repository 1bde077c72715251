// Runs the gateway alone, against agency subgraphs started elsewhere (`<AGENCY>_URL`, default localhost ports).
// The indicators subgraph runs inside the gateway unless `INDICATORS_URL` names a stand-alone one.
import { AGENCIES } from '../lib/agencies.ts';
import { host, port, subgraphUrl } from '../lib/config.ts';
import { onShutdown } from '../lib/shutdown.ts';
import { startGateway } from './server.ts';
import { readSupergraph } from './supergraph.ts';

try {
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    urls: { ...Object.fromEntries(AGENCIES.map((a) => [a, subgraphUrl(a)])), ...(process.env.INDICATORS_URL ? { indicators: process.env.INDICATORS_URL } : {}) },
    port: port('gateway'),
    host: host(),
  });
  console.log(`gateway ready at ${gateway.url}`);
  onShutdown(() => gateway.stop());
} catch (error) {
  console.error('gateway failed to start:', error);
  process.exit(1);
}
