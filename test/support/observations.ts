import type { SubjectKind } from '../../db/observation-table.ts';

/** An observation row as an agency would report it; `year` follows from the period, status defaults to FINAL. */
export function observationRow(
  metric: string,
  subjectKind: SubjectKind,
  subjectId: string,
  period: string,
  value: number,
  status: 'FINAL' | 'PROVISIONAL' = 'FINAL',
) {
  return { metric, subjectKind, subjectId, period, year: Number(period.slice(0, 4)), value, status };
}

/**
 * A monthly flow's rows for one year, as a metering platform sends them: a reading for every month from `from` through
 * `through` (the months the unit was in service; all twelve by default), `figures[m]` in month m and 0 in the others.
 * A unit counts as reporting a monthly flow only when it covers its months in service (lib/indicators/months-in-service.ts),
 * so a fixture that once wrote a year's figure as one month's reading writes it this way: the same month, the same yearly sum.
 */
export function monthlyRows(
  metric: string,
  subjectKind: SubjectKind,
  subjectId: string,
  year: number,
  figures: Readonly<Record<number, number>>,
  { from = 1, through = 12, status = 'FINAL' }: { from?: number; through?: number; status?: 'FINAL' | 'PROVISIONAL' } = {},
) {
  return Array.from({ length: through - from + 1 }, (_, i) => from + i).map((m) =>
    observationRow(metric, subjectKind, subjectId, `${year}-${String(m).padStart(2, '0')}`, figures[m] ?? 0, status),
  );
}

/** A row-level problem of an import summary, as a client reads it. */
export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}
