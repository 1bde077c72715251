import { and, count, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Agency } from '../agencies.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import type { Db } from '../../db/connection.ts';
import type { ImportBatchTable, RegisterRevisionTable } from '../../db/write-tables.ts';
import { batchOptions, runBatch, type BatchArgs, type BatchPlan, type ImportSummary, type WriteStamp, type WriteStrategy } from './batch.ts';
import { ProblemList, type ImportProblemCode } from './problems.ts';
import { ID_MAX, RowReader, type RegisterContext } from './row-reader.ts';

/**
 * The register write path every agency shares: `upsertDataCenters`, `upsertEnterprises`, … are each a
 * `Register` description (table, id, how to read one row, which references to check) run by
 * `upsertRegister`, with the options, authorisation, idempotency and summary of every other batch
 * (lib/writes/batch.ts).
 *
 * Registers are current-state tables; their history is `register_revision`, each revision with the
 * state it left and the row it found, so the register can be read as it stood at any instant
 * (lib/registers/as-of.ts). A row of a register batch carries the entity's full state (not a
 * patch): an optional field left out is stored as null, a required one is reported as REQUIRED. Sending the state the register already holds is
 * counted as unchanged and writes nothing, not even a revision.
 *
 * DELETE withdraws an entry registered in error (a data centre that closes is an UPDATE to status
 * SHUT_DOWN, not a DELETE). The entry leaves the register table, so every read stops seeing it, and
 * its last state is appended to `register_revision` with `deleted = true`: nothing is lost, and the
 * change log shows the deletion to syncing readers. A delete is refused with STILL_REFERENCED while
 * rows of the same agency still point at the entry (a zone at its cluster, an audit at its
 * enterprise): removing it would leave them dangling, and a soft-delete flag on every register would
 * have to be honoured by every read of every register. References held by other agencies (energy's
 * meter readings of a data centre, econ's designation of it) cannot be seen from here; they stay
 * with their owners and resolve to a missing entity in federated reads.
 */

/** One register row that passed parsing: its batch row index, id and full new state. */
export interface RegisterEntry<Row> {
  row: number;
  id: string;
  data: Row;
}

/** Rows elsewhere in the agency's database that point at a register entry and so block its DELETE. */
export interface RegisterReference {
  /** What the rows are, for the message: `zones`, `rack retirements`, `current observations`. */
  what: string;
  /** The referencing column; its table is counted. */
  column: PgColumn;
  /** Narrows the referencing rows, e.g. to current observations of one subject kind. */
  where?: SQL;
}

export interface Register<Input extends object, Row extends Record<string, unknown>> {
  agency: Agency;
  /** GraphQL type of the entity, as recorded in `register_revision.entity`: `DataCenter`. */
  entity: string;
  /** Mutation name, recorded with the batch for idempotency: `upsertDataCenters`. */
  operation: string;
  table: PgTable;
  /** The primary-key field, named the same in the input and the table (`id`, `uscc`); a text column. */
  idField: keyof Input & keyof Row & string;
  revisions: RegisterRevisionTable;
  batches: ImportBatchTable;
  /** A timestamp column the engine sets to the batch's recording time (`updatedAt`); not part of the state. */
  stampField?: string;
  /** Extra checks of the id under every strategy, e.g. the USCC check character. */
  checkId?(id: string, read: RowReader<Input>): void;
  /** Reads and validates one row (not called under DELETE); problems go through `read`. */
  parse(read: RowReader<Input>): Row;
  /** Checks that need the database (does the cluster exist? is the zone in it?), on rows that parsed. */
  check?(tx: Db, entries: readonly RegisterEntry<Row>[], problems: ProblemList, context: RegisterContext): Promise<void>;
  /** What blocks a DELETE; without any, a DELETE always removes the entry. */
  referencedBy?: readonly RegisterReference[];
}

/** What a register mutation receives besides its rows: the resolver context. */
export interface RegisterWriteContext {
  db: Db;
  viewer: Viewer;
  regions: RegionDirectory;
}

// The engine reads any register's rows by column key. A register takes and returns its Row type (invariant), so only
// `any` admits every register here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRegister = Register<any, any>;

/** Which of `ids` exist in `column` (a key column of this agency's database), in one statement. */
export async function existingIds(db: Db, column: PgColumn, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ id: column })
    .from(column.table)
    .where(sql`${column} = any(${sql.param(unique)}::text[])`);
  return new Set(rows.map((r) => String(r.id)));
}

/**
 * Rejects entries whose reference (`pick`) is not in `column`: an unknown cluster, operator or
 * enterprise. Entries without the reference (null) pass.
 */
export async function checkReferences<Row>(
  db: Db,
  entries: readonly RegisterEntry<Row>[],
  problems: ProblemList,
  reference: { field: string; pick: (row: Row) => string | null | undefined; column: PgColumn; code: ImportProblemCode; what: string },
): Promise<void> {
  const wanted = entries.flatMap((e) => {
    const id = reference.pick(e.data);
    return id == null ? [] : [{ entry: e, id }];
  });
  const existing = await existingIds(
    db,
    reference.column,
    wanted.map((w) => w.id),
  );
  for (const { entry, id } of wanted) {
    if (!existing.has(id))
      problems.add(
        entry.row,
        reference.field,
        reference.code,
        `No ${reference.what} "${id}" is registered; register it first or correct \`${reference.field}\`.`,
      );
  }
}

