import { eq, sql } from 'drizzle-orm';
import { visibleObservations } from '../../db/observation-table.ts';
import { SHANGHAI } from '../../lib/regions/codes.ts';
import { checkReferences, type Register, type RegisterEntry } from '../../lib/writes/registers.ts';
import type { RowReader } from '../../lib/writes/row-reader.ts';
import type {
  ApplicationScenarioInput,
  CarbonPeakPilotInput,
  DesignationInput,
  EnergyAssessmentInput,
  EnergyManagementCentreInput,
  EnterpriseInput,
  GreenStandardInput,
  RetrofitProjectInput,
} from './resolvers.generated.ts';
import { PILOT_MINIMUM_DOMAINS } from './rules.ts';
import {
  applicationScenario,
  assessmentKind,
  carbonPeakPilot,
  designation,
  designationKind,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  enterpriseSector,
  greenStandard,
  importBatch,
  observation,
  pilotDomain,
  pilotGoal,
  pilotStage,
  pilotType,
  registerRevision,
  retrofitProject,
  retrofitStatus,
  scenarioCategory,
  standardLevel,
} from './tables.ts';

const common = { agency: 'econ', revisions: registerRevision, batches: importBatch } as const;

/** Rows that name an enterprise must name a registered one. */
const enterpriseExists = <Row>(field: string, pick: (row: Row) => string | null) =>
  ({ field, pick, column: enterprise.uscc, code: 'UNKNOWN_ENTERPRISE', what: 'enterprise' }) as const;

type EnterpriseState = Omit<typeof enterprise.$inferSelect, 'updatedAt'>;

/** The enterprise register, keyed by USCC (GB 32100 check character verified under every strategy). */
export const enterprises: Register<EnterpriseInput, EnterpriseState> = {
  ...common,
  entity: 'Enterprise',
  operation: 'upsertEnterprises',
  table: enterprise,
  idField: 'uscc',
  stampField: 'updatedAt',
  checkId: (uscc, read) => void read.usccValue('uscc', uscc),
  parse: (read) => ({
    uscc: read.input.uscc,
    nameZh: read.text('nameZh')!,
    regionCode: read.region('regionCode', { level: 'COUNTY' })!,
    sector: read.choice('sector', enterpriseSector)!,
  }),
  referencedBy: [
    { what: 'energy audits or diagnoses', column: energyAssessment.uscc },
    { what: 'energy-management centre', column: energyManagementCentre.uscc },
    { what: 'designations', column: designation.enterpriseUscc },
    { what: 'retrofit projects', column: retrofitProject.enterpriseUscc },
    { what: 'application scenarios', column: applicationScenario.enterpriseUscc },
    { what: 'carbon-peak pilots', column: carbonPeakPilot.applicantUscc },
    {
      what: 'current observations (usable roofs, …)',
      column: observation.subjectId,
      where: sql`${eq(observation.subjectKind, 'ENTERPRISE')} and ${visibleObservations(observation)}`,
    },
  ],
};

type DesignationState = typeof designation.$inferSelect;

/** A field that must be left out for this kind of designation. */
function mustBeAbsent(
  read: RowReader<DesignationInput>,
  field: 'dataCenterId' | 'enterpriseUscc' | 'parkName',
  value: string | null,
  kind: string,
  subject: string,
): void {
  if (value !== null && read.fine(field)) read.problem(field, 'INCONSISTENT_FIELDS', `a ${kind} designation names ${subject} only; leave ${field} out.`);
}

/**
 * Designations, with the subject rules of the table's check constraint made row-level problems (and
 * stricter: exactly one kind of subject, as the schema describes). The data centre is bigdata's, so
 * its id is recorded as sent.
 */
