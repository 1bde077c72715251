import type { Db } from '../../db/connection.ts';
import { countyYearsLoader } from '../../lib/indicators/region-facts.ts';
import { listLoader, rowLoader } from '../../lib/loaders.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { derivedAt, entryAsOf, registerAtLoader, registerInRegionLoader } from '../../lib/registers/at-loader.ts';
import { OBSERVED_METRICS, siteCountsOf, towerCountsOf } from './indicator-facts.ts';
import { metricYearsLoader } from '../../lib/observations.ts';
import { commsMetrics } from './metrics.ts';
import { coreMachineRooms, sites5G, towers } from './registers.ts';
import * as repo from './repository.ts';
import { coreRoom, observation, site5g, tower } from './tables.ts';

/** Per-request loaders: every entity and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  // The registers indicator values read, as they stood at a value's as-of (current reads keep their narrow queries).
  const coreRoomsAt = registerAtLoader(db, coreRoom, coreMachineRooms);
  const sitesAt = registerAtLoader(db, site5g, sites5G);
  const towersAt = registerAtLoader(db, tower, towers);
  const coreRoomLoader = rowLoader(
    (ids: readonly string[]) => repo.coreRoomsByIds(db, ids),
    (r) => r.id,
  );
  return {
    // Under a region, for the indicator engine: county observations, register counts, core rooms (as of the value's as-of).
    countyYears: countyYearsLoader(db, observation, regions, OBSERVED_METRICS),
    siteCountsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.siteCountsInRegions(db, codes),
      derivedAt(sitesAt, siteCountsOf),
      (r) => r.regionCode,
    ),
    towerCountsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.towerCountsInRegions(db, codes),
      derivedAt(towersAt, towerCountsOf),
      (r) => r.regionCode,
    ),
    coreRoomsInRegion: registerInRegionLoader(
      regions,
      (codes) => repo.coreRoomsInRegions(db, codes),
      coreRoomsAt,
      (r) => r.regionCode,
    ),
    operator: rowLoader(
      (ids: readonly string[]) => repo.operatorsByIds(db, ids),
      (r) => r.id,
    ),
    site5G: rowLoader(
      (ids: readonly string[]) => repo.sites5GByIds(db, ids),
      (r) => r.id,
    ),
    tower: rowLoader(
      (ids: readonly string[]) => repo.towersByIds(db, ids),
      (r) => r.id,
    ),
    coreRoom: coreRoomLoader,
    /** A core room as it stood at an as-of key: what a core-room year (`asOf`) describes. */
    coreRoomAt: entryAsOf(coreRoomLoader, coreRoomsAt),
    /** Each metric's yearly reduction per (subject, year[, as-of]): the yearly figures of unit entities. */
    metricYears: metricYearsLoader(db, observation, Object.values(commsMetrics)),
    /** Every rack-usage report of a data centre, all years. */
    rackUsage: listLoader(
      (ids: readonly string[]) => repo.observationsOfMetric(db, commsMetrics.RACKS_IN_USE.code, ids),
      (r) => r.subjectId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
