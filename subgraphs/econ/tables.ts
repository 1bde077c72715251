import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { regionTable } from '../../db/region-table.ts';
import { observationTable } from '../../db/observation-table.ts';
import { importBatchTable, registerRevisionTable } from '../../db/write-tables.ts';

export const econ = pgSchema('econ');

export const region = regionTable(econ);

/** Applied write batches (idempotency) and the history of every register change. */
export const importBatch = importBatchTable(econ);
export const registerRevision = registerRevisionTable(econ);

/** Numeric facts this agency owns, as revisioned observations: usable roofs per enterprise and year (metrics.ts). */
export const observation = observationTable(econ);

export const enterpriseSector = ['MANUFACTURING', 'TELECOM', 'DATA_CENTRE', 'INDUSTRIAL_PARK', 'OTHER'] as const;

/**
 * Energy-using enterprises (用能企业) keyed by their unified social credit code (GB 32100). Their usable
 * roofs are yearly observations (USABLE_ROOFS), not a column.
 */
export const enterprise = econ.table(
  'enterprise',
  {
    uscc: text('uscc').primaryKey(),
    nameZh: text('name_zh').notNull(),
    regionCode: text('region_code').notNull(),
    sector: text('sector', { enum: enterpriseSector }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionCode), index().on(t.sector)],
);

export const assessmentKind = ['AUDIT', 'DIAGNOSIS'] as const;

/** Energy audits (能源审计) and energy-saving diagnoses (节能诊断): same shape, told apart by kind. */
export const energyAssessment = econ.table(
  'energy_assessment',
  {
    id: text('id').primaryKey(),
    uscc: text('uscc')
      .notNull()
      .references(() => enterprise.uscc),
    kind: text('kind', { enum: assessmentKind }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    /** Third-party institution that did the work; null when the enterprise did it itself. */
    provider: text('provider'),
  },
  (t) => [index().on(t.uscc)],
);

/** Energy-management centres (能源管理中心): at most one per enterprise. */
export const energyManagementCentre = econ.table('energy_management_centre', {
  uscc: text('uscc')
    .primaryKey()
    .references(() => enterprise.uscc),
  establishedOn: date('established_on', { mode: 'string' }).notNull(),
});

export const designationKind = [
  'ZERO_CARBON_FACTORY',
  'ZERO_CARBON_PARK',
  'ZERO_CARBON_DATA_CENTER',
  'NATIONAL_GREEN_DATA_CENTER',
  'WASTE_HEAT_DATA_CENTER',
] as const;

/**
 * Designations awarded to a factory, park or data centre. The data centre is bigdata's entity, so
 * only its register id is kept here; the check keeps each kind pointing at the right subject.
 */
export const designation = econ.table(
  'designation',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: designationKind }).notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    dataCenterId: text('data_center_id'),
    enterpriseUscc: text('enterprise_uscc').references(() => enterprise.uscc),
    parkName: text('park_name'),
  },
  (t) => [
    index().on(t.dataCenterId),
    index().on(t.enterpriseUscc),
    index().on(t.kind, t.year),
    index().on(t.regionCode),
    check(
      'designation_subject',
      sql`case ${t.kind}
        when 'ZERO_CARBON_FACTORY' then ${t.enterpriseUscc} is not null and ${t.dataCenterId} is null
        when 'ZERO_CARBON_PARK' then (${t.parkName} is not null or ${t.enterpriseUscc} is not null) and ${t.dataCenterId} is null
        else ${t.dataCenterId} is not null
      end`,
    ),
  ],
);

export const retrofitStatus = ['LISTED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const;

/** Energy-saving retrofit projects (节能降碳改造项目) on a district's list, seed 003 §四.4. */
export const retrofitProject = econ.table(
  'retrofit_project',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseUscc: text('enterprise_uscc')
      .notNull()
      .references(() => enterprise.uscc),
    plannedYear: integer('planned_year').notNull(),
    completedYear: integer('completed_year'),
    status: text('status', { enum: retrofitStatus }).notNull(),
  },
  (t) => [
    index().on(t.regionCode, t.plannedYear),
    index().on(t.enterpriseUscc),
    check('retrofit_planned_year', sql`${t.plannedYear} between 2022 and 2025`),
    check('retrofit_completed_iff_status', sql`(${t.completedYear} is not null) = (${t.status} = 'COMPLETED')`),
  ],
);

export const scenarioCategory = ['INDUSTRY_GREEN_TRANSITION', 'RESIDENT_LOW_CARBON_LIFE', 'URBAN_RURAL_GREEN_SMART'] as const;

/** Typical application scenarios (典型应用场景) selected after enterprise submission, seed 002 #7–9. */
export const applicationScenario = econ.table(
  'application_scenario',
  {
    id: text('id').primaryKey(),
    category: text('category', { enum: scenarioCategory }).notNull(),
    name: text('name').notNull(),
    selectedYear: integer('selected_year').notNull(),
    regionCode: text('region_code').notNull(),
    enterpriseUscc: text('enterprise_uscc').references(() => enterprise.uscc),
  },
  (t) => [index().on(t.regionCode), index().on(t.enterpriseUscc), index().on(t.category, t.selectedYear)],
);

export const standardLevel = ['NATIONAL', 'INDUSTRY', 'GROUP', 'LOCAL'] as const;

/** Green low-carbon ICT standards published (信息通信领域绿色低碳标准), seed 002 #10. */
export const greenStandard = econ.table(
  'green_standard',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    level: text('level', { enum: standardLevel }).notNull(),
    publishedYear: integer('published_year').notNull(),
    /** Issuing province for local standards (DB31, DB50); null otherwise. */
    regionCode: text('region_code'),
  },
  (t) => [index().on(t.publishedYear)],
);

export const pilotType = ['REGION', 'PARK', 'COMMUNITY', 'BUILDING', 'ENTERPRISE'] as const;
export const pilotDomain = [
  'ENERGY',
  'INDUSTRY_NEW_INFRASTRUCTURE',
  'URBAN_RURAL_CONSTRUCTION',
  'TRANSPORT',
  'CIRCULAR_ECONOMY',
  'CARBON_SINK',
  'CARBON_EMISSION_MANAGEMENT',
  'MECHANISM_INNOVATION',
] as const;
export const pilotStage = [
  'APPLICATION',
  'DISTRICT_PRE_REVIEW',
  'EXPERT_ASSESSMENT',
  'PUBLIC_NOTICE',
  'CONSTRUCTION',
  'TRACKING',
  'ACCEPTANCE',
  'TITLE',
] as const;
export const pilotGoal = ['CARBON_PEAK', 'CARBON_NEUTRAL'] as const;

/** Carbon-peak / carbon-neutral pilot applications and their progress, seed 001. */
export const carbonPeakPilot = econ.table(
  'carbon_peak_pilot',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: pilotType }).notNull(),
    goal: text('goal', { enum: pilotGoal }).notNull(),
    domains: text('domains', { enum: pilotDomain }).array().notNull(),
    stage: text('stage', { enum: pilotStage }).notNull(),
    regionCode: text('region_code').notNull(),
    applicantName: text('applicant_name').notNull(),
    /** Set when the applicant is a registered enterprise (enterprise pilots). */
    applicantUscc: text('applicant_uscc').references(() => enterprise.uscc),
    applicationYear: integer('application_year').notNull(),
  },
  (t) => [index().on(t.regionCode), index().on(t.type, t.stage)],
);
