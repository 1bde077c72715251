import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import { coreMachineRooms, sites5G, telecomOperators, towers } from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<MutationResolvers, 'upsertCoreMachineRooms' | 'upsertTelecomOperators' | 'upsertSites5G' | 'upsertTowers'> = {
  upsertCoreMachineRooms: registerMutation(coreMachineRooms),
  upsertTelecomOperators: registerMutation(telecomOperators),
  upsertSites5G: registerMutation(sites5G),
  upsertTowers: registerMutation(towers),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'commsRegisterChanges'> = {
  commsRegisterChanges: registerChangesField(registerRevision, 'comms'),
};
