import { boolean, date, doublePrecision, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { regionTable } from '../../db/region-table.ts';
import { observationTable } from '../../db/observation-table.ts';
import { importBatchTable, registerRevisionTable } from '../../db/write-tables.ts';

export const bigdata = pgSchema('bigdata');

export const region = regionTable(bigdata);

/** Applied write batches (idempotency) and the history of every register change. */
export const importBatch = importBatchTable(bigdata);
export const registerRevision = registerRevisionTable(bigdata);

/** Numeric facts this agency owns, as revisioned observations: racks retired or replaced per data centre and year (metrics.ts). */
export const observation = observationTable(bigdata);

export const cluster = bigdata.table('cluster', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  provinceCode: text('province_code').notNull(),
  areaKm2: doublePrecision('area_km2'),
});

export const zone = bigdata.table(
  'zone',
  {
    id: text('id').primaryKey(),
    clusterId: text('cluster_id')
      .notNull()
      .references(() => cluster.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    regionCode: text('region_code').notNull(),
    startUp: boolean('start_up').notNull(),
  },
  (t) => [index().on(t.clusterId)],
);

export const dataCenterStatus = ['OPERATING', 'SHUT_DOWN', 'MERGED'] as const;
export const buildType = ['NEW', 'EXISTING'] as const;

export const dataCenter = bigdata.table(
  'data_center',
  {
    id: text('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    operatorUscc: text('operator_uscc').notNull(),
    regionCode: text('region_code').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    commissionedOn: date('commissioned_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: dataCenterStatus }).notNull(),
    closedYear: integer('closed_year'),
    /** Design capacity in standard racks of 2.5 kW. */
    designRacks: integer('design_racks').notNull(),
    buildType: text('build_type', { enum: buildType }).notNull(),
    renovatedYear: integer('renovated_year'),
    clusterId: text('cluster_id').references(() => cluster.id),
    zoneId: text('zone_id').references(() => zone.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionCode), index().on(t.clusterId), index().on(t.zoneId), index().on(t.operatorUscc)],
);
