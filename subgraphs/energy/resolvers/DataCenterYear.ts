import { DATA_CENTER_METERS, facilityYear, renewableKwh, weakestStatus } from '../facts.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';
import type { DataCenterYearMapper } from '../schema.mappers.ts';

const rowsOf = (ref: DataCenterYearMapper, { loaders }: Context) => loaders.observations.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf });

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: (ref) => ({ dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }),
  totalEnergyKwh: async (ref, _, ctx) => facilityYear(await rowsOf(ref, ctx), DATA_CENTER_METERS).totalEnergyKwh,
  itEnergyKwh: async (ref, _, ctx) => facilityYear(await rowsOf(ref, ctx), DATA_CENTER_METERS).itEnergyKwh,
  pue: async (ref, _, ctx) => facilityYear(await rowsOf(ref, ctx), DATA_CENTER_METERS).pue,
  renewableEnergyKwh: async (ref, _, ctx) => renewableKwh(await rowsOf(ref, ctx)),
  energyStatus: async (ref, _, ctx) => weakestStatus(await rowsOf(ref, ctx)),
};
