import type { ObservationMetric } from '../../lib/observations.ts';

/** What one metric code in the bureau's observation table means; the indicator engine reads these. */
export type MetricDefinition = ObservationMetric & { unit: 'kWh' | 'tce' };

const define = <const T extends Record<string, Omit<MetricDefinition, 'code'>>>(defs: T): { [K in keyof T]: MetricDefinition & { code: K } } =>
  Object.fromEntries(Object.entries(defs).map(([code, d]) => [code, { code, ...d }])) as { [K in keyof T]: MetricDefinition & { code: K } };

export const METRICS = define({
  DC_TOTAL_ENERGY_KWH: {
    unit: 'kWh',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'MONTHLY',
    descriptionZh: '数据中心总耗电量（含制冷、配电损耗等）',
    descriptionEn: 'Total facility electricity of a data centre (IT plus cooling, power distribution losses, lighting)',
  },
  DC_IT_ENERGY_KWH: {
    unit: 'kWh',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'MONTHLY',
    descriptionZh: '数据中心IT设备耗电量',
    descriptionEn: 'Electricity used by the IT equipment of a data centre',
  },
  CORE_ROOM_TOTAL_ENERGY_KWH: {
    unit: 'kWh',
    subjectKind: 'CORE_ROOM',
    aggregation: 'FLOW',
    periodicity: 'MONTHLY',
    descriptionZh: '核心机房总耗电量',
    descriptionEn: 'Total electricity of a core machine room',
  },
  CORE_ROOM_IT_ENERGY_KWH: {
    unit: 'kWh',
    subjectKind: 'CORE_ROOM',
    aggregation: 'FLOW',
    periodicity: 'MONTHLY',
    descriptionZh: '核心机房通信设备耗电量',
    descriptionEn: 'Electricity used by the communication equipment of a core machine room',
  },
  DC_RENEWABLE_GREEN_POWER_KWH: {
    unit: 'kWh',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '数据中心通过绿电交易使用的可再生能源电量',
    descriptionEn: 'Renewable electricity a data centre bought through green-power trading (绿电交易)',
  },
  DC_RENEWABLE_CERTIFICATE_KWH: {
    unit: 'kWh',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '数据中心以绿证方式认购的可再生能源电量',
    descriptionEn: 'Renewable electricity a data centre covered with green certificates (绿证)',
  },
  DC_RENEWABLE_ONSITE_PV_KWH: {
    unit: 'kWh',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '数据中心自建光伏发电自用电量',
    descriptionEn: 'Electricity a data centre generated and used from its own on-site PV',
  },
  BS_5G_ELECTRICITY_KWH: {
    unit: 'kWh',
    subjectKind: 'REGION',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '5G基站耗电量（各级行政区）',
    descriptionEn: 'Electricity used by 5G base stations in a region, reported for the region itself at any level (a county, a province)',
  },
  TELECOM_ENERGY_TCE: {
    unit: 'tce',
    subjectKind: 'REGION',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '信息通信业综合能源消费量（各级行政区，吨标准煤）',
    descriptionEn: 'Comprehensive energy consumption of the telecom industry in a region, reported for the region itself at any level, tonnes of standard coal equivalent',
  },
  ENTERPRISE_ENERGY_TCE: {
    unit: 'tce',
    subjectKind: 'ENTERPRISE',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '用能企业年综合能源消费量（吨标准煤）',
    descriptionEn: "An energy-using enterprise's annual comprehensive energy consumption, tonnes of standard coal equivalent",
  },
});

export type MetricCode = keyof typeof METRICS;

/** The three ways a data centre's renewable electricity is reported; their sum is its renewable use. */
export const RENEWABLE_METRICS = ['DC_RENEWABLE_GREEN_POWER_KWH', 'DC_RENEWABLE_CERTIFICATE_KWH', 'DC_RENEWABLE_ONSITE_PV_KWH'] as const satisfies readonly MetricCode[];

export function isMetricCode(code: string): code is MetricCode {
  return Object.hasOwn(METRICS, code);
}

/**
 * GB/T 2589 equivalent value for electricity (当量值), kgce per kWh. Stated here so every
 * kWh→tce conversion names its coefficient (DOMAIN.md, energy units).
 */
export const KGCE_PER_KWH_EQUIVALENT = 0.1229;
