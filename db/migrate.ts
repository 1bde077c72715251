import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import type { Agency } from '../lib/agencies.ts';
import { projectPath } from '../lib/paths.ts';
import type { Database } from './connection.ts';

const MIGRATIONS_ROOT = projectPath('db', 'migrations');

/**
 * Applies an agency's committed drizzle-kit migrations. The bookkeeping table is per agency so
 * that four agencies can share one server without seeing each other's history.
 */
export async function migrateAgency(database: Database, agency: Agency): Promise<void> {
  const config = {
    migrationsFolder: path.join(MIGRATIONS_ROOT, agency),
    migrationsSchema: 'drizzle',
    migrationsTable: `${agency}_migrations`,
  };
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
}
