import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, parseInstant } from './calendar.ts';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError(`A Date is a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
    extensions: { code: 'INVALID_ARGUMENT' },
  });
}

/** Calendar dates travel as ISO strings (no time zone: a commissioning date is a day, not an instant). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD`.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): Date {
  // A zone is required: "as of 2025-03-31 00:00" means different instants in Beijing and UTC.
  const parsed = typeof value === 'string' ? parseInstant(value) : null;
  if (parsed) return parsed;
  throw new GraphQLError(
    `A DateTime is an ISO 8601 instant with a zone, e.g. 2026-03-31T16:00:00Z or 2026-04-01T00:00:00+08:00; got ${JSON.stringify(value)}.`,
    {
      extensions: { code: 'INVALID_ARGUMENT' },
    },
  );
}

/** Instants (revision times, as-of arguments) travel as ISO 8601 strings with a zone; resolvers see Date objects. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with a time zone, e.g. `2026-03-31T16:00:00Z`.',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseAmountInput(value: unknown): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new GraphQLError(`An Amount is a JSON number or a decimal string, got ${JSON.stringify(value)}.`, { extensions: { code: 'INVALID_ARGUMENT' } });
}

/**
 * Days pushed by agency systems, as they sent them: the row reader checks the form (lib/writes/row-reader.ts `date`),
 * so a malformed day in row 7 rejects row 7 with its row number, instead of the whole request.
 */
export const CalendarDayScalar = new GraphQLScalarType<unknown, string>({
  name: 'CalendarDay',
  description: 'A calendar day as sent by an agency system, meant as `YYYY-MM-DD`.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => value,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.BOOLEAN) return ast.value;
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    throw new GraphQLError('A CalendarDay is a string written YYYY-MM-DD.', { extensions: { code: 'INVALID_ARGUMENT' } });
  },
});

/**
 * Numbers pushed by agency systems. Parsing is left to row validation (lib/writes/fields.ts) so a
 * "NaN" in row 7 rejects row 7 with its row number, instead of the whole request.
 */
export const AmountScalar = new GraphQLScalarType<number | string, number>({
  name: 'Amount',
  description: 'A number as sent by an agency system: a JSON number or a decimal string.',
  serialize: (value) => Number(value),
  parseValue: parseAmountInput,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return ast.value;
    return parseAmountInput(undefined);
  },
});
