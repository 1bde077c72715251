import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { requireWriter, type Viewer } from '../auth/viewer.ts';
import { writeBatchLimit } from '../config.ts';
import { ErrorCode, UserInputError } from '../errors.ts';
import { selectRows, type Db } from '../../db/connection.ts';
import type { ImportBatchTable } from '../../db/write-tables.ts';
import { checkText } from './fields.ts';
import { ProblemList, type ImportProblem } from './problems.ts';

export type WriteStrategy = 'CREATE' | 'UPDATE' | 'UPSERT' | 'DELETE';

/** The arguments every batch mutation takes besides its rows (see lib/schema/writes.graphql). */
export interface BatchArgs {
  strategy?: WriteStrategy | null;
  atomic?: boolean | null;
  dryRun?: boolean | null;
  idempotencyKey?: string | null;
  sourceSystem?: string | null;
}

export interface BatchOptions {
  strategy: WriteStrategy;
  atomic: boolean;
  dryRun: boolean;
  idempotencyKey: string | null;
  sourceSystem: string | null;
}

export interface ImportSummary {
  batchId: string | null;
  idempotencyKey: string | null;
  replayed: boolean;
  dryRun: boolean;
  atomic: boolean;
  applied: boolean;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  problems: ImportProblem[];
  recordedAt: string | null;
}

/** Who wrote a batch and when: register revisions carry all of it; observation revisions the time and batch id, the rest being on the batch's row. */
export interface WriteStamp {
  batchId: string;
  recordedAt: Date;
  author: string;
  authorAgency: Agency;
  sourceSystem: string | null;
  idempotencyKey: string | null;
}

/** What validating a batch against the current state found: counts, problems, and how to write the good rows. */
export interface BatchPlan {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  problems: ProblemList;
  write(tx: Db, stamp: WriteStamp): Promise<void>;
}

export interface BatchTarget {
  db: Db;
  agency: Agency;
  viewer: Viewer;
  batches: ImportBatchTable;
  /** Names the kind of batch for idempotency, e.g. `observations` or `upsertDataCenters`. */
  operation: string;
}

/** Checks the batch-level arguments; a bad one fails the whole request with a code naming the argument. */
export function batchOptions(args: BatchArgs, rowCount: number): BatchOptions {
  const limit = writeBatchLimit();
  if (rowCount > limit) {
    throw new UserInputError(
      ErrorCode.BATCH_TOO_LARGE,
      `\`rows\` holds ${rowCount} rows; one batch takes at most ${limit}. Split it into several batches (each with its own idempotency key).`,
      {
        argument: 'rows',
        value: rowCount,
      },
    );
  }
  for (const [argument, max] of [
    ['idempotencyKey', 200],
    ['sourceSystem', 100],
  ] as const) {
    const value = args[argument];
    const problem = value == null ? null : value === '' ? { message: 'is empty; omit it instead.' } : checkText(value, max);
    if (problem) throw new UserInputError(ErrorCode.INVALID_ARGUMENT, `\`${argument}\` ${problem.message}`, { argument });
  }
  return {
    strategy: args.strategy ?? 'UPSERT',
    atomic: args.atomic ?? true,
    dryRun: args.dryRun ?? false,
    idempotencyKey: args.idempotencyKey ?? null,
    sourceSystem: args.sourceSystem ?? null,
  };
}

// The same UTF-8 bytes either way, but `update` of a Buffer hashes a megabyte in ~1 ms where `update` of a string takes 5–10.
const hashOf = (value: unknown) =>
  createHash('sha256')
    .update(Buffer.from(JSON.stringify(value)))
    .digest('hex');

/**
 * Runs a write batch: authorises the writer, replays a known idempotency key, validates against the
 * current state, and writes the revisions, all in one transaction.
 *
 * Batches of one agency are serialised by a transaction-level advisory lock. That makes the order
 * of `recordedAt` the order of commits, so "the latest committed revision is current" and as-of
 * reads agree; and the created/updated/unchanged counts are exact because nobody writes between
 * reading the current state and writing over it.
 */
export async function runBatch(target: BatchTarget, options: BatchOptions, payload: unknown, plan: (tx: Db) => Promise<BatchPlan>): Promise<ImportSummary> {
  const { viewer, agency, batches } = target;
  requireWriter(viewer, agency);
  const received = Array.isArray(payload) ? payload.length : 0;
  const requestHash = hashOf({ operation: target.operation, strategy: options.strategy, atomic: options.atomic, payload });
  return target.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const recordedAt = await lockWrites(tx, agency);
    if (options.idempotencyKey !== null && !options.dryRun) {
      const [earlier] = await tx.select().from(batches).where(eq(batches.idempotencyKey, options.idempotencyKey));
      if (earlier) {
        // The source system too (recorded on the batch's row): a retry is exactly the batch it repeats.
        if (earlier.requestHash !== requestHash || earlier.operation !== target.operation || earlier.sourceSystem !== options.sourceSystem) {
          throw new UserInputError(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            `Idempotency key "${options.idempotencyKey}" was used on ${earlier.recordedAt.toISOString()} for a different batch. A retry must resend exactly the same rows and options; a new batch needs a new key.`,
            { argument: 'idempotencyKey', value: options.idempotencyKey },
          );
        }
        return { ...(earlier.summary as ImportSummary), replayed: true };
      }
    }

    const planned = await plan(tx);
    const problems = planned.problems.sorted();
    const summary: ImportSummary = {
      batchId: null,
      idempotencyKey: options.idempotencyKey,
      replayed: false,
      dryRun: options.dryRun,
      atomic: options.atomic,
      applied: false,
      received,
      created: planned.created,
      updated: planned.updated,
      unchanged: planned.unchanged,
      deleted: planned.deleted,
      rejected: planned.problems.rejectedRows,
      problems,
      recordedAt: null,
    };
    if (options.atomic && problems.length > 0) return { ...summary, created: 0, updated: 0, unchanged: 0, deleted: 0 };
    if (options.dryRun) return summary;
    // Nothing to write, and nothing remembered: an empty body (a truncated upload, say) must not use up the
    // idempotency key of the rows it was meant to carry.
    if (received === 0) return { ...summary, applied: true };

    const stamp: WriteStamp = {
      batchId: randomUUID(),
      recordedAt,
      author: viewer.subject,
      authorAgency: agency,
      sourceSystem: options.sourceSystem,
      idempotencyKey: options.idempotencyKey,
    };
    await planned.write(tx, stamp);
    const applied: ImportSummary = { ...summary, applied: true, batchId: stamp.batchId, recordedAt: recordedAt.toISOString() };
    await tx.insert(batches).values({
      id: stamp.batchId,
      operation: target.operation,
      idempotencyKey: options.idempotencyKey,
      requestHash,
      author: stamp.author,
      authorAgency: agency,
      sourceSystem: options.sourceSystem,
      recordedAt,
      summary: applied,
    });
    return applied;
  });
}

/**
 * Takes the agency's write lock and reads the wall clock once it is held, in one statement (the CTE is scanned
 * before the clock is read): later than every batch committed before this one, earlier than any after it.
 */
async function lockWrites(tx: Db, agency: Agency): Promise<Date> {
  const [{ now }] = (await selectRows<{ now: unknown }>(
    tx,
    sql`with locked as materialized (select pg_advisory_xact_lock(hashtext(${`${agency}:writes`}))) select clock_timestamp() as now from locked`,
  )) as [{ now: unknown }];
  return now instanceof Date ? now : new Date(String(now));
}
