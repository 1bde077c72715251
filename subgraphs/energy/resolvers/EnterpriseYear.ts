import { statusInYear } from '../../../lib/observations.ts';
import { yearly } from '../facts.ts';
import type { EnterpriseYearResolvers } from '../resolvers.generated.ts';

export const EnterpriseYear: EnterpriseYearResolvers = {
  __resolveReference: (ref) => ({ uscc: ref.uscc, year: ref.year, asOf: ref.asOf }),
  energyUseTce: async ({ uscc, year, asOf }, _, { loaders }) => yearly(await loaders.metricYears.load({ subjectId: uscc, year, asOf }), 'ENTERPRISE_ENERGY_TCE'),
  energyStatus: async ({ uscc, year, asOf }, _, { loaders }) => statusInYear(await loaders.metricYears.load({ subjectId: uscc, year, asOf })),
  // From the PV register as it stood at the key's as-of, like the year's observations.
  roofsWithPv: async ({ uscc, year, asOf }, _, { loaders }) =>
    (await loaders.pvInstallationsByEnterprise.load({ uscc, asOf })).filter((p) => p.onRoof && p.commissionedOn <= `${year}-12-31`).length,
};