/** The `upsert<Register>` mutation: one batch of rows into one register. */
export function upsertRegister<Input extends object, Row extends Record<string, unknown>>(
  register: Register<Input, Row>,
  context: RegisterWriteContext,
  rows: readonly Input[],
  args: BatchArgs,
  now: Date = new Date(),
): Promise<ImportSummary> {
  const options = batchOptions(args, rows.length);
  const target = { db: context.db, viewer: context.viewer, agency: register.agency, batches: register.batches, operation: register.operation };
  return runBatch(target, options, rows, async (tx) => {
    const problems = new ProblemList();
    const registerContext: RegisterContext = { regions: context.regions, now };
    const entries = parseRows(register, rows, options.strategy, registerContext, problems);
    if (register.check && options.strategy !== 'DELETE') await register.check(tx, entries, problems, registerContext);
    const valid = entries.filter((e) => !problems.has(e.row));
    const current = await currentRows(
      register,
      tx,
      valid.map((e) => e.id),
    );
    return classify(register, tx, valid, current, options.strategy, problems);
  });
}

/** The mutation resolver for a register: `Mutation.upsertDataCenters = registerMutation(dataCenters)`. */
export function registerMutation<Input extends object, Row extends Record<string, unknown>>(register: Register<Input, Row>) {
  return (_parent: unknown, args: BatchArgs & { rows: readonly Input[] }, context: RegisterWriteContext): Promise<ImportSummary> =>
    upsertRegister(register, context, args.rows, args);
}

function parseRows<Input extends object, Row extends Record<string, unknown>>(
  register: Register<Input, Row>,
  rows: readonly Input[],
  strategy: WriteStrategy,
  context: RegisterContext,
  problems: ProblemList,
): RegisterEntry<Row>[] {
  const firstRowOfId = new Map<string, number>();
  const entries: RegisterEntry<Row>[] = [];
  rows.forEach((input, row) => {
    const read = new RowReader(input, row, problems, context);
    const id = read.text(register.idField, { max: ID_MAX });
    if (id !== null) {
      register.checkId?.(id, read);
      const first = firstRowOfId.get(id);
      if (first !== undefined)
        read.problem(register.idField, 'DUPLICATE_KEY', `${register.entity} "${id}" is already in row ${first}; send each entry once per batch.`);
      else firstRowOfId.set(id, row);
    }
    const data = strategy === 'DELETE' ? null : register.parse(read);
    if (id === null || !read.ok) return;
    entries.push({ row, id, data: data ?? ({ [register.idField]: id } as Row) });
  });
  return entries;
}

/** The columns of the register's state: every column but the stamp, by TypeScript key. */
function stateColumns(register: AnyRegister): [string, PgColumn][] {
  return Object.entries(getTableColumns(register.table) as Record<string, PgColumn>).filter(([key]) => key !== register.stampField);
}

function stateOf(register: AnyRegister, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(stateColumns(register).map(([key]) => [key, row[key] ?? null]));
}

/** A stored row as a revision records what it found: its state and, unlike `data`, its stamp. */
function storedOf(register: AnyRegister, row: Record<string, unknown>): Record<string, unknown> {
  return register.stampField ? { ...stateOf(register, row), [register.stampField]: row[register.stampField] } : stateOf(register, row);
}

async function currentRows<Input extends object, Row extends Record<string, unknown>>(
  register: Register<Input, Row>,
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const idColumn = idColumnOf(register);
  const rows = (await db
    .select()
    .from(register.table)
    .where(sql`${idColumn} = any(${sql.param([...ids])}::text[])`)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r[register.idField]), r]));
}

function idColumnOf(register: AnyRegister): PgColumn {
  const column = (getTableColumns(register.table) as Record<string, PgColumn>)[register.idField as string];
  if (!column) throw new Error(`${register.entity}: no column ${String(register.idField)}`);
  return column;
}

async function referenceCounts(db: Db, references: readonly RegisterReference[], ids: readonly string[]): Promise<Map<string, string[]>> {
  const blocked = new Map<string, string[]>();
  if (ids.length === 0) return blocked;
  for (const reference of references) {
    const rows = await db
      .select({ id: reference.column, n: count() })
      .from(reference.column.table)
      .where(and(sql`${reference.column} = any(${sql.param([...ids])}::text[])`, reference.where))
      .groupBy(reference.column);
    for (const r of rows) {
      const id = String(r.id);
      blocked.set(id, [...(blocked.get(id) ?? []), `${r.n} ${reference.what}`]);
    }
  }
  return blocked;
}

