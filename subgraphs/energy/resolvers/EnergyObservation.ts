import { isMetricCode, METRICS } from '../metrics.ts';
import type { EnergyObservationResolvers } from '../resolvers.generated.ts';

export const EnergyObservation: EnergyObservationResolvers = {
  // Rows are only ever read for a known metric (the query validates it), so the lookup cannot miss.
  unit: (row) => (isMetricCode(row.metric) ? METRICS[row.metric].unit : ''),
};
