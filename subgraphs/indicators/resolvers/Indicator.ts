import { catalog } from '../../../lib/indicators/catalog.ts';
import type { IndicatorInputResolvers, IndicatorResolvers, MetricResolvers, TargetResolvers } from '../resolvers.generated.ts';

const COMPARATORS = { '<': ['LT', '<'], '<=': ['LE', '≤'], '>=': ['GE', '≥'], '>': ['GT', '>'] } as const;

export const Indicator: IndicatorResolvers = {
  baselineYear: (i) => i.baselineYear ?? null,
  notes: (i) => i.notes ?? null,
  sources: (i) => i.source,
  population: (i) =>
    i.population ? { subjectKind: i.population.subject, filters: Object.entries(i.population.where).map(([k, v]) => `${k} = ${v.join('|')}`) } : null,
  targets: (i) => i.targets.map((t) => ({ ...t, storedValue: t.value / i.displayFactor, inherited: false })),
  inputs: (i) => {
    const { metrics } = catalog();
    return [...new Set([...i.regionMetrics, ...i.refs.unit])].sort().map((code) => metrics.get(code)!);
  },
};

export const Target: TargetResolvers = {
  comparator: (t) => COMPARATORS[t.comparator][0],
  symbol: (t) => COMPARATORS[t.comparator][1],
  value: (t) => t.storedValue,
};

export const Metric: MetricResolvers = {
  subjectKind: (m) => m.subject,
};

export const IndicatorInput: IndicatorInputResolvers = {
  agency: (i) => i.metric.owner,
};
