import { ErrorCode, UserInputError } from '../../../lib/errors.ts';
import { cubeKey } from '../../../lib/indicators/grid.ts';
import { decodeCursor, pageSize, toConnection } from '../../../lib/pagination.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';
import * as repo from '../repository.ts';

export const Query: QueryResolvers = {
  // The cube's entry point is here, not in the indicators subgraph: its first fetch then also lists the data
  // centres its cells sum over, which comms and energy complete in the next one (see the README's plan).
  indicatorCube: (_, args, { regions }) => cubeKey(args, regions),
  dataCenter: (_, { id }, { loaders }) => loaders.dataCenter.load(id),

  dataCenters: async (_, args, { db, regions, loaders }) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (args.cluster && !(await loaders.cluster.load(args.cluster))) {
      throw new UserInputError(ErrorCode.NOT_FOUND, `No cluster "${args.cluster}": list clusters with \`dataCenterClusters\`.`, {
        argument: 'cluster',
        value: args.cluster,
      });
    }
    if (args.zone && !(await loaders.zone.load(args.zone))) {
      throw new UserInputError(ErrorCode.NOT_FOUND, `No zone "${args.zone}": list a cluster's zones with \`dataCenterClusters { zones { id } }\`.`, {
        argument: 'zone',
        value: args.zone,
      });
    }
    const { rows, total } = await repo.pageDataCenters(
      db,
      {
        regionCodes: regions.filterCodes(args.region),
        clusterId: args.cluster ?? undefined,
        zoneId: args.zone ?? undefined,
        insideCluster: args.insideCluster ?? undefined,
        status: args.status ?? undefined,
        scaleClass: args.scaleClass ?? undefined,
        buildType: args.buildType ?? undefined,
      },
      after,
      limit,
    );
    for (const row of rows) loaders.dataCenter.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  dataCenterClusters: (_, { province }, { db, regions }) => repo.clusters(db, province ? regions.require(province, 'province').code : undefined),

  dataCenterCluster: (_, { id }, { loaders }) => loaders.cluster.load(id),
};
