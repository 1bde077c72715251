import { screen, SHUTDOWN_CRITERIA, SHUTDOWN_RULE_JURISDICTION, type ScreenedDataCenter, type ScreenResult } from '../shutdown-screen.ts';
import type { ShutdownScreenResolvers } from '../resolvers.generated.ts';
import type { ShutdownScreenMapper } from '../schema.mappers.ts';
import type { Context } from '../context.ts';

const screened = (rep: ShutdownScreenMapper): ScreenResult => screen((rep.dataCenters ?? []) as ScreenedDataCenter[]);
// Both lists read one screening, done once per representation and request.
const resultOf = (rep: ShutdownScreenMapper, { memo }: Context): ScreenResult => memo.once(screened, rep);

export const ShutdownScreen: ShutdownScreenResolvers = {
  __resolveReference: (rep) => rep,
  criteria: () => SHUTDOWN_CRITERIA,
  ruleJurisdiction: () => SHUTDOWN_RULE_JURISDICTION,
  binding: (rep, _args, { regions }) => regions.selfAndDescendants(SHUTDOWN_RULE_JURISDICTION).includes(rep.regionCode),
  candidates: (rep, _args, context) =>
    resultOf(rep, context).candidates.map((c) => ({
      dataCenter: { id: c.dataCenterId },
      pue: { value: c.pue, agency: 'energy' },
      designRacks: { value: c.designRacks, agency: 'bigdata' },
      yearsInOperation: { value: c.yearsInOperation, agency: 'bigdata' },
    })),
  unscreened: (rep, _args, context) => resultOf(rep, context).unscreened.map((u) => ({ dataCenter: { id: u.dataCenterId }, missing: u.missing })),
};
