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

/** A row-level problem of an import summary, as a client reads it. */
export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}
