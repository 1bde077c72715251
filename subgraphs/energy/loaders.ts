import type { Db } from '../../db/connection.ts';
import { countyObservationsLoader } from '../../lib/indicators/region-facts.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { OBSERVED_METRICS } from './indicator-facts.ts';
import { listLoader, rowLoader, subtreeLoader } from '../../lib/loaders.ts';
import { metricYearsLoader, observationsLoader } from '../../lib/observations.ts';
import { CORE_ROOM_METERS, DATA_CENTER_METERS } from './facts.ts';
import * as repo from './repository.ts';
import { observation } from './tables.ts';

const METER_METRICS = [DATA_CENTER_METERS.total, DATA_CENTER_METERS.it, CORE_ROOM_METERS.total, CORE_ROOM_METERS.it];

/** Per-request loaders: every entity field and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  return {
    /** County observations under a region, for the indicator engine's region-level facts. */
    countyObservations: countyObservationsLoader(db, observation, regions, OBSERVED_METRICS),
    /** PV installations in a region's subtree. */
    pvInRegion: subtreeLoader(regions, (codes) => repo.pvInstallationsInRegions(db, codes), (r) => r.regionCode),
    /** All observations of (subject, year) pairs: every yearly field on DataCenterYear, RegionYear, ... */
    observations: observationsLoader(db, observation),
    /** Each metric's yearly reduction per (subject, year[, as-of]): the yearly figures of unit entities. */
    metricYears: metricYearsLoader(db, observation),
    /** Meter readings of facilities across all years, for `energyReadings` without a year. */
    meterReadings: listLoader((ids: readonly string[]) => repo.observationsBySubjects(db, ids, METER_METRICS), (r) => r.subjectId),
    pvInstallation: rowLoader((ids: readonly string[]) => repo.pvInstallationsByIds(db, ids), (r) => r.id),
    pvInstallationsByEnterprise: listLoader((usccs: readonly string[]) => repo.pvInstallationsByEnterprises(db, usccs), (r) => r.enterpriseUscc),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
