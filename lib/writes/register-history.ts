import { and, asc, eq, gt } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { requireReader, type Viewer } from '../auth/viewer.ts';
import { ErrorCode, UserInputError } from '../errors.ts';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.ts';
import type { Db } from '../../db/connection.ts';
import type { RegisterRevisionTable } from '../../db/write-tables.ts';

/** One row of `<agency>RegisterChanges` (the shared RegisterRevision type of lib/schema/writes.graphql). */
export interface RegisterRevisionNode {
  revision: string;
  entity: string;
  entityId: string;
  /** The entry's state as a JSON object in a string. */
  data: string;
  /** The stored row it found (state and stamp), likewise; null for a creation. */
  previous: string | null;
  deleted: boolean;
  recordedAt: Date;
  author: string;
  authorAgency: string;
  sourceSystem: string | null;
  idempotencyKey: string | null;
  batchId: string;
}

export interface RegisterRevisionPage {
  nodes: RegisterRevisionNode[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface RegisterChangesArgs {
  entity?: string | null;
  entityId?: string | null;
  updatedAfter?: Date | null;
  author?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The audit trail of an agency's registers: every revision (creates, updates, deletions), oldest
 * first, optionally of one entity type, one entry, one writer or since an instant. Who changed what
 * is unit-level information, so it needs the reader role or the agency's own token.
 */
export async function registerChanges(
  db: Db,
  table: RegisterRevisionTable,
  agency: Agency,
  viewer: Viewer,
  args: RegisterChangesArgs,
): Promise<RegisterRevisionPage> {
  requireReader(viewer, agency, `The ${agency} register history`);
  const limit = pageSize(args.first);
  const decoded = decodeCursor(args.after);
  const after = decoded === undefined ? undefined : Number(decoded);
  if (after !== undefined && !Number.isSafeInteger(after))
    throw new UserInputError(ErrorCode.INVALID_CURSOR, '`after` is not a cursor this query issued.', { argument: 'after', value: args.after });
  const rows = await db
    .select()
    .from(table)
    .where(
      and(
        args.entity ? eq(table.entity, args.entity) : undefined,
        args.entityId ? eq(table.entityId, args.entityId) : undefined,
        args.updatedAfter ? gt(table.updatedAt, args.updatedAfter) : undefined,
        args.author ? eq(table.author, args.author) : undefined,
        after === undefined ? undefined : gt(table.revision, after),
      ),
    )
    .orderBy(asc(table.revision))
    .limit(limit + 1);
  const nodes = rows.slice(0, limit).map((r): RegisterRevisionNode => ({
    revision: String(r.revision),
    entity: r.entity,
    entityId: r.entityId,
    data: JSON.stringify(r.data),
    previous: r.previous === null ? null : JSON.stringify(r.previous),
    deleted: r.deleted,
    recordedAt: r.updatedAt,
    author: r.author,
    authorAgency: r.authorAgency,
    sourceSystem: r.sourceSystem,
    idempotencyKey: r.idempotencyKey,
    batchId: r.batchId,
  }));
  return { nodes, hasNextPage: rows.length > limit, endCursor: nodes.length === 0 ? null : encodeCursor(nodes.at(-1)!.revision) };
}

/** The `<agency>RegisterChanges` query resolver. */
export function registerChangesField(table: RegisterRevisionTable, agency: Agency) {
  return (_parent: unknown, args: RegisterChangesArgs, context: { db: Db; viewer: Viewer }): Promise<RegisterRevisionPage> =>
    registerChanges(context.db, table, agency, context.viewer, args);
}
