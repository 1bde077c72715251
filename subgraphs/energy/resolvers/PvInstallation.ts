import type { PvInstallationResolvers } from '../resolvers.generated.ts';

export const PvInstallation: PvInstallationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.pvInstallation.load(ref.id),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  enterprise: (row) => ({ uscc: row.enterpriseUscc }),
};
