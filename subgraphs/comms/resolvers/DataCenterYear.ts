import { statusInYear, valueInYear, type MetricYear } from '../../../lib/observations.ts';
import { commsMetrics } from '../metrics.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';

const { code, aggregation } = commsMetrics.RACKS_IN_USE;

/** Racks in use from a data-centre year's reductions; null when no report was filed. */
export function racksInUse(year: readonly MetricYear[]): number | null {
  const value = valueInYear(year, code, aggregation);
  return value === null ? null : Math.round(value);
}

export const rackUsageStatus = (year: readonly MetricYear[]) => statusInYear(year, code);

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: (ref) => ({ dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }),
  racksInUse: async (ref, _, { loaders }) => racksInUse(await loaders.metricYears.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf })),
  commsStatus: async (ref, _, { loaders }) => rackUsageStatus(await loaders.metricYears.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf })),
};
