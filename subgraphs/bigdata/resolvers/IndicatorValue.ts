import { catalog } from '../../../lib/indicators/catalog.ts';
import { yearsNeeded } from '../../../lib/indicators/scope.ts';
import { REGION_METRICS } from '../facts.ts';
import { inPopulation } from '../population.ts';
import type { IndicatorValueResolvers } from '../resolvers.generated.ts';

export const IndicatorValue: IndicatorValueResolvers = {
  __resolveReference: (key) => key,

  scopeRegionCode: async (key, _, { regions, loaders }) => {
    if (key.scopeKind === 'REGION') return regions.find(key.scopeId)?.code ?? null;
    if (key.scopeKind === 'CLUSTER') {
      // A zone's targets are inherited from its cluster's province, like the cluster's own.
      const zone = await loaders.zone.load(key.scopeId);
      return (await loaders.cluster.load(zone?.clusterId ?? key.scopeId))?.provinceCode ?? null;
    }
    return (await loaders.dataCenter.load(key.scopeId))?.regionCode ?? null;
  },

  scopeClusterId: async (key, _, { loaders }) => {
    if (key.scopeKind === 'CLUSTER') return (await loaders.zone.load(key.scopeId))?.clusterId ?? null;
    if (key.scopeKind === 'DATA_CENTER') return (await loaders.dataCenter.load(key.scopeId))?.clusterId ?? null;
    return null;
  },

  dataCenters: async (key, _, { loaders }) => {
    const indicator = catalog().indicators.get(key.indicatorCode);
    if (indicator?.population?.subject !== 'DATA_CENTER') return [];
    const { dataCenters } = await loaders.scope.load({ kind: key.scopeKind, id: key.scopeId });
    return yearsNeeded(key.year, indicator.baselineYear).flatMap((year) =>
      dataCenters.filter((row) => inPopulation(indicator, row, year)).map((row) => ({ dataCenterId: row.id, year, asOf: key.asOf, row })),
    );
  },

  bigdataFacts: async (key, _, { loaders }) => {
    const { indicators, metrics } = catalog();
    const indicator = indicators.get(key.indicatorCode);
    const own = (indicator?.regionMetrics ?? []).filter((code) => metrics.get(code)?.owner === 'bigdata');
    if (!indicator || own.length === 0) return [];
    const scope = { retirements: await loaders.scopeRetirements.load({ kind: key.scopeKind, id: key.scopeId, asOf: key.asOf }) };
    // Sums over the scope's data centres as of the key: a scope without retirements has retired 0 racks, a known value.
    return yearsNeeded(key.year, indicator.baselineYear).flatMap((year) => own.map((metric) => ({ metric, year, ...REGION_METRICS[metric]!(scope, year) })));
  },
};
