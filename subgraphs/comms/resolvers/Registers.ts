import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import { coreMachineRooms } from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<MutationResolvers, 'upsertCoreMachineRooms'> = {
  upsertCoreMachineRooms: registerMutation(coreMachineRooms),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'commsRegisterChanges'> = {
  commsRegisterChanges: registerChangesField(registerRevision, 'comms'),
};
