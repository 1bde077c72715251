import { observedSubjects, requireQualityReader, unregistered } from '../../../lib/quality/references.ts';
import type { CommsDataQualityResolvers, CoreRoomIdSetResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { coreRoom, observation } from '../tables.ts';

export const dataQualityQuery: Pick<QueryResolvers, 'commsDataQuality'> = {
  commsDataQuality: (_, __, { viewer }) => {
    requireQualityReader(viewer, 'comms');
    return {};
  },
};

/** Comms' rack reports name data centres: bigdata checks them (DataCenterIdSet). */
export const CommsDataQuality: CommsDataQualityResolvers = {
  rackReportDataCenters: async (_, __, { db }) => ({ ids: await observedSubjects(db, observation, 'DATA_CENTER') }),
};

/** Core-room ids from another agency's figures (energy's readings), checked against comms' register. */
export const CoreRoomIdSet: CoreRoomIdSetResolvers = {
  __resolveReference: (ref) => ({ ids: [...ref.ids] }),
  unregistered: (set, _, { db }) => unregistered(db, coreRoom.id, set.ids),
};
