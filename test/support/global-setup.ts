import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ensureServerBundle } from '../../scripts/build-server.mjs';
import { dashboardStale } from '../../scripts/build-dashboard.mjs';
import { pgliteTemplate, postgresTemplate, templateKey } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, empty PGlite data directory (tar) every test database starts from. */
    pgliteTemplate: string;
    /** The migrated template database on TEST_DATABASE_URL's server, when it is set. */
    postgresTemplate: string | null;
  }
}

/**
 * Once per test run (per project): the migrated templates test databases start from, instead of migrating each file's;
 * and a current server bundle and dashboard, so the tests that run `npm start` do not each rebuild them.
 */
export default async function setup(project: TestProject): Promise<void> {
  await ensureServerBundle(() => {});
  if (dashboardStale()) execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { stdio: 'inherit' });
  const key = templateKey();
  project.provide('pgliteTemplate', await pgliteTemplate(key));
  const url = process.env.TEST_DATABASE_URL;
  project.provide('postgresTemplate', url ? await postgresTemplate(url, key) : null);
}
