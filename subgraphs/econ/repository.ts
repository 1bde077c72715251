import { and, asc, desc, eq, isNull, lte, or, type SQL } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connection.ts';
import { readableObservations } from '../../lib/observations.ts';
import { pageById } from '../../db/paging.ts';
import {
  applicationScenario,
  carbonPeakPilot,
  designation,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  greenStandard,
  observation,
  retrofitProject,
} from './tables.ts';

export type EnterpriseRow = typeof enterprise.$inferSelect;
export type EnergyAssessmentRow = typeof energyAssessment.$inferSelect;
export type EnergyManagementCentreRow = typeof energyManagementCentre.$inferSelect;
export type DesignationRow = typeof designation.$inferSelect;
export type RetrofitProjectRow = typeof retrofitProject.$inferSelect;
export type ApplicationScenarioRow = typeof applicationScenario.$inferSelect;
export type GreenStandardRow = typeof greenStandard.$inferSelect;
export type CarbonPeakPilotRow = typeof carbonPeakPilot.$inferSelect;

/** Exact year and/or "up to" year on one year column. */
export interface YearFilter {
  year?: number | undefined;
  throughYear?: number | undefined;
}

function yearConditions(column: PgColumn, f: YearFilter): SQL[] {
  const conditions: SQL[] = [];
  if (f.year !== undefined) conditions.push(eq(column, f.year));
  if (f.throughYear !== undefined) conditions.push(lte(column, f.throughYear));
  return conditions;
}

export interface EnterpriseFilter {
  regionCodes?: string[] | undefined;
  sector?: EnterpriseRow['sector'] | undefined;
}

export function pageEnterprises(db: Db, f: EnterpriseFilter, after: string | undefined, limit: number) {
  const where: SQL[] = [];
  if (f.regionCodes) where.push(anyText(enterprise.regionCode, f.regionCodes));
  if (f.sector) where.push(eq(enterprise.sector, f.sector));
  return pageById<typeof enterprise, EnterpriseRow>(db, enterprise, enterprise.uscc, where, after, limit);
}

export interface RetrofitFilter {
  regionCodes?: string[] | undefined;
  plannedYear?: number | undefined;
  status?: RetrofitProjectRow['status'] | undefined;
}

export function pageRetrofitProjects(db: Db, f: RetrofitFilter, after: string | undefined, limit: number) {
  const where: SQL[] = [];
  if (f.regionCodes) where.push(anyText(retrofitProject.regionCode, f.regionCodes));
  if (f.plannedYear !== undefined) where.push(eq(retrofitProject.plannedYear, f.plannedYear));
  if (f.status) where.push(eq(retrofitProject.status, f.status));
  return pageById<typeof retrofitProject, RetrofitProjectRow>(db, retrofitProject, retrofitProject.id, where, after, limit);
}

export interface DesignationFilter extends YearFilter {
  kind?: DesignationRow['kind'] | undefined;
  regionCodes?: string[] | undefined;
}

export const designations = (db: Db, f: DesignationFilter) =>
  db
    .select()
    .from(designation)
    .where(
      and(
        ...(f.kind ? [eq(designation.kind, f.kind)] : []),
        ...(f.regionCodes ? [anyText(designation.regionCode, f.regionCodes)] : []),
        ...yearConditions(designation.year, f),
      ),
    )
    .orderBy(asc(designation.year), asc(designation.id));

export interface ScenarioFilter extends YearFilter {
  category?: ApplicationScenarioRow['category'] | undefined;
  regionCodes?: string[] | undefined;
}

export const applicationScenarios = (db: Db, f: ScenarioFilter) =>
  db
    .select()
    .from(applicationScenario)
    .where(
      and(
        ...(f.category ? [eq(applicationScenario.category, f.category)] : []),
        ...(f.regionCodes ? [anyText(applicationScenario.regionCode, f.regionCodes)] : []),
        ...yearConditions(applicationScenario.selectedYear, f),
      ),
    )
    .orderBy(asc(applicationScenario.selectedYear), asc(applicationScenario.id));

export const greenStandards = (db: Db, f: YearFilter & { level?: GreenStandardRow['level'] | undefined }) =>
  db
    .select()
    .from(greenStandard)
    .where(and(...(f.level ? [eq(greenStandard.level, f.level)] : []), ...yearConditions(greenStandard.publishedYear, f)))
    .orderBy(asc(greenStandard.publishedYear), asc(greenStandard.code));

export interface PilotFilter {
  type?: CarbonPeakPilotRow['type'] | undefined;
  stage?: CarbonPeakPilotRow['stage'] | undefined;
  regionCodes?: string[] | undefined;
}

export const carbonPeakPilots = (db: Db, f: PilotFilter) =>
  db
    .select()
    .from(carbonPeakPilot)
    .where(
      and(
        ...(f.type ? [eq(carbonPeakPilot.type, f.type)] : []),
        ...(f.stage ? [eq(carbonPeakPilot.stage, f.stage)] : []),
        ...(f.regionCodes ? [anyText(carbonPeakPilot.regionCode, f.regionCodes)] : []),
      ),
    )
    .orderBy(asc(carbonPeakPilot.id));

