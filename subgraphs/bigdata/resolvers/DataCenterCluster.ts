import type { DataCenterClusterResolvers } from '../resolvers.generated.ts';

export const DataCenterCluster: DataCenterClusterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.cluster.load(ref.id),
  province: (row, _, { regions }) => regions.find(row.provinceCode)!,
  zones: (row, _, { loaders }) => loaders.zonesByCluster.load(row.id),
};