export const designations: Register<DesignationInput, DesignationState> = {
  ...common,
  entity: 'Designation',
  operation: 'upsertDesignations',
  table: designation,
  idField: 'id',
  parse(read) {
    const kind = read.choice('kind', designationKind);
    const dataCenterId = read.reference('dataCenterId', { required: false });
    const enterpriseUscc = read.uscc('enterpriseUscc', { required: false });
    const parkName = read.text('parkName', { required: false });
    if (kind === 'ZERO_CARBON_FACTORY') {
      if (enterpriseUscc === null && read.fine('enterpriseUscc'))
        read.problem('enterpriseUscc', 'REQUIRED', "a ZERO_CARBON_FACTORY designation names the factory's enterprise in enterpriseUscc.");
      mustBeAbsent(read, 'dataCenterId', dataCenterId, kind, "the factory's enterprise");
      mustBeAbsent(read, 'parkName', parkName, kind, "the factory's enterprise");
    } else if (kind === 'ZERO_CARBON_PARK') {
      if (enterpriseUscc === null && parkName === null && read.fine('enterpriseUscc') && read.fine('parkName')) {
        read.problem('parkName', 'REQUIRED', 'a ZERO_CARBON_PARK designation names the park in parkName (and its operator in enterpriseUscc when registered).');
      }
      mustBeAbsent(read, 'dataCenterId', dataCenterId, kind, 'a park');
    } else if (kind !== null) {
      if (dataCenterId === null && read.fine('dataCenterId'))
        read.problem('dataCenterId', 'REQUIRED', `a ${kind} designation names the data centre's register id in dataCenterId.`);
      mustBeAbsent(read, 'enterpriseUscc', enterpriseUscc, kind, 'a data centre');
      mustBeAbsent(read, 'parkName', parkName, kind, 'a data centre');
    }
    return {
      id: read.input.id,
      kind: kind!,
      year: read.year('year')!,
      regionCode: read.region('regionCode')!,
      dataCenterId,
      enterpriseUscc,
      parkName,
    };
  },
  check: (tx, entries, problems) =>
    checkReferences(
      tx,
      entries,
      problems,
      enterpriseExists('enterpriseUscc', (r: DesignationState) => r.enterpriseUscc),
    ),
};

/** The year the district retrofit lists of seed 003 §四.4 start. */
const FIRST_RETROFIT_YEAR = 2022;

/** Retrofit projects on the districts' lists; the table's checks (planned 2022–2025, completed year iff COMPLETED) as row problems. */
export const retrofitProjects: Register<RetrofitProjectInput, typeof retrofitProject.$inferSelect> = {
  ...common,
  entity: 'RetrofitProject',
  operation: 'upsertRetrofitProjects',
  table: retrofitProject,
  idField: 'id',
  parse(read) {
    const status = read.choice('status', retrofitStatus);
    const completedYear = read.year('completedYear', { required: false, min: FIRST_RETROFIT_YEAR });
    if (status && read.fine('completedYear')) {
      if (status === 'COMPLETED' && completedYear === null)
        read.problem('completedYear', 'INCONSISTENT_FIELDS', 'a COMPLETED project needs its completedYear.');
      if (status !== 'COMPLETED' && completedYear !== null)
        read.problem(
          'completedYear',
          'INCONSISTENT_FIELDS',
          `a ${status} project has no completedYear (got ${completedYear}); set status COMPLETED or leave completedYear out.`,
        );
    }
    return {
      id: read.input.id,
      name: read.text('name')!,
      regionCode: read.region('regionCode', { level: 'COUNTY' })!,
      enterpriseUscc: read.uscc('enterpriseUscc')!,
      plannedYear: read.integer('plannedYear', { min: FIRST_RETROFIT_YEAR, max: 2025 })!,
      completedYear,
      status: status!,
    };
  },
  check: (tx, entries, problems) =>
    checkReferences(
      tx,
      entries,
      problems,
      enterpriseExists('enterpriseUscc', (r: typeof retrofitProject.$inferSelect) => r.enterpriseUscc),
    ),
};

