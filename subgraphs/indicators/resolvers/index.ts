import { DateScalar, DateTimeScalar } from '../../../lib/scalars.ts';
import type { Resolvers } from '../resolvers.generated.ts';
import { DataCenterYear } from './DataCenterYear.ts';
import { Indicator, IndicatorInput, Metric, Target } from './Indicator.ts';
import { IndicatorCube, IndicatorCubeCell } from './IndicatorCube.ts';
import { IndicatorValue } from './IndicatorValue.ts';
import { Query } from './Query.ts';
import { ShutdownScreen } from './ShutdownScreen.ts';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Indicator,
  IndicatorInput,
  Metric,
  Target,
  IndicatorValue,
  IndicatorCube,
  IndicatorCubeCell,
  DataCenterYear,
  ShutdownScreen,
};
