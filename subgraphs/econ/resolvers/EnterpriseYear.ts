import type { EnterpriseYearResolvers } from '../resolvers.generated.ts';
import type { Loaders } from '../loaders.ts';
import type { EnergyAssessmentRow } from '../repository.ts';
import { coveredInYear } from '../rules.ts';

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

async function covered(loaders: Loaders, uscc: string, year: number, kind: EnergyAssessmentRow['kind']): Promise<boolean> {
  const completedYears = (await loaders.assessments.load(uscc)).filter((a) => a.kind === kind).map((a) => yearOf(a.completedOn));
  return coveredInYear(completedYears, year);
}

export const EnterpriseYear: EnterpriseYearResolvers = {
  // The key is the whole entity; an unregistered credit code resolves to null rather than to a ghost.
  __resolveReference: async (ref, { loaders }) => ((await loaders.enterprise.load(ref.uscc)) ? { uscc: ref.uscc, year: ref.year } : null),
  enterprise: async (ref, _, { loaders }) => (await loaders.enterprise.load(ref.uscc))!,
  usableRoofs: async (ref, _, { loaders }) => (await loaders.enterprise.load(ref.uscc))?.usableRoofs ?? null,
  audited: (ref, _, { loaders }) => covered(loaders, ref.uscc, ref.year, 'AUDIT'),
  diagnosed: (ref, _, { loaders }) => covered(loaders, ref.uscc, ref.year, 'DIAGNOSIS'),
  hasEnergyManagementCentre: async (ref, _, { loaders }) => {
    const centre = await loaders.centre.load(ref.uscc);
    return centre !== null && yearOf(centre.establishedOn) <= ref.year;
  },
};
