import { catalog, type UnitSubject } from './catalog.ts';
import { populationRepresentative, type DataCenterMembers } from './population.ts';
import type { RequestMemo } from '../request-memo.ts';
import type { PositionOf } from './cube-sums.ts';
import { FactIndex, ownFacts, type RegionFact } from './region-facts.ts';
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
  for (const indicatorCode of indicatorCodes)
    for (const scopeId of regionCodes) for (const year of years) cells.push({ indicatorCode, scopeKind: 'REGION', scopeId, year, asOf });
  return cells;
}

/** A region fact of a cube, with its region. */
export interface CubeFact extends RegionFact {
  regionCode: string;
}

/**
 * An agency's region facts for a cube, dense: the fact of region r (in the cube's order), metric m and
 * year y is entry (r × M + m) × Y + y of `values`. A cube reports figures, not inputs: no update times. A fact has a
 * status exactly when it has a value (`regionFigure`, `registerFact`), and most are final, so only the provisional
 * entries travel, by position: the status column weighed three times the values.
 */
export interface CubeFacts {
  metrics: string[];
  years: number[];
  values: (number | null)[];
  /** Entries whose figure is provisional, ascending; every other entry with a value is final. */
  provisional: number[];
  /** Entries without a figure that their region's parts did not all report, ascending: which parts did not. */
  partsMissing: { at: number; expected: number; regionCodes: string[] }[];
}

/**
 * The region facts an agency owes a cube: every metric of that agency (or those `only` keeps) and every year its
 * cells read, for each region. `read` is the agency's own per-value function, called once per region instead of once
 * per cell.
 */
export async function cubeFacts(
  cube: CubeKey,
  agency: string,
  read: (key: IndicatorValueKey, metrics: string[], years: number[]) => Promise<RegionFact[]> | RegionFact[],
  options?: { anyScope?: boolean; only?: (metric: string) => boolean },
): Promise<CubeFacts> {
  const metricSet = new Set<string>();
  const yearSet = new Set<number>();
  // Every region's cells read the same metrics and years, so the first region's cells tell them.
  for (const cell of cubeCells({ ...cube, regionCodes: cube.regionCodes.slice(0, 1) })) {
    const own = ownFacts(cell, agency, options);
    const metrics = options?.only ? own.metrics.filter(options.only) : own.metrics;
    if (metrics.length === 0) continue;
    for (const m of metrics) metricSet.add(m);
    for (const y of own.years) yearSet.add(y);
  }
  const metrics = [...metricSet].sort();
  const years = [...yearSet].sort((a, b) => a - b);
  const facts: CubeFacts = { metrics, years, values: [], provisional: [], partsMissing: [] };
  if (metrics.length === 0) return facts;
  const perRegion = await Promise.all(
    cube.regionCodes.map((scopeId) =>
      read({ indicatorCode: cube.indicatorCodes[0]!, scopeKind: 'REGION', scopeId, year: years[0]!, asOf: cube.asOf }, metrics, years),
    ),
  );
  for (const list of perRegion) {
    const byMetricYear = new FactIndex(list);
    for (const metric of metrics) {
      for (const year of years) {
        const fact = byMetricYear.get(metric, year);
        const value = fact?.value ?? null;
        if (value !== null && fact!.status === 'PROVISIONAL') facts.provisional.push(facts.values.length);
        if (value === null && fact?.partsExpected && fact.partsMissing?.length)
          facts.partsMissing.push({ at: facts.values.length, expected: fact.partsExpected, regionCodes: fact.partsMissing });
        facts.values.push(value);
      }
    }
  }
  return facts;
}

/**
 * The facts of a dense `CubeFacts` table, each with its region. Entries with nothing reported are left out, as absent
 * facts, unless their parts could have stood in: those come without a value, naming the parts that did not report.
 */
export function cubeFactList(facts: CubeFacts, regionCodes: readonly string[]): CubeFact[] {
  const list: CubeFact[] = [];
  const provisional = new Set(facts.provisional);
  const partsMissing = new Map(facts.partsMissing.map((p) => [p.at, p]));
  let i = 0;
  for (const regionCode of regionCodes) {
    for (const metric of facts.metrics) {
      for (const year of facts.years) {
        const value = facts.values[i] ?? null;
        if (value !== null) list.push({ regionCode, metric, year, value, status: provisional.has(i) ? 'PROVISIONAL' : 'FINAL', updatedAt: null });
        else {
          const parts = partsMissing.get(i);
          if (parts) {
            const partsReporting = parts.expected - parts.regionCodes.length;
            list.push({
              regionCode,
              metric,
              year,
              value: null,
              status: null,
              updatedAt: null,
              partsExpected: parts.expected,
              partsReporting,
              partsMissing: parts.regionCodes,
            });
          }
        }
        i++;
      }
    }
  }
  return list;
}

/**
 * Which units each cell's population holds, dense as `CubeFacts` are: the population of code p (`indicatorCodes`), the
 * cube's region r and year y is entry (p × R + r) × Y + y of `members`, its indices into the cube's list of unit-years.
 * The regions and years are the cube key's, so they do not travel with each entry.
 */
export interface CubePopulations {
  indicatorCodes: string[];
  members: number[][];
}

/** A cell of a cube's populations: its population code, region, year and members. */
export interface PopulationCell {
  indicatorCode: string;
  regionCode: string;
  year: number;
  members: number[];
}

