import { referencedIds, requireQualityReader, unregistered } from '../../../lib/quality/references.ts';
import type { EconDataQualityResolvers, EnterpriseIdSetResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { designation, enterprise } from '../tables.ts';

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

/** Enterprise credit codes from another agency's figures (energy's energy-use records), checked against econ's register. */
export const EnterpriseIdSet: EnterpriseIdSetResolvers = {
  __resolveReference: (ref) => ({ ids: [...ref.ids] }),
  unregistered: (set, _, { db }) => unregistered(db, enterprise.uscc, set.ids),
};
