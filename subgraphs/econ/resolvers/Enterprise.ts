import { LATEST } from '../../../lib/observations.ts';
import type { EnterpriseResolvers } from '../resolvers.generated.ts';

export const Enterprise: EnterpriseResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.enterprise.load(ref.uscc),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  usableRoofs: async (row, _, { loaders }) => {
    const latest = await loaders.latestUsableRoofs.load(row.uscc);
    return latest === null ? null : Math.round(latest.value);
  },
  audits: async (row, _, { loaders }) => (await loaders.assessments.load(row.uscc)).filter((a) => a.kind === 'AUDIT'),
  diagnoses: async (row, _, { loaders }) => (await loaders.assessments.load(row.uscc)).filter((a) => a.kind === 'DIAGNOSIS'),
  energyManagementCentre: (row, _, { loaders }) => loaders.centre.load(row.uscc),
  designations: (row, _, { loaders }) => loaders.designationsByEnterprise.load(row.uscc),
  retrofitProjects: (row, _, { loaders }) => loaders.retrofitProjectsByEnterprise.load(row.uscc),
  applicationScenarios: (row, _, { loaders }) => loaders.scenariosByEnterprise.load(row.uscc),
  year: (row, { year }) => ({ uscc: row.uscc, year, asOf: LATEST }),
};
