import type { CarbonPeakPilotResolvers } from '../resolvers.generated.ts';
import { meetsMinimumDomains } from '../rules.ts';

export const CarbonPeakPilot: CarbonPeakPilotResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.pilot.load(ref.id),
  domains: (row) => [...new Set(row.domains)],
  meetsMinimumDomains: (row) => meetsMinimumDomains(row.type, row.domains),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  applicant: (row, _, { loaders }) => (row.applicantUscc ? loaders.enterprise.load(row.applicantUscc) : null),
};
