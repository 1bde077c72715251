import { cellsOver, cubeFacts, cubePopulations, perCube } from '../../../lib/indicators/cube.ts';
import type { Context } from '../context.ts';
import { placedIndicators } from '../designations.ts';
import type { IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { enterpriseYearsOf, registerFacts } from './IndicatorInputs.ts';

// The same per-value functions as EconIndicatorInputs, called once per region or population instead of once per cell.
const enterprises = perCube((cube, { loaders }: Context) =>
  cubePopulations(
    cellsOver(cube, 'ENTERPRISE'),
    (cell) => enterpriseYearsOf(cell, loaders),
    (u) => `${u.uscc}|${u.year}`,
  ),
);

export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  econFacts: (cube, _, { loaders }) => cubeFacts(cube, 'econ', (key, metrics, years) => registerFacts(key, metrics, years, loaders)),
  enterprisePopulations: async (cube, _, context) => (await enterprises(cube, context)).populations,
  enterpriseYears: async (cube, _, context) => (await enterprises(cube, context)).units,
  // One reference per cell of an indicator bigdata counts designations for: the gateway asks bigdata for its facts, handing it econ's list.
  designationInputs: (cube) =>
    placedIndicators(cube.indicatorCodes).flatMap((indicatorCode) =>
      cube.regionCodes.flatMap((scopeId) => cube.years.map((year) => ({ indicatorCode, scopeKind: 'REGION' as const, scopeId, year, asOf: cube.asOf }))),
    ),
};
