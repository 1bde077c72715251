import DataLoader from 'dataloader';
import type { ScopeKind } from '../../lib/indicators/scope.ts';
import { perAsOf } from '../../lib/observations.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import type { Db } from '../../db/connection.ts';
import type { RegisterAtReader } from '../../lib/registers/at-loader.ts';
import { dataCentersInScopes, retirementsByDataCenterIds, type DataCenterRow, type RackRetirementRow } from './repository.ts';

export interface Scope {
  kind: ScopeKind;
  id: string;
}

/** A scope whose register and figures are wanted as they stood at an as-of key (`latest` for the current ones). */
export interface ScopeAsOf extends Scope {
  asOf: string;
}

export interface ScopeContents {
  dataCenters: DataCenterRow[];
}

const scopeKey = (s: ScopeAsOf) => `${s.kind}:${s.id}|${s.asOf}`;

/**
 * The register rows inside each scope (a region's subtree, a cluster, one data centre) as the
 * register stood at the key's as-of, for a whole batch of indicator values in one statement per
 * distinct as-of however many scopes and indicators it has.
 */
export function scopeLoader(db: Db, regions: RegionDirectory, dataCentersAt: RegisterAtReader<DataCenterRow>) {
  return new DataLoader<ScopeAsOf, ScopeContents, string>(
    async (scopes) => {
      const subtrees = new Map<string, Set<string>>();
      for (const s of scopes) if (s.kind === 'REGION' && regions.find(s.id)) subtrees.set(s.id, new Set(regions.selfAndDescendants(s.id)));
      // Current rows narrowed in SQL; an earlier register whole (see registerAtLoader).
      const candidates = await perAsOf(scopes, async (group, instant) =>
        instant
          ? (await dataCentersAt(instant)).rows
          : dataCentersInScopes(db, {
              regionCodes: [...new Set(group.flatMap((s) => (s.kind === 'REGION' ? [...(subtrees.get(s.id) ?? [])] : [])))],
              clusterIds: group.filter((s) => s.kind === 'CLUSTER').map((s) => s.id),
              dataCenterIds: group.filter((s) => s.kind === 'DATA_CENTER').map((s) => s.id),
            }),
      );
      return scopes.map((s) => {
        const inside = (r: DataCenterRow) =>
          s.kind === 'REGION'
            ? (subtrees.get(s.id)?.has(r.regionCode) ?? false)
            : s.kind === 'CLUSTER'
              ? r.clusterId === s.id || r.zoneId === s.id
              : r.id === s.id;
        return { dataCenters: (candidates.get(s.asOf) ?? []).filter(inside) };
      });
    },
    { cacheKeyFn: scopeKey },
  );
}

/**
 * The rack retirements of every data centre inside each scope, from the observations in force at
 * the key's as-of: one statement per distinct as-of for a whole batch of scopes, however many data
 * centres they hold.
 */
export function scopeRetirementsLoader(db: Db, scopes: DataLoader<ScopeAsOf, ScopeContents, string>) {
  return new DataLoader<ScopeAsOf, RackRetirementRow[], string>(
    async (keys) => {
      const contents = await scopes.loadMany(keys);
      const idsOf = keys.map((_, i) => {
        const c = contents[i]!;
        if (c instanceof Error) throw c;
        return new Set(c.dataCenters.map((r) => r.id));
      });
      const byAsOf = await perAsOf(
        keys.map((k, i) => ({ asOf: k.asOf, ids: idsOf[i]! })),
        (group, asOf) => {
          const ids = [...new Set(group.flatMap((g) => [...g.ids]))];
          return ids.length === 0 ? Promise.resolve([]) : retirementsByDataCenterIds(db, ids, asOf);
        },
      );
      return keys.map((k, i) => (byAsOf.get(k.asOf) ?? []).filter((r) => idsOf[i]!.has(r.dataCenterId)));
    },
    { cacheKeyFn: scopeKey },
  );
}
