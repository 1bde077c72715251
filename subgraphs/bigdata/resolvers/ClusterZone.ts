import type { ClusterZoneResolvers } from '../resolvers.generated.ts';

export const ClusterZone: ClusterZoneResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.zone.load(ref.id),
  cluster: async (row, _, { loaders }) => (await loaders.cluster.load(row.clusterId))!,
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
};
