import type { Db } from '../../db/connection.ts';
import { countyYearsLoader } from '../../lib/indicators/region-facts.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { OBSERVED_METRICS } from './indicator-facts.ts';
import { listLoader, rowLoader } from '../../lib/loaders.ts';
import { asOfListLoader, metricYearsLoader, observationsLoader } from '../../lib/observations.ts';
import { registerAtLoader, registerInRegionLoader, type RegisterAtReader } from '../../lib/registers/at-loader.ts';
import { CORE_ROOM_METERS, DATA_CENTER_METERS } from './facts.ts';
import { pvInstallations } from './registers.ts';
import * as repo from './repository.ts';
import { METRICS } from './metrics.ts';
import { observation, pvInstallation } from './tables.ts';

const METER_METRICS = [DATA_CENTER_METERS.total, DATA_CENTER_METERS.it, CORE_ROOM_METERS.total, CORE_ROOM_METERS.it];

/** An enterprise whose PV installations are wanted as the register stood at an as-of key (`latest` for now). */
export interface EnterpriseAsOf {
  uscc: string;
  asOf: string;
}

/** Installations per owning enterprise: the current ones in commissioning order, or the register at an instant. */
function pvByEnterpriseLoader(db: Db, pvAt: RegisterAtReader<repo.PvInstallationRow>) {
  return asOfListLoader(
    async (keys: EnterpriseAsOf[], instant) =>
      instant ? (await pvAt(instant)).rows : repo.pvInstallationsByEnterprises(db, [...new Set(keys.map((k) => k.uscc))]),
    (row: repo.PvInstallationRow, asOf) => ({ uscc: row.enterpriseUscc, asOf }),
    (k) => `${k.uscc}|${k.asOf}`,
  );
}

/** Per-request loaders: every entity field and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  // The PV register, as it stood at a value's as-of: the capacity and the roofs with PV read from it.
  const pvAt = registerAtLoader(db, pvInstallation, pvInstallations);
  return {
    /** County-year reductions under a region, for the indicator engine's region-level facts. */
    countyYears: countyYearsLoader(db, observation, regions, OBSERVED_METRICS),
    /** PV installations in a region's subtree, as of the key's as-of. */
    pvInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.pvInstallationsInRegions(db, codes),
      pvAt,
      (r) => r.regionCode,
    ),
    /** All observations of (subject, year) pairs: every yearly field on DataCenterYear, RegionYear, ... */
    observations: observationsLoader(db, observation),
    /** Each metric's yearly reduction per (subject, year[, as-of]): the yearly figures of unit entities. */
    metricYears: metricYearsLoader(db, observation, Object.values(METRICS)),
    /** Meter readings of facilities across all years, for `energyReadings` without a year. */
    meterReadings: listLoader(
      (ids: readonly string[]) => repo.observationsBySubjects(db, ids, METER_METRICS),
      (r) => r.subjectId,
    ),
    pvInstallation: rowLoader(
      (ids: readonly string[]) => repo.pvInstallationsByIds(db, ids),
      (r) => r.id,
    ),
    pvInstallationsByEnterprise: pvByEnterpriseLoader(db, pvAt),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
