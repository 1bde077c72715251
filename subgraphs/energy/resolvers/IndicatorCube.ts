import { cubeDataCenters, cubeFacts } from '../../../lib/indicators/cube.ts';
import { populationColumn } from '../../../lib/indicators/population.ts';
import type { IndicatorCubeResolvers } from '../resolvers.generated.ts';
import { dataCenterFigures } from './DataCenterYear.ts';
import { regionFacts } from './IndicatorInputs.ts';

// The same per-value functions as EnergyIndicatorInputs and DataCenterPopulation, called once per region and once for the cube's data centres.
export const IndicatorCube: IndicatorCubeResolvers = {
  __resolveReference: (ref) => ref,
  energyFacts: (cube, _, context) => cubeFacts(cube, 'energy', (key, metrics, years) => regionFacts(key, metrics, years, context)),
  dataCenterTotalEnergyKwh: (cube, _, { loaders }) => populationColumn(cubeDataCenters(cube), loaders.metricYears, dataCenterFigures.totalEnergyKwh),
  dataCenterItEnergyKwh: (cube, _, { loaders }) => populationColumn(cubeDataCenters(cube), loaders.metricYears, dataCenterFigures.itEnergyKwh),
  dataCenterRenewableEnergyKwh: (cube, _, { loaders }) => populationColumn(cubeDataCenters(cube), loaders.metricYears, dataCenterFigures.renewableEnergyKwh),
  dataCenterEnergyStatus: (cube, _, { loaders }) => populationColumn(cubeDataCenters(cube), loaders.metricYears, dataCenterFigures.energyStatus),
};
