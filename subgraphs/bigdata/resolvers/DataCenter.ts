import { LATEST } from '../../../lib/observations.ts';
import type { DataCenterResolvers } from '../resolvers.generated.ts';
import type { DataCenterRow, ScaleClass } from '../repository.ts';

export function scaleClass(designRacks: number): ScaleClass {
  if (designRacks >= 10_000) return 'HYPER_LARGE';
  if (designRacks >= 3_000) return 'LARGE';
  return 'MEDIUM_SMALL';
}

/** In service for at least part of the year: commissioned by its end and not closed before it. */
export function inService(row: DataCenterRow, year: number): boolean {
  return Number(row.commissionedOn.slice(0, 4)) <= year && (row.closedYear === null || row.closedYear >= year);
}

export const DataCenter: DataCenterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.dataCenter.load(ref.id),
  operator: (row) => ({ uscc: row.operatorUscc }),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  scaleClass: (row) => scaleClass(row.designRacks),
  cluster: (row, _, { loaders }) => (row.clusterId ? loaders.cluster.load(row.clusterId) : null),
  zone: (row, _, { loaders }) => (row.zoneId ? loaders.zone.load(row.zoneId) : null),
  rackRetirements: (row, _, { loaders }) => loaders.retirements.load({ dataCenterId: row.id, asOf: LATEST }),
  years: (row, { from, to }) => {
    const years = [];
    for (let year = from; year <= to; year++) years.push({ dataCenterId: row.id, year, asOf: LATEST, row });
    return years;
  },
};