// Batched look-ups for the loaders: one statement per batch of keys.

export const enterprisesByUscc = (db: Db, ids: readonly string[]) => db.select().from(enterprise).where(anyText(enterprise.uscc, ids));

/** Which of the given credit codes are in the register. */
export const enterpriseUsccsIn = async (db: Db, ids: readonly string[]): Promise<string[]> =>
  ids.length === 0 ? [] : (await db.select({ uscc: enterprise.uscc }).from(enterprise).where(anyText(enterprise.uscc, ids))).map((r) => r.uscc);

/** The current observation of one metric for the latest period each subject reported it, for a batch of subjects. */
export const latestObservationsOfMetric = (db: Db, metric: string, subjectIds: readonly string[]) =>
  db
    .selectDistinctOn([observation.subjectId])
    .from(observation)
    .where(and(eq(observation.metric, metric), anyText(observation.subjectId, subjectIds), readableObservations(observation)))
    .orderBy(observation.subjectId, desc(observation.period));

export const assessmentsByUscc = (db: Db, ids: readonly string[]) =>
  db.select().from(energyAssessment).where(anyText(energyAssessment.uscc, ids)).orderBy(asc(energyAssessment.completedOn), asc(energyAssessment.id));

export const centresByUscc = (db: Db, ids: readonly string[]) => db.select().from(energyManagementCentre).where(anyText(energyManagementCentre.uscc, ids));

export const designationsByIds = (db: Db, ids: readonly string[]) => db.select().from(designation).where(anyText(designation.id, ids));

export const designationsByDataCenterIds = (db: Db, ids: readonly string[]) =>
  db.select().from(designation).where(anyText(designation.dataCenterId, ids)).orderBy(asc(designation.year), asc(designation.id));

export const designationsByUscc = (db: Db, ids: readonly string[]) =>
  db.select().from(designation).where(anyText(designation.enterpriseUscc, ids)).orderBy(asc(designation.year), asc(designation.id));

export const retrofitProjectsByIds = (db: Db, ids: readonly string[]) => db.select().from(retrofitProject).where(anyText(retrofitProject.id, ids));

export const retrofitProjectsByUscc = (db: Db, ids: readonly string[]) =>
  db.select().from(retrofitProject).where(anyText(retrofitProject.enterpriseUscc, ids)).orderBy(asc(retrofitProject.plannedYear), asc(retrofitProject.id));

/** Only the columns the schedule needs: a province-wide check reads every listed project below it. */
export type RetrofitScheduleRow = Awaited<ReturnType<typeof retrofitScheduleByRegionCodes>>[number];
export const retrofitScheduleByRegionCodes = (db: Db, codes: readonly string[]) =>
  db
    .select({ regionCode: retrofitProject.regionCode, status: retrofitProject.status, completedYear: retrofitProject.completedYear })
    .from(retrofitProject)
    .where(anyText(retrofitProject.regionCode, codes));

/** Whole retrofit-project rows in regions, the shape the register's as-of reads give too. */
export const retrofitProjectsInRegions = (db: Db, codes: readonly string[]) =>
  db.select().from(retrofitProject).where(anyText(retrofitProject.regionCode, codes));

export const scenariosByIds = (db: Db, ids: readonly string[]) => db.select().from(applicationScenario).where(anyText(applicationScenario.id, ids));

export const scenariosByUscc = (db: Db, ids: readonly string[]) =>
  db
    .select()
    .from(applicationScenario)
    .where(anyText(applicationScenario.enterpriseUscc, ids))
    .orderBy(asc(applicationScenario.selectedYear), asc(applicationScenario.id));

export const standardsByIds = (db: Db, ids: readonly string[]) => db.select().from(greenStandard).where(anyText(greenStandard.id, ids));

export const pilotsByIds = (db: Db, ids: readonly string[]) => db.select().from(carbonPeakPilot).where(anyText(carbonPeakPilot.id, ids));

// Register rows inside a batch of regions, for the indicator engine's populations and counts.

export const enterprisesInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.select().from(enterprise).where(anyText(enterprise.regionCode, codes));

export const designationsInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.select().from(designation).where(anyText(designation.regionCode, codes));

export const scenariosInRegions = (db: Db, codes: readonly string[]) =>
  codes.length === 0 ? Promise.resolve([]) : db.select().from(applicationScenario).where(anyText(applicationScenario.regionCode, codes));

/** Standards without a region (national, industry, group) count everywhere; local ones in their region. */
export const standardsInRegions = (db: Db, codes: readonly string[]) =>
  db
    .select()
    .from(greenStandard)
    .where(codes.length === 0 ? isNull(greenStandard.regionCode) : or(isNull(greenStandard.regionCode), anyText(greenStandard.regionCode, codes)));
