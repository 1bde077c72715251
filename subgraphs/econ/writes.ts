import type { ObservationStore } from '../../lib/writes/observations.ts';
import { econMetrics } from './metrics.ts';
import { enterpriseUsccsIn } from './repository.ts';
import { observation } from './tables.ts';

/**
 * econ holds the enterprise register, so an enterprise's credit code is checked for its GB 32100
 * check character (INVALID_USCC) and then against the register (UNKNOWN_ENTERPRISE).
 */
export const observationStore: ObservationStore = {
  agency: 'econ',
  table: observation,
  metrics: econMetrics,
  knownSubjects: {
    ENTERPRISE: async (db, ids) => new Set(await enterpriseUsccsIn(db, ids)),
  },
};
