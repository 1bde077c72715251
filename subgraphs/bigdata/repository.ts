import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { pageById } from '../../db/paging.ts';
import { cluster, dataCenter, rackRetirement, zone } from './tables.ts';

export type DataCenterRow = typeof dataCenter.$inferSelect;
export type ClusterRow = typeof cluster.$inferSelect;
export type ZoneRow = typeof zone.$inferSelect;
export type RackRetirementRow = typeof rackRetirement.$inferSelect;
export type ScaleClass = 'HYPER_LARGE' | 'LARGE' | 'MEDIUM_SMALL';

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
  if (f.regionCodes) conditions.push(inArray(dataCenter.regionCode, f.regionCodes));
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

export const dataCentersByIds = (db: Db, ids: readonly string[]) => db.select().from(dataCenter).where(inArray(dataCenter.id, [...ids]));

export const clustersByIds = (db: Db, ids: readonly string[]) => db.select().from(cluster).where(inArray(cluster.id, [...ids]));

export const clusters = (db: Db, provinceCode?: string) =>
  db.select().from(cluster).where(provinceCode ? eq(cluster.provinceCode, provinceCode) : undefined).orderBy(asc(cluster.id));

export const zonesByIds = (db: Db, ids: readonly string[]) => db.select().from(zone).where(inArray(zone.id, [...ids]));

export const zonesByClusterIds = (db: Db, clusterIds: readonly string[]) =>
  db.select().from(zone).where(inArray(zone.clusterId, [...clusterIds])).orderBy(sql`${zone.startUp} desc`, asc(zone.id));

export const retirementsByDataCenterIds = (db: Db, ids: readonly string[]) =>
  db.select().from(rackRetirement).where(inArray(rackRetirement.dataCenterId, [...ids])).orderBy(asc(rackRetirement.year));

export interface ScopeSelection {
  regionCodes: string[];
  clusterIds: string[];
  dataCenterIds: string[];
}

/** Every data centre in any of the selected regions, clusters (or zones) or ids: one statement for a whole batch of scopes. */
export function dataCentersInScopes(db: Db, s: ScopeSelection) {
  const conditions: SQL[] = [];
  if (s.regionCodes.length > 0) conditions.push(inArray(dataCenter.regionCode, s.regionCodes));
  if (s.clusterIds.length > 0) conditions.push(inArray(dataCenter.clusterId, s.clusterIds), inArray(dataCenter.zoneId, s.clusterIds));
  if (s.dataCenterIds.length > 0) conditions.push(inArray(dataCenter.id, s.dataCenterIds));
  if (conditions.length === 0) return Promise.resolve([]);
  return db.select().from(dataCenter).where(or(...conditions));
}
