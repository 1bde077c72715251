import { GraphQLError } from 'graphql';

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
