import { populationColumn, type DataCenterMembers, type PopulationContext } from '../../../lib/indicators/population.ts';
import { monthsInYear, revisedInYear, statusInYear, type MetricYear } from '../../../lib/observations.ts';
import { MONTHS_FIELD, REVISED_AT_FIELD } from '../../../lib/indicators/owner-sums.ts';
import { DATA_CENTER_METERS, pairedPue, yearly } from '../facts.ts';
import { RENEWABLE_METRICS } from '../metrics.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';
import type { Context } from '../context.ts';
import type { DataCenterYearMapper } from '../schema.mappers.ts';

const rowsOf = (ref: DataCenterYearMapper, { loaders }: Context) => loaders.observations.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf });
const yearOf = (ref: DataCenterYearMapper, { loaders }: Context) => loaders.metricYears.load({ subjectId: ref.dataCenterId, year: ref.year, asOf: ref.asOf });

/** A data-centre year's figures from its yearly reductions: shared by `DataCenterYear` and the population columns. */
export const dataCenterFigures = {
  totalEnergyKwh: (year: readonly MetricYear[]) => yearly(year, DATA_CENTER_METERS.total),
  itEnergyKwh: (year: readonly MetricYear[]) => yearly(year, DATA_CENTER_METERS.it),
  /** Renewable electricity: the sum of whichever of the three channels were reported; null if none was. */
  renewableEnergyKwh: (year: readonly MetricYear[]): number | null => {
    const parts = RENEWABLE_METRICS.map((code) => yearly(year, code)).filter((v): v is number => v !== null);
    return parts.length === 0 ? null : parts.reduce((sum, v) => sum + v, 0);
  },
  energyStatus: (year: readonly MetricYear[]) => statusInYear(year),
};

/** energy's own columns of data-centre years, named as the unit fields the catalog reads: what its totals sum. */
export async function ownColumns(members: DataCenterMembers, context: PopulationContext): Promise<Record<string, unknown[] | null>> {
  const [totalEnergyKwh, itEnergyKwh, renewableEnergyKwh, energyStatus, revisedAt, months] = await Promise.all([
    populationColumn(members, context, dataCenterFigures.totalEnergyKwh),
    populationColumn(members, context, dataCenterFigures.itEnergyKwh),
    populationColumn(members, context, dataCenterFigures.renewableEnergyKwh),
    populationColumn(members, context, dataCenterFigures.energyStatus),
    populationColumn(members, context, revisedInYear),
    // The months each meter was read, so the totals match total and IT energy over the same months (`monthMatchedInputs`).
    populationColumn(members, context, monthsInYear),
  ]);
  return { totalEnergyKwh, itEnergyKwh, renewableEnergyKwh, energyStatus, [REVISED_AT_FIELD]: revisedAt, [MONTHS_FIELD]: months };
}

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: (ref) => ({ dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf }),
  totalEnergyKwh: async (ref, _, ctx) => dataCenterFigures.totalEnergyKwh(await yearOf(ref, ctx)),
  itEnergyKwh: async (ref, _, ctx) => dataCenterFigures.itEnergyKwh(await yearOf(ref, ctx)),
  // PUE pairs the months that have both meters, so it reads the monthly rows.
  pue: async (ref, _, ctx) => pairedPue(await rowsOf(ref, ctx), DATA_CENTER_METERS),
  renewableEnergyKwh: async (ref, _, ctx) => dataCenterFigures.renewableEnergyKwh(await yearOf(ref, ctx)),
  energyStatus: async (ref, _, ctx) => dataCenterFigures.energyStatus(await yearOf(ref, ctx)),
};
