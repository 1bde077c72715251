import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
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
