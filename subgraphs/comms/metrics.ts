import { metricTable } from '../../lib/observations.ts';

/**
 * The metrics in comms' observation table, defined in catalog/metrics.yaml (their `observation` blocks).
 * The indicator engine reads these to know how to add a metric up over time (FLOW sums months, STOCK
 * takes the last period) and over regions.
 */
export const commsMetrics = metricTable('comms', ['RACKS_IN_USE', 'INFORMATION_TRAFFIC_GB', 'TELECOM_BUSINESS_VOLUME_10K_CNY', 'TRAFFIC_5G_GB']);

export type CommsMetricCode = keyof typeof commsMetrics;
