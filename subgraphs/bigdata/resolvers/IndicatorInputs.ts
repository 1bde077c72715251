import { catalog } from '../../../lib/indicators/catalog.ts';
import { ownFacts } from '../../../lib/indicators/region-facts.ts';
import { REGION_METRICS, type DesignationList } from '../facts.ts';
import type { BigdataIndicatorInputsResolvers } from '../resolvers.generated.ts';
import { unregisteredReports } from '../../../lib/quality/unit-references.ts';
import type { Context } from '../context.ts';
import type { IndicatorValueKey } from '../../../lib/indicators/scope.ts';

export const BigdataIndicatorInputs: BigdataIndicatorInputsResolvers = {
  __resolveReference: (key) => key,

  scopeRegionCode: (key, _, context) => scopeRegionOf(key, context),

  scopeClusterId: (key, _, { loaders }) => {
    if (key.scopeKind === 'CLUSTER') return loaders.zoneAt(key.scopeId, key.asOf).then((zone) => zone?.clusterId ?? null);
    if (key.scopeKind === 'DATA_CENTER') return loaders.dataCenterAt(key.scopeId, key.asOf).then((dc) => dc?.clusterId ?? null);
    return null;
  },

  facts: (key, _, { loaders }) => {
    const { metrics, years } = ownFacts(key, 'bigdata', { anyScope: true });
    return metrics.length === 0 ? [] : scopeFacts(key, metrics, years, loaders, key.designatedDataCenters);
  },

  unregisteredDesignations: async (key, _, { regions, loaders }) => {
    const list = key.designatedDataCenters;
    if (key.scopeKind !== 'REGION' || !list || list.dataCenterIds.length === 0 || !regions.find(key.scopeId)) return [];
    // Every id of the list is looked up (one batched statement), not only those recorded here: a request costs the same statements whatever its regions.
    const ids = [...new Set(list.dataCenterIds)];
    const rows = await Promise.all(ids.map((id) => loaders.dataCenterAt(id, key.asOf)));
    const unknown = new Set(ids.filter((_, i) => rows[i] === null));
    const subtree = new Set(regions.selfAndDescendants(key.scopeId));
    const named = list.dataCenterIds.filter((id, i) => unknown.has(id) && list.years[i]! <= key.year && subtree.has(list.regionCodes[i]!));
    return [...new Set(named)].sort();
  },

  // Of the data centres energy's readings and comms' rack reports name for a national value, those bigdata never registered (as of the value).
  unregisteredReports: (key, _, { loaders }) =>
    unregisteredReports(key, 'bigdata', key as unknown as Record<string, unknown>, async (ids) => {
      const rows = await Promise.all(ids.map((id) => loaders.dataCenterAt(id, key.asOf)));
      return new Set(ids.filter((_, i) => rows[i] !== null));
    }),
};

/** A zone's targets are inherited from its cluster's province, like the cluster's own. */
/**
 * The region a value's scope lies in. Synchronous where the answer needs no data (a region lies in itself). Where a
 * data centre or zone lay is read from the register as of the value's as-of, like its figures.
 */
export function scopeRegionOf(
  key: Pick<IndicatorValueKey, 'scopeKind' | 'scopeId' | 'asOf'>,
  { regions, loaders }: Pick<Context, 'regions' | 'loaders'>,
): string | null | Promise<string | null> {
  if (key.scopeKind === 'REGION') return regions.find(key.scopeId)?.code ?? null;
  return key.scopeKind === 'CLUSTER'
    ? clusterProvince(key.scopeId, key.asOf, loaders)
    : loaders.dataCenterAt(key.scopeId, key.asOf).then((dc) => dc?.regionCode ?? null);
}

async function clusterProvince(zoneOrCluster: string, asOf: string, loaders: Context['loaders']): Promise<string | null> {
  const zone = await loaders.zoneAt(zoneOrCluster, asOf);
  return (await loaders.clusterAt(zone?.clusterId ?? zoneOrCluster, asOf))?.provinceCode ?? null;
}

/**
 * bigdata's facts for one value (or one region of a cube), summed over the scope's data centres as of the key: a scope
 * without retirements has retired 0 racks, a known value. Counts of econ's designations (`placedBy: bigdata`) need econ's
 * list: without it (econ did not answer) they are left out, so the value says econ's metric is missing.
 */
export async function scopeFacts(
  key: IndicatorValueKey,
  metrics: string[],
  years: number[],
  loaders: Context['loaders'],
  designations: DesignationList | null | undefined,
) {
  const { metrics: catalogMetrics } = catalog();
  const computable = metrics.filter((m) => designations || catalogMetrics.get(m)?.placedBy !== 'bigdata');
  const scope = { kind: key.scopeKind, id: key.scopeId, asOf: key.asOf };
  const [retirements, { dataCenters }] = await Promise.all([loaders.scopeRetirements.load(scope), loaders.scope.load(scope)]);
  const records = { retirements, dataCenters, designations: designations ?? NO_DESIGNATIONS };
  return years.flatMap((year) => computable.map((metric) => ({ metric, year, ...REGION_METRICS[metric]!(records, year) })));
}

const NO_DESIGNATIONS: DesignationList = { metrics: [], dataCenterIds: [], years: [], regionCodes: [] };
