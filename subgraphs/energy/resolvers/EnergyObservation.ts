import { isMetricCode, METRICS } from '../metrics.ts';
import type { EnergyObservationResolvers } from '../resolvers.generated.ts';

export const EnergyObservation: EnergyObservationResolvers = {
  // Rows are only ever read for a known metric (the query validates it), so the lookup cannot miss.
  unit: (row) => (isMetricCode(row.metric) ? METRICS[row.metric].unit : ''),
  // The revision and its stamp under the names `ObservationRevision` gives them; the audit fields are the batch's
  // columns the row was read with, guarded by `energyObservations` itself.
  revision: (row) => String(row.revision),
  recordedAt: (row) => row.updatedAt,
};
