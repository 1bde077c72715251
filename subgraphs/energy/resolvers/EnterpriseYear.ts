import { metricYearValue } from '../facts.ts';
import type { EnterpriseYearResolvers } from '../resolvers.generated.ts';

export const EnterpriseYear: EnterpriseYearResolvers = {
  __resolveReference: (ref) => ({ uscc: ref.uscc, year: ref.year }),
  energyUseTce: async ({ uscc, year }, _, { loaders }) => metricYearValue(await loaders.observations.load({ subjectId: uscc, year }), 'ENTERPRISE_ENERGY_TCE'),
};
