import type { IndicatorDefinition } from '../../lib/indicators/catalog.ts';
import { inService, scaleClass } from './resolvers/DataCenter.ts';
import type { DataCenterRow } from './repository.ts';

/** Register attributes an indicator's population may filter on (catalog `population.where`). */
const ATTRIBUTES: Record<string, (row: DataCenterRow) => string | boolean> = {
  buildType: (row) => row.buildType,
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
    return read !== undefined && allowed.includes(read(row));
  });
}
