import type { Db } from '../../db/connection.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { asOfListLoader } from '../../lib/observations.ts';
import { entryAsOf, registerAtLoader } from '../../lib/registers/at-loader.ts';
import * as registers from './registers.ts';
import * as tables from './tables.ts';
import { scopeLoader, scopeRetirementsLoader } from './scopes.ts';
import { listLoader, rowLoader } from '../../lib/loaders.ts';
import * as repo from './repository.ts';

/** A data centre whose observations are wanted as they stood at an as-of key (`latest` for the current revisions). */
export interface DataCenterAsOf {
  dataCenterId: string;
  asOf: string;
}

const dataCenterAsOfKey = (k: DataCenterAsOf) => `${k.dataCenterId}|${k.asOf}`;

/** Rack retirements per data centre, one statement per batch (per distinct as-of). */
function retirementsLoader(db: Db) {
  return asOfListLoader(
    (keys: DataCenterAsOf[], asOf) => repo.retirementsByDataCenterIds(db, [...new Set(keys.map((k) => k.dataCenterId))], asOf),
    (row: repo.RackRetirementRow, asOf) => ({ dataCenterId: row.dataCenterId, asOf }),
    dataCenterAsOfKey,
  );
}

/** Per-request loaders: every entity and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  // The registers as they stood at a value's as-of; `latest` reads stay narrow queries.
  const dataCentersAt = registerAtLoader(db, tables.dataCenter, registers.dataCenters);
  const clustersAt = registerAtLoader(db, tables.cluster, registers.clusters);
  const zonesAt = registerAtLoader(db, tables.zone, registers.zones);
  const scope = scopeLoader(db, regions, dataCentersAt);
  const dataCenter = rowLoader(
    (ids: readonly string[]) => repo.dataCentersByIds(db, ids),
    (r) => r.id,
  );
  const cluster = rowLoader(
    (ids: readonly string[]) => repo.clustersByIds(db, ids),
    (r) => r.id,
  );
  const zone = rowLoader(
    (ids: readonly string[]) => repo.zonesByIds(db, ids),
    (r) => r.id,
  );
  return {
    scope,
    dataCenterAt: entryAsOf(dataCenter, dataCentersAt),
    clusterAt: entryAsOf(cluster, clustersAt),
    zoneAt: entryAsOf(zone, zonesAt),
    /** Rack retirements of every data centre in a scope, for the region facts of indicator values. */
    scopeRetirements: scopeRetirementsLoader(db, scope),
    dataCenter,
    cluster,
    zone,
    zonesByCluster: listLoader(
      (ids: readonly string[]) => repo.zonesByClusterIds(db, ids),
      (r) => r.clusterId,
    ),
    /** RACKS_RETIRED observations of a data centre, all years. */
    retirements: retirementsLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
