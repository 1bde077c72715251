import type { Agency } from '../agencies.ts';
import { mayRead } from '../auth/unit-level.ts';
import type { Viewer } from '../auth/viewer.ts';
import { disclosureMinUnits } from '../config.ts';
import { catalog, UNIT_ID_FIELD, type IndicatorDefinition, type UnitSubject } from './catalog.ts';
import { gridCell, gridPositions, populationCells, type CubePopulations } from './cube.ts';
import { listPositions, toCubeSums, type CubeSums } from './cube-sums.ts';
import { populationSums, unitsFromColumns, type Disclosure, type OwnerSums, type Unit } from './owner-sums.ts';
import { asOfInstant } from '../observations.ts';
import { populationRepresentative } from './population.ts';

/**
 * The owner's aggregate as the owners serve it: over one value's `DataCenterPopulation` or unit list (core rooms,
 * enterprises) and over an indicator cube's populations. The owner reads its own figures; other agencies' public
 * register columns arrive through `@requires`.
 */

/** The threshold rule on the caller's own token (not the gateway's): may it read every unit-level input the indicator sums? */
export function disclosureFor(viewer: Viewer, minUnits: number = disclosureMinUnits()): Disclosure {
  return {
    minUnits,
    mayRead: (indicator: IndicatorDefinition) => indicator.unitLevelInputs.every((m) => mayRead(viewer, { field: m.field!, owners: [m.owner] })),
  };
}

/**
 * The instant months in service are judged at: a value's as-of (its figures as they stood then, when fewer months of its
 * year had ended), else the clock.
 */
const judgedAt = (asOf: string | undefined): Date => asOfInstant(asOf) ?? new Date();

/** The indicators whose population a representative stands for, among `codes` (all of the catalog's by default). */
function representedBy(populationCode: string, codes: Iterable<string> = catalog().indicators.keys()): Set<string> {
  return new Set([...codes].filter((code) => populationRepresentative(code) === populationCode));
}

/** A population as bigdata lists it: the key's indicator, the members and the public columns the owner @requires. */
export interface PopulationColumns {
  indicatorCode: string;
  asOf?: string;
  dataCenterIds?: readonly string[] | null | undefined;
  years?: readonly number[] | null | undefined;
}

/** The owner's totals over one value's population; null without members (bigdata did not answer). */
export function valuePopulationSums(
  agency: Agency,
  population: PopulationColumns,
  own: Record<string, readonly unknown[] | null>,
  disclosure: Disclosure,
): OwnerSums[] | null {
  const { dataCenterIds, years } = population;
  if (!dataCenterIds || !years) return null;
  const columns: Record<string, readonly unknown[] | null | undefined> = { ...own };
  for (const [field, column] of Object.entries(population as object))
    if (Array.isArray(column) && field !== 'dataCenterIds' && field !== 'years') columns[field] = column;
  const units = unitsFromColumns('DATA_CENTER', dataCenterIds, years, columns);
  return populationSums(agency, 'DATA_CENTER', representedBy(population.indicatorCode), units, disclosure, { now: judgedAt(population.asOf) });
}

/** A cube as an owner receives it: its key, bigdata's populations and data-centre columns. */
export interface CubeColumns {
  indicatorCodes: readonly string[];
  asOf?: string;
  regionCodes: readonly string[];
  years: readonly number[];
  dataCenterPopulations?: CubePopulations | null | undefined;
  dataCenterIds?: readonly string[] | null | undefined;
  dataCenterYears?: readonly number[] | null | undefined;
}

/** `dataCenterDesignRacks` → `designRacks`: a cube column as the unit field it carries. */
const fieldOfColumn = (column: string): string => `${column[10]!.toLowerCase()}${column.slice(11)}`;

/**
 * The owner's totals over every cell population of a cube, each indicator, region and year once, as columns; null without
 * populations. `own` holds the owner's columns over the data-centre years the populations hold, entry i at grid position
 * `held[i]` (`cubeDataCenters(cube).positions`); the register's columns (design racks) come one entry per data centre of the grid.
 */
