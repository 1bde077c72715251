import { cubeFacts, cubePopulations, perCube } from '../../../lib/indicators/cube.ts';
import type { Context } from '../context.ts';
import { placedDesignations, placedIndicators } from '../designations.ts';
import type { BigdataCubeInputsResolvers, IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { enterpriseYearsOf, registerFacts } from './IndicatorInputs.ts';

// The same per-value functions as EconIndicatorInputs, called once per region or population instead of once per cell.
const enterprises = perCube((cube, { loaders }: Context) =>
  cubePopulations(
    cube,
    'ENTERPRISE',
    (cell) => enterpriseYearsOf(cell, loaders),
    (u) => `${u.uscc}|${u.year}`,
  ),
);

export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  econFacts: (cube, _, { loaders }) => cubeFacts(cube, 'econ', (key, metrics, years) => registerFacts(key, metrics, years, loaders)),
  enterprisePopulations: async (cube, _, context) => (await enterprises(cube, context)).populations,
  enterpriseYears: async (cube, _, context) => (await enterprises(cube, context)).units,
  // One reference for the whole cube: the gateway asks bigdata for its facts, handing it econ's list. None for a cube
  // that counts no designation, so the gateway does not ask bigdata.
  designationInputs: ({ indicatorCodes, regionCodes, years, asOf }) =>
    placedIndicators(indicatorCodes).length > 0 ? { indicatorCodes, regionCodes, years, asOf } : null,
};

/** What econ hands bigdata for a cube: the designations bigdata places (`placedBy`), to the cube's last year (bigdata counts each year's up to that year). */
export const BigdataCubeInputs: BigdataCubeInputsResolvers = {
  __resolveReference: (key) => key,
  designatedDataCenters: (key, _, { loaders }) => placedDesignations(key.indicatorCodes, Math.max(...key.years), key.asOf, loaders),
};
