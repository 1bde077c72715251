import { catalog } from '../../../lib/indicators/catalog.ts';
import { NO_FIGURES, ownFacts, regionFactsOf, type RegionFact } from '../../../lib/indicators/region-facts.ts';
import { yearsNeeded, type IndicatorValueKey } from '../../../lib/indicators/scope.ts';
import { OBSERVED_METRICS, REGISTER_METRICS } from '../indicator-facts.ts';
import type { CommsIndicatorInputsResolvers, CoreMachineRoomPopulationResolvers } from '../resolvers.generated.ts';
import { unregisteredReports } from '../../../lib/quality/unit-references.ts';
import type { Context } from '../context.ts';
import type { CoreMachineRoomYearMapper } from '../schema.mappers.ts';

export const CommsIndicatorInputs: CommsIndicatorInputsResolvers = {
  __resolveReference: (key) => key,

  facts: (key, _, { regions, loaders }) => {
    const { metrics, years } = ownFacts(key, 'comms');
    if (metrics.length === 0 || !regions.find(key.scopeId)) return [];
    return regionFacts(key, metrics, years, { regions, loaders });
  },

  // Of the core rooms energy's readings name for a national value, those comms never registered (as of the value).
  unregisteredReports: (key, _, { loaders }) =>
    unregisteredReports(key, 'comms', key as unknown as Record<string, unknown>, async (ids) => {
      const rooms = await Promise.all(ids.map((id) => loaders.coreRoomAt(id, key.asOf)));
      return new Set(ids.filter((_, i) => rooms[i] !== null));
    }),
};

/** The core rooms of a value over core machine rooms: the indicators subgraph refers to its population for no other value. */
export const CoreMachineRoomPopulation: CoreMachineRoomPopulationResolvers = {
  __resolveReference: (key) => key,
  coreMachineRooms: (key, _, { loaders }) => coreRoomYearsOf(key, loaders),
};

/** comms' region facts for one value (or one region of a cube). */
export async function regionFacts(
  key: IndicatorValueKey,
  metrics: string[],
  years: number[],
  { regions, loaders }: Pick<Context, 'regions' | 'loaders'>,
): Promise<RegionFact[]> {
  // Started together, so each loader's batch goes out in the same tick rather than one statement after another.
  const counted = metrics.some((m) => m in REGISTER_METRICS);
  const [observed, sites, towers] = await Promise.all([
    metrics.some((m) => OBSERVED_METRICS.includes(m)) ? loaders.countyYears.load({ regionCode: key.scopeId, asOf: key.asOf }) : NO_FIGURES,
    counted ? loaders.siteCountsInRegion.load({ regionCode: key.scopeId, asOf: key.asOf }) : [],
    counted ? loaders.towerCountsInRegion.load({ regionCode: key.scopeId, asOf: key.asOf }) : [],
  ]);
  const counts = { sites, towers };
  return regionFactsOf(metrics, years, observed, { regions, regionCode: key.scopeId }, (metric) => {
    const count = REGISTER_METRICS[metric];
    return count && ((year) => count(counts, year));
  });
}

/** The core-room years a value sums over, for each year it reads. */
export function coreRoomYearsOf(key: IndicatorValueKey, loaders: Context['loaders']): CoreMachineRoomYearMapper[] | Promise<CoreMachineRoomYearMapper[]> {
  const indicator = catalog().indicators.get(key.indicatorCode);
  if (indicator?.population?.subject !== 'CORE_ROOM' || key.scopeKind !== 'REGION') return [];
  const onlyRenovated = indicator.population.where.renovated?.includes(true) ?? false;
  return loaders.coreRoomsInRegion
    .load({ regionCode: key.scopeId, asOf: key.asOf })
    .then((rooms) =>
      yearsNeeded(key.year, indicator.baselineYear).flatMap((year) =>
        rooms
          .filter((r) => !onlyRenovated || (r.renovatedYear !== null && r.renovatedYear <= year))
          .map((r) => ({ coreMachineRoomId: r.id, year, asOf: key.asOf })),
      ),
    );
}
