import { CORE_ROOM_METERS, facilityYear, weakestStatus } from '../facts.ts';
import type { CoreMachineRoomYearResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';
import type { CoreMachineRoomYearMapper } from '../schema.mappers.ts';

const yearOf = async (ref: CoreMachineRoomYearMapper, { loaders }: Context) =>
  facilityYear(await loaders.observations.load({ subjectId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf }), CORE_ROOM_METERS);

export const CoreMachineRoomYear: CoreMachineRoomYearResolvers = {
  __resolveReference: (ref) => ({ coreMachineRoomId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf }),
  totalEnergyKwh: async (ref, _, ctx) => (await yearOf(ref, ctx)).totalEnergyKwh,
  itEnergyKwh: async (ref, _, ctx) => (await yearOf(ref, ctx)).itEnergyKwh,
  pue: async (ref, _, ctx) => (await yearOf(ref, ctx)).pue,
  energyStatus: async (ref, _, { loaders }) => weakestStatus(await loaders.observations.load({ subjectId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf })),
};
