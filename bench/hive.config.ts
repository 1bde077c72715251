// The peer in `npm run bench`: Hive Gateway with its Rust query planner and purpose-built executor
// (@graphql-hive/router-runtime). Its default stitching runtime answers null for indicator values whose
// @requires inputs come from several subgraphs, although the subgraph returns the value.
// It gets what our gateway has: its own credential on every subgraph fetch, so @requires fetches of
// unit-level inputs behind a public aggregate succeed for it too, and the caller's Authorization header,
// which decides whether a confidential aggregate is shown (subgraphs/indicators/disclosure.ts).
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GATEWAY_CREDENTIAL_HEADER } from '../lib/auth/tokens.ts';

export const gatewayConfig = defineConfig({
  unifiedGraphHandler,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      [GATEWAY_CREDENTIAL_HEADER]: process.env.BENCH_GATEWAY_TOKEN ?? '',
      ...(request.headers.get('authorization') ? { authorization: request.headers.get('authorization')! } : {}),
    }),
  },
});
