import type { Db } from '../../db/connection.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { scopeLoader } from './scopes.ts';
import { listLoader, rowLoader } from '../../lib/loaders.ts';
import * as repo from './repository.ts';

/** Per-request loaders: every entity and child list in this subgraph is fetched through one of these. */
export function createLoaders(db: Db, regions: RegionDirectory) {
  return {
    scope: scopeLoader(db, regions),
    dataCenter: rowLoader((ids: readonly string[]) => repo.dataCentersByIds(db, ids), (r) => r.id),
    cluster: rowLoader((ids: readonly string[]) => repo.clustersByIds(db, ids), (r) => r.id),
    zone: rowLoader((ids: readonly string[]) => repo.zonesByIds(db, ids), (r) => r.id),
    zonesByCluster: listLoader((ids: readonly string[]) => repo.zonesByClusterIds(db, ids), (r) => r.clusterId),
    retirements: listLoader((ids: readonly string[]) => repo.retirementsByDataCenterIds(db, ids), (r) => r.dataCenterId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
