import type { ObservationStore } from '../../lib/writes/observations.ts';
import { bigdataMetrics } from './metrics.ts';
import { designRacksByIds } from './repository.ts';
import { observation } from './tables.ts';

const { RACKS_RETIRED } = bigdataMetrics;

/**
 * bigdata holds the data-centre register itself, so it can check both that a data centre exists
 * (UNKNOWN_DATA_CENTER) and that the racks it retired in a year do not exceed the racks it was
 * registered with (RACKS_ABOVE_REGISTERED): the one racks-versus-register rule a single subgraph can
 * decide. Comms' racks in use against these registered racks spans two agencies and is a quality
 * flag on the indicator values instead.
 */
export const observationStore: ObservationStore = {
  agency: 'bigdata',
  table: observation,
  metrics: bigdataMetrics,
  knownSubjects: {
    DATA_CENTER: async (db, ids) => new Set((await designRacksByIds(db, ids)).map((r) => r.id)),
  },
  async check(tx, rows, problems) {
    const retired = rows.filter((r) => r.metric === RACKS_RETIRED.code && r.value !== null);
    if (retired.length === 0) return;
    const designRacks = new Map((await designRacksByIds(tx, [...new Set(retired.map((r) => r.subjectId))])).map((r) => [r.id, r.designRacks]));
    for (const r of retired) {
      const registered = designRacks.get(r.subjectId);
      if (registered === undefined || r.value! <= registered) continue;
      problems.add(
        r.row,
        'value',
        'RACKS_ABOVE_REGISTERED',
        `${r.value} racks retired in ${r.period} exceeds the ${registered} design racks ${r.subjectId} is registered with: a data centre cannot retire more racks in a year than it has. Check the figure, or correct designRacks in the register first.`,
      );
    }
  },
};
