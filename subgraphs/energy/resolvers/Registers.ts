import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import { pvInstallations } from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<MutationResolvers, 'upsertPvInstallations'> = {
  upsertPvInstallations: registerMutation(pvInstallations),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'energyRegisterChanges'> = {
  energyRegisterChanges: registerChangesField(registerRevision, 'energy'),
};
