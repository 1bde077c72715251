import { bigint, boolean, index, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * One row per applied write batch (observations or a register upsert). A retry that carries the
 * same idempotency key finds its first result here and applies nothing again; `request_hash`
 * tells a true retry from a different batch that reuses the key.
 */
export function importBatchTable(schema: PgSchema) {
  return schema.table(
    'import_batch',
    {
      id: uuid('id').primaryKey(),
      /** What the batch wrote: `observations`, or the register mutation's name. */
      operation: text('operation').notNull(),
      idempotencyKey: text('idempotency_key').unique(),
      requestHash: text('request_hash').notNull(),
      author: text('author').notNull(),
      authorAgency: text('author_agency').notNull(),
      sourceSystem: text('source_system'),
      recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
      /** The import summary returned to the first caller, returned again on replay. */
      summary: jsonb('summary').notNull(),
    },
    (t) => [index().on(t.recordedAt)],
  );
}

/**
 * History of register entities (data centres, enterprises, designations, …). The register tables
 * hold the current state; every upsert or delete also appends the full new state here, so a
 * correction never loses what was there before and the audit query can say who changed what.
 */
export function registerRevisionTable(schema: PgSchema) {
  return schema.table(
    'register_revision',
    {
      revision: bigint('revision', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      /** The GraphQL type of the entity, e.g. `DataCenter`. */
      entity: text('entity').notNull(),
      entityId: text('entity_id').notNull(),
      /** The entity's full state after this revision (before it, for a delete). */
      data: jsonb('data').notNull(),
      /**
       * The stored row this revision found (its state and stamp); null when the revision created the
       * entity. Unlike `data` alone it keeps what entries loaded before their first revision (seeded
       * registers) looked like, so a register reads as it stood at any instant (lib/registers/as-of.ts).
       */
      previous: jsonb('previous'),
      deleted: boolean('deleted').notNull().default(false),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
      author: text('author').notNull(),
      authorAgency: text('author_agency').notNull(),
      sourceSystem: text('source_system'),
      idempotencyKey: text('idempotency_key'),
      batchId: uuid('batch_id').notNull(),
    },
    (t) => [index().on(t.entity, t.entityId), index().on(t.updatedAt)],
  );
}

export type ImportBatchTable = ReturnType<typeof importBatchTable>;

/**
 * The columns of an import batch that tell who wrote its revisions, from which system and with which key: selected
 * beside an observation with `leftJoin(batches, eq(batches.id, table.batchId))` (null for rows loaded by the demo seed).
 */
export const batchStamp = (batches: ImportBatchTable) => ({
  author: batches.author,
  authorAgency: batches.authorAgency,
  sourceSystem: batches.sourceSystem,
  idempotencyKey: batches.idempotencyKey,
});
export type RegisterRevisionTable = ReturnType<typeof registerRevisionTable>;
