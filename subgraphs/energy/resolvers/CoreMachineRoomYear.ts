import { statusInYear } from '../../../lib/observations.ts';
import { CORE_ROOM_METERS, pairedPue, yearly } from '../facts.ts';
import type { CoreMachineRoomYearResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';
import type { CoreMachineRoomYearMapper } from '../schema.mappers.ts';

const key = (ref: CoreMachineRoomYearMapper) => ({ subjectId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf });
const yearOf = (ref: CoreMachineRoomYearMapper, { loaders }: Context) => loaders.metricYears.load(key(ref));

// As for data-centre years: meter sums and status from the yearly reductions, PUE from the paired months.
export const CoreMachineRoomYear: CoreMachineRoomYearResolvers = {
  __resolveReference: (ref) => ({ coreMachineRoomId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf }),
  totalEnergyKwh: async (ref, _, ctx) => yearly(await yearOf(ref, ctx), CORE_ROOM_METERS.total),
  itEnergyKwh: async (ref, _, ctx) => yearly(await yearOf(ref, ctx), CORE_ROOM_METERS.it),
  pue: async (ref, _, { loaders }) => pairedPue(await loaders.observations.load(key(ref)), CORE_ROOM_METERS),
  energyStatus: async (ref, _, ctx) => statusInYear(await yearOf(ref, ctx)),
};
