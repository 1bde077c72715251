import { CORE_ROOM_METERS, readings } from '../facts.ts';
import type { CoreMachineRoomResolvers } from '../resolvers.generated.ts';

export const CoreMachineRoom: CoreMachineRoomResolvers = {
  // The core-room list is comms'; energy only knows the meters reported under the id.
  __resolveReference: (ref) => ({ id: ref.id }),
  energyReadings: async ({ id }, { year }, { loaders }) =>
    readings(year == null ? await loaders.meterReadings.load(id) : await loaders.observations.load({ subjectId: id, year }), CORE_ROOM_METERS),
};
