import { isCalendarDate } from '../calendar.ts';
import type { RegionLevel } from '../regions/codes.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { usccMistake } from '../uscc.ts';
import { checkAmount, checkText, parseAmount } from './fields.ts';
import type { ImportProblemCode, ProblemList } from './problems.ts';

// How register mutations read their input rows, one field at a time (lib/writes/registers.ts runs them).

/** Earliest year a register date or year may name: catches typos such as `202` or `1023`. */
export const EARLIEST_REGISTER_YEAR = 1990;

export const ID_MAX = 64;
const TEXT_MAX = 200;

/** What field checks may consult: the code list, and now (for dates in the future). */
export interface RegisterContext {
  regions: RegionDirectory;
  now: Date;
}

type Field<I> = keyof I & string;
const FIELD_LABEL = (field: string) => `\`${field}\``;

/**
 * Reads the fields of one input row, recording a problem (row, field, stable code, a message that
 * says what to send instead) for each one that is missing or invalid and returning null for it.
 */
export class RowReader<I extends object> {
  constructor(
    readonly input: I,
    readonly row: number,
    private readonly problems: ProblemList,
    readonly context: RegisterContext,
  ) {}

  private readonly badFields = new Set<string>();

  problem(field: string, code: ImportProblemCode, message: string): void {
    this.problems.add(this.row, field, code, message);
    this.badFields.add(field);
  }

  /** True while no problem has been recorded for this row. */
  get ok(): boolean {
    return !this.problems.has(this.row);
  }

  /** True when `field` has no problem yet (so a cross-field rule does not pile onto a bad value). */
  fine(field: string): boolean {
    return !this.badFields.has(field);
  }

  private value(field: Field<I>, required: boolean): unknown {
    const value = (this.input as Record<string, unknown>)[field];
    if (value === null || value === undefined) {
      if (required)
        this.problem(
          field,
          'REQUIRED',
          `${FIELD_LABEL(field)} is required: each row carries the entity's full state (only DELETE rows are sent with the id alone).`,
        );
      return null;
    }
    return value;
  }

