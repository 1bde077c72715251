import type { ApplicationScenarioResolvers } from '../resolvers.generated.ts';

export const ApplicationScenario: ApplicationScenarioResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.scenario.load(ref.id),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  enterprise: (row, _, { loaders }) => (row.enterpriseUscc ? loaders.enterprise.load(row.enterpriseUscc) : null),
};
