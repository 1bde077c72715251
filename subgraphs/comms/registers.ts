import { eq, sql } from 'drizzle-orm';
import { visibleObservations } from '../../db/observation-table.ts';
import type { Db } from '../../db/connection.ts';
import type { ProblemList } from '../../lib/writes/problems.ts';
import type { Register, RegisterEntry } from '../../lib/writes/registers.ts';
import type { CoreMachineRoomInput, Site5GInput, TelecomOperatorInput, TowerInput } from './resolvers.generated.ts';
import { coreRoom, importBatch, observation, operator, operatorKind, registerRevision, site5g, tower } from './tables.ts';

const common = { agency: 'comms', revisions: registerRevision, batches: importBatch } as const;

/**
 * Core machine rooms of the basic telecom enterprises. The operator is comms' own register, so it must
 * exist and be a basic telecom enterprise (the tower company runs no core rooms).
 */
export const coreMachineRooms: Register<CoreMachineRoomInput, typeof coreRoom.$inferSelect> = {
  ...common,
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
  check: (tx, entries, problems) => checkBasicTelecom(tx, entries, problems, 'core machine rooms are run'),
  referencedBy: [
    {
      what: 'current observations',
      column: observation.subjectId,
      where: sql`${eq(observation.subjectKind, 'CORE_ROOM')} and ${visibleObservations(observation)}`,
    },
  ],
};

/** Base stations one physical site may carry: far above real sites (a handful), and keeps county sums within Int. */
const MAX_BASE_STATIONS_PER_SITE = 100;

/** Telecom operators: the basic telecom enterprises and the tower company. */
export const telecomOperators: Register<TelecomOperatorInput, typeof operator.$inferSelect> = {
  ...common,
  entity: 'TelecomOperator',
  operation: 'upsertTelecomOperators',
  table: operator,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    nameZh: read.text('nameZh')!,
    nameEn: read.text('nameEn')!,
    kind: read.choice('kind', operatorKind)!,
  }),
  referencedBy: [
    { what: '5G sites', column: site5g.operatorId },
    { what: 'core machine rooms', column: coreRoom.operatorId },
  ],
};

/** Physical 5G sites, counted in the year they were built; the operator is comms' own register. */
export const sites5G: Register<Site5GInput, typeof site5g.$inferSelect> = {
  ...common,
  entity: 'Site5G',
  operation: 'upsertSites5G',
  table: site5g,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    operatorId: read.reference('operatorId')!,
    regionCode: read.region('regionCode', { level: 'COUNTY' })!,
    builtYear: read.year('builtYear')!,
    builtBySharing: read.boolean('builtBySharing')!,
    baseStations: read.integer('baseStations', { min: 1, max: MAX_BASE_STATIONS_PER_SITE })!,
  }),
  check: (tx, entries, problems) => checkBasicTelecom(tx, entries, problems, '5G sites are built'),
};

/** Tower-type base-station sites, counted in the year they were built. */
export const towers: Register<TowerInput, typeof tower.$inferSelect> = {
  ...common,
  entity: 'Tower',
  operation: 'upsertTowers',
  table: tower,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    regionCode: read.region('regionCode', { level: 'COUNTY' })!,
    builtYear: read.year('builtYear')!,
    shared: read.boolean('shared')!,
  }),
};

/** The operator a row names must be registered and be a basic telecom enterprise. */
async function checkBasicTelecom(tx: Db, entries: readonly RegisterEntry<{ operatorId: string }>[], problems: ProblemList, what: string): Promise<void> {
  const ids = [...new Set(entries.map((e) => e.data.operatorId))];
  if (ids.length === 0) return;
  const kinds = new Map(
    (
      await tx
        .select({ id: operator.id, kind: operator.kind })
        .from(operator)
        .where(sql`${operator.id} = any(${sql.param(ids)}::text[])`)
    ).map((o) => [o.id, o.kind]),
  );
  for (const { row, data } of entries) {
    const kind = kinds.get(data.operatorId);
    if (kind === undefined)
      problems.add(row, 'operatorId', 'UNKNOWN_REFERENCE', `No telecom operator "${data.operatorId}" is registered; use an operator id such as CHINA_MOBILE.`);
    else if (kind !== 'BASIC_TELECOM')
      problems.add(row, 'operatorId', 'INCONSISTENT_FIELDS', `${data.operatorId} is a ${kind} operator; ${what} by basic telecom enterprises.`);
  }
}
