import { NO_FIGURES, ownFacts, regionFactsOf } from '../../../lib/indicators/region-facts.ts';
import { OBSERVED_METRICS, REGISTER_METRICS } from '../indicator-facts.ts';
import type { EnergyIndicatorInputsResolvers } from '../resolvers.generated.ts';
import type { IndicatorValueKey } from '../../../lib/indicators/scope.ts';
import type { Context } from '../context.ts';

export const EnergyIndicatorInputs: EnergyIndicatorInputsResolvers = {
  __resolveReference: (key) => key,
  // Only region values read region facts.
  facts: (key, _, { regions, loaders }) => {
    const { metrics, years } = ownFacts(key, 'energy');
    if (metrics.length === 0 || !regions.find(key.scopeId)) return [];
    return regionFacts(key, metrics, years, { regions, loaders });
  },
};

/** energy's region facts for one value (or one region of a cube). */
export async function regionFacts(key: IndicatorValueKey, metrics: string[], years: number[], { regions, loaders }: Pick<Context, 'regions' | 'loaders'>) {
  // Started together, so each loader's batch goes out in the same tick rather than one statement after another.
  const [observed, pv] = await Promise.all([
    metrics.some((m) => OBSERVED_METRICS.includes(m)) ? loaders.countyYears.load({ regionCode: key.scopeId, asOf: key.asOf }) : NO_FIGURES,
    metrics.some((m) => m in REGISTER_METRICS) ? loaders.pvInRegion.load({ regionCode: key.scopeId, asOf: key.asOf }) : [],
  ]);
  return regionFactsOf(metrics, years, observed, { regions, regionCode: key.scopeId }, (metric) => {
    const fromRegister = REGISTER_METRICS[metric];
    return fromRegister && ((year) => fromRegister(pv, year));
  });
}
