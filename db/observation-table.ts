import { doublePrecision, index, integer, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

export const observationStatus = ['PROVISIONAL', 'FINAL'] as const;
export const subjectKinds = ['REGION', 'DATA_CENTER', 'CORE_ROOM', 'ENTERPRISE'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/**
 * Numeric facts as observations, in the spirit of SDMX: one row per metric, subject and period.
 * `period` is `YYYY` for annual and `YYYY-MM` for monthly data; `year` is derived from it so
 * yearly reads are one indexed range. Every agency that owns numbers has one such table.
 */
export function observationTable(schema: PgSchema) {
  return schema.table(
    'observation',
    {
      metric: text('metric').notNull(),
      subjectKind: text('subject_kind', { enum: subjectKinds }).notNull(),
      subjectId: text('subject_id').notNull(),
      period: text('period').notNull(),
      year: integer('year').notNull(),
      value: doublePrecision('value').notNull(),
      status: text('status', { enum: observationStatus }).notNull().default('FINAL'),
      comment: text('comment'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.metric, t.subjectId, t.period] }), index().on(t.subjectId, t.year)],
  );
}

export type ObservationTable = ReturnType<typeof observationTable>;
export type ObservationRow = ObservationTable['$inferSelect'];
