import { populationColumn } from '../../../lib/indicators/population.ts';
import { disclosureFor, valuePopulationSums } from '../../../lib/indicators/serve-sums.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import { dataCenterFigures, ownColumns } from './DataCenterYear.ts';


export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ref,
  totalEnergyKwh: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, dataCenterFigures.totalEnergyKwh),
  itEnergyKwh: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, dataCenterFigures.itEnergyKwh),
  renewableEnergyKwh: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, dataCenterFigures.renewableEnergyKwh),
  energyStatus: (population, _, { loaders }) => populationColumn(population, loaders.metricYears, dataCenterFigures.energyStatus),
  energySums: async (population, _, { loaders, viewer }) => {
    const own = await ownColumns(population, loaders.metricYears);
    return valuePopulationSums('energy', population, own, disclosureFor(viewer));
  },
};
