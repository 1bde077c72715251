import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import { designations, enterprises, pilots, retrofitProjects } from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<MutationResolvers, 'upsertEnterprises' | 'upsertDesignations' | 'upsertRetrofitProjects' | 'upsertPilots'> = {
  upsertEnterprises: registerMutation(enterprises),
  upsertDesignations: registerMutation(designations),
  upsertRetrofitProjects: registerMutation(retrofitProjects),
  upsertPilots: registerMutation(pilots),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'econRegisterChanges'> = {
  econRegisterChanges: registerChangesField(registerRevision, 'econ'),
};
