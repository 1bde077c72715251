import type { DesignationResolvers } from '../resolvers.generated.ts';

export const Designation: DesignationResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.designation.load(ref.id),
  region: (row, _, { regions }) => regions.find(row.regionCode)!,
  // bigdata resolves the rest of the data centre; econ only knows its register id.
  dataCenter: (row) => (row.dataCenterId ? { id: row.dataCenterId } : null),
  enterprise: (row, _, { loaders }) => (row.enterpriseUscc ? loaders.enterprise.load(row.enterpriseUscc) : null),
};
