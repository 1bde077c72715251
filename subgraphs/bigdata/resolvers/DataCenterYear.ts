import type { Context } from '../context.ts';
import type { DataCenterRow } from '../repository.ts';
import type { DataCenterYearResolvers } from '../resolvers.generated.ts';
import type { DataCenterYearMapper } from '../schema.mappers.ts';
import { inService } from './DataCenter.ts';

/**
 * Reads the register row as of the year's as-of: synchronously when the parent already carries it
 * (indicator populations list thousands of data-centre years per request), else through a loader.
 */
function fromRow<T>(ref: DataCenterYearMapper, { loaders }: Context, read: (row: DataCenterRow) => T): T | null | Promise<T | null> {
  if (ref.row) return read(ref.row);
  return loaders.dataCenterAt(ref.dataCenterId, ref.asOf).then((row) => (row ? read(row) : null));
}

export const DataCenterYear: DataCenterYearResolvers = {
  __resolveReference: async (ref, { loaders }) => {
    const row = await loaders.dataCenterAt(ref.dataCenterId, ref.asOf);
    return row ? { dataCenterId: ref.dataCenterId, year: ref.year, asOf: ref.asOf, row } : null;
  },
  dataCenter: async (ref, _, ctx) => (await fromRow(ref, ctx, (row) => row))!,
  inService: async (ref, _, ctx) => (await fromRow(ref, ctx, (row) => inService(row, ref.year)))!,
  // Retirements are reported when they happen: a year without a report retired none.
  racksRetired: async (ref, _, { loaders }) =>
    (await loaders.retirements.load({ dataCenterId: ref.dataCenterId, asOf: ref.asOf })).find((r) => r.year === ref.year)?.racks ?? 0,
  designRacks: (ref, _, ctx) => fromRow(ref, ctx, (row) => row.designRacks),
  commissionedOn: (ref, _, ctx) => fromRow(ref, ctx, (row) => row.commissionedOn),
  inCluster: (ref, _, ctx) => fromRow(ref, ctx, (row) => row.clusterId !== null),
};
