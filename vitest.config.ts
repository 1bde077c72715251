import { defineConfig } from 'vitest/config';

// Every test file runs against PGlite; with TEST_DATABASE_URL set, the integration tests
// (*.int.test.ts) run a second time against a fresh database on that Postgres server.
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['test/**/*.test.ts'], env: { TEST_DB: 'pglite' } },
      },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgres', include: ['test/**/*.int.test.ts'], env: { TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
