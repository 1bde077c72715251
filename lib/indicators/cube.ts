import { catalog, type UnitSubject } from './catalog.ts';
import type { DataCenterMembers } from './population.ts';
import { ownFacts, type RegionFact } from './region-facts.ts';
import type { IndicatorValueKey } from './scope.ts';

/**
 * An indicator cube as its entity key carries it: indicators × regions × years at one as-of. Every
 * subgraph derives the same cells from it, so the key is all the gateway sends each agency.
 */
export interface CubeKey {
  indicatorCodes: string[];
  regionCodes: string[];
  years: number[];
  asOf: string;
}

/** The cube's cells in layout order, indicator-major, then region, then year: cell i is entry i of every column. */
export function cubeCells({ indicatorCodes, regionCodes, years, asOf }: CubeKey): IndicatorValueKey[] {
  const cells: IndicatorValueKey[] = [];
  for (const indicatorCode of indicatorCodes) for (const scopeId of regionCodes) for (const year of years) cells.push({ indicatorCode, scopeKind: 'REGION', scopeId, year, asOf });
  return cells;
}

/** A region fact of a cube, listed once however many of its cells read it. */
export interface CubeFact extends RegionFact {
  regionCode: string;
}

/**
 * The region facts an agency owes a cube: per region, every metric of that agency and every year its
 * cells read. `read` is the agency's own per-value function, called once per region instead of once per cell.
 */
export async function cubeFacts(cube: CubeKey, agency: string, read: (key: IndicatorValueKey, metrics: string[], years: number[]) => Promise<RegionFact[]> | RegionFact[], options?: { anyScope?: boolean }): Promise<CubeFact[]> {
  const wanted = new Map<string, { key: IndicatorValueKey; metrics: Set<string>; years: Set<number> }>();
  for (const cell of cubeCells(cube)) {
    const { metrics, years } = ownFacts(cell, agency, options);
    if (metrics.length === 0) continue;
    let entry = wanted.get(cell.scopeId);
    if (!entry) wanted.set(cell.scopeId, (entry = { key: cell, metrics: new Set(), years: new Set() }));
    for (const m of metrics) entry.metrics.add(m);
    for (const y of years) entry.years.add(y);
  }
  const perRegion = await Promise.all(
    [...wanted.values()].map(async ({ key, metrics, years }) => (await read(key, [...metrics], [...years].sort())).map((fact) => ({ ...fact, regionCode: key.scopeId }))),
  );
  return perRegion.flat();
}

/** Which units a cell's population holds, as indices into the cube's list of unit-years. */
export interface CubePopulation {
  indicatorCode: string;
  regionCode: string;
  year: number;
  members: number[];
}

/**
 * The populations of a cube's cells and the distinct unit-years they hold. `membersOf` is the agency's
 * per-value function; `identity` names a unit-year, so one shared by many cells is listed once.
 */
export async function cubePopulations<U>(cells: readonly IndicatorValueKey[], membersOf: (cell: IndicatorValueKey) => Promise<U[]> | U[], identity: (unit: U) => string): Promise<{ populations: CubePopulation[]; units: U[] }> {
  const units: U[] = [];
  const at = new Map<string, number>();
  const lists = await Promise.all(cells.map((cell) => membersOf(cell)));
  const populations = cells.map((cell, i) => ({
    indicatorCode: cell.indicatorCode,
    regionCode: cell.scopeId,
    year: cell.year,
    members: lists[i]!.map((unit) => {
      const id = identity(unit);
      let index = at.get(id);
      if (index === undefined) {
        at.set(id, (index = units.length));
        units.push(unit);
      }
      return index;
    }),
  }));
  return { populations, units };
}

/** The cube's cells whose indicator sums over units of this kind. */
export function cellsOver(cube: CubeKey, subject: UnitSubject): IndicatorValueKey[] {
  const { indicators } = catalog();
  return cubeCells(cube).filter((cell) => indicators.get(cell.indicatorCode)?.population?.subject === subject);
}

/** Computes once per cube object (one request's): a cube's fields read the same lists or cells. */
export function perCube<K extends CubeKey, C, V>(compute: (cube: K, context: C) => V): (cube: K, context: C) => V {
  const memo = new WeakMap<K, V>();
  return (cube, context) => {
    if (!memo.has(cube)) memo.set(cube, compute(cube, context));
    return memo.get(cube)!;
  };
}

/** A cube as agencies receive it: the key, plus bigdata's data-centre columns where comms and energy @requires them. */
export interface CubeReference extends CubeKey {
  dataCenterIds?: string[];
  dataCenterYears?: number[];
}

/** The cube's data-centre years as the members `populationColumn` reads. */
export const cubeDataCenters = (cube: CubeReference): DataCenterMembers => ({ dataCenterIds: cube.dataCenterIds ?? [], years: cube.dataCenterYears ?? [], asOf: cube.asOf });
