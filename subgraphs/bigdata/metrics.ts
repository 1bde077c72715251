import { metricTable } from '../../lib/observations.ts';

/** The metrics in bigdata's observation table, defined in catalog/metrics.yaml (their `observation` blocks). */
export const bigdataMetrics = metricTable('bigdata', ['RACKS_RETIRED']);

export type BigdataMetricCode = keyof typeof bigdataMetrics;
