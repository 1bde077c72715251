import { catalog } from '../../../lib/indicators/catalog.ts';
import { perCube } from '../../../lib/indicators/cube.ts';
import type { Embargo } from '../../../lib/embargo.ts';
import type { Context } from '../context.ts';
import { cubeEvaluations, type CubeRepresentation } from '../cube.ts';
import type { IndicatorEvaluation } from '../engine.ts';
import { gapToTarget, meetsTarget, periodOf } from '../targets.ts';
import type { IndicatorCubeCellResolvers, IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { coverageShown, disclosed, embargoAt, missingShown, progressShown } from './IndicatorValue.ts';

/**
 * A cell of a cube: where it lies, and its evaluation with what disclosure control and the embargoes decide for this
 * caller; `baseline` is the cell of its plan period's baseline year when the cube holds that year (for `progress`).
 */
export type CubeCell = ReturnType<typeof disclosed> & {
  indicatorCode: string;
  regionCode: string;
  year: number;
  embargo: Embargo | null;
  baseline: CubeCell | null;
};

// Every column, and the rows, read the same cells: evaluate them once per cube (a request's fields share its caller).
// Cell (i, r, y) is entry (i × R + r) × Y + y: its indicator is i, its region r, its year y.
const cellsOf = perCube((cube: CubeRepresentation, context: Context): CubeCell[] => {
  const R = cube.regionCodes.length;
  const Y = cube.years.length;
  const cells = cubeEvaluations(cube).map((evaluation, k): CubeCell => {
    const regionCode = cube.regionCodes[Math.floor(k / Y) % R]!;
    const year = cube.years[k % Y]!;
    const embargo = embargoAt(regionCode, year, context);
    const indicatorCode = cube.indicatorCodes[Math.floor(k / (R * Y))]!;
    const { confidential, hidden } = disclosed(evaluation, context, embargo !== null);
    // Written out, not spread: a spread with properties added after it built each of the cube's thousands of cells
    // slowly (V8), and every column then read them slowly too; the indicators subgraph's CPU per dashboard cube fell
    // from about 55 to 32 ms.
    return { evaluation, confidential, hidden, indicatorCode, regionCode, year, embargo, baseline: null };
  });
  cells.forEach((cell, k) => {
    const at = cube.years.indexOf(periodOf(cell.year)?.baselineYear ?? cell.year);
    if (at >= 0) cell.baseline = cells[k - (k % Y) + at]!;
  });
  return cells;
});

/** A figure that disclosure control withholds: null where the cell is withheld from the caller. */
const shown =
  <T>(read: (evaluation: IndicatorEvaluation) => T) =>
  (cell: CubeCell): T | null =>
    cell.hidden ? null : read(cell.evaluation);

/**
 * Each figure of a cell as this caller may see it, by its `IndicatorValue` name: the columns and the rows (`cells`)
 * read these and nothing else, so a figure is withheld from one exactly where it is from the other.
 */
const figure = {
  value: shown((r) => r.value),
  numerator: shown((r) => r.numerator),
  denominator: shown((r) => r.denominator),
  meetsTarget: shown((r) => meetsTarget(r.value, r.target)),
  status: (cell: CubeCell) => (cell.embargo ? null : cell.evaluation.status),
  confidentiality: (cell: CubeCell) => (cell.confidential ? ('CONFIDENTIAL' as const) : ('FREE' as const)),
  // Coverage is about which registered units reported, not their figures: shown to every caller, as `IndicatorValue.coverage` is.
  coverage: (cell: CubeCell) => cell.evaluation.coverage,
};

/** A column of a figure, in layout order. */
const column =
  <T>(read: (cell: CubeCell) => T) =>
  (cube: CubeRepresentation, _args: unknown, context: Context): T[] =>
    cellsOf(cube, context).map(read);

export const IndicatorCube: IndicatorCubeResolvers = {
  // The gateway sends the key plus the @requires inputs; the representation is the whole state.
  __resolveReference: (rep) => rep as CubeRepresentation,
  indicators: (cube) => cube.indicatorCodes.map((code) => catalog().indicators.get(code)!),
  regions: (cube) => cube.regionCodes.map((code) => ({ code })),
  values: column(figure.value),
  numerators: column(figure.numerator),
  denominators: column(figure.denominator),
  meetsTarget: column(figure.meetsTarget),
  statuses: column(figure.status),
  coverageStatuses: column((cell) => figure.coverage(cell)?.status ?? null),
  unitsReporting: column((cell) => figure.coverage(cell)?.unitsReporting ?? null),
  unitsExpected: column((cell) => figure.coverage(cell)?.unitsExpected ?? null),
  coverageShares: column((cell) => figure.coverage(cell)?.share ?? null),
  confidentiality: column(figure.confidentiality),
  // The rows are the cells themselves; `IndicatorCubeCell`'s fields read them with the columns' readers.
  cells: (cube, _args, context) => cellsOf(cube, context),
};

export const IndicatorCubeCell: IndicatorCubeCellResolvers = {
  value: figure.value,
  numerator: figure.numerator,
  denominator: figure.denominator,
  meetsTarget: figure.meetsTarget,
  status: figure.status,
  confidentiality: figure.confidentiality,
  // The same coverage as `IndicatorValue.coverage` of the cell's region value (with its weight, minimum and registered provinces).
  coverage: (cell, _args, context) => coverageShown(cell.evaluation, cell.regionCode, context),
  target: (cell) => cell.evaluation.target,
  gapToTarget: shown((r) => gapToTarget(r.value, r.target)),
  progress: (cell) =>
    progressShown(cell.evaluation, cell.hidden, () => cell.baseline && { value: cell.baseline.evaluation.value, hidden: cell.baseline.hidden }),
  // Under an embargo its notice stands alone; otherwise a hidden cell is a confidential one withheld from the caller.
  missing: (cell, _args, context) => missingShown(cell.evaluation, cell.year, cell.embargo, cell.hidden, context),
};
