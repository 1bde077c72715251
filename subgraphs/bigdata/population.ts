import { catalog, type IndicatorDefinition } from '../../lib/indicators/catalog.ts';
import { yearsNeeded, type IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { Loaders } from './loaders.ts';
import { inService, scaleClass } from './resolvers/DataCenter.ts';
import type { DataCenterRow } from './repository.ts';

/** Register attributes an indicator's population may filter on (catalog `population.where`). */
const ATTRIBUTES: Record<string, (row: DataCenterRow, year: number) => string | boolean> = {
  buildType: (row) => row.buildType,
  /** Renovated by the end of the year (seed 000 (九): existing centres after retrofit). */
  renovated: (row, year) => row.renovatedYear !== null && row.renovatedYear <= year,
  scaleClass: (row) => scaleClass(row.designRacks),
  status: (row) => row.status,
  inCluster: (row) => row.clusterId !== null,
};

export function unknownAttributes(indicator: IndicatorDefinition): string[] {
  return Object.keys(indicator.population?.where ?? {}).filter((a) => !(a in ATTRIBUTES));
}

/** The data centres an indicator sums over in a year: in service then and matching every filter. */
export function inPopulation(indicator: IndicatorDefinition, row: DataCenterRow, year: number): boolean {
  if (!inService(row, year)) return false;
  return Object.entries(indicator.population?.where ?? {}).every(([attribute, allowed]) => {
    const read = ATTRIBUTES[attribute];
    return read !== undefined && allowed.includes(read(row, year));
  });
}

/** A data centre of an indicator value's population in one of the years the value reads. */
export interface PopulationMember {
  row: DataCenterRow;
  year: number;
}

/** The data-centre years an indicator value sums over (its year and baseline, the register as of the value's as-of), in register order; none for other units. */
export async function populationMembers(key: IndicatorValueKey, loaders: Pick<Loaders, 'scope'>): Promise<PopulationMember[]> {
  const indicator = catalog().indicators.get(key.indicatorCode);
  if (indicator?.population?.subject !== 'DATA_CENTER') return [];
  const { dataCenters } = await loaders.scope.load({ kind: key.scopeKind, id: key.scopeId, asOf: key.asOf });
  return yearsNeeded(key.year, indicator.baselineYear).flatMap((year) =>
    dataCenters.filter((row) => inPopulation(indicator, row, year)).map((row) => ({ row, year })),
  );
}
