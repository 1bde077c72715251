import { catalog } from '../../../lib/indicators/catalog.ts';
import { perCube } from '../../../lib/indicators/cube.ts';
import type { Context } from '../context.ts';
import { cubeEvaluations, type CubeRepresentation } from '../cube.ts';
import type { IndicatorEvaluation } from '../engine.ts';
import { meetsTarget } from '../targets.ts';
import type { IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { disclosed, embargoAt } from './IndicatorValue.ts';

type Cell = ReturnType<typeof disclosed>;

// Every column reads the same cells: evaluate them once per cube (a request's columns share its caller).
// Cell (i, r, y) is entry (i × R + r) × Y + y: its region is r, its year y.
const cellsOf = perCube((cube: CubeRepresentation, context: Context): Cell[] => {
  const R = cube.regionCodes.length;
  const Y = cube.years.length;
  return cubeEvaluations(cube).map((evaluation, k) =>
    disclosed(evaluation, context, embargoAt(cube.regionCodes[Math.floor(k / Y) % R]!, cube.years[k % Y]!, context) !== null),
  );
});

/** A column of `IndicatorValue`'s figures, in layout order. */
const column =
  <T>(read: (cell: Cell) => T) =>
  (cube: CubeRepresentation, _args: unknown, context: Context): T[] =>
    cellsOf(cube, context).map(read);

/** A column of figures that disclosure control withholds: null where the cell is withheld from the caller. */
const shownColumn = <T>(read: (evaluation: IndicatorEvaluation) => T) => column((cell) => (cell.hidden ? null : read(cell.evaluation)));

export const IndicatorCube: IndicatorCubeResolvers = {
  // The gateway sends the key plus the @requires inputs; the representation is the whole state.
  __resolveReference: (rep) => rep as CubeRepresentation,
  indicators: (cube) => cube.indicatorCodes.map((code) => catalog().indicators.get(code)!),
  regions: (cube) => cube.regionCodes.map((code) => ({ code })),
  values: shownColumn((r) => r.value),
  numerators: shownColumn((r) => r.numerator),
  denominators: shownColumn((r) => r.denominator),
  meetsTarget: shownColumn((r) => meetsTarget(r.value, r.target)),
  statuses: column((cell) => cell.evaluation.status),
  // Coverage is about which registered units reported, not their figures: shown to every caller, as `IndicatorValue.coverage` is.
  coverageStatuses: column((cell) => cell.evaluation.coverage?.status ?? null),
  unitsReporting: column((cell) => cell.evaluation.coverage?.unitsReporting ?? null),
  unitsExpected: column((cell) => cell.evaluation.coverage?.unitsExpected ?? null),
  coverageShares: column((cell) => cell.evaluation.coverage?.share ?? null),
  confidentiality: column((cell) => (cell.confidential ? 'CONFIDENTIAL' : 'FREE')),
};
