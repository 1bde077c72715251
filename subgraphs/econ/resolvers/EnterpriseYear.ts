import { statusInYear, valueInYear } from '../../../lib/observations.ts';
import type { EnterpriseYearResolvers } from '../resolvers.generated.ts';
import type { Loaders } from '../loaders.ts';
import type { EnergyAssessmentRow } from '../repository.ts';
import type { EnterpriseYearMapper } from '../schema.mappers.ts';
import { econMetrics } from '../metrics.ts';
import { coveredInYear } from '../rules.ts';

const { USABLE_ROOFS } = econMetrics;

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

async function covered(loaders: Loaders, { uscc, year, asOf }: EnterpriseYearMapper, kind: EnergyAssessmentRow['kind']): Promise<boolean> {
  // The records as they stood at the year's as-of: an audit registered later does not change a published value.
  const completedYears = (await loaders.assessmentsAt(uscc, asOf)).filter((a) => a.kind === kind).map((a) => yearOf(a.completedOn));
  return coveredInYear(completedYears, year);
}

export const EnterpriseYear: EnterpriseYearResolvers = {
  // The key is the whole entity; a credit code not registered at the key's as-of resolves to null rather than to a ghost.
  __resolveReference: async (ref, { loaders }) =>
    (await loaders.enterpriseAt(ref.uscc, ref.asOf)) ? { uscc: ref.uscc, year: ref.year, asOf: ref.asOf } : null,
  // The enterprise as the register stood at the year's as-of, like the year's figures.
  enterprise: async (ref, _, { loaders }) => (await loaders.enterpriseAt(ref.uscc, ref.asOf))!,
  // The year's USABLE_ROOFS observation as of the key; null when the enterprise reported none (missing is not zero).
  usableRoofs: async (ref, _, { loaders }) => {
    const value = valueInYear(
      await loaders.metricYears.load({ subjectId: ref.uscc, year: ref.year, asOf: ref.asOf }),
      USABLE_ROOFS.code,
      USABLE_ROOFS.aggregation,
    );
    return value === null ? null : Math.round(value);
  },
  econStatus: async (ref, _, { loaders }) => statusInYear(await loaders.metricYears.load({ subjectId: ref.uscc, year: ref.year, asOf: ref.asOf })),
  audited: (ref, _, { loaders }) => covered(loaders, ref, 'AUDIT'),
  diagnosed: (ref, _, { loaders }) => covered(loaders, ref, 'DIAGNOSIS'),
  hasEnergyManagementCentre: async (ref, _, { loaders }) => {
    const centre = await loaders.centreAt(ref.uscc, ref.asOf);
    return centre !== null && yearOf(centre.establishedOn) <= ref.year;
  },
};
