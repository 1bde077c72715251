import type { ObservationMetric } from '../../lib/observations.ts';

/** The metrics in bigdata's observation table. */
export const bigdataMetrics = {
  RACKS_RETIRED: {
    code: 'RACKS_RETIRED',
    unit: 'racks',
    subjectKind: 'DATA_CENTER',
    aggregation: 'FLOW',
    periodicity: 'ANNUAL',
    integer: true,
    descriptionZh: '数据中心当年退旧上新或腾换的机架数（标准机架，2.5 kW）',
    descriptionEn: 'Racks a data centre retired or replaced (退旧上新 / 腾换) in the year, in standard 2.5 kW racks',
    source: '000 二、主要目标 (退旧上新或腾换机架)',
  },
} as const satisfies Record<string, ObservationMetric>;

export type BigdataMetricCode = keyof typeof bigdataMetrics;
