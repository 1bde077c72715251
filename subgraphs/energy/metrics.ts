import { metricTable, type ObservationMetric } from '../../lib/observations.ts';

/** What one metric code in the bureau's observation table means; the indicator engine reads these. */
export type MetricDefinition = ObservationMetric;

/** The metrics in the bureau's observation table, defined in catalog/metrics.yaml (their `observation` blocks). */
export const METRICS = metricTable('energy', [
  'DC_TOTAL_ENERGY_KWH',
  'DC_IT_ENERGY_KWH',
  'CORE_ROOM_TOTAL_ENERGY_KWH',
  'CORE_ROOM_IT_ENERGY_KWH',
  'DC_RENEWABLE_GREEN_POWER_KWH',
  'DC_RENEWABLE_CERTIFICATE_KWH',
  'DC_RENEWABLE_ONSITE_PV_KWH',
  'BS_5G_ELECTRICITY_KWH',
  'TELECOM_ENERGY_TCE',
  'ENTERPRISE_ENERGY_TCE',
]);

export type MetricCode = keyof typeof METRICS;

/** The three ways a data centre's renewable electricity is reported; their sum is its renewable use. */
export const RENEWABLE_METRICS = [
  'DC_RENEWABLE_GREEN_POWER_KWH',
  'DC_RENEWABLE_CERTIFICATE_KWH',
  'DC_RENEWABLE_ONSITE_PV_KWH',
] as const satisfies readonly MetricCode[];

export function isMetricCode(code: string): code is MetricCode {
  return Object.hasOwn(METRICS, code);
}

/**
 * GB/T 2589 equivalent value for electricity (当量值), kgce per kWh. Stated here so every
 * kWh→tce conversion names its coefficient (DOMAIN.md, energy units).
 */
export const KGCE_PER_KWH_EQUIVALENT = 0.1229;
