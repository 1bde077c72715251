import type { Context } from '../context.ts';
import { scopeRegionOf } from './IndicatorInputs.ts';
import { populationMembers, type PopulationMember } from '../population.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import type { DataCenterPopulationMapper } from '../schema.mappers.ts';

const findMembers = (key: DataCenterPopulationMapper, { loaders }: Context): Promise<PopulationMember[]> => populationMembers(key, loaders);
// Each column reads the same members: found once per population object and request.
const membersOf = (key: DataCenterPopulationMapper, context: Context): Promise<PopulationMember[]> => context.memo.once(findMembers, key, context);

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ({ indicatorCode: ref.indicatorCode, scopeKind: ref.scopeKind, scopeId: ref.scopeId, year: ref.year, asOf: ref.asOf }),
  scopeRegionCode: (key, _, ctx) => scopeRegionOf(key, ctx),
  dataCenterIds: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.id),
  years: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.year),
  designRacks: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.designRacks),
  inCluster: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.clusterId !== null),
  commissionedOn: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.commissionedOn),
  closedYear: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.closedYear),
  dataCenters: async (key, _, ctx) => (await membersOf(key, ctx)).map(({ row, year }) => ({ dataCenterId: row.id, year, asOf: key.asOf, row })),
};
