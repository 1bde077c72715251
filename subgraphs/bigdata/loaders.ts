import type DataLoader from 'dataloader';
import type { Db } from '../../db/connection.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import { asOfInstant, asOfListLoader } from '../../lib/observations.ts';
import { registersAtLoader, type RegistersAt } from './registers-at.ts';
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
  const registersAt = registersAtLoader(db);
  const scope = scopeLoader(db, regions, registersAt);
  const dataCenter = rowLoader((ids: readonly string[]) => repo.dataCentersByIds(db, ids), (r) => r.id);
  const cluster = rowLoader((ids: readonly string[]) => repo.clustersByIds(db, ids), (r) => r.id);
  const zone = rowLoader((ids: readonly string[]) => repo.zonesByIds(db, ids), (r) => r.id);
  /** A register entry as it stood at an as-of key: the batched current row for `latest`. */
  const at =
    <R>(current: DataLoader<string, R | null, string>, earlier: (registers: RegistersAt) => Map<string, R>) =>
    (id: string, asOf: string): Promise<R | null> => {
      const instant = asOfInstant(asOf);
      return instant ? registersAt(instant).then((registers) => earlier(registers).get(id) ?? null) : current.load(id);
    };
  return {
    scope,
    dataCenterAt: at(dataCenter, (r) => r.dataCenter),
    clusterAt: at(cluster, (r) => r.cluster),
    zoneAt: at(zone, (r) => r.zone),
    /** Rack retirements of every data centre in a scope, for the region facts of indicator values. */
    scopeRetirements: scopeRetirementsLoader(db, scope),
    dataCenter,
    cluster,
    zone,
    zonesByCluster: listLoader((ids: readonly string[]) => repo.zonesByClusterIds(db, ids), (r) => r.clusterId),
    /** RACKS_RETIRED observations of a data centre, all years. */
    retirements: retirementsLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
