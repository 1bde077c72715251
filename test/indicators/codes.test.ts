import { describe, expect, it } from 'vitest';
import { catalog } from '../../lib/indicators/catalog.ts';
import { resolveCodes } from '../../lib/indicators/grid.ts';

describe('an unknown indicator code', () => {
  const refusal = (code: string) => {
    try {
      resolveCodes(catalog(), [code], 'REGION');
    } catch (error) {
      return error as Error & { extensions: Record<string, unknown> };
    }
    throw new Error(`${code} was accepted`);
  };

  it('is refused with the codes nearest to a typo', () => {
    const error = refusal('DC_PUEE');
    expect(error.extensions).toMatchObject({ code: 'UNKNOWN_INDICATOR', argument: 'codes', value: 'DC_PUEE' });
    // One letter more than DC_PUE; the longer PUE codes are further off.
    expect(error.message).toMatch(/^Unknown indicator code "DC_PUEE" in `codes`: did you mean "DC_PUE"/);
  });

  it('names the query that lists every code when nothing is near', () => {
    expect(refusal('NO_SUCH_THING_AT_ALL').message).toBe('Unknown indicator code "NO_SUCH_THING_AT_ALL" in `codes`: the `indicators` query lists them all.');
  });
});