/** The cells of dense populations in layout order (code, then region, then year), each with its members. */
export function populationCells(
  populations: CubePopulations,
  { regionCodes, years }: { regionCodes: readonly string[]; years: readonly number[] },
): PopulationCell[] {
  const cells: PopulationCell[] = [];
  let k = 0;
  for (const indicatorCode of populations.indicatorCodes)
    for (const regionCode of regionCodes) for (const year of years) cells.push({ indicatorCode, regionCode, year, members: populations.members[k++] ?? [] });
  return cells;
}

/**
 * The codes that name a cube's populations of a kind of unit: each indicator over core rooms or enterprises names its
 * own; indicators over the same data centres share their representative's (PUE, rack utilisation, renewable share).
 */
export function populationCodes(cube: Pick<CubeKey, 'indicatorCodes'>, subject: UnitSubject): string[] {
  const { indicators } = catalog();
  const over = cube.indicatorCodes.filter((code) => indicators.get(code)?.population?.subject === subject);
  return [...new Set(subject === 'DATA_CENTER' ? over.map(populationRepresentative) : over)];
}

/**
 * The populations of a cube's cells over a kind of unit and the distinct unit-years they hold. `membersOf` is the
 * agency's per-value function, asked for each population code, region and year; `identity` names a unit-year, so one
 * shared by many cells is listed once.
 */
export async function cubePopulations<U>(
  cube: CubeKey,
  subject: UnitSubject,
  membersOf: (cell: IndicatorValueKey) => Promise<U[]> | U[],
  identity: (unit: U) => string,
): Promise<{ populations: CubePopulations; units: U[] }> {
  const indicatorCodes = populationCodes(cube, subject);
  const units: U[] = [];
  const at = new Map<string, number>();
  const lists = await Promise.all(cubeCells({ ...cube, indicatorCodes }).map((cell) => membersOf(cell)));
  const members = lists.map((list) =>
    list.map((unit) => {
      const id = identity(unit);
      let index = at.get(id);
      if (index === undefined) {
        at.set(id, (index = units.length));
        units.push(unit);
      }
      return index;
    }),
  );
  return { populations: { indicatorCodes, members }, units };
}

/** Computes once per cube object, in the request's memo: a cube's fields read the same lists or cells. */
export function perCube<K extends CubeKey, C extends { memo: RequestMemo }, V>(compute: (cube: K, context: C) => V): (cube: K, context: C) => V {
  return (cube, context) => context.memo.once(compute, cube, context);
}

/**
 * A cube's data-centre years as a grid: data centre d (of `ids`, each once) in year y (of `years`, ascending) is
 * position d × Y + y, which the populations' members name. A data centre's id and register columns then travel once
 * rather than once per year it is counted in; `rows` holds the first unit-year listed of each, for its register columns.
 */
export interface DataCenterGrid<U> {
  ids: string[];
  years: number[];
  rows: U[];
  populations: CubePopulations;
}

/** The populations `cubePopulations` lists over unit-years, on the grid of their data centres and years. */
export function onGrid<U>(
  { populations, units }: { populations: CubePopulations; units: readonly U[] },
  idOf: (unit: U) => string,
  yearOf: (unit: U) => number,
): DataCenterGrid<U> {
  const years = [...new Set(units.map(yearOf))].sort((a, b) => a - b);
  const yearAt = new Map(years.map((y, i) => [y, i]));
  const ids: string[] = [];
  const rows: U[] = [];
  const idAt = new Map<string, number>();
  const position = units.map((unit) => {
    const id = idOf(unit);
    let d = idAt.get(id);
    if (d === undefined) {
      idAt.set(id, (d = ids.length));
      ids.push(id);
      rows.push(unit);
    }
    return d * years.length + yearAt.get(yearOf(unit))!;
  });
  return { ids, years, rows, populations: { ...populations, members: populations.members.map((list) => list.map((m) => position[m]!)) } };
}

/** The positions a cube's populations hold, each once, ascending. */
const heldPositions = (populations: CubePopulations): number[] => [...new Set(populations.members.flat())].sort((a, b) => a - b);

/** A data-centre year's position on a cube's grid. */
export function gridPositions(ids: readonly string[], years: readonly number[]): PositionOf {
  const idAt = new Map(ids.map((id, d) => [id, d]));
  const yearAt = new Map(years.map((y, i) => [y, i]));
  return (id, year) => idAt.get(id)! * years.length + yearAt.get(year)!;
}

/** The data centre and year at a position of a cube's data-centre grid. */
export const gridCell = (ids: readonly string[], years: readonly number[], position: number): { id: string; d: number; year: number } => {
  const d = Math.floor(position / years.length);
  return { id: ids[d]!, d, year: years[position % years.length]! };
};

/** A cube as agencies receive it: the key, plus bigdata's data-centre grid where comms and energy @requires it. */
export interface CubeReference extends CubeKey {
  dataCenterIds?: string[] | null;
  dataCenterYears?: number[] | null;
  dataCenterPopulations?: CubePopulations | null;
  dataCenterDesignRacks?: (number | null)[] | null;
}

/**
 * The data-centre years a cube's populations hold, as the members `populationColumn` reads (an owner reads its figures
 * of these only, not of every position of the grid), each with its position on the grid.
 */
export function cubeDataCenters(cube: CubeReference): DataCenterMembers & { positions: number[] } {
  const ids = cube.dataCenterIds ?? [];
  const years = cube.dataCenterYears ?? [];
  const positions = cube.dataCenterPopulations ? heldPositions(cube.dataCenterPopulations) : [];
  const cells = positions.map((p) => gridCell(ids, years, p));
  return { dataCenterIds: cells.map((c) => c.id), years: cells.map((c) => c.year), asOf: cube.asOf, positions };
}
