import { catalog } from '../../../lib/indicators/catalog.ts';
import { ownFacts, registerFact } from '../../../lib/indicators/region-facts.ts';
import { yearsNeeded, type IndicatorValueKey } from '../../../lib/indicators/scope.ts';
import { REGION_METRICS } from '../indicator-facts.ts';
import type { EconIndicatorInputsResolvers, EnterprisePopulationResolvers } from '../resolvers.generated.ts';
import type { Loaders } from '../loaders.ts';
import type { EnterpriseYearMapper } from '../schema.mappers.ts';
import { unregisteredReports } from '../../../lib/quality/unit-references.ts';

export const EconIndicatorInputs: EconIndicatorInputsResolvers = {
  __resolveReference: (key) => key,

  facts: (key, _, { loaders }) => {
    const { metrics, years } = ownFacts(key, 'econ');
    if (metrics.length === 0) return [];
    return registerFacts(key, metrics, years, loaders);
  },

  // Of the enterprises energy's records name for a national value, those econ never registered (as of the value).
  unregisteredReports: (key, _, { loaders }) =>
    unregisteredReports(key, 'econ', key as unknown as Record<string, unknown>, async (ids) => {
      const found = await Promise.all(ids.map((id) => loaders.enterpriseAt(id, key.asOf)));
      return new Set(ids.filter((_, i) => found[i] !== null));
    }),
};

/** The enterprises of a value over enterprises: the indicators subgraph refers to its population for no other value. */
export const EnterprisePopulation: EnterprisePopulationResolvers = {
  __resolveReference: (key) => key,
  enterprises: (key, _, { loaders }) => enterpriseYearsOf(key, loaders),
};

/** econ's region facts for one value (or one region of a cube): counts from its own registers, where none designated is a known zero, not a missing value. */
export async function registerFacts({ scopeId, asOf }: IndicatorValueKey, metrics: string[], years: number[], loaders: Loaders) {
  // Started together, so each loader's batch goes out in the same tick rather than one statement after another.
  const [designations, scenarios, standards, retrofits] = await Promise.all([
    loaders.designationsInRegion.load({ regionCode: scopeId, asOf }),
    loaders.scenariosInRegion.load({ regionCode: scopeId, asOf }),
    loaders.standardsInRegion.load({ regionCode: scopeId, asOf }),
    metrics.some((m) => m.startsWith('RETROFIT_')) ? loaders.retrofitsInRegion.load({ regionCode: scopeId, asOf }) : [],
  ]);
  const records = { designations, scenarios, standards, retrofits };
  return years.flatMap((year) => metrics.map((metric) => registerFact(metric, year, REGION_METRICS[metric]!(records, year))));
}

/** The enterprise years a value counts, for each year it reads. */
export function enterpriseYearsOf(key: IndicatorValueKey, loaders: Loaders): EnterpriseYearMapper[] | Promise<EnterpriseYearMapper[]> {
  const indicator = catalog().indicators.get(key.indicatorCode);
  if (indicator?.population?.subject !== 'ENTERPRISE' || key.scopeKind !== 'REGION') return [];
  const where = indicator.population.where;
  return loaders.enterprisesInRegion.load({ regionCode: key.scopeId, asOf: key.asOf }).then((all) => {
    const rows = all.filter((e) => !where.sector || where.sector.includes(e.sector));
    return yearsNeeded(key.year, indicator.baselineYear).flatMap((year) => rows.map((e) => ({ uscc: e.uscc, year, asOf: key.asOf })));
  });
}
