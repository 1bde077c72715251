import { sql } from 'drizzle-orm';
import type { Db } from '../connection.ts';
import type { ObservationTable } from '../observation-table.ts';

/**
 * When the demo's figures were published, so that `asOf` reads tell a story instead of returning nothing
 * before the seeding time. Fixed instants, not the clock: the same world gives the same database.
 *
 * - Each year's figures are first published on 30 April of the next year (2020's on 2021-04-30, 2025's
 *   on 2026-04-30): as of 2026-03-31 a report has 2020–2024 and no 2025 yet.
 * - Region-level figures for `CORRECTED_YEAR` are first published provisional and 3% low, then
 *   corrected to their current value on `CORRECTION_DAY` (a revision, the first one superseded), so a
 *   report as of mid-2024 reproduces the first publication and a later one the correction.
 */
export const CORRECTED_YEAR = 2023;
export const CORRECTION_DAY = '2024-10-31T00:00:00Z';
const FIRST_PUBLICATION_LOW = 0.97;

/** First publication of a year's figures: 30 April of the following year, midnight UTC. */
export const publishedOn = (year: number): string => `${year + 1}-04-30T00:00:00Z`;

export async function stampPublication(db: Db, table: ObservationTable): Promise<void> {
  // Every demo revision: published the April after its year (the demo writes no superseded rows itself).
  await db.execute(
    sql`update ${table} set ${sql.identifier('updated_at')} = make_timestamptz(${table.year} + 1, 4, 30, 0, 0, 0, 'UTC') where ${table.batchId} is null`,
  );
  // The corrected year's region figures: the first publication, 3% low and provisional, superseded by the current value.
  await db.execute(sql`
    insert into ${table} (metric, subject_kind, subject_id, period, year, value, status, comment, updated_at, superseded_at)
    select metric, subject_kind, subject_id, period, year,
           case when value = round(value) then round(value * ${FIRST_PUBLICATION_LOW}) else value * ${FIRST_PUBLICATION_LOW} end,
           'PROVISIONAL', 'first publication (demo)', ${publishedOn(CORRECTED_YEAR)}::timestamptz, ${CORRECTION_DAY}::timestamptz
      from ${table}
     where subject_kind = 'REGION' and year = ${CORRECTED_YEAR} and superseded_at is null and batch_id is null`);
  await db.execute(
    sql`update ${table} set ${sql.identifier('updated_at')} = ${CORRECTION_DAY}::timestamptz, comment = 'corrected (demo)' where subject_kind = 'REGION' and year = ${CORRECTED_YEAR} and superseded_at is null and batch_id is null`,
  );
}