  text(field: Field<I>, options: { required?: boolean; max?: number } = {}): string | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (typeof value !== 'string') return this.wrongType(field, 'a string');
    if (value.trim() === '') {
      // An empty optional text is the same as leaving it out; an empty required one is missing.
      if (options.required ?? true) this.problem(field, 'REQUIRED', `${FIELD_LABEL(field)} is empty; it is required.`);
      return null;
    }
    const problem = checkText(value, options.max ?? TEXT_MAX);
    if (problem) {
      this.problem(field, problem.code, `${FIELD_LABEL(field)} ${problem.message}`);
      return null;
    }
    return value;
  }

  /** The id of another register entry (checked to exist by the register's `check`). */
  reference(field: Field<I>, options: { required?: boolean } = {}): string | null {
    return this.text(field, { required: options.required ?? true, max: ID_MAX });
  }

  /** A GB/T 2260 code in the code list, at the given level and, with `within`, under that region. */
  region(field: Field<I>, options: { required?: boolean; level?: RegionLevel; within?: readonly string[] } = {}): string | null {
    const code = this.text(field, { required: options.required ?? true, max: 12 });
    if (code === null) return null;
    const region = this.context.regions.find(code);
    if (!region) {
      this.problem(field, 'UNKNOWN_REGION', `${FIELD_LABEL(field)} "${code}" is not a GB/T 2260 region code in the code list (six digits, e.g. "500112").`);
      return null;
    }
    if (options.level && region.level !== options.level) {
      this.problem(
        field,
        'WRONG_REGION_LEVEL',
        `${FIELD_LABEL(field)} ${code} (${region.nameEn}) is a ${region.level} region; this register records the ${options.level} region.`,
      );
      return null;
    }
    if (options.within && !options.within.some((root) => this.context.regions.within(code, root))) {
      this.problem(
        field,
        'OUT_OF_RANGE',
        `${FIELD_LABEL(field)} ${code} (${region.nameEn}) lies outside ${options.within.join(', ')}, the only region(s) this register covers.`,
      );
      return null;
    }
    return code;
  }

  /** A unified social credit code with a correct GB 32100 check character. */
  uscc(field: Field<I>, options: { required?: boolean } = {}): string | null {
    const code = this.text(field, { required: options.required ?? true, max: 18 });
    if (code === null) return null;
    return this.usccValue(field, code) ? code : null;
  }

  usccValue(field: string, code: string): boolean {
    const mistake = usccMistake(code);
    if (!mistake) return true;
    this.problem(field, 'INVALID_USCC', `${FIELD_LABEL(field)} ${mistake}`);
    return false;
  }

  /** A whole number (counts, racks) within bounds; negative counts are NEGATIVE_VALUE. */
  integer(field: Field<I>, options: { required?: boolean; min?: number; max?: number } = {}): number | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.wrongType(field, 'a whole number');
    const min = options.min ?? 0;
    if (value < min) {
      this.problem(field, min === 0 ? 'NEGATIVE_VALUE' : 'OUT_OF_RANGE', `${FIELD_LABEL(field)} is ${value}; it must be at least ${min}.`);
      return null;
    }
    if (options.max !== undefined && value > options.max) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} is ${value}; it must be at most ${options.max}.`);
      return null;
    }
    return value;
  }

  /** A decimal sent as an Amount (JSON number or decimal string): finite, within bounds. */
  amount(field: Field<I>, options: { required?: boolean; min?: number; max?: number; positive?: boolean } = {}): number | null {
    const raw = this.value(field, options.required ?? true);
    if (raw === null) return null;
    if (typeof raw !== 'number' && typeof raw !== 'string') return this.wrongType(field, 'a number');
    const value = parseAmount(raw);
    const problem = checkAmount(value, { nonNegative: options.positive || options.min === 0 });
    if (problem) {
      this.problem(field, problem.code, `${FIELD_LABEL(field)} ${problem.message}`);
      return null;
    }
    if (options.positive && value === 0) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} is 0; it must be greater than 0.`);
      return null;
    }
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} is ${value}; it must lie between ${options.min ?? '-∞'} and ${options.max ?? '∞'}.`);
      return null;
    }
    return value;
  }

  /** A calendar year from `EARLIEST_REGISTER_YEAR` (or `min`) to the current year (or `max`). */
  year(field: Field<I>, options: { required?: boolean; min?: number; max?: number } = {}): number | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.wrongType(field, 'a year such as 2024');
    const currentYear = this.context.now.getUTCFullYear();
    const min = options.min ?? EARLIEST_REGISTER_YEAR;
    const max = options.max ?? currentYear;
    if (options.max === undefined && value > currentYear) {
      this.problem(field, 'PERIOD_IN_FUTURE', `${FIELD_LABEL(field)} ${value} has not started yet (it is ${currentYear}).`);
      return null;
    }
    if (value < min || value > max) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} is ${value}; it must lie between ${min} and ${max}.`);
      return null;
    }
    return value;
  }

  /** A day of the calendar `YYYY-MM-DD`, not in the future (checked again here: rows need not come through the Date scalar). */
  date(field: Field<I>, options: { required?: boolean } = {}): string | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (typeof value !== 'string' || !isCalendarDate(value)) return this.wrongType(field, 'a day of the calendar written YYYY-MM-DD');
    const today = this.context.now.toISOString().slice(0, 10);
    if (value > today) {
      this.problem(field, 'DATE_IN_FUTURE', `${FIELD_LABEL(field)} ${value} is after today (${today}); register the date that has happened.`);
      return null;
    }
    if (Number(value.slice(0, 4)) < EARLIEST_REGISTER_YEAR) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} ${value} is before ${EARLIEST_REGISTER_YEAR}; check the year.`);
      return null;
    }
    return value;
  }

  /** One of an enum's values (GraphQL has checked it already when the row came through the API). */
  choice<T extends string>(field: Field<I>, values: readonly T[], options: { required?: boolean } = {}): T | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (!(values as readonly unknown[]).includes(value)) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} ${JSON.stringify(value)} is not one of ${values.join(', ')}.`);
      return null;
    }
    return value as T;
  }

  /** A non-empty list of distinct enum values, returned in the enum's order (so order does not make a change). */
  choices<T extends string>(field: Field<I>, values: readonly T[], options: { required?: boolean } = {}): T[] | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (!Array.isArray(value)) return this.wrongType(field, 'a list');
    if (value.length === 0) {
      this.problem(field, 'REQUIRED', `${FIELD_LABEL(field)} is empty; list at least one of ${values.join(', ')}.`);
      return null;
    }
    const unknown = value.filter((v) => !(values as readonly unknown[]).includes(v));
    if (unknown.length > 0) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} holds ${unknown.map((v) => JSON.stringify(v)).join(', ')}, not among ${values.join(', ')}.`);
      return null;
    }
    const twice = value.filter((v, i) => value.indexOf(v) !== i);
    if (twice.length > 0) {
      this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} lists ${[...new Set(twice)].join(', ')} more than once; list each value once.`);
      return null;
    }
    return values.filter((v) => value.includes(v));
  }

  boolean(field: Field<I>, options: { required?: boolean } = {}): boolean | null {
    const value = this.value(field, options.required ?? true);
    if (value === null) return null;
    if (typeof value !== 'boolean') return this.wrongType(field, 'true or false');
    return value;
  }

  private wrongType(field: string, expected: string): null {
    this.problem(field, 'OUT_OF_RANGE', `${FIELD_LABEL(field)} must be ${expected}.`);
    return null;
  }
}
