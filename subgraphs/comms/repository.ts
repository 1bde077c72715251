import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import type { Db } from '../../db/connection.ts';
import { readableObservations } from '../../lib/observations.ts';
import { pageById } from '../../db/paging.ts';
import { coreRoom, observation, operator, site5g, tower } from './tables.ts';

export type OperatorRow = typeof operator.$inferSelect;
export type Site5GRow = typeof site5g.$inferSelect;
export type TowerRow = typeof tower.$inferSelect;
export type CoreRoomRow = typeof coreRoom.$inferSelect;
export type ObservationRow = typeof observation.$inferSelect;

export interface Page<R> {
  rows: R[];
  total: number;
}

export interface Site5GFilter {
  regionCodes?: string[] | undefined;
  operatorId?: string | undefined;
  builtYear?: number | undefined;
  builtBySharing?: boolean | undefined;
}

export function pageSites5G(db: Db, f: Site5GFilter, after: string | undefined, limit: number): Promise<Page<Site5GRow>> {
  const conditions: SQL[] = [];
  if (f.regionCodes) conditions.push(anyText(site5g.regionCode, f.regionCodes));
  if (f.operatorId) conditions.push(eq(site5g.operatorId, f.operatorId));
  if (f.builtYear !== undefined) conditions.push(eq(site5g.builtYear, f.builtYear));
  if (f.builtBySharing !== undefined) conditions.push(eq(site5g.builtBySharing, f.builtBySharing));
  return pageById<typeof site5g, Site5GRow>(db, site5g, site5g.id, conditions, after, limit);
}

export interface TowerFilter {
  regionCodes?: string[] | undefined;
  builtYear?: number | undefined;
  shared?: boolean | undefined;
}

export function pageTowers(db: Db, f: TowerFilter, after: string | undefined, limit: number): Promise<Page<TowerRow>> {
  const conditions: SQL[] = [];
  if (f.regionCodes) conditions.push(anyText(tower.regionCode, f.regionCodes));
  if (f.builtYear !== undefined) conditions.push(eq(tower.builtYear, f.builtYear));
  if (f.shared !== undefined) conditions.push(eq(tower.shared, f.shared));
  return pageById<typeof tower, TowerRow>(db, tower, tower.id, conditions, after, limit);
}

export interface CoreRoomFilter {
  regionCodes?: string[] | undefined;
  operatorId?: string | undefined;
  renovated?: boolean | undefined;
}

export function pageCoreRooms(db: Db, f: CoreRoomFilter, after: string | undefined, limit: number): Promise<Page<CoreRoomRow>> {
  const conditions: SQL[] = [];
  if (f.regionCodes) conditions.push(anyText(coreRoom.regionCode, f.regionCodes));
  if (f.operatorId) conditions.push(eq(coreRoom.operatorId, f.operatorId));
  if (f.renovated !== undefined) conditions.push(f.renovated ? isNotNull(coreRoom.renovatedYear) : isNull(coreRoom.renovatedYear));
  return pageById<typeof coreRoom, CoreRoomRow>(db, coreRoom, coreRoom.id, conditions, after, limit);
}

export const operators = (db: Db, kind?: OperatorRow['kind']) =>
  db
    .select()
    .from(operator)
    .where(kind ? eq(operator.kind, kind) : undefined)
    .orderBy(asc(operator.id));

export const operatorsByIds = (db: Db, ids: readonly string[]) => db.select().from(operator).where(anyText(operator.id, ids));

export const sites5GByIds = (db: Db, ids: readonly string[]) => db.select().from(site5g).where(anyText(site5g.id, ids));

export const towersByIds = (db: Db, ids: readonly string[]) => db.select().from(tower).where(anyText(tower.id, ids));

export const coreRoomsByIds = (db: Db, ids: readonly string[]) => db.select().from(coreRoom).where(anyText(coreRoom.id, ids));

/** Every period of one metric for a batch of subjects, e.g. all rack-usage reports of some data centres. */
export const observationsOfMetric = (db: Db, metric: string, subjectIds: readonly string[]) =>
  db
    .select()
    .from(observation)
    .where(and(eq(observation.metric, metric), anyText(observation.subjectId, subjectIds), readableObservations(observation)))
    .orderBy(asc(observation.period));

// Per county and year aggregates of the registers, for the indicator engine: summed over a region in memory.

export const siteCountsInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select({
          regionCode: site5g.regionCode,
          year: site5g.builtYear,
          sites: sql<number>`count(*)::int`,
          shared: sql<number>`(count(*) filter (where ${site5g.builtBySharing}))::int`,
          baseStations: sql<number>`sum(${site5g.baseStations})::int`,
        })
        .from(site5g)
        .where(anyText(site5g.regionCode, codes))
        .groupBy(site5g.regionCode, site5g.builtYear);

export const towerCountsInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select({
          regionCode: tower.regionCode,
          year: tower.builtYear,
          towers: sql<number>`count(*)::int`,
          shared: sql<number>`(count(*) filter (where ${tower.shared}))::int`,
        })
        .from(tower)
        .where(anyText(tower.regionCode, codes))
        .groupBy(tower.regionCode, tower.builtYear);

export const coreRoomsInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.select().from(coreRoom).where(anyText(coreRoom.regionCode, codes));

export type SiteCounts = Awaited<ReturnType<typeof siteCountsInRegions>>[number];
export type TowerCounts = Awaited<ReturnType<typeof towerCountsInRegions>>[number];
