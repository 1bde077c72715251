import type { Resolvers } from '../resolvers.generated.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { Indicator, Target } from './Indicator.ts';
import { IndicatorValue } from './IndicatorValue.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Indicator, Target, IndicatorValue, DataCenterYear };
