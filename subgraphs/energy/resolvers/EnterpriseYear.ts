import { statusInYear } from '../../../lib/observations.ts';
import { yearly } from '../facts.ts';
import type { EnterpriseYearResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';

/** An enterprise's roofs with PV in a year, from the PV register as it stood at the key's as-of, like the year's observations. */
export const roofsWithPv = async ({ uscc, year, asOf }: { uscc: string; year: number; asOf: string }, { loaders }: Context): Promise<number> =>
  (await loaders.pvInstallationsByEnterprise.load({ uscc, asOf })).filter((p) => p.onRoof && p.commissionedOn <= `${year}-12-31`).length;

export const EnterpriseYear: EnterpriseYearResolvers = {
  __resolveReference: (ref) => ({ uscc: ref.uscc, year: ref.year, asOf: ref.asOf }),
  energyUseTce: async ({ uscc, year, asOf }, _, { loaders }) =>
    yearly(await loaders.metricYears.load({ subjectId: uscc, year, asOf }), 'ENTERPRISE_ENERGY_TCE'),
  energyStatus: async ({ uscc, year, asOf }, _, { loaders }) => statusInYear(await loaders.metricYears.load({ subjectId: uscc, year, asOf })),
  roofsWithPv: (ref, _, context) => roofsWithPv(ref, context),
};
