/** Stable per-row reason codes; the GraphQL enum ImportProblemCode in lib/schema/writes.graphql lists the same. */
export type ImportProblemCode =
  | 'UNKNOWN_METRIC'
  | 'METRIC_NOT_OWNED'
  | 'WRONG_SUBJECT_KIND'
  | 'UNKNOWN_REGION'
  | 'WRONG_REGION_LEVEL'
  | 'UNKNOWN_DATA_CENTER'
  | 'UNKNOWN_CORE_ROOM'
  | 'UNKNOWN_ENTERPRISE'
  | 'INVALID_USCC'
  | 'UNKNOWN_REFERENCE'
  | 'REQUIRED'
  | 'NOT_A_NUMBER'
  | 'NEGATIVE_VALUE'
  | 'OUT_OF_RANGE'
  | 'IT_ENERGY_ABOVE_TOTAL'
  | 'RACKS_ABOVE_REGISTERED'
  | 'INVALID_PERIOD'
  | 'PERIOD_IN_FUTURE'
  | 'PERIOD_OUT_OF_RANGE'
  | 'DUPLICATE_KEY'
  | 'STRING_TOO_LONG'
  | 'CONTROL_CHARACTERS'
  | 'INVALID_UNICODE'
  | 'ABOVE_MAXIMUM'
  | 'ALREADY_EXISTS'
  | 'NOT_FOUND'
  | 'DATE_IN_FUTURE'
  | 'INCONSISTENT_FIELDS'
  | 'TOO_FEW_DOMAINS'
  | 'STILL_REFERENCED'
  | 'UNKNOWN_FIELD';

export interface ImportProblem {
  row: number;
  field: string;
  code: ImportProblemCode;
  message: string;
}

/** Collects problems by row, so a summary can count rejected rows and an atomic batch can stop. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private readonly rows = new Set<number>();

  add(row: number, field: string, code: ImportProblemCode, message: string): void {
    this.items.push({ row, field, code, message: storable(message) });
    this.rows.add(row);
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  get rejectedRows(): number {
    return this.rows.size;
  }

  sorted(): ImportProblem[] {
    return [...this.items].sort((a, b) => a.row - b.row);
  }
}

/**
 * A message may quote what the writer sent; the summary is stored as jsonb, which holds neither NUL nor
 * half a surrogate pair. Shown escaped instead, so one row's bad text never fails the batch.
 */
export function storable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding NULs is the point
  return text.replace(/\u0000/g, '\\u0000').replace(/[\uD800-\uDFFF]/gu, (s) => `\\u${s.charCodeAt(0).toString(16).toUpperCase()}`);
}
