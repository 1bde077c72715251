import { and, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import type { ObservationRow, ObservationTable } from '../db/observation-table.ts';
import { listLoader } from './loaders.ts';

/**
 * How a metric combines over time within a year: flows (kWh, traffic) add up their months;
 * stocks (racks, sites) take the last period reported in the year.
 */
export type TimeAggregation = 'FLOW' | 'STOCK';

export interface SubjectYear {
  subjectId: string;
  year: number;
}

const subjectYearKey = (k: SubjectYear) => `${k.subjectId}|${k.year}`;

/**
 * All observations of a batch of (subject, year) pairs in one statement. The WHERE is a superset
 * (subjects × years) filtered back per key, which keeps the SQL a plain indexed IN-list.
 */
export function observationsLoader(db: Db, table: ObservationTable) {
  return listLoader(
    (keys: readonly SubjectYear[]) =>
      db
        .select()
        .from(table)
        .where(and(inArray(table.subjectId, [...new Set(keys.map((k) => k.subjectId))]), inArray(table.year, [...new Set(keys.map((k) => k.year))]))),
    (row: ObservationRow) => ({ subjectId: row.subjectId, year: row.year }),
    subjectYearKey,
  );
}

/** The yearly value of one metric from a subject-year's observations; null when nothing was reported. */
export function yearValue(rows: readonly ObservationRow[], metric: string, aggregation: TimeAggregation): number | null {
  const matching = rows.filter((r) => r.metric === metric);
  if (matching.length === 0) return null;
  if (aggregation === 'FLOW') return matching.reduce((sum, r) => sum + r.value, 0);
  return matching.reduce((latest, r) => (r.period > latest.period ? r : latest)).value;
}

/** "PROVISIONAL" if any contributing observation is provisional: the weakest status wins. */
export function yearStatus(rows: readonly ObservationRow[], metric: string): 'PROVISIONAL' | 'FINAL' | null {
  const matching = rows.filter((r) => r.metric === metric);
  if (matching.length === 0) return null;
  return matching.some((r) => r.status === 'PROVISIONAL') ? 'PROVISIONAL' : 'FINAL';
}
