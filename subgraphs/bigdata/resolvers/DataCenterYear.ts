import type { DataCenterYearResolvers } from '../resolvers.generated.ts';
import { inService } from './DataCenter.ts';

export const DataCenterYear: DataCenterYearResolvers = {
  // Keys are the whole entity here; fields below load the register row (batched) when asked.
  __resolveReference: async (ref, { loaders }) => ((await loaders.dataCenter.load(ref.dataCenterId)) ? { dataCenterId: ref.dataCenterId, year: ref.year } : null),
  dataCenter: async (ref, _, { loaders }) => (await loaders.dataCenter.load(ref.dataCenterId))!,
  inService: async (ref, _, { loaders }) => inService((await loaders.dataCenter.load(ref.dataCenterId))!, ref.year),
  racksRetired: async (ref, _, { loaders }) => (await loaders.retirements.load(ref.dataCenterId)).find((r) => r.year === ref.year)?.racks ?? 0,
  designRacks: async (ref, _, { loaders }) => (await loaders.dataCenter.load(ref.dataCenterId))?.designRacks ?? null,
  commissionedOn: async (ref, _, { loaders }) => (await loaders.dataCenter.load(ref.dataCenterId))?.commissionedOn ?? null,
  inCluster: async (ref, _, { loaders }) => {
    const row = await loaders.dataCenter.load(ref.dataCenterId);
    return row ? row.clusterId !== null : null;
  },
};
