import type { ObservationMetric } from '../../lib/observations.ts';

/** The metrics in econ's observation table. */
export const econMetrics = {
  USABLE_ROOFS: {
    code: 'USABLE_ROOFS',
    unit: 'roofs',
    subjectKind: 'ENTERPRISE',
    aggregation: 'STOCK',
    periodicity: 'ANNUAL',
    integer: true,
    descriptionZh: '企业（含其运营园区）可安装光伏的建筑屋顶数，按年报送',
    descriptionEn: "Building roofs of an enterprise (parks it runs included) that could carry PV, as at the end of the year",
    source: '003 主要指标表 第1行 (建筑屋顶光伏安装比例)',
  },
} as const satisfies Record<string, ObservationMetric>;

export type EconMetricCode = keyof typeof econMetrics;
