import { unregistered } from '../../../lib/quality/references.ts';
import type { DataCenterIdSetResolvers } from '../resolvers.generated.ts';
import { dataCenter } from '../tables.ts';

/** Data-centre ids from another agency's figures (readings, rack reports, designations), checked against the register. */
export const DataCenterIdSet: DataCenterIdSetResolvers = {
  __resolveReference: (ref) => ({ ids: [...ref.ids] }),
  unregistered: (set, _, { db }) => unregistered(db, dataCenter.id, set.ids),
};
