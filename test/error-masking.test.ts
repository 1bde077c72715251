import { describe, expect, it } from 'vitest';
import { maskError } from '../lib/error-masking.ts';

const quiet = { log: () => {} };

describe('what a client sees of an error', () => {
  it('never carries an internal address, in development either', () => {
    const masked = maskError(
      {
        message: 'request to http://10.0.3.7:4004/graphql failed, reason: connect ECONNREFUSED 10.0.3.7:4004',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', response: { url: 'http://10.0.3.7:4004/graphql' } },
      },
      { detailed: true, ...quiet },
    );
    expect(masked.message).toBe('request to (internal address) failed, reason: connect ECONNREFUSED (internal address)');
    expect(masked.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE' });
  });

  it('cuts out a bracketed IPv6 host but keeps the list index of a variable path, which names the row to fix', () => {
    const masked = maskError(
      {
        message: 'Variable "$rows" got invalid value "2023-02-30" at "rows[12].commissionedOn"; connect ECONNREFUSED [::1]:5432',
        extensions: { code: 'INVALID_ARGUMENT' },
      },
      { detailed: false, ...quiet },
    );
    expect(masked.message).toBe('Variable "$rows" got invalid value "2023-02-30" at "rows[12].commissionedOn"; connect ECONNREFUSED (internal address)');
  });

  it('in production, says only that the service failed when the error was unexpected, keeping its code and path', () => {
    const masked = maskError(
      {
        message: 'relation "energy.observation" does not exist (select * from energy.observation)',
        path: ['energyObservations'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      { detailed: false, ...quiet },
    );
    expect(masked.message).not.toMatch(/select|relation|energy\./);
    expect(masked.path).toEqual(['energyObservations']);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('in production, keeps the message of an error the client can act on', () => {
    const error = { message: 'Unknown region code "999999" in `region`.', extensions: { code: 'UNKNOWN_REGION', argument: 'region' } };
    expect(maskError(error, { detailed: false, ...quiet })).toEqual(error);
  });
});
