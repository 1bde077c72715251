import { describe, expect, it } from 'vitest';
import { matchUnits } from '../lib/indicators/coverage.ts';

interface Unit {
  id: string;
  racks: number | null;
  reported: boolean;
}
const unit = (id: string, racks: number | null, reported: boolean): Unit => ({ id, racks, reported });
const match = (units: Unit[], weighed = true, minimum = 0.9) => matchUnits(units, (u) => u.reported, weighed ? (u) => u.racks : null, minimum);

describe('matchUnits', () => {
  it('weighs the units that reported against the whole population', () => {
    // a and c reported 900 + 100 of 900 + 1,000 + 100 racks: 1,000 ÷ 2,000 = 0.5 by weight, 2 of 3 by count.
    const { matched, unreported, coverage } = match([unit('a', 900, true), unit('b', 1000, false), unit('c', 100, true)]);
    expect(matched.map((u) => u.id)).toEqual(['a', 'c']);
    expect(unreported.map((u) => u.id)).toEqual(['b']);
    expect(coverage).toEqual({ unitsReporting: 2, unitsExpected: 3, share: 0.5, status: 'INSUFFICIENT' });
    expect(match([unit('a', 900, true), unit('b', 1000, false), unit('c', 100, true)], false, 0.6).coverage).toEqual({
      unitsReporting: 2,
      unitsExpected: 3,
      share: 2 / 3,
      status: 'PARTIAL',
    });
  });

  it('publishes at exactly the minimum', () => {
    // 9 of 10 equal units: 0.9, the default minimum.
    const units = Array.from({ length: 10 }, (_, i) => unit(`u${i}`, 100, i > 0));
    expect(match(units).coverage).toMatchObject({ share: 0.9, status: 'PARTIAL' });
  });

  it('is COMPLETE when every unit reported, and NOT_APPLICABLE over no unit at all', () => {
    expect(match([unit('a', 10, true)]).coverage).toEqual({ unitsReporting: 1, unitsExpected: 1, share: 1, status: 'COMPLETE' });
    expect(match([]).coverage).toEqual({ unitsReporting: 0, unitsExpected: 0, share: null, status: 'NOT_APPLICABLE' });
  });

  it('counts units when the whole population weighs nothing, and a unit without a weight as zero', () => {
    // No racks registered anywhere: 1 of 2 units.
    expect(match([unit('a', null, true), unit('b', 0, false)]).coverage).toMatchObject({ share: 0.5 });
    // b has no weight: a's 100 of 100 racks, though b did not report.
    expect(match([unit('a', 100, true), unit('b', null, false)]).coverage).toEqual({ unitsReporting: 1, unitsExpected: 2, share: 1, status: 'PARTIAL' });
  });
});
