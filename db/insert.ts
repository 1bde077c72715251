import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connection.ts';

/** Multi-row INSERTs in chunks that stay under Postgres' 65,535 bind-parameter limit. */
export async function insertChunked<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][], chunkSize = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db.insert(table).values(rows.slice(i, i + chunkSize));
  }
}
