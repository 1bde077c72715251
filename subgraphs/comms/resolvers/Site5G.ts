import type { Site5GResolvers } from '../resolvers.generated.ts';

export const Site5G: Site5GResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.site5G.load(ref.id),
  operator: async (row, _, { loaders }) => (await loaders.operator.load(row.operatorId))!,
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
};