const PRE_REVIEW = pilotStage.indexOf('DISTRICT_PRE_REVIEW');

/**
 * Carbon-peak pilots (seed 001, a Shanghai programme). A plan short of its type's minimum domains may be
 * filed and pre-reviewed, but cannot pass pre-review; an enterprise pilot's applicant is a registered
 * enterprise of Shanghai.
 */
export const pilots: Register<CarbonPeakPilotInput, typeof carbonPeakPilot.$inferSelect> = {
  ...common,
  entity: 'CarbonPeakPilot',
  operation: 'upsertPilots',
  table: carbonPeakPilot,
  idField: 'id',
  parse(read) {
    const type = read.choice('type', pilotType);
    const domains = read.choices('domains', pilotDomain);
    const stage = read.choice('stage', pilotStage);
    if (type && domains && stage && pilotStage.indexOf(stage) > PRE_REVIEW && domains.length < PILOT_MINIMUM_DOMAINS[type]) {
      read.problem(
        'domains',
        'TOO_FEW_DOMAINS',
        `a ${type} pilot must cover at least ${PILOT_MINIMUM_DOMAINS[type]} domains to pass district pre-review (seed 001 §四.3); this one covers ${domains.length} but is at stage ${stage}.`,
      );
    }
    const applicantUscc = read.uscc('applicantUscc', { required: false });
    if (type === 'ENTERPRISE' && applicantUscc === null && read.fine('applicantUscc')) {
      read.problem('applicantUscc', 'REQUIRED', 'an ENTERPRISE pilot is applied for by a registered enterprise: send its USCC in applicantUscc.');
    }
    return {
      id: read.input.id,
      name: read.text('name')!,
      type: type!,
      goal: read.choice('goal', pilotGoal)!,
      domains: domains!,
      stage: stage!,
      regionCode: read.region('regionCode', { level: 'COUNTY', within: [SHANGHAI] })!,
      applicantName: read.text('applicantName')!,
      applicantUscc,
      applicationYear: read.year('applicationYear')!,
    };
  },
  async check(tx, entries, problems, { regions }) {
    const usccs = [...new Set(entries.flatMap((e) => (e.data.applicantUscc ? [e.data.applicantUscc] : [])))];
    if (usccs.length === 0) return;
    const registered = new Map(
      (
        await tx
          .select({ uscc: enterprise.uscc, regionCode: enterprise.regionCode })
          .from(enterprise)
          .where(sql`${enterprise.uscc} = any(${sql.param(usccs)}::text[])`)
      ).map((e) => [e.uscc, e.regionCode]),
    );
    for (const { row, data } of entries) {
      if (!data.applicantUscc) continue;
      const regionCode = registered.get(data.applicantUscc);
      if (regionCode === undefined)
        problems.add(
          row,
          'applicantUscc',
          'UNKNOWN_ENTERPRISE',
          `No enterprise "${data.applicantUscc}" is registered; register it first (upsertEnterprises) or correct applicantUscc.`,
        );
      else if (data.type === 'ENTERPRISE' && !regions.within(regionCode, SHANGHAI)) {
        problems.add(
          row,
          'applicantUscc',
          'INCONSISTENT_FIELDS',
          `enterprise pilots are open to enterprises registered in Shanghai (seed 001 §四.3); ${data.applicantUscc} is registered in ${regionCode}.`,
        );
      }
    }
  },
};

/** Typical application scenarios; the submitting enterprise, when named, must be registered. */
export const applicationScenarios: Register<ApplicationScenarioInput, typeof applicationScenario.$inferSelect> = {
  ...common,
  entity: 'ApplicationScenario',
  operation: 'upsertApplicationScenarios',
  table: applicationScenario,
  idField: 'id',
  parse(read) {
    const enterpriseUscc = read.uscc('enterpriseUscc', { required: false });
    return {
      id: read.input.id,
      category: read.choice('category', scenarioCategory)!,
      name: read.text('name')!,
      selectedYear: read.year('selectedYear')!,
      regionCode: read.region('regionCode', { level: 'COUNTY' })!,
      enterpriseUscc,
    };
  },
  check: (tx, entries, problems) =>
    checkReferences(
      tx,
      entries,
      problems,
      enterpriseExists('enterpriseUscc', (row) => row.enterpriseUscc),
    ),
};

