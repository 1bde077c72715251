import { yearStatus, yearValue } from '../../../lib/observations.ts';
import { commsMetrics } from '../metrics.ts';
import type { ObservationRow } from '../repository.ts';
import type { DataCenterResolvers, RackUsageReport } from '../resolvers.generated.ts';

const { code, aggregation } = commsMetrics.RACKS_IN_USE;

/** One report per year, oldest first; a year reported in several periods keeps its last (racks are a stock). */
export function rackUsageReports(rows: readonly ObservationRow[]): RackUsageReport[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = rows.filter((r) => r.year === year);
    return { year, racksInUse: Math.round(yearValue(ofYear, code, aggregation)!), status: yearStatus(ofYear, code)! };
  });
}

export const DataCenter: DataCenterResolvers = {
  // bigdata owns the register; comms answers for any id and simply has no reports for unknown ones.
  __resolveReference: (ref) => ({ id: ref.id }),
  rackUsage: async (ref, _, { loaders }) => rackUsageReports(await loaders.rackUsage.load(ref.id)),
};
