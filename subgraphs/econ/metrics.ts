import type { SubjectKind } from '../../db/observation-table.ts';
import type { TimeAggregation } from '../../lib/observations.ts';
import type { Periodicity } from '../../lib/writes/period.ts';

/**
 * What one metric in econ's observation table means: what `submitEconObservations` accepts and
 * how the readers add it up over time (FLOW sums the periods of a year, STOCK takes the last).
 */
export interface MetricDefinition {
  code: string;
  unit: string;
  subjectKind: SubjectKind;
  aggregation: TimeAggregation;
  periodicity: Periodicity;
  /** Whole numbers only. */
  integer: boolean;
  descriptionZh: string;
  descriptionEn: string;
  /** Seed document and clause that asks for the figure. */
  source: string;
}

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
} as const satisfies Record<string, MetricDefinition>;

export type EconMetricCode = keyof typeof econMetrics;