async function classify<Input extends object, Row extends Record<string, unknown>>(
  register: Register<Input, Row>,
  tx: Db,
  entries: readonly RegisterEntry<Row>[],
  current: Map<string, Record<string, unknown>>,
  strategy: WriteStrategy,
  problems: ProblemList,
): Promise<BatchPlan> {
  const reg: AnyRegister = register;
  const idField = register.idField;
  const upserts: RegisterEntry<Row>[] = [];
  const deletions: { id: string; stored: Record<string, unknown> }[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;

  if (strategy === 'DELETE') {
    const live = entries.filter((e) => {
      if (current.has(e.id)) return true;
      problems.add(e.row, idField, 'NOT_FOUND', `No ${register.entity} "${e.id}" is registered, so there is nothing to delete.`);
      return false;
    });
    const blocked = await referenceCounts(
      tx,
      register.referencedBy ?? [],
      live.map((e) => e.id),
    );
    for (const e of live) {
      const by = blocked.get(e.id);
      if (by) {
        problems.add(
          e.row,
          idField,
          'STILL_REFERENCED',
          `${register.entity} "${e.id}" is still referenced by ${by.join(', ')}; delete or re-point those first. (A data centre or project that closed is an UPDATE of its status, not a DELETE.)`,
        );
        continue;
      }
      deletions.push({ id: e.id, stored: current.get(e.id)! });
    }
  } else {
    for (const e of entries) {
      const stored = current.get(e.id);
      if (strategy === 'CREATE' && stored) {
        problems.add(e.row, idField, 'ALREADY_EXISTS', `${register.entity} "${e.id}" is already registered; use UPDATE or UPSERT to change it.`);
        continue;
      }
      if (strategy === 'UPDATE' && !stored) {
        problems.add(e.row, idField, 'NOT_FOUND', `No ${register.entity} "${e.id}" is registered to update; use CREATE or UPSERT to add it.`);
        continue;
      }
      if (stored && JSON.stringify(stateOf(reg, stored)) === JSON.stringify(stateOf(reg, e.data))) {
        unchanged++;
        continue;
      }
      if (stored) updated++;
      else created++;
      upserts.push(e);
    }
  }

  return {
    created,
    updated,
    unchanged,
    deleted: deletions.length,
    problems,
    write: async (db: Db, stamp: WriteStamp) => {
      const revisions = [
        ...upserts.map((e) => {
          const stored = current.get(e.id);
          return { id: e.id, data: stateOf(reg, e.data), previous: stored ? storedOf(reg, stored) : null, deleted: false };
        }),
        ...deletions.map((d) => ({ id: d.id, data: stateOf(reg, d.stored), previous: storedOf(reg, d.stored), deleted: true })),
      ];
      if (revisions.length === 0) return;
      if (upserts.length > 0)
        await upsertRows(
          reg,
          db,
          upserts.map((e) => stateOf(reg, e.data)),
          stamp,
        );
      if (deletions.length > 0)
        await db.execute(sql`delete from ${register.table} where ${idColumnOf(reg)} = any(${sql.param(deletions.map((d) => d.id))}::text[])`);
      const r = register.revisions;
      await db.execute(sql`
        insert into ${r} (entity, entity_id, data, previous, deleted, updated_at, author, author_agency, source_system, idempotency_key, batch_id)
        select ${register.entity}, e.value->>'id', e.value->'data', nullif(e.value->'previous', 'null'::jsonb), (e.value->>'deleted')::boolean, ${stamp.recordedAt.toISOString()}::timestamptz,
               ${stamp.author}, ${stamp.authorAgency}, ${stamp.sourceSystem}, ${stamp.idempotencyKey}, ${stamp.batchId}::uuid
        from jsonb_array_elements(${JSON.stringify(revisions)}::jsonb) with ordinality as e(value, n)
        order by e.n`);
    },
  };
}

/**
 * One INSERT … ON CONFLICT DO UPDATE for the whole batch. The rows travel as one jsonb parameter
 * expanded with jsonb_populate_recordset against the table's own row type, so a 10,000-row batch
 * stays one statement with one bind parameter (a VALUES list would pass Postgres' 65,535-parameter
 * limit), and every column keeps its declared type (dates, arrays, doubles).
 */
async function upsertRows(register: AnyRegister, db: Db, states: Record<string, unknown>[], stamp: WriteStamp): Promise<void> {
  const columns = stateColumns(register);
  const stamped = register.stampField ? (getTableColumns(register.table) as Record<string, PgColumn>)[register.stampField] : undefined;
  const records = states.map((state) => {
    const record: Record<string, unknown> = Object.fromEntries(columns.map(([key, column]) => [column.name, state[key] ?? null]));
    if (stamped) record[stamped.name] = stamp.recordedAt.toISOString();
    return record;
  });
  const names = [...columns.map(([, c]) => c.name), ...(stamped ? [stamped.name] : [])];
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const idName = idColumnOf(register).name;
  const updates = sql.join(
    names.filter((n) => n !== idName).map((n) => sql`${sql.identifier(n)} = excluded.${sql.identifier(n)}`),
    sql`, `,
  );
  await db.execute(sql`
    insert into ${register.table} (${list})
    select ${list} from jsonb_populate_recordset(null::${register.table}, ${JSON.stringify(records)}::jsonb)
    on conflict (${sql.identifier(idName)}) do update set ${updates}`);
}
