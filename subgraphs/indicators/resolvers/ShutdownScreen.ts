import { screen, SHUTDOWN_CRITERIA, SHUTDOWN_RULE_JURISDICTION, type ScreenedDataCenter, type ScreenResult } from '../shutdown-screen.ts';
import type { ShutdownScreenResolvers } from '../resolvers.generated.ts';
import type { ShutdownScreenMapper } from '../schema.mappers.ts';

const results = new WeakMap<ShutdownScreenMapper, ScreenResult>();
const resultOf = (rep: ShutdownScreenMapper): ScreenResult => {
  let r = results.get(rep);
  if (!r) {
    r = screen((rep.dataCenters ?? []) as ScreenedDataCenter[]);
    results.set(rep, r);
  }
  return r;
};

export const ShutdownScreen: ShutdownScreenResolvers = {
  __resolveReference: (rep) => rep,
  criteria: () => SHUTDOWN_CRITERIA,
  ruleJurisdiction: () => SHUTDOWN_RULE_JURISDICTION,
  binding: (rep, _args, { regions }) => regions.selfAndDescendants(SHUTDOWN_RULE_JURISDICTION).includes(rep.regionCode),
  candidates: (rep) =>
    resultOf(rep).candidates.map((c) => ({
      dataCenter: { id: c.dataCenterId },
      pue: { value: c.pue, agency: 'energy' },
      designRacks: { value: c.designRacks, agency: 'bigdata' },
      yearsInOperation: { value: c.yearsInOperation, agency: 'bigdata' },
    })),
  unscreened: (rep) => resultOf(rep).unscreened.map((u) => ({ dataCenter: { id: u.dataCenterId }, missing: u.missing })),
};
