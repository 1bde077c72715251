import { statusInYear, valueInYear } from '../../../lib/observations.ts';
import { commsMetrics } from '../metrics.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';

const { code, aggregation } = commsMetrics.RACKS_IN_USE;

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: (ref) => ({ dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }),
  racksInUse: async (ref, _, { loaders }) => {
    const value = valueInYear(await loaders.metricYears.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }), code, aggregation);
    return value === null ? null : Math.round(value);
  },
  commsStatus: async (ref, _, { loaders }) => statusInYear(await loaders.metricYears.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }), code),
};
