import { placedDesignations } from '../designations.ts';
import type { BigdataIndicatorInputsResolvers } from '../resolvers.generated.ts';

/** What econ hands bigdata for a value: the designations bigdata places (`placedBy`), to the value's year. */
export const BigdataIndicatorInputs: BigdataIndicatorInputsResolvers = {
  __resolveReference: (key) => key,
  designatedDataCenters: (key, _, { loaders }) => placedDesignations([key.indicatorCode], key.year, key.asOf, loaders),
};
