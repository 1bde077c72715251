import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Stable `extensions.code` values. Clients switch on these, so they are part of the API:
 * add new ones freely, never rename or reuse one.
 */
export const ErrorCode = {
  UNKNOWN_REGION: 'UNKNOWN_REGION',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  PAGE_SIZE_TOO_LARGE: 'PAGE_SIZE_TOO_LARGE',
  INVALID_PAGE_SIZE: 'INVALID_PAGE_SIZE',
  INVALID_CURSOR: 'INVALID_CURSOR',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_INDICATOR: 'UNKNOWN_INDICATOR',
  YEAR_OUT_OF_RANGE: 'YEAR_OUT_OF_RANGE',
  GRID_TOO_LARGE: 'GRID_TOO_LARGE',
  INVALID_USCC: 'INVALID_USCC',
  UNKNOWN_METRIC: 'UNKNOWN_METRIC',
  /** A write batch with more rows than `WRITE_BATCH_LIMIT`. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** An idempotency key already used for a different batch. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A request the caller can fix: the message says what to change, `argument` names the culprit. */
export class UserInputError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: { argument?: string; value?: unknown; problem?: string } = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export function unknownRegion(code: string, argument = 'region'): UserInputError {
  return new UserInputError(
    ErrorCode.UNKNOWN_REGION,
    `Unknown region code "${code}" in \`${argument}\`: use a GB/T 2260 code listed by \`regions\`, e.g. "500000" for Chongqing.`,
    { argument, value: code },
  );
}

/**
 * An `asOf` argument as a read takes it: null for the current figures; an instant that has not happened yet is
 * refused, since what it reads could still change and a figure "as it stood" then could not be reproduced.
 */
export function pastAsOf(asOf: Date | null | undefined, now = new Date()): Date | null {
  if (!asOf) return null;
  if (asOf.getTime() > now.getTime())
    throw new UserInputError(
      ErrorCode.INVALID_ARGUMENT,
      `\`asOf\` ${asOf.toISOString()} lies in the future (this service's clock reads ${now.toISOString()}): figures as they will stand then are not known yet. Omit \`asOf\` for the current figures.`,
      { argument: 'asOf', value: asOf.toISOString() },
    );
  return asOf;
}

/**
 * Apollo's `formatError` for every service (subgraphs and gateway, lib/http.ts): an error the code raised
 * on purpose keeps its message and stable code; anything else (a failed SQL statement, a driver's
 * connection error, a bug) reaches the client as a bare INTERNAL_SERVER_ERROR with an incident id, and
 * its text, which may hold SQL, connection strings or internal addresses, goes to the server log only.
 */
export function clientError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (incident: string, cause: unknown) => void = (incident, cause) => console.error(`[${incident}]`, cause),
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  // graphql-js's token limit says only that the document is too long; the usual cause is a write batch written inline.
  if (code === 'GRAPHQL_PARSE_FAILED' && /contains more th\w+ \d+ tokens/.test(formatted.message))
    return { ...formatted, message: `${formatted.message} Send long inputs such as a write batch's rows as variables, which the limit does not count.` };
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const incident = randomUUID();
  log(incident, error instanceof GraphQLError && error.originalError ? error.originalError : error);
  const serviceName = formatted.extensions?.serviceName;
  return {
    message: `Internal server error (incident ${incident}); the operators have the details in their log.`,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', incident, ...(typeof serviceName === 'string' ? { serviceName } : {}) },
  };
}
