import type { ShutdownScreenResolvers } from '../resolvers.generated.ts';
import { inService } from './DataCenter.ts';

export const ShutdownScreen: ShutdownScreenResolvers = {
  __resolveReference: (ref) => ({ regionCode: ref.regionCode, year: ref.year, asOf: ref.asOf }),
  dataCenters: async (ref, _, { regions, loaders }) => {
    if (!regions.find(ref.regionCode)) return [];
    const { dataCenters } = await loaders.scope.load({ kind: 'REGION', id: ref.regionCode, asOf: ref.asOf });
    // In service at the year's end: one that closed during the year counts in its figures, but is not there to shut down.
    return dataCenters
      .filter((row) => inService(row, ref.year) && row.closedYear !== ref.year)
      .map((row) => ({ dataCenterId: row.id, year: ref.year, asOf: ref.asOf, row }));
  },
};
