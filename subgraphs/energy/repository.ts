import { and, asc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import type { Db } from '../../db/connection.ts';
import { visibleObservations } from '../../db/observation-table.ts';
import { notWithheld, type WithheldRegionYear } from '../../lib/embargo.ts';
import { readableObservations } from '../../lib/observations.ts';
import { pageById } from '../../db/paging.ts';
import { batchStamp } from '../../db/write-tables.ts';
import { importBatch, observation, pvInstallation } from './tables.ts';

export type PvInstallationRow = typeof pvInstallation.$inferSelect;
export type ObservationRow = typeof observation.$inferSelect;
/** An observation with who wrote it, from which system and with which key (`batchStamp`; null for rows loaded by the demo seed). */
export type StampedObservationRow = ObservationRow & { [K in keyof ReturnType<typeof batchStamp>]: string | null };

export interface PvInstallationFilter {
  regionCodes?: string[] | undefined;
  commissionedFrom?: string | undefined;
  commissionedTo?: string | undefined;
  onRoof?: boolean | undefined;
}

function pvConditions(f: PvInstallationFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.regionCodes) conditions.push(anyText(pvInstallation.regionCode, f.regionCodes));
  if (f.commissionedFrom) conditions.push(gte(pvInstallation.commissionedOn, f.commissionedFrom));
  if (f.commissionedTo) conditions.push(lte(pvInstallation.commissionedOn, f.commissionedTo));
  if (f.onRoof !== undefined) conditions.push(eq(pvInstallation.onRoof, f.onRoof));
  return conditions;
}

/** One page of installations ordered by id, with the total match count. */
export const pagePvInstallations = (db: Db, filter: PvInstallationFilter, after: string | undefined, limit: number) =>
  pageById<typeof pvInstallation, PvInstallationRow>(db, pvInstallation, pvInstallation.id, pvConditions(filter), after, limit);

export const pvInstallationsInRegions = (db: Db, regionCodes: readonly string[]) =>
  regionCodes.length === 0 ? Promise.resolve([]) : db.select().from(pvInstallation).where(anyText(pvInstallation.regionCode, regionCodes));

export const pvInstallationsByIds = (db: Db, ids: readonly string[]) => db.select().from(pvInstallation).where(anyText(pvInstallation.id, ids));

export const pvInstallationsByEnterprises = (db: Db, usccs: readonly string[]) =>
  db.select().from(pvInstallation).where(anyText(pvInstallation.enterpriseUscc, usccs)).orderBy(asc(pvInstallation.commissionedOn), asc(pvInstallation.id));

/** Every observation of some metrics for a batch of subjects, all years: facility readings without a year. */
export const observationsBySubjects = (db: Db, subjectIds: readonly string[], metrics: readonly string[]) =>
  db
    .select()
    .from(observation)
    .where(and(anyText(observation.subjectId, subjectIds), anyText(observation.metric, metrics), readableObservations(observation)));

export interface ObservationFilter {
  metric: string;
  subjectId?: string | undefined;
  year?: number | undefined;
  /** The revisions in force at this time; the current ones when absent. */
  asOf?: Date | undefined;
  /** Region figures a release's embargo withholds from the caller, left out. */
  withheld?: readonly WithheldRegionYear[] | undefined;
}

/** Position after which a page starts: observations of one metric sort by (subject, period). */
export interface ObservationPosition {
  subjectId: string;
  period: string;
}

function observationConditions(f: ObservationFilter): SQL[] {
  const conditions: SQL[] = [eq(observation.metric, f.metric), visibleObservations(observation, f.asOf)];
  if (f.subjectId !== undefined) conditions.push(eq(observation.subjectId, f.subjectId));
  if (f.year !== undefined) conditions.push(eq(observation.year, f.year));
  const embargoed = notWithheld(observation, f.withheld ?? []);
  if (embargoed) conditions.push(embargoed);
  return conditions;
}

/**
 * One page of raw observations of one metric, `limit + 1` rows to learn whether more follow. The
 * primary key (metric, subject, period) serves both the filter and the order, so a page is an
 * index range scan however many observations the metric has. Each row comes with the stamp of the batch that
 * wrote it (one primary-key probe of `import_batch` per row of the page, in the same statement).
 */
export const pageObservations = (db: Db, filter: ObservationFilter, after: ObservationPosition | undefined, limit: number): Promise<StampedObservationRow[]> =>
  db
    .select({ ...getTableColumns(observation), ...batchStamp(importBatch) })
    .from(observation)
    .leftJoin(importBatch, eq(importBatch.id, observation.batchId))
    .where(
      and(
        ...observationConditions(filter),
        after === undefined ? undefined : sql`(${observation.subjectId}, ${observation.period}) > (${after.subjectId}, ${after.period})`,
      ),
    )
    .orderBy(asc(observation.subjectId), asc(observation.period))
    .limit(limit + 1);

/** How many observations match, counted separately because a metric can have millions of rows and most clients never ask. */
export async function countObservations(db: Db, filter: ObservationFilter): Promise<number> {
  const [counted] = await db
    .select({ n: sql<number>`count(*)` })
    .from(observation)
    .where(and(...observationConditions(filter)));
  return Number(counted?.n ?? 0);
}

export type ObservationInsert = typeof observation.$inferInsert;

/**
 * Bulk insert as one array parameter per column (`unnest`): the statement stays seven parameters
 * however many rows it carries, which builds and sends several times faster than a VALUES list
 * when the demo writes a national world's monthly readings.
 */
export async function insertObservations(db: Db, rows: readonly ObservationInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof ObservationInsert>(key: K) => sql.param(rows.map((r) => r[key] ?? null));
  await db.execute(sql`
    insert into ${observation} (metric, subject_kind, subject_id, period, year, value, status)
    select * from unnest(${column('metric')}::text[], ${column('subjectKind')}::text[], ${column('subjectId')}::text[], ${column('period')}::text[],
                         ${column('year')}::int[], ${column('value')}::float8[], ${column('status')}::text[])`);
}
