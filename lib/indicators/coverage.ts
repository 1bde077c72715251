/**
 * Matched-unit coverage, as statistics offices publish a ratio over a population of reporting units: the
 * ratio is computed over the units that reported every input it needs (the matched units), and published
 * when they hold enough of the population's weight. Pure and over one population at a time, so the agency
 * that owns the figures could run it where they are, and only the sums and the ids would travel.
 */

/** How complete a value over a population is, in the spirit of SDMX OBS_STATUS (codes A, E, O and M). */
export type CoverageStatus = 'COMPLETE' | 'PARTIAL' | 'INSUFFICIENT' | 'NOT_APPLICABLE';

export interface Coverage {
  /** Units that reported every input (the matched units). */
  unitsReporting: number;
  /** Units in the population (registered, in scope and in service in the year). */
  unitsExpected: number;
  /** The matched units' share of the population's weight; null for an empty population. */
  share: number | null;
  status: CoverageStatus;
}

export interface MatchedUnits<U> {
  matched: U[];
  /** Units that lacked at least one input, in population order. */
  unreported: U[];
  coverage: Coverage;
}

/**
 * Splits a population into matched and unreported units and measures the coverage. `weight` weighs a unit
 * (a register attribute such as design racks, known whether it reported or not; a missing weight counts 0);
 * without it, or when the whole population weighs nothing, each unit weighs one. COMPLETE: every unit
 * reported; PARTIAL: some did not, but the share reaches `minimum`; INSUFFICIENT: below `minimum`;
 * NOT_APPLICABLE: nothing registered, which is not a known zero.
 */
export function matchUnits<U>(
  units: readonly U[],
  reported: (unit: U) => boolean,
  weight: ((unit: U) => number | null) | null,
  minimum: number,
): MatchedUnits<U> {
  const matched: U[] = [];
  const unreported: U[] = [];
  let matchedWeight = 0;
  let totalWeight = 0;
  for (const unit of units) {
    const w = weight ? (weight(unit) ?? 0) : 1;
    totalWeight += w;
    if (reported(unit)) {
      matched.push(unit);
      matchedWeight += w;
    } else unreported.push(unit);
  }
  const expected = units.length;
  if (expected === 0) return { matched, unreported, coverage: { unitsReporting: 0, unitsExpected: 0, share: null, status: 'NOT_APPLICABLE' } };
  const share = unreported.length === 0 ? 1 : totalWeight > 0 ? matchedWeight / totalWeight : matched.length / expected;
  const status: CoverageStatus = unreported.length === 0 ? 'COMPLETE' : share >= minimum ? 'PARTIAL' : 'INSUFFICIENT';
  return { matched, unreported, coverage: { unitsReporting: matched.length, unitsExpected: expected, share, status } };
}
