import { describe, expect, it } from 'vitest';
import { indicatorsInProcess } from '../lib/config.ts';

describe('INDICATORS_IN_PROCESS', () => {
  it('is off unless set to true', () => {
    expect(indicatorsInProcess({})).toBe(false);
    expect(indicatorsInProcess({ INDICATORS_IN_PROCESS: 'false', INDICATORS_URL: 'http://indicators:4005/graphql' })).toBe(false);
    expect(indicatorsInProcess({ INDICATORS_IN_PROCESS: 'TRUE' })).toBe(true);
  });

  it('refuses other values, and an INDICATORS_URL beside it', () => {
    expect(() => indicatorsInProcess({ INDICATORS_IN_PROCESS: 'yes please' })).toThrow('INDICATORS_IN_PROCESS must be true or false, got "yes please"');
    expect(() => indicatorsInProcess({ INDICATORS_IN_PROCESS: 'true', INDICATORS_URL: 'http://indicators:4005/graphql' })).toThrow(/unset INDICATORS_URL/);
  });
});
