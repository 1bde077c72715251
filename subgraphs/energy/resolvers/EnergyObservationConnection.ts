import type { EnergyObservationConnectionResolvers } from '../resolvers.generated.ts';

export const EnergyObservationConnection: EnergyObservationConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
