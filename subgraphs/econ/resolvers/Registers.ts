import { registerChangesField } from '../../../lib/writes/register-history.ts';
import { registerMutation } from '../../../lib/writes/registers.ts';
import {
  applicationScenarios,
  designations,
  energyAssessments,
  energyManagementCentres,
  enterprises,
  greenStandards,
  pilots,
  retrofitProjects,
} from '../registers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { registerRevision } from '../tables.ts';

/** The register upserts (engine: lib/writes/registers.ts; registers: ../registers.ts). */
export const registerMutations: Pick<
  MutationResolvers,
  | 'upsertEnterprises'
  | 'upsertDesignations'
  | 'upsertRetrofitProjects'
  | 'upsertPilots'
  | 'upsertApplicationScenarios'
  | 'upsertGreenStandards'
  | 'upsertEnergyAssessments'
  | 'upsertEnergyManagementCentres'
> = {
  upsertEnterprises: registerMutation(enterprises),
  upsertDesignations: registerMutation(designations),
  upsertRetrofitProjects: registerMutation(retrofitProjects),
  upsertPilots: registerMutation(pilots),
  upsertApplicationScenarios: registerMutation(applicationScenarios),
  upsertGreenStandards: registerMutation(greenStandards),
  upsertEnergyAssessments: registerMutation(energyAssessments),
  upsertEnergyManagementCentres: registerMutation(energyManagementCentres),
};

/** Who changed which register entry, and when. */
export const registerQueries: Pick<QueryResolvers, 'econRegisterChanges'> = {
  econRegisterChanges: registerChangesField(registerRevision, 'econ'),
};
