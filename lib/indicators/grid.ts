import { earliestPeriodYear } from '../config.ts';
import { ErrorCode, pastAsOf, UserInputError } from '../errors.ts';
import { LATEST } from '../observations.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { catalog, type Catalog, type IndicatorDefinition } from './catalog.ts';
import type { CubeKey } from './cube.ts';
import type { IndicatorValueKey, ScopeKind } from './scope.ts';
import { suggestionList } from 'graphql/jsutils/suggestionList.js';

/**
 * The years a value may be asked for: from the earliest period observations are taken for
 * (`EARLIEST_PERIOD_YEAR`, the 2020 baseline) to the later of the current year and the last year of the
 * last plan period in the catalog (catalog/periods.yaml). Data decide the rest: a year nobody reported
 * gives null values that say what is missing, not a refusal.
 */
export function yearRange(env: NodeJS.ProcessEnv = process.env, now = new Date()): { first: number; last: number } {
  const periods = [...catalog().periods.values()];
  const planEnd = Math.max(...periods.map((p) => p.to), 0);
  return { first: earliestPeriodYear(env), last: Math.max(now.getUTCFullYear(), planEnd) };
}
/** Cells per request; a BI grid of every indicator × 55 regions × 6 years is ~9,000. */
export const MAX_GRID_CELLS = 20_000;

export function resolveCodes(catalog: Catalog, codes: readonly string[] | null | undefined, level: 'REGION' | 'CLUSTER'): IndicatorDefinition[] {
  if (!codes) return [...catalog.indicators.values()].filter((i) => i.levels.includes(level)).sort((a, b) => a.code.localeCompare(b.code));
  return codes.map((code) => {
    const indicator = catalog.indicators.get(code);
    if (!indicator) {
      // The codes nearest to a typo, as GraphQL suggests field names (graphql-js's own list).
      const nearest = suggestionList(code, [...catalog.indicators.keys()]).slice(0, 3);
      const hint = nearest.length > 0 ? `did you mean ${nearest.map((c) => `"${c}"`).join(' or ')}? The` : 'the';
      throw new UserInputError(ErrorCode.UNKNOWN_INDICATOR, `Unknown indicator code "${code}" in \`codes\`: ${hint} \`indicators\` query lists them all.`, {
        argument: 'codes',
        value: code,
      });
    }
    return indicator;
  });
}

export function validateYears(years: readonly number[], range = yearRange()): void {
  for (const year of years) {
    if (year < range.first || year > range.last) {
      throw new UserInputError(ErrorCode.YEAR_OUT_OF_RANGE, `Year ${year} in \`years\` is outside the years served: ask for ${range.first}–${range.last}.`, {
        argument: 'years',
        value: year,
      });
    }
  }
}

export function validateRegions(regions: RegionDirectory, codes: readonly string[], argument = 'regions'): void {
  for (const code of codes) regions.require(code, argument);
}

/** Refuses a request of more than MAX_GRID_CELLS cells, as a list of values or as a cube. */
export function checkGridSize(cells: number): void {
  if (cells > MAX_GRID_CELLS) {
    throw new UserInputError(
      ErrorCode.GRID_TOO_LARGE,
      `The grid has ${cells} cells (indicators × scopes × years); at most ${MAX_GRID_CELLS} are served per request: split it by region or year.`,
    );
  }
}

/** The cells of a grid, indicator-major, with indicators that are not defined at the level skipped. */
export function gridKeys(
  indicators: IndicatorDefinition[],
  scopeKind: ScopeKind,
  scopes: readonly string[],
  years: readonly number[],
  asOf: string,
): IndicatorValueKey[] {
  const level = scopeKind === 'DATA_CENTER' ? 'DATA_CENTER' : scopeKind;
  const applicable = indicators.filter((i) => i.levels.includes(level));
  checkGridSize(applicable.length * scopes.length * years.length);
  const keys: IndicatorValueKey[] = [];
  for (const indicator of applicable) {
    for (const scopeId of scopes) for (const year of years) keys.push({ indicatorCode: indicator.code, scopeKind, scopeId, year, asOf });
  }
  return keys;
}

/** The as-of part of keys: one canonical string per instant, so equal instants share cache entries; a future instant is refused. */
export const asOfKey = (asOf: Date | null | undefined): string => pastAsOf(asOf)?.toISOString() ?? LATEST;

/** The arguments of `Query.indicatorCube`. */
export interface CubeArgs {
  codes?: readonly string[] | null;
  regions: readonly string[];
  years: readonly number[];
  asOf?: Date | null;
}

/** Checks a cube's arguments and returns its key: the region-level indicators asked for, in the order asked. */
export function cubeKey(args: CubeArgs, regions: RegionDirectory): CubeKey {
  const indicators = resolveCodes(catalog(), args.codes, 'REGION').filter((i) => i.levels.includes('REGION'));
  validateRegions(regions, args.regions);
  validateYears(args.years);
  checkGridSize(indicators.length * args.regions.length * args.years.length);
  return { indicatorCodes: indicators.map((i) => i.code), regionCodes: [...args.regions], years: [...args.years], asOf: asOfKey(args.asOf) };
}
