import type { ObservationStore } from '../../lib/writes/observations.ts';
import { METRICS } from './metrics.ts';
import { observation } from './tables.ts';

/**
 * The bureau meters facilities registered by other agencies (data centres by bigdata, core rooms by
 * comms), so their ids are checked for format only; enterprises by USCC check character.
 */
export const observationStore: ObservationStore = {
  agency: 'energy',
  table: observation,
  metrics: METRICS,
  meterPairs: [
    { total: 'DC_TOTAL_ENERGY_KWH', part: 'DC_IT_ENERGY_KWH', code: 'IT_ENERGY_ABOVE_TOTAL' },
    { total: 'CORE_ROOM_TOTAL_ENERGY_KWH', part: 'CORE_ROOM_IT_ENERGY_KWH', code: 'IT_ENERGY_ABOVE_TOTAL' },
  ],
};
