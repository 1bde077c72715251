import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import { clusters, dataCenters, zones } from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<MutationResolvers, 'upsertDataCenters' | 'upsertClusters' | 'upsertZones'> = {
  upsertDataCenters: registerMutation(dataCenters),
  upsertClusters: registerMutation(clusters),
  upsertZones: registerMutation(zones),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'bigdataRegisterChanges'> = {
  bigdataRegisterChanges: registerChangesField(registerRevision, 'bigdata'),
};