/**
 * Green ICT standards. A local standard names its issuing province, the other levels none; a standard
 * number belongs to one entry (the table's unique key, checked here so it is a row problem, not a failed batch).
 */
export const greenStandards: Register<GreenStandardInput, typeof greenStandard.$inferSelect> = {
  ...common,
  entity: 'GreenStandard',
  operation: 'upsertGreenStandards',
  table: greenStandard,
  idField: 'id',
  parse(read) {
    const level = read.choice('level', standardLevel);
    const regionCode = read.region('regionCode', { required: level === 'LOCAL', level: 'PROVINCE' });
    if (level !== null && level !== 'LOCAL' && regionCode !== null)
      read.problem('regionCode', 'INCONSISTENT_FIELDS', `a ${level} standard has no issuing province; leave regionCode out (only LOCAL standards name one).`);
    return {
      id: read.input.id,
      code: read.text('code', { max: 64 })!,
      title: read.text('title')!,
      level: level!,
      publishedYear: read.year('publishedYear')!,
      regionCode,
    };
  },
  async check(tx, entries, problems) {
    const firstOfCode = new Map<string, RegisterEntry<typeof greenStandard.$inferSelect>>();
    for (const e of entries) {
      const first = firstOfCode.get(e.data.code);
      if (first) problems.add(e.row, 'code', 'DUPLICATE_KEY', `Standard number ${e.data.code} is also in row ${first.row}; one entry per standard.`);
      else firstOfCode.set(e.data.code, e);
    }
    if (firstOfCode.size === 0) return;
    const taken = await tx
      .select({ id: greenStandard.id, code: greenStandard.code })
      .from(greenStandard)
      .where(sql`${greenStandard.code} = any(${sql.param([...firstOfCode.keys()])}::text[])`);
    for (const { id, code } of taken) {
      const e = firstOfCode.get(code);
      if (e && e.id !== id) problems.add(e.row, 'code', 'ALREADY_EXISTS', `Standard number ${code} is registered as entry "${id}"; update that entry instead.`);
    }
  },
};

/** Energy audits and energy-saving diagnoses of registered enterprises. */
export const energyAssessments: Register<EnergyAssessmentInput, typeof energyAssessment.$inferSelect> = {
  ...common,
  entity: 'EnergyAssessment',
  operation: 'upsertEnergyAssessments',
  table: energyAssessment,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    uscc: read.uscc('uscc')!,
    kind: read.choice('kind', assessmentKind)!,
    completedOn: read.date('completedOn')!,
    provider: read.text('provider', { required: false }),
  }),
  check: (tx, entries, problems) =>
    checkReferences(
      tx,
      entries,
      problems,
      enterpriseExists('uscc', (row) => row.uscc),
    ),
};

/** Energy-management centres, one per registered enterprise, keyed by its USCC. */
export const energyManagementCentres: Register<EnergyManagementCentreInput, typeof energyManagementCentre.$inferSelect> = {
  ...common,
  entity: 'EnergyManagementCentre',
  operation: 'upsertEnergyManagementCentres',
  table: energyManagementCentre,
  idField: 'uscc',
  checkId: (uscc, read) => void read.usccValue('uscc', uscc),
  parse: (read) => ({
    uscc: read.input.uscc,
    establishedOn: read.date('establishedOn')!,
  }),
  check: (tx, entries, problems) =>
    checkReferences(
      tx,
      entries,
      problems,
      enterpriseExists('uscc', (row) => row.uscc),
    ),
};
