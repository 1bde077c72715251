import { LATEST } from '../../../lib/observations.ts';
import type { EnterpriseResolvers } from '../resolvers.generated.ts';

export const Enterprise: EnterpriseResolvers = {
  // Enterprises are econ's; energy resolves any code and lists the installations registered to it.
  __resolveReference: (ref) => ({ uscc: ref.uscc }),
  pvInstallations: ({ uscc }, _, { loaders }) => loaders.pvInstallationsByEnterprise.load({ uscc, asOf: LATEST }),
};
