import type { ObservationStore } from '../../lib/writes/observations.ts';
import { commsMetrics } from './metrics.ts';
import { observation } from './tables.ts';

/**
 * comms records rack-usage reports for data centres it does not register (bigdata does), so a data-centre
 * id is checked for format only here; a report above bigdata's registered racks is a cross-agency
 * inconsistency, flagged on the indicator values (RACKS_IN_USE_ABOVE_REGISTERED) instead.
 */
export const observationStore: ObservationStore = {
  agency: 'comms',
  table: observation,
  metrics: commsMetrics,
};
