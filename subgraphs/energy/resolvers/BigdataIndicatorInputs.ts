import { reportedUnits } from '../../../lib/quality/unit-references.ts';
import type { BigdataIndicatorInputsResolvers } from '../resolvers.generated.ts';
import { observation } from '../tables.ts';

/** The data centres energy holds readings for, handed to bigdata by id for a national value (lib/quality/unit-references.ts). */
export const BigdataIndicatorInputs: BigdataIndicatorInputsResolvers = {
  __resolveReference: (key) => key,
  energyReportedUnits: (key, _, context) => reportedUnits(context, observation, key, 'energy', 'DATA_CENTER'),
};
