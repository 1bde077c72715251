import { ownFacts } from '../../../lib/indicators/region-facts.ts';
import { REGION_METRICS } from '../facts.ts';
import type { BigdataIndicatorInputsResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';
import type { IndicatorValueKey } from '../../../lib/indicators/scope.ts';

export const BigdataIndicatorInputs: BigdataIndicatorInputsResolvers = {
  __resolveReference: (key) => key,

  // Synchronous where the answer needs no data (a region lies in itself, in no cluster). Where a data
  // centre or zone lay is read from the register as of the value's as-of, like its figures.
  scopeRegionCode: (key, _, { regions, loaders }) => {
    if (key.scopeKind === 'REGION') return regions.find(key.scopeId)?.code ?? null;
    return key.scopeKind === 'CLUSTER' ? clusterProvince(key.scopeId, key.asOf, loaders) : loaders.dataCenterAt(key.scopeId, key.asOf).then((dc) => dc?.regionCode ?? null);
  },

  scopeClusterId: (key, _, { loaders }) => {
    if (key.scopeKind === 'CLUSTER') return loaders.zoneAt(key.scopeId, key.asOf).then((zone) => zone?.clusterId ?? null);
    if (key.scopeKind === 'DATA_CENTER') return loaders.dataCenterAt(key.scopeId, key.asOf).then((dc) => dc?.clusterId ?? null);
    return null;
  },

  facts: (key, _, { loaders }) => {
    const { metrics, years } = ownFacts(key, 'bigdata', { anyScope: true });
    return metrics.length === 0 ? [] : scopeFacts(key, metrics, years, loaders);
  },
};

/** A zone's targets are inherited from its cluster's province, like the cluster's own. */
async function clusterProvince(zoneOrCluster: string, asOf: string, loaders: Context['loaders']): Promise<string | null> {
  const zone = await loaders.zoneAt(zoneOrCluster, asOf);
  return (await loaders.clusterAt(zone?.clusterId ?? zoneOrCluster, asOf))?.provinceCode ?? null;
}

/** bigdata's facts for one value (or one region of a cube), summed over the scope's data centres as of the key: a scope without retirements has retired 0 racks, a known value. */
export function scopeFacts(key: IndicatorValueKey, metrics: string[], years: number[], loaders: Context['loaders']) {
  return loaders.scopeRetirements.load({ kind: key.scopeKind, id: key.scopeId, asOf: key.asOf }).then((retirements) =>
    years.flatMap((year) => metrics.map((metric) => ({ metric, year, ...REGION_METRICS[metric]!({ retirements }, year) }))),
  );
}
