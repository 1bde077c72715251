import { decodeCursor, pageSize, toConnection } from '../../../lib/pagination.ts';
import { requireUscc } from '../../../lib/uscc.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';
import * as repo from '../repository.ts';

export const Query: QueryResolvers = {
  enterprise: (_, { uscc }, { loaders }) => loaders.enterprise.load(requireUscc(uscc)),

  enterprises: async (_, args, { db, regions, loaders }) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const { rows, total } = await repo.pageEnterprises(db, { regionCodes: regions.filterCodes(args.region), sector: args.sector ?? undefined }, after, limit);
    for (const row of rows) loaders.enterprise.prime(row.uscc, row);
    return toConnection(rows, limit, total, (r) => r.uscc);
  },

  designations: (_, args, { db, regions }) =>
    repo.designations(db, {
      kind: args.kind ?? undefined,
      regionCodes: regions.filterCodes(args.region),
      year: args.year ?? undefined,
      throughYear: args.throughYear ?? undefined,
    }),

  retrofitProjects: async (_, args, { db, regions, loaders }) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const { rows, total } = await repo.pageRetrofitProjects(
      db,
      { regionCodes: regions.filterCodes(args.region), plannedYear: args.plannedYear ?? undefined, status: args.status ?? undefined },
      after,
      limit,
    );
    for (const row of rows) loaders.retrofitProject.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  applicationScenarios: (_, args, { db, regions }) =>
    repo.applicationScenarios(db, {
      category: args.category ?? undefined,
      regionCodes: regions.filterCodes(args.region),
      year: args.year ?? undefined,
      throughYear: args.throughYear ?? undefined,
    }),

  greenStandards: (_, args, { db }) =>
    repo.greenStandards(db, { year: args.year ?? undefined, throughYear: args.throughYear ?? undefined, level: args.level ?? undefined }),

  carbonPeakPilots: (_, args, { db, regions }) =>
    repo.carbonPeakPilots(db, { type: args.type ?? undefined, stage: args.stage ?? undefined, regionCodes: regions.filterCodes(args.region) }),
};
