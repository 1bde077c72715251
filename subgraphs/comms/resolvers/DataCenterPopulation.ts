import { REVISED_AT_FIELD } from '../../../lib/indicators/owner-sums.ts';
import { revisedInYear } from '../../../lib/observations.ts';
import { mayRead } from '../../../lib/auth/unit-level.ts';
import { disclosureFor, valuePopulationSums } from '../../../lib/indicators/serve-sums.ts';
import { populationColumn } from '../../../lib/indicators/population.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import { racksInUse, rackUsageStatus } from './DataCenterYear.ts';

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ref,
  racksInUse: (population, _, context) => populationColumn(population, context, racksInUse),
  commsStatus: (population, _, context) => populationColumn(population, context, rackUsageStatus),
  commsSums: async (population, _, context) => {
    const own = {
      racksInUse: await populationColumn(population, context, racksInUse),
      commsStatus: await populationColumn(population, context, rackUsageStatus),
      [REVISED_AT_FIELD]: await populationColumn(population, context, revisedInYear),
    };
    return valuePopulationSums('comms', population, own, disclosureFor(context.viewer));
  },
  racksAboveDesign: async (population, _, context) => {
    const { viewer } = context;
    const racks = await populationColumn(population, context, racksInUse);
    if (!racks || !population.designRacks) return null;
    const ids = population.dataCenterIds.filter((_id, i) => {
      const used = racks[i];
      const design = population.designRacks![i];
      return population.years[i] === population.year && typeof used === 'number' && typeof design === 'number' && used > design;
    });
    // Which data centres exceed their register tells of their racks in use: named only to callers who may read those.
    return { units: ids.length, ids: mayRead(viewer, { field: 'DataCenterPopulation.racksInUse', owners: ['comms'] }) ? ids : null };
  },
};
