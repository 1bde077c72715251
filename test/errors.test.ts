import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { clientError, ErrorCode, UserInputError } from '../lib/errors.ts';

describe('what a client sees of an error', () => {
  it('keeps the message and code of an error raised on purpose', () => {
    const error = new UserInputError(ErrorCode.UNKNOWN_REGION, 'Unknown region code "9".', { argument: 'region' });
    const formatted = { message: error.message, extensions: { code: 'UNKNOWN_REGION', argument: 'region' } };
    expect(clientError(formatted, error)).toBe(formatted);
  });

  it('replaces the text of an unexpected error (SQL, a connection string, an address) by an incident id, keeping the path', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cause = new Error('value out of range: overflow; select sum(value) from energy.observation at postgres://postgres@10.0.0.5:5432/stats');
    const error = new GraphQLError(cause.message, { originalError: cause });
    const masked = clientError(
      { message: cause.message, path: ['indicatorValues', 0, 'value'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['select …'] } },
      error,
    );
    expect(masked.message).toMatch(/^Internal server error \(incident [0-9a-f-]{36}\)/);
    expect(JSON.stringify(masked)).not.toMatch(/select|postgres:|10\.0\.0\.5|overflow/);
    expect(masked.path).toEqual(['indicatorValues', 0, 'value']);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', incident: expect.any(String) });
    // The operators still get the cause, under the same incident id.
    expect(log).toHaveBeenCalledWith(`[${masked.extensions!.incident as string}]`, cause);
    log.mockRestore();
  });

  it('masks an error without a code too, and keeps the name of the subgraph it came from', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const masked = clientError(
      { message: 'connect ECONNREFUSED 127.0.0.1:4003', extensions: { serviceName: 'bigdata' } },
      new Error('connect ECONNREFUSED 127.0.0.1:4003'),
    );
    expect(masked.message).not.toContain('127.0.0.1');
    expect(masked.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'bigdata' });
    log.mockRestore();
  });
});
