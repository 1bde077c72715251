import { catalog } from './catalog.ts';
import type { OwnerSums } from './owner-sums.ts';

/**
 * An owner's totals over a cube's cell populations as columns (`CommsCubeSums`, `EnergyCubeSums` in the SDL), the shape
 * they cross the gateway in: `ownerSums` computes them one object per indicator, region and year, and these two
 * functions convert at the edges, so the summing stays in one place. The entry of indicator i, region r (in the cube's
 * order) and year y is entry (i × R + r) × Y + y of every column, as in `CubeFacts`; a unit that lacked an input is
 * named by its position in the cube's list of unit-years of its kind (on its grid, for data centres) rather than by its id.
 */
export interface CubeSums {
  /** The indicators with totals, in the cube's order. */
  indicatorCodes: string[];
  /** Every year an entry is for, ascending. */
  years: number[];
  /** Matched units of each entry; null where the cell's population holds no unit of that year (no totals). */
  units: (number | null)[];
  /**
   * Each unit that lacked a unit input, as [entry, input, position]: the input by its index among the indicator's unit
   * inputs, the unit by its position in the cube's unit-year list (on its grid, for data centres). Few units lack one,
   * so they travel as a list rather than as a list per entry and input.
   */
  lacking: number[][];
  /** Total of each sum() term of each entry's formula; nulls when withheld. */
  terms: ((number | null)[] | null)[];
  /**
   * The weakest status of each unit input over an entry's matched units, as exceptions: [entry, input] of each PROVISIONAL
   * one; every other input of an entry with matched units is FINAL, unless listed in `unstated`; without matched units, none.
   */
  provisional: number[][];
  /** [entry, input] of each unit input of an entry with matched units that carries no status. */
  unstated: number[][];
  /** Entries whose totals disclosure control withheld from the caller. */
  withheld: number[];
}

/** A unit-year's position in a cube's list of its kind (or on its data-centre grid), by register id and year. */
export type PositionOf = (id: string, year: number) => number;

/** Positions in a list of unit-years: `unitIds[p]` in `unitYears[p]` is position p. */
export function listPositions(unitIds: readonly string[], unitYears: readonly number[]): PositionOf {
  const position = new Map(unitIds.map((id, p) => [`${id}|${unitYears[p]}`, p]));
  return (id, year) => position.get(`${id}|${year}`)!;
}

/**
 * The owner's side: totals listed per indicator, region and year (each once, with its region) as columns over the
 * cube's regions; `positionOf` names a lacking unit-year's position.
 */
export function toCubeSums(
  sums: readonly OwnerSums[],
  cube: { indicatorCodes: readonly string[]; regionCodes: readonly string[] },
  positionOf: PositionOf,
): CubeSums {
  const present = new Set(sums.map((s) => s.indicatorCode));
  const indicatorCodes = [...new Set(cube.indicatorCodes)].filter((code) => present.has(code));
  const years = [...new Set(sums.map((s) => s.year))].sort((a, b) => a - b);
  const size = indicatorCodes.length * cube.regionCodes.length * years.length;
  const columns: CubeSums = {
    indicatorCodes,
    years,
    units: new Array<null>(size).fill(null),
    lacking: [],
    terms: new Array<null>(size).fill(null),
    provisional: [],
    unstated: [],
    withheld: [],
  };
  if (size === 0) return columns;
  const at = entryAt(columns, cube.regionCodes);
  for (const s of [...sums].sort((a, b) => at(a.indicatorCode, a.regionCode!, a.year) - at(b.indicatorCode, b.regionCode!, b.year))) {
    const k = at(s.indicatorCode, s.regionCode!, s.year);
    columns.units[k] = s.units;
    s.lacking.forEach((ids, j) => ids.forEach((id) => columns.lacking.push([k, j, positionOf(id, s.year)])));
    columns.terms[k] = s.terms;
    s.inputStatuses.forEach((status, j) => {
      if (status === 'PROVISIONAL') columns.provisional.push([k, j]);
      else if (status === null && s.units > 0) columns.unstated.push([k, j]);
    });
    if (s.withheld) columns.withheld.push(k);
  }
  return columns;
}

/**
 * The indicators subgraph's side: the entries of columnar totals as the engine reads an owner's totals, each with its
 * region and the ids of the units that lacked an input. A cube reports figures, not inputs: the totals of each input and
 * their revision stamp stay with `indicatorValues` (`inputSums` empty, `updatedAt` null).
 */
export function fromCubeSums(columns: CubeSums, regionCodes: readonly string[], idAt: (position: number) => string): OwnerSums[] {
  const { indicators } = catalog();
  const withheld = new Set(columns.withheld);
  const byEntry = new Map<number, OwnerSums>();
  let k = 0;
  for (const indicatorCode of columns.indicatorCodes) {
    const inputs = indicators.get(indicatorCode)!.unitInputs.length;
    for (const regionCode of regionCodes) {
      for (const year of columns.years) {
        const units = columns.units[k];
        if (units !== null && units !== undefined) {
          byEntry.set(k, {
            indicatorCode,
            regionCode,
            year,
            units,
            lacking: Array.from({ length: inputs }, () => []),
            // A unit whose monthly inputs' months differ, or miss a month in service, travels in `lacking`, which is all coverage
            // needs; a cube carries no quality flags.
            monthsDiffer: [],
            monthsIncomplete: [],
            monthsMissing: [],
            terms: columns.terms[k] ?? [],
            inputSums: [],
            inputStatuses: new Array<'FINAL' | null>(inputs).fill(units > 0 ? 'FINAL' : null),
            withheld: withheld.has(k),
            updatedAt: null,
          });
        }
        k++;
      }
    }
  }
  for (const [entry, input, position] of columns.lacking) byEntry.get(entry!)!.lacking[input!]!.push(idAt(position!));
  for (const [entry, input] of columns.provisional) byEntry.get(entry!)!.inputStatuses[input!] = 'PROVISIONAL';
  for (const [entry, input] of columns.unstated) byEntry.get(entry!)!.inputStatuses[input!] = null;
  return [...byEntry.values()];
}

/** Where the entry of an indicator, region and year lies in the columns. */
function entryAt(columns: Pick<CubeSums, 'indicatorCodes' | 'years'>, regionCodes: readonly string[]) {
  const indicator = new Map(columns.indicatorCodes.map((code, i) => [code, i]));
  const region = new Map(regionCodes.map((code, r) => [code, r]));
  const year = new Map(columns.years.map((y, i) => [y, i]));
  const R = regionCodes.length;
  const Y = columns.years.length;
  return (indicatorCode: string, regionCode: string, y: number): number => (indicator.get(indicatorCode)! * R + region.get(regionCode)!) * Y + year.get(y)!;
}
