import type { ShutdownScreenResolvers } from '../resolvers.generated.ts';
import { inService } from './DataCenter.ts';

export const ShutdownScreen: ShutdownScreenResolvers = {
  __resolveReference: (ref) => ({ regionCode: ref.regionCode, year: ref.year, asOf: ref.asOf }),
  dataCenters: async (ref, _, { regions, loaders }) => {
    if (!regions.find(ref.regionCode)) return [];
    const { dataCenters } = await loaders.scope.load({ kind: 'REGION', id: ref.regionCode, asOf: ref.asOf });
    return dataCenters.filter((row) => inService(row, ref.year)).map((row) => ({ dataCenterId: row.id, year: ref.year, asOf: ref.asOf, row }));
  },
};
