import type { Db } from '../../db/connection.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { asOfListLoader } from '../../lib/observations.ts';
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
  const scope = scopeLoader(db, regions);
  return {
    scope,
    /** Rack retirements of every data centre in a scope, for the region facts of indicator values. */
    scopeRetirements: scopeRetirementsLoader(db, scope),
    dataCenter: rowLoader((ids: readonly string[]) => repo.dataCentersByIds(db, ids), (r) => r.id),
    cluster: rowLoader((ids: readonly string[]) => repo.clustersByIds(db, ids), (r) => r.id),
    zone: rowLoader((ids: readonly string[]) => repo.zonesByIds(db, ids), (r) => r.id),
    zonesByCluster: listLoader((ids: readonly string[]) => repo.zonesByClusterIds(db, ids), (r) => r.clusterId),
    /** RACKS_RETIRED observations of a data centre, all years. */
    retirements: retirementsLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
