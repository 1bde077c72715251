import { populationColumn } from '../../../lib/indicators/population.ts';
import { disclosureFor, valuePopulationSums } from '../../../lib/indicators/serve-sums.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import { dataCenterFigures, ownColumns } from './DataCenterYear.ts';

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ref,
  totalEnergyKwh: (population, _, context) => populationColumn(population, context, dataCenterFigures.totalEnergyKwh),
  itEnergyKwh: (population, _, context) => populationColumn(population, context, dataCenterFigures.itEnergyKwh),
  renewableEnergyKwh: (population, _, context) => populationColumn(population, context, dataCenterFigures.renewableEnergyKwh),
  energyStatus: (population, _, context) => populationColumn(population, context, dataCenterFigures.energyStatus),
  energySums: async (population, _, context) => {
    const own = await ownColumns(population, context);
    return valuePopulationSums('energy', population, own, disclosureFor(context.viewer));
  },
};
