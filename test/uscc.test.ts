import { describe, expect, it } from 'vitest';
import { makeUscc, usccProblem } from '../lib/uscc.ts';

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a published code whose check character was worked out by hand', () => {
    // 91350100M000100Y43 is the standard's own worked example; its check character is "3".
    expect(usccProblem('91350100M000100Y43')).toBeNull();
  });

  it('rejects a code with the wrong check character, length or alphabet', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('CHECK_CHARACTER');
    expect(usccProblem('91350100M000100Y4')).toBe('LENGTH');
    expect(usccProblem('91350100M000100YO3')).toBe('ALPHABET');
  });

  it('generates codes that validate', () => {
    const code = makeUscc('500112', '12345678');
    expect(code).toHaveLength(18);
    expect(usccProblem(code)).toBeNull();
  });
});
