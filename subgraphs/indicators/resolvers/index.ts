import type { Resolvers } from '../resolvers.generated.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { Indicator, IndicatorInput, Metric, Target } from './Indicator.ts';
import { IndicatorValue } from './IndicatorValue.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Indicator, IndicatorInput, Metric, Target, IndicatorValue, DataCenterYear };
