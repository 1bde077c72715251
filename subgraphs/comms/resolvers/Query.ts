import { ErrorCode, UserInputError } from '../../../lib/errors.ts';
import { decodeCursor, pageSize, toConnection } from '../../../lib/pagination.ts';
import type { Context } from '../context.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';
import * as repo from '../repository.ts';

/** An unknown operator is a typo to report, not a filter that silently matches nothing. */
async function operatorId(operator: string | null | undefined, { loaders }: Context): Promise<string | undefined> {
  if (!operator) return undefined;
  if (!(await loaders.operator.load(operator))) {
    throw new UserInputError(ErrorCode.NOT_FOUND, `No telecom operator "${operator}": list them with \`telecomOperators\`.`, {
      argument: 'operator',
      value: operator,
    });
  }
  return operator;
}

export const Query: QueryResolvers = {
  telecomOperators: (_, { kind }, { db }) => repo.operators(db, kind ?? undefined),

  telecomOperator: (_, { id }, { loaders }) => loaders.operator.load(id),

  sites5G: async (_, args, ctx) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const filter = {
      regionCodes: ctx.regions.filterCodes(args.region),
      operatorId: await operatorId(args.operator, ctx),
      builtYear: args.builtYear ?? undefined,
      builtBySharing: args.builtBySharing ?? undefined,
    };
    const { rows, total } = await repo.pageSites5G(ctx.db, filter, after, limit);
    for (const row of rows) ctx.loaders.site5G.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  site5G: (_, { id }, { loaders }) => loaders.site5G.load(id),

  towers: async (_, args, ctx) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const filter = { regionCodes: ctx.regions.filterCodes(args.region), builtYear: args.builtYear ?? undefined, shared: args.shared ?? undefined };
    const { rows, total } = await repo.pageTowers(ctx.db, filter, after, limit);
    for (const row of rows) ctx.loaders.tower.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  tower: (_, { id }, { loaders }) => loaders.tower.load(id),

  coreMachineRooms: async (_, args, ctx) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    const filter = {
      regionCodes: ctx.regions.filterCodes(args.region),
      operatorId: await operatorId(args.operator, ctx),
      renovated: args.renovated ?? undefined,
    };
    const { rows, total } = await repo.pageCoreRooms(ctx.db, filter, after, limit);
    for (const row of rows) ctx.loaders.coreRoom.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  coreMachineRoom: (_, { id }, { loaders }) => loaders.coreRoom.load(id),
};
