import type { ImportProblemCode } from './problems.ts';

// Field-level checks shared by observation and register writes. Each returns null when the value is
// fine, or the code and a message that names what to change.
type Check = { code: ImportProblemCode; message: string } | null;

// C0 and C1 control characters, DEL included: line breaks and NULs break CSV exports and logs downstream.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function checkText(value: string, max: number): Check {
  if ([...value].length > max) return { code: 'STRING_TOO_LONG', message: `is ${[...value].length} characters long; at most ${max} are allowed.` };
  if (CONTROL.test(value)) return { code: 'CONTROL_CHARACTERS', message: 'contains a control character (line break, tab, NUL, …); send plain one-line text.' };
  return null;
}

/** Amounts arrive as JSON numbers or decimal strings (see the Amount scalar); anything else is NaN. */
export function parseAmount(raw: number | string): number {
  if (typeof raw === 'number') return raw;
  const trimmed = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function checkAmount(value: number, options: { nonNegative?: boolean; integer?: boolean } = {}): Check {
  if (!Number.isFinite(value)) return { code: 'NOT_A_NUMBER', message: 'is not a finite number; send a decimal such as 1234.5 (NaN and Infinity are not values).' };
  if (options.nonNegative && value < 0) return { code: 'NEGATIVE_VALUE', message: `is ${value}; amounts of this metric cannot be negative.` };
  if (options.integer && !Number.isInteger(value)) return { code: 'OUT_OF_RANGE', message: `is ${value}; a whole number is expected.` };
  return null;
}
