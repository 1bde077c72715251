import { populationColumn } from '../../../lib/indicators/population.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import { racksInUse, rackUsageStatus } from './DataCenterYear.ts';

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ref,
  racksInUse: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, racksInUse),
  commsStatus: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, rackUsageStatus),
};
