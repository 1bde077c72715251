import { catalog } from '../../../lib/indicators/catalog.ts';
import { ownFacts } from '../../../lib/indicators/region-facts.ts';
import { yearsNeeded } from '../../../lib/indicators/scope.ts';
import { REGION_METRICS } from '../indicator-facts.ts';
import type { IndicatorValueResolvers } from '../resolvers.generated.ts';

export const IndicatorValue: IndicatorValueResolvers = {
  __resolveReference: (key) => key,

  enterprises: async (key, _, { loaders }) => {
    const indicator = catalog().indicators.get(key.indicatorCode);
    if (indicator?.population?.subject !== 'ENTERPRISE' || key.scopeKind !== 'REGION') return [];
    const where = indicator.population.where;
    const rows = (await loaders.enterprisesInRegion.load(key.scopeId)).filter((e) => !where.sector || where.sector.includes(e.sector));
    return yearsNeeded(key.year, indicator.baselineYear).flatMap((year) => rows.map((e) => ({ uscc: e.uscc, year, asOf: key.asOf })));
  },

  econFacts: async (key, _, { loaders }) => {
    const { metrics, years } = ownFacts(key, 'econ');
    if (metrics.length === 0) return [];
    const records = { designations: await loaders.designationsInRegion.load(key.scopeId), scenarios: await loaders.scenariosInRegion.load(key.scopeId), standards: await loaders.standardsInRegion.load(key.scopeId) };
    // Counts from econ's own registers: none designated is a known zero, not a missing value.
    return years.flatMap((year) => metrics.map((metric) => ({ metric, year, value: REGION_METRICS[metric]!(records, year), status: 'FINAL' as const, updatedAt: null })));
  },
};
