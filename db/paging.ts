import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connection.ts';

/**
 * One page of a table ordered by its text id, plus the total match count, in one statement: the
 * window count runs over the filtered set before the cursor cuts it.
 */
export async function pageById<T extends PgTable, R>(
  db: Db,
  table: T,
  id: PgColumn,
  where: SQL[],
  after: string | undefined,
  limit: number,
): Promise<{ rows: R[]; total: number }> {
  const matching = db
    .select({ key: sql<string>`${id}`.as('key'), total: sql<number>`count(*) over ()`.as('total') })
    .from(table as PgTable)
    .where(and(...where))
    .as('matching');
  const rows = (await db
    .select({ row: table as PgTable, total: matching.total })
    .from(matching)
    .innerJoin(table as PgTable, eq(id, matching.key))
    .where(after === undefined ? undefined : gt(matching.key, after))
    .orderBy(asc(matching.key))
    .limit(limit + 1)) as unknown as { row: R; total: number }[];
  if (rows.length > 0) return { rows: rows.map((r) => r.row), total: Number(rows[0]!.total) };
  // An empty page (past the end) still reports how many match.
  const [counted] = await db
    .select({ n: sql<number>`count(*)` })
    .from(table as PgTable)
    .where(and(...where));
  return { rows: [], total: Number(counted?.n ?? 0) };
}
