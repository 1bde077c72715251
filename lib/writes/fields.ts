import type { ImportProblemCode } from './problems.ts';

// Field-level checks shared by observation and register writes. Each returns null when the value is
// fine, or the code and a message that names what to change.
type Check = { code: ImportProblemCode; message: string } | null;

// C0 and C1 control characters, DEL included: line breaks and NULs break CSV exports and logs downstream.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

// A UTF-16 surrogate without its partner: not a character, so Postgres (and any UTF-8 store) cannot keep
// it. Stored as U+FFFD, two ids differing only by one would collide; in jsonb it fails the whole statement.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// Either of the above, or any surrogate (paired ones included): one test that clears almost every text at once.
// eslint-disable-next-line no-control-regex -- finding them is the point
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\uD800-\uDFFF]/;

export function checkText(value: string, max: number): Check {
  // The common case (short, plain text) in one regular-expression test: a bulk batch checks four texts a row.
  if (value.length <= max && !SUSPECT.test(value)) return null;
  if (LONE_SURROGATE.test(value))
    return { code: 'INVALID_UNICODE', message: 'contains a lone UTF-16 surrogate (half of a character, e.g. a cut emoji); send well-formed Unicode text.' };
  // Counted in code points; a string no longer than `max` UTF-16 units has no more code points (spared the count).
  if (value.length > max && [...value].length > max)
    return { code: 'STRING_TOO_LONG', message: `is ${[...value].length} characters long; at most ${max} are allowed.` };
  if (CONTROL.test(value)) return { code: 'CONTROL_CHARACTERS', message: 'contains a control character (line break, tab, NUL, …); send plain one-line text.' };
  return null;
}

/** Amounts arrive as JSON numbers or decimal strings (see the Amount scalar); anything else is NaN. */
export function parseAmount(raw: number | string): number {
  if (typeof raw === 'number') return raw;
  const trimmed = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Largest whole number a count may hold: GraphQL's Int is a signed 32-bit integer, and reads must be able
 * to return what writes accepted.
 */
export const GRAPHQL_INT_MAX = 2_147_483_647;

export function checkAmount(value: number, options: { nonNegative?: boolean; integer?: boolean; max?: number | undefined } = {}): Check {
  if (!Number.isFinite(value))
    return { code: 'NOT_A_NUMBER', message: 'is not a finite number; send a decimal such as 1234.5 (NaN and Infinity are not values).' };
  if (options.nonNegative && value < 0) return { code: 'NEGATIVE_VALUE', message: `is ${value}; amounts of this metric cannot be negative.` };
  if (options.integer && !Number.isInteger(value)) return { code: 'OUT_OF_RANGE', message: `is ${value}; a whole number is expected.` };
  const max = options.integer ? Math.min(options.max ?? GRAPHQL_INT_MAX, GRAPHQL_INT_MAX) : options.max;
  if (max !== undefined && value > max)
    return { code: 'ABOVE_MAXIMUM', message: `is ${value}; no plausible figure of this metric exceeds ${max}. Check the unit and the decimal point.` };
  return null;
}
