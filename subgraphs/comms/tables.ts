import { boolean, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { observationTable } from '../../db/observation-table.ts';
import { regionTable } from '../../db/region-table.ts';
import { importBatchTable, registerRevisionTable } from '../../db/write-tables.ts';

export const comms = pgSchema('comms');

export const region = regionTable(comms);

/** Applied write batches (idempotency) and the history of every register change. */
export const importBatch = importBatchTable(comms);
export const registerRevision = registerRevisionTable(comms);

/** Racks in use, information traffic, business volume and 5G traffic (see metrics.ts). */
export const observation = observationTable(comms);

export const operatorKind = ['BASIC_TELECOM', 'TOWER'] as const;

export const operator = comms.table('operator', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: operatorKind }).notNull(),
});

/**
 * A physical 5G site (站址) in the year it was built. Seed 004 annex #4 and #5 count sites, not
 * base stations: sharing is decided per site and utilisation is base stations per site.
 */
export const site5g = comms.table(
  'site_5g',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operator.id),
    regionCode: text('region_code').notNull(),
    builtYear: integer('built_year').notNull(),
    /** Built by sharing existing resources (共享方式新建), seed 002 annex #3. */
    builtBySharing: boolean('built_by_sharing').notNull(),
    /** Base stations of all operators mounted on this physical site. */
    baseStations: integer('base_stations').notNull(),
  },
  (t) => [index().on(t.regionCode, t.builtYear), index().on(t.operatorId)],
);

/** A tower-type base-station site (塔类基站站址), seed 004 annex #3. */
export const tower = comms.table(
  'tower',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    builtYear: integer('built_year').notNull(),
    shared: boolean('shared').notNull(),
  },
  (t) => [index().on(t.regionCode, t.builtYear)],
);

/** Core machine rooms (核心机房) of the basic telecom operators; energy meters them by this id. */
export const coreRoom = comms.table(
  'core_room',
  {
    id: text('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operator.id),
    regionCode: text('region_code').notNull(),
    /** Year the green renovation (绿色低碳化重构) was completed; null if not renovated. */
    renovatedYear: integer('renovated_year'),
  },
  (t) => [index().on(t.regionCode), index().on(t.operatorId)],
);
