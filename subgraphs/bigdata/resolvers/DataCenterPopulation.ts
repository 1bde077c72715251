import type { Context } from '../context.ts';
import { scopeRegionOf } from './IndicatorInputs.ts';
import { populationMembers, type PopulationMember } from '../population.ts';
import type { DataCenterPopulationResolvers } from '../resolvers.generated.ts';
import type { DataCenterPopulationMapper } from '../schema.mappers.ts';

// Each column reads the same members; find them once per population object.
const members = new WeakMap<DataCenterPopulationMapper, Promise<PopulationMember[]>>();
function membersOf(key: DataCenterPopulationMapper, { loaders }: Context): Promise<PopulationMember[]> {
  let found = members.get(key);
  if (!found) members.set(key, (found = populationMembers(key, loaders)));
  return found;
}

export const DataCenterPopulation: DataCenterPopulationResolvers = {
  __resolveReference: (ref) => ({ indicatorCode: ref.indicatorCode, scopeKind: ref.scopeKind, scopeId: ref.scopeId, year: ref.year, asOf: ref.asOf }),
  scopeRegionCode: (key, _, ctx) => scopeRegionOf(key, ctx),
  dataCenterIds: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.id),
  years: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.year),
  designRacks: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.designRacks),
  inCluster: async (key, _, ctx) => (await membersOf(key, ctx)).map((m) => m.row.clusterId !== null),
  dataCenters: async (key, _, ctx) => (await membersOf(key, ctx)).map(({ row, year }) => ({ dataCenterId: row.id, year, asOf: key.asOf, row })),
};
