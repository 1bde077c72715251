import type { RetrofitProjectResolvers } from '../resolvers.generated.ts';

export const RetrofitProject: RetrofitProjectResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.retrofitProject.load(ref.id),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  enterprise: async (row, _, { loaders }) => (await loaders.enterprise.load(row.enterpriseUscc))!,
};
