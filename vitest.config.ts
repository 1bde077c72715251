import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Every test file runs against PGlite; with TEST_DATABASE_URL set, the integration tests
// (*.int.test.ts) run a second time against a fresh database on that Postgres server. Tests that spawn
// processes (*.process.test.ts) are a project of their own, which `npm test` leaves to `npm run test:process`.
const postgresUrl = process.env.TEST_DATABASE_URL;

// Vite would resolve `graphql` to its ESM build for our sources while Apollo's CJS packages require the
// CJS one: two realms, and graphql's instanceof checks fail across them. Node itself resolves both to
// the CJS build, so tests do the same.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    isolate: false,
    // A worker per core: vitest's default (one fewer) keeps a core for its main process, which mostly waits, so on a
    // 2-core machine it ran every file in one worker, about twice as long.
    maxWorkers: availableParallelism(),
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['test/**/*.test.ts'], exclude: ['test/**/*.process.test.ts'], env: { TEST_DB: 'pglite' } },
      },
      ...(postgresUrl ? [{ extends: true as const, test: { name: 'postgres', include: ['test/**/*.int.test.ts'], env: { TEST_DB: 'postgres' } } }] : []),
      // Tests that start the services as processes (npm start, a Postgres cluster of their own, the code generators):
      // `npm run test:process`, apart from `npm test`, which builds its servers in the test's own process.
      { extends: true, test: { name: 'process', include: ['test/**/*.process.test.ts'], env: { TEST_DB: 'pglite' } } },
    ],
  },
});
