import type { GreenStandardResolvers } from '../resolvers.generated.ts';

export const GreenStandard: GreenStandardResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.standard.load(ref.id),
  region: (row, _, { regions }) => (row.regionCode ? (regions.find(row.regionCode) ?? null) : null),
};
