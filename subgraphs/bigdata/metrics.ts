import type { SubjectKind } from '../../db/observation-table.ts';
import type { TimeAggregation } from '../../lib/observations.ts';
import type { Periodicity } from '../../lib/writes/period.ts';

/**
 * What one metric in bigdata's observation table means: what `submitBigdataObservations` accepts
 * and how the readers add it up over time (FLOW sums the periods of a year, STOCK takes the last).
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
} as const satisfies Record<string, MetricDefinition>;

export type BigdataMetricCode = keyof typeof bigdataMetrics;
