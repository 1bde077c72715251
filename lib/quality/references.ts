import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Agency } from '../agencies.ts';
import { requireReader, type Viewer } from '../auth/viewer.ts';
import type { Db } from '../../db/connection.ts';
import { visibleObservations, type ObservationTable, type SubjectKind } from '../../db/observation-table.ts';

/**
 * Cross-agency references, for the per-agency data-quality queries (`energyDataQuality`, …). An agency
 * records facts about units another agency registers (energy's readings of data centres and core rooms,
 * comms' rack reports, econ's designations of data centres) and cannot ask that agency whether they
 * exist. Each such agency lists the units it refers to on a `<Agency>DataQuality` entity; the register's
 * owner answers which of them it does not hold (`@requires` on the list), so the federation, which sees
 * both, tells the agency which of its figures name units nobody registered.
 */

/** The units of one kind an observation table holds current values for, sorted. */
export async function observedSubjects(db: Db, table: ObservationTable, kind: Exclude<SubjectKind, 'REGION'>): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: table.subjectId })
    .from(table)
    .where(and(eq(table.subjectKind, kind), visibleObservations(table)));
  return rows.map((r) => r.id).sort();
}

/** The distinct non-null values of a reference column, sorted. */
export async function referencedIds(db: Db, column: PgColumn): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: column })
    .from(column.table)
    .where(sql`${column} is not null`);
  return rows.map((r) => String(r.id)).sort();
}

/** The ids of `ids` not in the register `column` (one statement). */
export async function unregistered(db: Db, column: PgColumn, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: column })
    .from(column.table)
    .where(sql`${column} = any(${sql.param([...ids])}::text[])`);
  const known = new Set(rows.map((r) => String(r.id)));
  return ids.filter((id) => !known.has(id));
}

/** What an agency's data-quality entity lists is its own business: readers and the agency itself. */
export function requireQualityReader(viewer: Viewer, agency: Agency): void {
  requireReader(viewer, agency, `The ${agency} data-quality report`);
}
