import { reportedUnits } from '../../../lib/quality/unit-references.ts';
import type { BigdataIndicatorInputsResolvers } from '../resolvers.generated.ts';
import { observation } from '../tables.ts';

/** The data centres comms holds rack-usage reports for, handed to bigdata by id for a national value (lib/quality/unit-references.ts). */
export const BigdataIndicatorInputs: BigdataIndicatorInputsResolvers = {
  __resolveReference: (key) => key,
  commsReportedUnits: (key, _, context) => reportedUnits(context, observation, key, 'comms', 'DATA_CENTER'),
};
