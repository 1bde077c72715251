import { yearly } from '../facts.ts';
import type { RegionYearResolvers } from '../resolvers.generated.ts';

/** Only the energy fields: `__resolveReference` and `region` are the shared ones merged in by the runtime. */
export const RegionYear: RegionYearResolvers = {
  // Values are what was reported for exactly this region: county level, no roll-up here.
  bs5gElectricityKwh: async ({ regionCode, year }, _, { loaders }) =>
    yearly(await loaders.metricYears.load({ subjectId: regionCode, year }), 'BS_5G_ELECTRICITY_KWH'),
  telecomEnergyTce: async ({ regionCode, year }, _, { loaders }) =>
    yearly(await loaders.metricYears.load({ subjectId: regionCode, year }), 'TELECOM_ENERGY_TCE'),
};
