import { and, asc, eq, getTableColumns, gt, type SQL } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { requireReader, type Viewer } from '../auth/viewer.ts';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.ts';
import { ErrorCode, pastAsOf, UserInputError } from '../errors.ts';
import type { Db } from '../../db/connection.ts';
import { batchStamp, type ImportBatchTable } from '../../db/write-tables.ts';
import { visibleObservations, type ObservationRow, type ObservationTable } from '../../db/observation-table.ts';
import { notWithheld, type WithheldRegionYear } from '../embargo.ts';

export interface RevisionPage {
  nodes: ObservationRevisionNode[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A revision with its batch's stamp (null for rows loaded by the demo seed, which have no batch). */
export type ObservationRevisionNode = Omit<ObservationRow, 'revision' | 'updatedAt' | 'year'> & {
  revision: string;
  recordedAt: Date;
  author: string | null;
  authorAgency: string | null;
  sourceSystem: string | null;
  idempotencyKey: string | null;
};

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

function afterRevision(after: string | null | undefined): number | undefined {
  const decoded = decodeCursor(after);
  if (decoded === undefined) return undefined;
  const revision = Number(decoded);
  if (!Number.isSafeInteger(revision))
    throw new UserInputError(ErrorCode.INVALID_CURSOR, '`after` is not a cursor this query issued.', { argument: 'after', value: after });
  return revision;
}

/**
 * A page of revisions in recording order, each with the stamp of the batch that wrote it (one index probe per
 * revision of the page); the cursor is the revision number, so pages never shift.
 */
async function revisionPage(
  db: Db,
  table: ObservationTable,
  batches: ImportBatchTable,
  conditions: (SQL | undefined)[],
  page: PageArgs,
): Promise<RevisionPage> {
  const limit = pageSize(page.first);
  const after = afterRevision(page.after);
  const rows = await db
    .select({ ...getTableColumns(table), ...batchStamp(batches) })
    .from(table)
    .leftJoin(batches, eq(batches.id, table.batchId))
    .where(and(...conditions, after === undefined ? undefined : gt(table.revision, after)))
    .orderBy(asc(table.revision))
    .limit(limit + 1);
  const nodes = rows.slice(0, limit).map(({ revision, updatedAt, year: _year, ...rest }) => ({ ...rest, revision: String(revision), recordedAt: updatedAt }));
  return { nodes, hasNextPage: rows.length > limit, endCursor: nodes.length === 0 ? null : encodeCursor(nodes.at(-1)!.revision) };
}

export interface ObservationFilter {
  metric?: string | null;
  subjectId?: string | null;
  year?: number | null;
}

const filterConditions = (table: ObservationTable, f: ObservationFilter) => [
  f.metric ? eq(table.metric, f.metric) : undefined,
  f.subjectId ? eq(table.subjectId, f.subjectId) : undefined,
  f.year != null ? eq(table.year, f.year) : undefined,
];

/**
 * Observations as they stood at `asOf` (current ones when null): what an annual report published
 * on that date saw. Region figures are public, except those a release's embargo withholds from the caller (`withheld`,
 * left out); a named unit's figures need the reader role.
 */
export function observationsAsOf(
  db: Db,
  table: ObservationTable,
  batches: ImportBatchTable,
  agency: Agency,
  viewer: Viewer,
  filter: ObservationFilter & { asOf?: Date | null; subjectKind?: string | null },
  page: PageArgs,
  withheld: readonly WithheldRegionYear[] = [],
): Promise<RevisionPage> {
  if (filter.subjectKind !== 'REGION')
    requireReader(viewer, agency, `Observations of named units (filter with subjectKind: REGION for public regional figures)`);
  const conditions = [
    ...filterConditions(table, filter),
    filter.subjectKind ? eq(table.subjectKind, filter.subjectKind as ObservationRow['subjectKind']) : undefined,
    visibleObservations(table, pastAsOf(filter.asOf)),
  ];
  return revisionPage(db, table, batches, [...conditions, notWithheld(table, withheld)], page);
}

/**
 * Every revision recorded after `updatedAfter`, deletions included: a syncing agency applies them in
 * order. With `author`, the audit trail of one writer. Needs the reader role or the agency's own token.
 */
export function observationChanges(
  db: Db,
  table: ObservationTable,
  batches: ImportBatchTable,
  agency: Agency,
  viewer: Viewer,
  filter: ObservationFilter & { updatedAfter?: Date | null; author?: string | null },
  page: PageArgs,
): Promise<RevisionPage> {
  requireReader(viewer, agency, `The ${agency} change log`);
  return revisionPage(
    db,
    table,
    batches,
    [
      ...filterConditions(table, filter),
      filter.updatedAfter ? gt(table.updatedAt, filter.updatedAfter) : undefined,
      filter.author ? eq(batches.author, filter.author) : undefined,
    ],
    page,
  );
}
