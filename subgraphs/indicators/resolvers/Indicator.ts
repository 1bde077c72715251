import { catalog } from '../../../lib/indicators/catalog.ts';
import type { IndicatorInputResolvers, IndicatorResolvers, MetricResolvers, TargetResolvers } from '../resolvers.generated.ts';
import { stored, type ApplicableTarget } from '../targets.ts';

const COMPARATORS = { '<': ['LT', '<'], '<=': ['LE', '≤'], '>=': ['GE', '≥'], '>': ['GT', '>'] } as const;

export const Indicator: IndicatorResolvers = {
  baselineYear: (i) => i.baselineYear ?? null,
  notes: (i) => i.notes ?? null,
  sources: (i) => i.source,
  population: (i) =>
    i.population ? { subjectKind: i.population.subject, filters: Object.entries(i.population.where).map(([k, v]) => `${k} = ${v.join('|')}`) } : null,
  // In the catalog listing a target is shown for its own jurisdiction: it binds there, and judges its year.
  targets: (i) =>
    i.targets.map((t): ApplicableTarget => ({
      ...stored(i, t),
      inherited: false,
      binding: true,
      planPeriod: catalog().periods.get(t.period)!,
      comparand: t.value / i.displayFactor,
      milestone: null,
    })),
  inputs: (i) => {
    const { metrics } = catalog();
    return [...new Set([...i.regionMetrics, ...i.refs.unit])].sort().map((code) => metrics.get(code)!);
  },
};

export const Target: TargetResolvers = {
  comparator: (t) => COMPARATORS[t.comparator][0],
  symbol: (t) => COMPARATORS[t.comparator][1],
  value: (t) => t.storedValue,
  // A cluster id has no entry in the region code list; it is its own name here (bigdata's `clusters` names it).
  jurisdictionName: (t, _args, { regions }) => regions.find(t.jurisdiction)?.nameZh ?? t.jurisdiction,
  period: (t) => t.planPeriod,
  milestones: (t) => t.storedMilestones,
  cumulative: (t) => t.measure === 'CHANGE',
};

export const Metric: MetricResolvers = {
  subjectKind: (m) => m.subject,
};

export const IndicatorInput: IndicatorInputResolvers = {
  agency: (i) => i.metric.owner,
};
