import { eq, sql } from 'drizzle-orm';
import { visibleObservations } from '../../db/observation-table.ts';
import type { Register } from '../../lib/writes/registers.ts';
import type { CoreMachineRoomInput } from './resolvers.generated.ts';
import { coreRoom, importBatch, observation, operator, registerRevision } from './tables.ts';

/**
 * Core machine rooms of the basic telecom enterprises. The operator is comms' own register, so it must
 * exist and be a basic telecom enterprise (the tower company runs no core rooms).
 */
export const coreMachineRooms: Register<CoreMachineRoomInput, typeof coreRoom.$inferSelect> = {
  agency: 'comms',
  revisions: registerRevision,
  batches: importBatch,
  entity: 'CoreMachineRoom',
  operation: 'upsertCoreMachineRooms',
  table: coreRoom,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    nameZh: read.text('nameZh')!,
    operatorId: read.reference('operatorId')!,
    regionCode: read.region('regionCode', { level: 'COUNTY' })!,
    renovatedYear: read.year('renovatedYear', { required: false }),
  }),
  async check(tx, entries, problems) {
    const ids = [...new Set(entries.map((e) => e.data.operatorId))];
    if (ids.length === 0) return;
    const kinds = new Map((await tx.select({ id: operator.id, kind: operator.kind }).from(operator).where(sql`${operator.id} = any(${sql.param(ids)}::text[])`)).map((o) => [o.id, o.kind]));
    for (const { row, data } of entries) {
      const kind = kinds.get(data.operatorId);
      if (kind === undefined) problems.add(row, 'operatorId', 'UNKNOWN_REFERENCE', `No telecom operator "${data.operatorId}" is registered; use an operator id such as CHINA_MOBILE.`);
      else if (kind !== 'BASIC_TELECOM') problems.add(row, 'operatorId', 'INCONSISTENT_FIELDS', `${data.operatorId} is a ${kind} operator; core machine rooms are run by basic telecom enterprises.`);
    }
  },
  referencedBy: [{ what: 'current observations', column: observation.subjectId, where: sql`${eq(observation.subjectKind, 'CORE_ROOM')} and ${visibleObservations(observation)}` }],
};
