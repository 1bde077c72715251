import { observedSubjects, requireQualityReader } from '../../../lib/quality/references.ts';
import type { EnergyDataQualityResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { observation } from '../tables.ts';

export const dataQualityQuery: Pick<QueryResolvers, 'energyDataQuality'> = {
  energyDataQuality: (_, __, { viewer }) => {
    requireQualityReader(viewer, 'energy');
    return {};
  },
};

/** The sets go to their registers' owners by their ids: bigdata for data centres, comms for core rooms, econ for enterprises. */
export const EnergyDataQuality: EnergyDataQualityResolvers = {
  readingDataCenters: async (_, __, { db }) => ({ ids: await observedSubjects(db, observation, 'DATA_CENTER') }),
  readingCoreRooms: async (_, __, { db }) => ({ ids: await observedSubjects(db, observation, 'CORE_ROOM') }),
  recordEnterprises: async (_, __, { db }) => ({ ids: await observedSubjects(db, observation, 'ENTERPRISE') }),
};
