import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connection.ts';
import type { RegisterRevisionTable } from '../../db/write-tables.ts';

/** Where a register's history is (a `Register` write description has it). */
export interface RegisterHistory {
  revisions: RegisterRevisionTable;
  /** `register_revision.entity` of its entries: `DataCenter`. */
  entity: string;
  /** The primary-key field (TypeScript key). */
  idField: string;
}

/**
 * The register's entries as they stood at `at`, typed like its rows. An entry no revision touched
 * after `at` stands as it is now; one that changed since stands as its first later revision found
 * it (`previous`), or was not there if that revision created it. One statement, whatever the size of
 * the register. Current reads (`latest`) need none of this and query the table itself.
 *
 * Readers select from the whole register and filter in code: the as-of relation is a subquery,
 * which drizzle's column references (qualified by the table's name) cannot address.
 */
export function registerAt<T extends PgTable>(db: Db, table: T, register: RegisterHistory, at: Date): Promise<T['$inferSelect'][]> {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>);
  const id = columns.find(([key]) => key === register.idField)?.[1];
  if (!id) throw new Error(`${register.entity}: no column ${register.idField}`);
  const r = register.revisions;
  const instant = at.toISOString();
  // Revisions record rows keyed like the table's TypeScript fields; its row type wants column names.
  const fromStored = sql.join(
    columns.map(([key, column]) => sql`${column.name}::text, l.previous -> ${key}::text`),
    sql`, `,
  );
  const relation: SQL = sql`(
    select t.* from ${table} t
    where not exists (select 1 from ${r} c where c.entity = ${register.entity} and c.entity_id = t.${sql.identifier(id.name)} and c.updated_at > ${instant}::timestamptz)
    union all
    select (jsonb_populate_record(null::${table}, jsonb_build_object(${fromStored}))).*
    from (
      select distinct on (later.entity_id) later.previous
      from ${r} later
      where later.entity = ${register.entity} and later.updated_at > ${instant}::timestamptz
      order by later.entity_id, later.revision
    ) l
    where l.previous is not null
  ) as register_at`;
  const fields = Object.fromEntries(columns.map(([key, column]) => [key, sql`${sql.identifier(column.name)}`.mapWith(column)]));
  return db.select(fields).from(relation) as unknown as Promise<T['$inferSelect'][]>;
}
