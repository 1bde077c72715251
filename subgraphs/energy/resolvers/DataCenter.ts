import { DATA_CENTER_METERS, readings } from '../facts.ts';
import type { DataCenterResolvers } from '../resolvers.generated.ts';

export const DataCenter: DataCenterResolvers = {
  // The register is bigdata's: energy answers for any id and simply has no readings for unknown ones.
  __resolveReference: (ref) => ({ id: ref.id }),
  energyReadings: async ({ id }, { year }, { loaders }) =>
    readings(year == null ? await loaders.meterReadings.load(id) : await loaders.observations.load({ subjectId: id, year }), DATA_CENTER_METERS),
};
