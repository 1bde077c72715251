import type { CoreMachineRoomYearResolvers } from '../resolvers.generated.ts';

/** Renovated by the end of `year`: the set the core-room PUE indicator is computed over. */
export function renovatedBy(renovatedYear: number | null, year: number): boolean {
  return renovatedYear !== null && renovatedYear <= year;
}

export const CoreMachineRoomYear: CoreMachineRoomYearResolvers = {
  // An unknown room resolves to null, so energy cannot hang readings on a room comms never registered.
  __resolveReference: async (ref, { loaders }) =>
    (await loaders.coreRoom.load(ref.coreMachineRoomId)) ? { coreMachineRoomId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf } : null,
  coreMachineRoom: async (ref, _, { loaders }) => (await loaders.coreRoom.load(ref.coreMachineRoomId))!,
  renovated: async (ref, _, { loaders }) => renovatedBy((await loaders.coreRoom.load(ref.coreMachineRoomId))!.renovatedYear, ref.year),
};
