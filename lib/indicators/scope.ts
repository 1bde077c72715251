import { NATIONAL } from '../regions/codes.ts';

export type ScopeKind = 'REGION' | 'CLUSTER' | 'DATA_CENTER';

/**
 * GB/T 2260 ancestry follows from the code itself: county 500112 → prefecture 500100 →
 * province 500000 → nation. Used to find the target a region inherits.
 */
export function regionAncestry(code: string): string[] {
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, NATIONAL];
  return chain.filter((c, i) => chain.indexOf(c) === i);
}

/**
 * Years a value reads: its own and the baseline if used. `change` reads the previous year through
 * `IndicatorValue.priorYear`, so a grid that does not ask for it does not fetch that year's inputs.
 */
export function yearsNeeded(year: number, baselineYear: number | undefined): number[] {
  if (baselineYear === undefined || baselineYear === year) return [year];
  return baselineYear < year ? [baselineYear, year] : [year, baselineYear];
}

export interface IndicatorValueKey {
  indicatorCode: string;
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  asOf: string;
}

export const indicatorValueCacheKey = (k: IndicatorValueKey): string => `${k.indicatorCode}|${k.scopeKind}|${k.scopeId}|${k.year}|${k.asOf}`;

/** Just the key fields of a value (a representation carries more). */
export const keyOf = ({ indicatorCode, scopeKind, scopeId, year, asOf }: IndicatorValueKey): IndicatorValueKey => ({
  indicatorCode,
  scopeKind,
  scopeId,
  year,
  asOf,
});
