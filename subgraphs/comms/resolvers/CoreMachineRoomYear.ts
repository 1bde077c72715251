import type { CoreMachineRoomYearResolvers } from '../resolvers.generated.ts';

/** Renovated by the end of `year`: the set the core-room PUE indicator is computed over. */
export function renovatedBy(renovatedYear: number | null, year: number): boolean {
  return renovatedYear !== null && renovatedYear <= year;
}

// The room as the register stood at the year's as-of, like the year's figures: a report reproduced as of
// an instant sees the renovation year (and the room at all) as they were then.
export const CoreMachineRoomYear: CoreMachineRoomYearResolvers = {
  // An unknown room resolves to null, so energy cannot hang readings on a room comms never registered.
  __resolveReference: async (ref, { loaders }) =>
    (await loaders.coreRoomAt(ref.coreMachineRoomId, ref.asOf)) ? { coreMachineRoomId: ref.coreMachineRoomId, year: ref.year, asOf: ref.asOf } : null,
  coreMachineRoom: async (ref, _, { loaders }) => (await loaders.coreRoomAt(ref.coreMachineRoomId, ref.asOf))!,
  renovated: async (ref, _, { loaders }) => renovatedBy((await loaders.coreRoomAt(ref.coreMachineRoomId, ref.asOf))!.renovatedYear, ref.year),
};
