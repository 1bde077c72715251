import { ErrorCode, pastAsOf, UserInputError } from '../../../lib/errors.ts';
import { decodeCursor, pageSize, toConnection } from '../../../lib/pagination.ts';
import { withheldRegionYears } from '../../../lib/embargo.ts';
import { requireAuditReader } from '../../../lib/writes/resolvers.ts';
import { unknownMetric } from '../errors.ts';
import { isMetricCode, METRICS } from '../metrics.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';
import * as repo from '../repository.ts';

/** Observation cursors carry (subject, period) as JSON; anything else was not issued by us. */
function decodeObservationCursor(after: string | null | undefined): repo.ObservationPosition | undefined {
  const raw = decodeCursor(after);
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { subjectId: parsed[0], period: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new UserInputError(ErrorCode.INVALID_CURSOR, '`after` is not a cursor this API issued: pass `pageInfo.endCursor` from the previous page unchanged.', {
    argument: 'after',
    value: after,
  });
}

export const Query: QueryResolvers = {
  pvInstallation: (_, { id }, { loaders }) => loaders.pvInstallation.load(id),

  pvInstallations: async (_, args, { db, regions, loaders }) => {
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (args.commissionedFrom && args.commissionedTo && args.commissionedFrom > args.commissionedTo) {
      throw new UserInputError(
        ErrorCode.INVALID_ARGUMENT,
        `\`commissionedFrom\` (${args.commissionedFrom}) is after \`commissionedTo\` (${args.commissionedTo}): swap them.`,
        {
          argument: 'commissionedFrom',
          value: args.commissionedFrom,
        },
      );
    }
    const { rows, total } = await repo.pagePvInstallations(
      db,
      {
        regionCodes: regions.filterCodes(args.region),
        commissionedFrom: args.commissionedFrom ?? undefined,
        commissionedTo: args.commissionedTo ?? undefined,
        onRoof: args.onRoof ?? undefined,
      },
      after,
      limit,
    );
    for (const row of rows) loaders.pvInstallation.prime(row.id, row);
    return toConnection(rows, limit, total, (r) => r.id);
  },

  energyMetrics: () => Object.values(METRICS),

  energyObservations: async (_, args, { db, embargo, regions, viewer }, info) => {
    if (!isMetricCode(args.metric)) throw unknownMetric(args.metric);
    requireAuditReader(info, viewer, 'energy');
    const limit = pageSize(args.first);
    const after = decodeObservationCursor(args.after);
    const filter = {
      metric: args.metric,
      subjectId: args.subjectId ?? undefined,
      year: args.year ?? undefined,
      asOf: pastAsOf(args.asOf) ?? undefined,
      withheld: withheldRegionYears(embargo, regions),
    };
    const rows = await repo.pageObservations(db, filter, after, limit);
    // The count is left to `totalCount`, which runs it only when a client selects it.
    const page = toConnection(rows, limit, 0, (r) => JSON.stringify([r.subjectId, r.period]));
    return { ...page, totalCount: () => repo.countObservations(db, filter) };
  },
};
