import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, text, timestamp, uniqueIndex, uuid, type PgSchema } from 'drizzle-orm/pg-core';

export const observationStatus = ['PROVISIONAL', 'FINAL'] as const;
export const subjectKinds = ['REGION', 'DATA_CENTER', 'CORE_ROOM', 'ENTERPRISE'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/**
 * Numeric facts as observations, in the spirit of SDMX: a metric, a subject and a period, where
 * `period` is `YYYY` (annual) or `YYYY-MM` (monthly) and `year` is derived from it so yearly reads
 * are one indexed range.
 *
 * The table is append-only history (a type-2 slowly changing dimension): every write adds a
 * revision, and the revision it replaces gets `superseded_at`. The current value of a key is the
 * one revision with `superseded_at IS NULL` (a partial unique index guarantees there is at most
 * one); the value as known at time T is the revision with `updated_at <= T < superseded_at`. A
 * delete is a revision too (`deleted`, carrying the withdrawn value), so delta readers see it.
 */
export function observationTable(schema: PgSchema) {
  return schema.table(
    'observation',
    {
      revision: bigint('revision', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      metric: text('metric').notNull(),
      subjectKind: text('subject_kind', { enum: subjectKinds }).notNull(),
      subjectId: text('subject_id').notNull(),
      period: text('period').notNull(),
      year: integer('year').notNull(),
      value: doublePrecision('value').notNull(),
      status: text('status', { enum: observationStatus }).notNull().default('FINAL'),
      comment: text('comment'),
      deleted: boolean('deleted').notNull().default(false),
      /** When this revision was recorded (and became current). */
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
      /** When a later revision replaced this one; null while it is current. */
      supersededAt: timestamp('superseded_at', { withTimezone: true }),
      /**
       * The import batch (`import_batch.id`) that recorded this revision; who wrote it, from which source system
       * and with which idempotency key is stored there, once per batch rather than on each of its thousands of
       * revisions. Null for rows loaded by the demo seed. No foreign key: a bulk batch would pay a lookup per row.
       */
      batchId: uuid('batch_id'),
    },
    (t) => [
      uniqueIndex()
        .on(t.metric, t.subjectId, t.period)
        .where(sql`${t.supersededAt} is null`),
      index().on(t.subjectId, t.year),
      index().on(t.updatedAt),
    ],
  );
}

export type ObservationTable = ReturnType<typeof observationTable>;
export type ObservationRow = ObservationTable['$inferSelect'];

/** The columns readers compute figures from; provenance columns stay behind for history queries. */
export const readingColumns = (table: ObservationTable) => ({
  metric: table.metric,
  subjectId: table.subjectId,
  period: table.period,
  year: table.year,
  value: table.value,
  status: table.status,
  updatedAt: table.updatedAt,
});

/** An observation as figures are computed from it. */
export type ObservationReading = Pick<ObservationRow, 'metric' | 'subjectId' | 'period' | 'year' | 'value' | 'status' | 'updatedAt'>;

/**
 * The revisions a reader sees: the current ones by default, those in force at `asOf` otherwise.
 * Deleted keys are invisible either way; delta readers (`updatedAfter`) ask for deletions explicitly.
 */
export function visibleObservations(table: ObservationTable, asOf?: Date | null): SQL {
  if (!asOf) return and(isNull(table.supersededAt), eq(table.deleted, false))!;
  return and(lte(table.updatedAt, asOf), or(isNull(table.supersededAt), gt(table.supersededAt, asOf)), eq(table.deleted, false))!;
}
