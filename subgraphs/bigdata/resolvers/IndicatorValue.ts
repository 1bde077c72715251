import { catalog } from '../../../lib/indicators/catalog.ts';
import { yearsNeeded } from '../../../lib/indicators/scope.ts';
import { REGION_METRICS } from '../facts.ts';
import { overDataCenters, populationMembers, populationRepresentative } from '../population.ts';
import type { IndicatorValueResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';

export const IndicatorValue: IndicatorValueResolvers = {
  __resolveReference: (key) => key,

  // Synchronous where the answer needs no data: most cells of a grid are regions, and most indicators are not bigdata's.
  scopeRegionCode: (key, _, { regions, loaders }) => {
    if (key.scopeKind === 'REGION') return regions.find(key.scopeId)?.code ?? null;
    return key.scopeKind === 'CLUSTER' ? clusterProvince(key.scopeId, loaders) : loaders.dataCenter.load(key.scopeId).then((dc) => dc?.regionCode ?? null);
  },

  scopeClusterId: (key, _, { loaders }) => {
    if (key.scopeKind === 'CLUSTER') return loaders.zone.load(key.scopeId).then((zone) => zone?.clusterId ?? null);
    if (key.scopeKind === 'DATA_CENTER') return loaders.dataCenter.load(key.scopeId).then((dc) => dc?.clusterId ?? null);
    return null;
  },

  dataCenters: (key, _, { loaders }) =>
    overDataCenters(key) ? populationMembers(key, loaders).then((members) => members.map(({ row, year }) => ({ dataCenterId: row.id, year, asOf: key.asOf, row }))) : [],

  dataCenterPopulation: (key) => (overDataCenters(key) ? { ...key, indicatorCode: populationRepresentative(key.indicatorCode) } : null),

  bigdataFacts: (key, _, { loaders }) => {
    const { indicators, metrics } = catalog();
    const indicator = indicators.get(key.indicatorCode);
    const own = (indicator?.regionMetrics ?? []).filter((code) => metrics.get(code)?.owner === 'bigdata');
    if (!indicator || own.length === 0) return [];
    // Sums over the scope's data centres as of the key: a scope without retirements has retired 0 racks, a known value.
    return loaders.scopeRetirements.load({ kind: key.scopeKind, id: key.scopeId, asOf: key.asOf }).then((retirements) =>
      yearsNeeded(key.year, indicator.baselineYear).flatMap((year) => own.map((metric) => ({ metric, year, ...REGION_METRICS[metric]!({ retirements }, year) }))),
    );
  },
};

/** A zone's targets are inherited from its cluster's province, like the cluster's own. */
async function clusterProvince(zoneOrCluster: string, loaders: Context['loaders']): Promise<string | null> {
  const zone = await loaders.zone.load(zoneOrCluster);
  return (await loaders.cluster.load(zone?.clusterId ?? zoneOrCluster))?.provinceCode ?? null;
}