export function cubePopulationSums(
  agency: Agency,
  cube: CubeColumns,
  held: readonly number[],
  own: Record<string, readonly unknown[] | null>,
  disclosure: Disclosure,
): CubeSums | null {
  const { dataCenterPopulations: populations, dataCenterIds: ids, dataCenterYears: years } = cube;
  if (!populations || !ids || !years) return null;
  const register: [string, readonly unknown[]][] = [];
  for (const [column, values] of Object.entries(cube as object)) {
    if (Array.isArray(values) && column.startsWith('dataCenter') && column !== 'dataCenterIds' && column !== 'dataCenterYears')
      register.push([fieldOfColumn(column), values]);
  }
  const owned = Object.entries(own);
  const idField = UNIT_ID_FIELD.DATA_CENTER;
  // Indexed by grid position, as the members name them.
  const all: Unit[] = [];
  held.forEach((p, i) => {
    const { id, d, year } = gridCell(ids, years, p);
    const unit: Unit = { [idField]: id, year };
    for (const [field, column] of register) unit[field] = column[d] ?? null;
    for (const [field, column] of owned) unit[field] = column?.[i] ?? null;
    all[p] = unit;
  });
  const sums = cellSums(agency, 'DATA_CENTER', populations, cube, all, (code) => representedBy(code, cube.indicatorCodes), disclosure);
  return toCubeSums(sums, cube, gridPositions(ids, years));
}

/** The owner's totals over a list of unit-years (core rooms comms lists, enterprises econ lists) for one value's indicator (and as-of); null without a list. */
export function listSums(
  agency: Agency,
  subject: UnitSubject,
  { indicatorCode, asOf }: { indicatorCode: string; asOf?: string },
  units: readonly Unit[] | null | undefined,
  own: readonly Record<string, unknown>[],
  disclosure: Disclosure,
): OwnerSums[] | null {
  if (!units) return null;
  return populationSums(
    agency,
    subject,
    new Set([indicatorCode]),
    units.map((u, i) => ({ ...u, ...own[i] })),
    disclosure,
    { now: judgedAt(asOf) },
  );
}

/**
 * The owner's totals over a cube's cell populations of a kind listed as unit-years (each cell its own indicator's), as
 * columns; null without them.
 */
export function cubeListSums(
  agency: Agency,
  subject: UnitSubject,
  cube: { indicatorCodes: readonly string[]; regionCodes: readonly string[]; years: readonly number[]; asOf?: string },
  populations: CubePopulations | null | undefined,
  units: readonly Unit[] | null | undefined,
  own: readonly Record<string, unknown>[],
  disclosure: Disclosure,
): CubeSums | null {
  if (!populations || !units) return null;
  const all = units.map((u, i) => ({ ...u, ...own[i] }));
  const sums = cellSums(agency, subject, populations, cube, all, (code) => new Set([code]), disclosure);
  const idField = UNIT_ID_FIELD[subject];
  return toCubeSums(
    sums,
    cube,
    listPositions(
      units.map((u) => String(u[idField])),
      units.map((u) => u.year),
    ),
  );
}

/** Totals per cell population, each indicator, region and year once. */
function cellSums(
  agency: Agency,
  subject: UnitSubject,
  populations: CubePopulations,
  cube: { regionCodes: readonly string[]; years: readonly number[]; asOf?: string },
  all: readonly Unit[],
  indicatorsOf: (populationCode: string) => ReadonlySet<string>,
  disclosure: Disclosure,
): OwnerSums[] {
  const sums: OwnerSums[] = [];
  const seen = new Set<string>();
  const now = judgedAt(cube.asOf);
  for (const { indicatorCode, regionCode, members } of populationCells(populations, cube)) {
    const units: Unit[] = members.map((m) => all[m]!);
    for (const entry of populationSums(agency, subject, indicatorsOf(indicatorCode), units, disclosure, { regionCode, now })) {
      // Cells of two years of one region share their units of a year (a baseline year, say): list each total once.
      const key = `${entry.indicatorCode}|${regionCode}|${entry.year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sums.push(entry);
    }
  }
  return sums;
}
