import { populationColumn } from '../../../lib/indicators/population.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import { racksInUse, rackUsageStatus } from './DataCenterYear.ts';

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ref,
  racksInUse: (population, _, { loaders }) => populationColumn(population, (k) => loaders.metricYears.load(k), racksInUse),
  commsStatus: (population, _, { loaders }) => populationColumn(population, (k) => loaders.metricYears.load(k), rackUsageStatus),
};
