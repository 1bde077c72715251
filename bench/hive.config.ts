// The peer in `npm run bench` gets what our gateway has: its own credential on every subgraph fetch,
// so @requires fetches of unit-level inputs behind a public aggregate succeed for it too.
import { defineConfig } from '@graphql-hive/gateway';
import { GATEWAY_CREDENTIAL_HEADER } from '../lib/auth/tokens.ts';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: () => ({ [GATEWAY_CREDENTIAL_HEADER]: process.env.BENCH_GATEWAY_TOKEN ?? '' }),
  },
});
