import { metricTable } from '../../lib/observations.ts';

/** The metrics in econ's observation table, defined in catalog/metrics.yaml (their `observation` blocks). */
export const econMetrics = metricTable('econ', ['USABLE_ROOFS']);

export type EconMetricCode = keyof typeof econMetrics;
