// Hive Gateway as another operator would run our supergraph (`npm run bench`'s peer; test/gateway/hive.process.test.ts
// runs the auth matrix through it): nothing of this project's but forwarding the caller's Authorization header, no credential. HIVE_PLANNER=rust (the test's default) uses
// the Rust query planner (@graphql-hive/router-runtime); HIVE_PLANNER=default Hive's own.
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

export const gatewayConfig = defineConfig({
  ...(process.env.HIVE_PLANNER === 'default' ? {} : { unifiedGraphHandler }),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
});
