import type { Db } from '../../db/connection.ts';
import { listLoader, rowLoader } from '../../lib/loaders.ts';
import { metricYearsLoader } from '../../lib/observations.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { entryAsOf, listAsOf, registerAtLoader, registerInRegionLoader } from '../../lib/registers/at-loader.ts';
import { econMetrics } from './metrics.ts';
import { applicationScenarios, designations, energyAssessments, energyManagementCentres, enterprises, greenStandards, retrofitProjects } from './registers.ts';
import * as repo from './repository.ts';
import {
  applicationScenario,
  designation,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  greenStandard,
  observation,
  retrofitProject,
} from './tables.ts';

/** Per-request loaders: every entity and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  // The registers indicator values read that have a write path, as they stood at a value's as-of.
  const enterprisesAt = registerAtLoader(db, enterprise, enterprises);
  const designationsAt = registerAtLoader(db, designation, designations);
  const scenariosAt = registerAtLoader(db, applicationScenario, applicationScenarios);
  const standardsAt = registerAtLoader(db, greenStandard, greenStandards);
  const assessmentsAt = registerAtLoader(db, energyAssessment, energyAssessments);
  const centresAt = registerAtLoader(db, energyManagementCentre, energyManagementCentres);
  const retrofitsAt = registerAtLoader(db, retrofitProject, retrofitProjects);
  const enterpriseLoader = rowLoader(
    (ids: readonly string[]) => repo.enterprisesByUscc(db, ids),
    (r) => r.uscc,
  );
  const assessmentLoader = listLoader(
    (ids: readonly string[]) => repo.assessmentsByUscc(db, ids),
    (r) => r.uscc,
  );
  const centreLoader = rowLoader(
    (ids: readonly string[]) => repo.centresByUscc(db, ids),
    (r) => r.uscc,
  );
  return {
    // Register rows under a region, for the indicator engine.
    enterprisesInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.enterprisesInRegions(db, codes),
      enterprisesAt,
      (r) => r.regionCode,
    ),
    designationsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.designationsInRegions(db, codes),
      designationsAt,
      (r) => r.regionCode,
    ),
    scenariosInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.scenariosInRegions(db, codes),
      scenariosAt,
      (r) => r.regionCode,
    ),
    standardsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.standardsInRegions(db, codes),
      standardsAt,
      (r) => r.regionCode,
    ),
    /** The retrofit lists of a region and every region below it, as they stood at the key's as-of. */
    retrofitsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.retrofitProjectsInRegions(db, codes),
      retrofitsAt,
      (r) => r.regionCode,
    ),
    enterprise: enterpriseLoader,
    /** An enterprise as it stood at an as-of key: what an enterprise year (`asOf`) describes. */
    enterpriseAt: entryAsOf(enterpriseLoader, enterprisesAt),
    assessments: assessmentLoader,
    centre: centreLoader,
    /** An enterprise's audits and diagnoses as the records stood at an as-of key: what an enterprise year counts. */
    assessmentsAt: listAsOf(assessmentLoader, assessmentsAt, (r) => r.uscc),
    /** An enterprise's energy-management centre as the records stood at an as-of key. */
    centreAt: entryAsOf(centreLoader, centresAt),
    designation: rowLoader(
      (ids: readonly string[]) => repo.designationsByIds(db, ids),
      (r) => r.id,
    ),
    designationsByDataCenter: listLoader(
      (ids: readonly string[]) => repo.designationsByDataCenterIds(db, ids),
      (r) => r.dataCenterId ?? '',
    ),
    designationsByEnterprise: listLoader(
      (ids: readonly string[]) => repo.designationsByUscc(db, ids),
      (r) => r.enterpriseUscc ?? '',
    ),
    retrofitProject: rowLoader(
      (ids: readonly string[]) => repo.retrofitProjectsByIds(db, ids),
      (r) => r.id,
    ),
    retrofitProjectsByEnterprise: listLoader(
      (ids: readonly string[]) => repo.retrofitProjectsByUscc(db, ids),
      (r) => r.enterpriseUscc,
    ),
    retrofitScheduleByRegion: listLoader(
      (codes: readonly string[]) => repo.retrofitScheduleByRegionCodes(db, codes),
      (r) => r.regionCode,
    ),
    scenario: rowLoader(
      (ids: readonly string[]) => repo.scenariosByIds(db, ids),
      (r) => r.id,
    ),
    scenariosByEnterprise: listLoader(
      (ids: readonly string[]) => repo.scenariosByUscc(db, ids),
      (r) => r.enterpriseUscc ?? '',
    ),
    standard: rowLoader(
      (ids: readonly string[]) => repo.standardsByIds(db, ids),
      (r) => r.id,
    ),
    pilot: rowLoader(
      (ids: readonly string[]) => repo.pilotsByIds(db, ids),
      (r) => r.id,
    ),
    /** Each metric's yearly reduction per (subject, year[, as-of]): the yearly figures of unit entities. */
    metricYears: metricYearsLoader(db, observation, Object.values(econMetrics)),
    /** An enterprise's latest reported usable roofs. */
    latestUsableRoofs: rowLoader(
      (ids: readonly string[]) => repo.latestObservationsOfMetric(db, econMetrics.USABLE_ROOFS.code, ids),
      (r) => r.subjectId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
