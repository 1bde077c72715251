import type { ObservationMetric } from '../../lib/observations.ts';

/**
 * The metrics in comms' observation table. The indicator engine reads these to know how to add a
 * metric up over time (FLOW sums months, STOCK takes the last period) and over regions.
 */
export const commsMetrics = {
  RACKS_IN_USE: {
    code: 'RACKS_IN_USE',
    unit: 'racks',
    integer: true,
    subjectKind: 'DATA_CENTER',
    aggregation: 'STOCK',
    periodicity: 'ANNUAL',
    descriptionZh: '数据中心实际使用机架数（标准机架，2.5 kW），由 IDC 运营企业按年报送',
    descriptionEn: 'Racks actually in use in a data centre at the end of the year, in standard 2.5 kW racks, as reported by its IDC operator',
    source: '004 annex #7 (数据中心上架率)',
  },
  INFORMATION_TRAFFIC_GB: {
    code: 'INFORMATION_TRAFFIC_GB',
    unit: 'GB',
    subjectKind: 'REGION',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '信息流量（全年，GB）',
    descriptionEn: 'Information traffic carried in the year, in GB',
    source: '002 annex #1, 004 annex #1 (单位信息流量综合能耗)',
  },
  TELECOM_BUSINESS_VOLUME_10K_CNY: {
    code: 'TELECOM_BUSINESS_VOLUME_10K_CNY',
    unit: '10k CNY',
    subjectKind: 'REGION',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '电信业务总量（全年，万元）',
    descriptionEn: 'Telecom business volume in the year, in 10,000 CNY',
    source: '002 annex #2, 004 annex #2 (单位电信业务总量综合能耗)',
  },
  TRAFFIC_5G_GB: {
    code: 'TRAFFIC_5G_GB',
    unit: 'GB',
    subjectKind: 'REGION',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    descriptionZh: '5G 网络承载的流量（全年，GB），用于计算 5G 基站能效',
    descriptionEn: 'Traffic carried over 5G in the year, in GB; the numerator of 5G base-station energy efficiency',
    source: '002 annex #6, 004 annex #11 (5G基站能效提升幅度)',
  },
} as const satisfies Record<string, ObservationMetric>;

export type CommsMetricCode = keyof typeof commsMetrics;
