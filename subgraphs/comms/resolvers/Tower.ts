import type { TowerResolvers } from '../resolvers.generated.ts';

export const Tower: TowerResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.tower.load(ref.id),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
};
