import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar } from '../lib/scalars.ts';

const refused = (message: RegExp) =>
  expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'INVALID_ARGUMENT' } }) as GraphQLError;

describe('the Date scalar', () => {
  it('takes 29 February of a leap year, as a variable and as a literal', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
  });

  it('refuses a day the month does not have instead of rolling it into the next month', () => {
    expect(() => DateScalar.parseValue('2023-02-29')).toThrow(refused(/^A Date is a calendar day written YYYY-MM-DD, got "2023-02-29"\.$/));
    expect(() => DateScalar.parseValue('2023-02-30')).toThrow(refused(/got "2023-02-30"/));
    expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2023-04-31' })).toThrow(refused(/got "2023-04-31"/));
  });
});

describe('the DateTime scalar', () => {
  it('takes an instant with an offset, without seconds or with a fraction', () => {
    // 08:00 at +08:00 is midnight UTC.
    expect(DateTimeScalar.parseValue('2024-02-29T08:00+08:00')).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(DateTimeScalar.parseValue('2024-02-29T00:00:00.25Z')).toEqual(new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 250)));
  });

  it('refuses 30 February and 24:61 instead of reading another instant', () => {
    expect(() => DateTimeScalar.parseValue('2024-02-30T00:00:00Z')).toThrow(
      refused(/^A DateTime is an ISO 8601 instant with a zone.*got "2024-02-30T00:00:00Z"\.$/),
    );
    expect(() => DateTimeScalar.parseValue('2024-01-01T24:61:00Z')).toThrow(refused(/got "2024-01-01T24:61:00Z"/));
    expect(() => DateTimeScalar.parseValue('2024-01-01T24:00:00Z')).toThrow(refused(/got "2024-01-01T24:00:00Z"/));
  });
});
