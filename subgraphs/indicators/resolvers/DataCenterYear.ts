import { catalog } from '../../../lib/indicators/catalog.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: (ref) => ({ dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }),
  indicatorValues: (ref) =>
    [...catalog().indicators.values()]
      .filter((i) => i.levels.includes('DATA_CENTER'))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((i) => ({ indicatorCode: i.code, scopeKind: 'DATA_CENTER' as const, scopeId: ref.dataCenterId, year: ref.year, asOf: ref.asOf })),
};
