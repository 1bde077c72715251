import { referencedIds, requireQualityReader } from '../../../lib/quality/references.ts';
import type { EconDataQualityResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { designation } from '../tables.ts';

export const dataQualityQuery: Pick<QueryResolvers, 'econDataQuality'> = {
  econDataQuality: (_, __, { viewer }) => {
    requireQualityReader(viewer, 'econ');
    return {};
  },
};

/** Designations name data centres: bigdata checks them (DataCenterIdSet). */
export const EconDataQuality: EconDataQualityResolvers = {
  designationDataCenters: async (_, __, { db }) => ({ ids: await referencedIds(db, designation.dataCenterId) }),
};
