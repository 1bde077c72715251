import { LATEST } from '../../../lib/observations.ts';
import type { CoreMachineRoomResolvers } from '../resolvers.generated.ts';

export const CoreMachineRoom: CoreMachineRoomResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.coreRoom.load(ref.id),
  operator: async (row, _, { loaders }) => (await loaders.operator.load(row.operatorId))!,
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  year: (row, { year }) => ({ coreMachineRoomId: row.id, year, asOf: LATEST }),
};
