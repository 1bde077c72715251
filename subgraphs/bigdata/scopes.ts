import DataLoader from 'dataloader';
import type { ScopeKind } from '../../lib/indicators/scope.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import type { Db } from '../../db/connection.ts';
import { dataCentersInScopes, retirementsByDataCenterIds, type DataCenterRow, type RackRetirementRow } from './repository.ts';

export interface Scope {
  kind: ScopeKind;
  id: string;
}

export interface ScopeContents {
  dataCenters: DataCenterRow[];
  retirements: RackRetirementRow[];
}

const scopeKey = (s: Scope) => `${s.kind}:${s.id}`;

/**
 * The register rows inside each scope (a region's subtree, a cluster, one data centre), for a
 * whole batch of indicator values in two statements however many scopes and indicators it has.
 */
export function scopeLoader(db: Db, regions: RegionDirectory) {
  return new DataLoader<Scope, ScopeContents, string>(
    async (scopes) => {
      const subtrees = new Map<string, Set<string>>();
      for (const s of scopes) if (s.kind === 'REGION' && regions.find(s.id)) subtrees.set(s.id, new Set(regions.selfAndDescendants(s.id)));
      const rows = await dataCentersInScopes(db, {
        regionCodes: [...new Set([...subtrees.values()].flatMap((set) => [...set]))],
        clusterIds: scopes.filter((s) => s.kind === 'CLUSTER').map((s) => s.id),
        dataCenterIds: scopes.filter((s) => s.kind === 'DATA_CENTER').map((s) => s.id),
      });
      const retirements = rows.length > 0 ? await retirementsByDataCenterIds(db, rows.map((r) => r.id)) : [];
      return scopes.map((s) => {
        const inside = (r: DataCenterRow) =>
          s.kind === 'REGION' ? (subtrees.get(s.id)?.has(r.regionCode) ?? false) : s.kind === 'CLUSTER' ? r.clusterId === s.id || r.zoneId === s.id : r.id === s.id;
        const dataCenters = rows.filter(inside);
        const ids = new Set(dataCenters.map((r) => r.id));
        return { dataCenters, retirements: retirements.filter((r) => ids.has(r.dataCenterId)) };
      });
    },
    { cacheKeyFn: scopeKey },
  );
}
