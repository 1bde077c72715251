import type { DataCenterResolvers } from '../resolvers.generated.ts';

export const DataCenter: DataCenterResolvers = {
  // bigdata owns the register: any id is accepted here and simply has no designations if unknown.
  __resolveReference: (ref) => ({ id: ref.id }),
  designations: (ref, _, { loaders }) => loaders.designationsByDataCenter.load(ref.id),
};
