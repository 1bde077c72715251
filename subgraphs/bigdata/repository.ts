import { and, asc, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import type { Db } from '../../db/connection.ts';
import { readableObservations } from '../../lib/observations.ts';
import { pageById } from '../../db/paging.ts';
import { bigdataMetrics } from './metrics.ts';
import { cluster, dataCenter, observation, zone } from './tables.ts';

export type DataCenterRow = typeof dataCenter.$inferSelect;
export type ClusterRow = typeof cluster.$inferSelect;
export type ZoneRow = typeof zone.$inferSelect;
export type ScaleClass = 'HYPER_LARGE' | 'LARGE' | 'MEDIUM_SMALL';

/** Racks a data centre retired or replaced in one year, from its RACKS_RETIRED observations. */
export interface RackRetirementRow {
  dataCenterId: string;
  year: number;
  racks: number;
  /** PROVISIONAL when any observation of the year is. */
  status: 'PROVISIONAL' | 'FINAL';
  /** When the latest of them was recorded. */
  updatedAt: Date;
}

export interface DataCenterFilter {
  regionCodes?: string[] | undefined;
  clusterId?: string | undefined;
  zoneId?: string | undefined;
  insideCluster?: boolean | undefined;
  status?: DataCenterRow['status'] | undefined;
  scaleClass?: ScaleClass | undefined;
  buildType?: DataCenterRow['buildType'] | undefined;
}

function scaleClassCondition(scaleClass: ScaleClass): SQL {
  if (scaleClass === 'HYPER_LARGE') return gte(dataCenter.designRacks, 10_000);
  if (scaleClass === 'LARGE') return and(gte(dataCenter.designRacks, 3_000), lt(dataCenter.designRacks, 10_000))!;
  return lt(dataCenter.designRacks, 3_000);
}

function filterConditions(f: DataCenterFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.regionCodes) conditions.push(anyText(dataCenter.regionCode, f.regionCodes));
  if (f.clusterId) conditions.push(eq(dataCenter.clusterId, f.clusterId));
  if (f.zoneId) conditions.push(eq(dataCenter.zoneId, f.zoneId));
  if (f.insideCluster !== undefined) conditions.push(f.insideCluster ? isNotNull(dataCenter.clusterId) : isNull(dataCenter.clusterId));
  if (f.status) conditions.push(eq(dataCenter.status, f.status));
  if (f.scaleClass) conditions.push(scaleClassCondition(f.scaleClass));
  if (f.buildType) conditions.push(eq(dataCenter.buildType, f.buildType));
  return conditions;
}

/** One page of data centres ordered by id, with the total match count. */
export const pageDataCenters = (db: Db, filter: DataCenterFilter, after: string | undefined, limit: number) =>
  pageById<typeof dataCenter, DataCenterRow>(db, dataCenter, dataCenter.id, filterConditions(filter), after, limit);

export const dataCentersByIds = (db: Db, ids: readonly string[]) => db.select().from(dataCenter).where(anyText(dataCenter.id, ids));

export const clustersByIds = (db: Db, ids: readonly string[]) => db.select().from(cluster).where(anyText(cluster.id, ids));

export const clusters = (db: Db, provinceCode?: string) =>
  db
    .select()
    .from(cluster)
    .where(provinceCode ? eq(cluster.provinceCode, provinceCode) : undefined)
    .orderBy(asc(cluster.id));

export const zonesByIds = (db: Db, ids: readonly string[]) => db.select().from(zone).where(anyText(zone.id, ids));

export const zonesByClusterIds = (db: Db, clusterIds: readonly string[]) =>
  db
    .select()
    .from(zone)
    .where(anyText(zone.clusterId, clusterIds))
    .orderBy(sql`${zone.startUp} desc`, asc(zone.id));

/** Registered design racks of a batch of data centres; ids not in the register are simply absent. */
export const designRacksByIds = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.select({ id: dataCenter.id, designRacks: dataCenter.designRacks }).from(dataCenter).where(anyText(dataCenter.id, ids));

/**
 * Racks retired per data centre and year for a batch of data centres, oldest year first, from the
 * current (or, with `asOf`, then current) RACKS_RETIRED observations: one statement per batch. A
 * retirement is a flow, so the periods of a year add up.
 */
export function retirementsByDataCenterIds(db: Db, ids: readonly string[], asOf?: Date | null): Promise<RackRetirementRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      dataCenterId: observation.subjectId,
      year: observation.year,
      racks: sql<number>`round(sum(${observation.value}))::int`,
      status: sql<'PROVISIONAL' | 'FINAL'>`case when bool_or(${observation.status} = 'PROVISIONAL') then 'PROVISIONAL' else 'FINAL' end`,
      updatedAt: sql<Date>`max(${observation.updatedAt})`.mapWith(observation.updatedAt),
    })
    .from(observation)
    .where(
      and(
        eq(observation.metric, bigdataMetrics.RACKS_RETIRED.code),
        eq(observation.subjectKind, 'DATA_CENTER'),
        anyText(observation.subjectId, ids),
        readableObservations(observation, asOf),
      ),
    )
    .groupBy(observation.subjectId, observation.year)
    .orderBy(asc(observation.year), asc(observation.subjectId));
}

export interface ScopeSelection {
  regionCodes: string[];
  clusterIds: string[];
  dataCenterIds: string[];
}

/** Every data centre in any of the selected regions, clusters (or zones) or ids: one statement for a whole batch of scopes. */
export function dataCentersInScopes(db: Db, s: ScopeSelection) {
  const conditions: SQL[] = [];
  if (s.regionCodes.length > 0) conditions.push(anyText(dataCenter.regionCode, s.regionCodes));
  if (s.clusterIds.length > 0) conditions.push(anyText(dataCenter.clusterId, s.clusterIds), anyText(dataCenter.zoneId, s.clusterIds));
  if (s.dataCenterIds.length > 0) conditions.push(anyText(dataCenter.id, s.dataCenterIds));
  if (conditions.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(dataCenter)
    .where(or(...conditions));
}
