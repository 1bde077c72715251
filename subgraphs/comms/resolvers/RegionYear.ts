import { valueInYear } from '../../../lib/observations.ts';
import { commsMetrics, type CommsMetricCode } from '../metrics.ts';
import type { RegionYearMapper } from '../schema.mappers.ts';
import type { Context } from '../context.ts';
import type { RegionYearResolvers } from '../resolvers.generated.ts';

/** The region's own reported value: provinces are not summed here, that is the indicator engine's job. */
async function reported(metric: CommsMetricCode, ref: RegionYearMapper, { loaders }: Context): Promise<number | null> {
  const year = await loaders.metricYears.load({ subjectId: ref.regionCode, year: ref.year });
  return valueInYear(year, commsMetrics[metric].code, commsMetrics[metric].aggregation);
}

/** Only comms' fields; `__resolveReference` and `region` are shared and merged in by the runtime. */
export const RegionYear: RegionYearResolvers = {
  informationTrafficGb: (ref, _, ctx) => reported('INFORMATION_TRAFFIC_GB', ref, ctx),
  telecomBusinessVolume10kCny: (ref, _, ctx) => reported('TELECOM_BUSINESS_VOLUME_10K_CNY', ref, ctx),
  traffic5gGb: (ref, _, ctx) => reported('TRAFFIC_5G_GB', ref, ctx),
};
