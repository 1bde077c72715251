import { and, isNull, sql } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { capitalised } from '../names.ts';
import { earliestPeriodYear } from '../config.ts';
import type { ObservationMetric } from '../observations.ts';
import { catalog } from '../indicators/catalog.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { usccMistake } from '../uscc.ts';
import type { Db } from '../../db/connection.ts';
import { copyRows, type CopyValue } from '../../db/copy.ts';
import { observationStatus, type ObservationTable, type SubjectKind } from '../../db/observation-table.ts';
import { batchOptions, runBatch, type BatchArgs, type BatchPlan, type BatchTarget, type ImportSummary, type WriteStamp, type WriteStrategy } from './batch.ts';
import { checkAmount, checkText, parseAmount } from './fields.ts';
import { checkPeriod } from './period.ts';
import { ProblemList, storable, type ImportProblemCode } from './problems.ts';

/** What the write path needs to know about a metric an agency records. */
export type WritableMetric = Pick<ObservationMetric, 'subjectKind' | 'periodicity' | 'subjectLevel' | 'integer' | 'max'>;

/** Two meters of one facility where the part can never exceed the whole (IT ≤ total: PUE ≥ 1). */
export interface MeterPair {
  total: string;
  part: string;
  code: ImportProblemCode;
}

export interface ObservationStore {
  agency: Agency;
  table: ObservationTable;
  metrics: Readonly<Record<string, WritableMetric>>;
  /** Registers this agency holds: which of the given ids exist. Kinds without one are checked for format only. */
  knownSubjects?: Partial<Record<Exclude<SubjectKind, 'REGION'>, (db: Db, ids: readonly string[]) => Promise<ReadonlySet<string>>>>;
  meterPairs?: readonly MeterPair[];
  /** Agency-specific checks that need the database, run on rows that passed every other check. */
  check?(tx: Db, rows: readonly ParsedObservation[], problems: ProblemList): Promise<void>;
}

/** One row of a submit mutation, as GraphQL delivers it. */
export interface ObservationInput {
  metric: string;
  subjectKind: SubjectKind;
  subjectId: string;
  period: string;
  value?: number | string | null;
  status?: 'PROVISIONAL' | 'FINAL' | null;
  comment?: string | null;
}

/**
 * A row as it reaches the write path. GraphQL has coerced a mutation's rows to ObservationInput; the bulk
 * path's (lib/writes/bulk.ts) arrive as the caller wrote them, so `parseRows` checks their fields' presence
 * and types too, as row problems.
 */
export type ObservationRow = ObservationInput | Readonly<Record<string, unknown>>;

/** ObservationInput's fields: the texts a row must carry, and the optional ones. */
const REQUIRED_TEXTS = ['metric', 'subjectKind', 'subjectId', 'period'] as const;
const OPTIONAL_TEXTS = ['status', 'comment'] as const;
const OBSERVATION_FIELDS: readonly string[] = [...REQUIRED_TEXTS, 'value', ...OPTIONAL_TEXTS];
const INPUT_FIELDS: ReadonlySet<string> = new Set(OBSERVATION_FIELDS);

export interface ParsedObservation {
  row: number;
  metric: string;
  subjectKind: SubjectKind;
  subjectId: string;
  period: string;
  year: number;
  /** `metric|subjectId|period`. */
  key: string;
  /** The key of the other meter of the row's pair, if its metric is in one (set while checking pairs). */
  pairKey?: string;
  /** Null only for DELETE rows, which take the withdrawn value from the current revision. */
  value: number | null;
  status: 'PROVISIONAL' | 'FINAL';
  comment: string | null;
}

interface CurrentRevision {
  revision: number;
  metric: string;
  subjectId: string;
  period: string;
  value: number;
  status: 'PROVISIONAL' | 'FINAL';
  comment: string | null;
  deleted: boolean;
  subjectKind: SubjectKind;
  year: number;
}

/** The columns a revision is written with, in the order COPY and the INSERT fallback send them. */
const COPY_COLUMNS = ['metric', 'subject_kind', 'subject_id', 'period', 'year', 'value', 'status', 'comment', 'deleted', 'updated_at', 'batch_id'] as const;

/** A key's string; a parsed row carries its own, built once (a 10,000-row batch looks each up several times). */
const keyOf = (k: { metric: string; subjectId: string; period: string; key?: string }) => k.key ?? `${k.metric}|${k.subjectId}|${k.period}`;
const SUBJECT_ID_MAX = 64;
const COMMENT_MAX = 500;
const METRIC_MAX = 64;
const PERIOD_MAX = 64;

const UNKNOWN_SUBJECT: Record<Exclude<SubjectKind, 'REGION'>, ImportProblemCode> = {
  DATA_CENTER: 'UNKNOWN_DATA_CENTER',
  CORE_ROOM: 'UNKNOWN_CORE_ROOM',
  ENTERPRISE: 'UNKNOWN_ENTERPRISE',
};

/** The `submit<Agency>Observations` mutation: one batch of observations into one agency's store. */
export function submitObservations(
  store: ObservationStore,
  context: Pick<BatchTarget, 'db' | 'viewer' | 'batches'> & { regions: RegionDirectory },
  rows: readonly ObservationRow[],
  args: BatchArgs,
  now: Date = new Date(),
): Promise<ImportSummary> {
  const options = batchOptions(args, rows.length);
  return runBatch({ ...context, agency: store.agency, operation: 'observations' }, options, rows, async (tx) => {
    const problems = new ProblemList();
    const parsed = parseRows(store, context.regions, rows, options.strategy, now, problems);
    await checkKnownSubjects(store, tx, parsed, problems);
    const valid = () => parsed.filter((r) => !problems.has(r.row));
    const pairs = pairIndex(store);
    const checked = valid();
    // The batch's rows by key, built once for both meter-pair steps.
    const inBatch = new Map<string, ParsedObservation>();
    for (const r of checked) inBatch.set(r.key, r);
    const current = await currentRevisions(store, tx, [...checked, ...counterparts(pairs, checked, inBatch)]);
    checkMeterPairs(pairs, checked, inBatch, current, problems);
    if (store.check) await store.check(tx, valid(), problems);
    return classify(store, valid(), current, options.strategy, problems);
  });
}

function parseRows(
  store: ObservationStore,
  regions: RegionDirectory,
  rows: readonly ObservationRow[],
  strategy: WriteStrategy,
  now: Date,
  problems: ProblemList,
): ParsedObservation[] {
  const earliest = earliestPeriodYear();
  const firstRowOfKey = new Map<string, number>();
  const boundsOf = new Map<WritableMetric, Parameters<typeof checkAmount>[1]>();
  const parsed: ParsedObservation[] = [];
  // A plain loop with no closure per row: a bulk batch runs this body 10,000 times.
  for (let row = 0; row < rows.length; row++) {
    const input = rows[row]!;
    const typed = hasInputTypes(input, row, problems);
    checkUnknownFields(input, row, problems);
    if (!typed) continue;
    // Every text is checked before anything quotes or stores it: NUL and lone surrogates fail the row, never the batch.
    const metricText = checkText(input.metric, METRIC_MAX);
    if (metricText) {
      problems.add(row, 'metric', metricText.code, `metric ${metricText.message}`);
      continue;
    }
    // Own keys only: "constructor" or "toString" is an unknown metric, not a prototype's method.
    const metric = Object.hasOwn(store.metrics, input.metric) ? store.metrics[input.metric] : undefined;
    if (!metric) {
      const owner = metricOwner(input.metric);
      if (owner && owner !== store.agency)
        problems.add(
          row,
          'metric',
          'METRIC_NOT_OWNED',
          `${input.metric} is owned by the ${owner} subgraph; submit it with submit${capitalised(owner)}Observations.`,
        );
      else
        problems.add(
          row,
          'metric',
          'UNKNOWN_METRIC',
          `${JSON.stringify(input.metric)} is not a metric the ${store.agency} subgraph records; it records ${Object.keys(store.metrics).join(', ')}.`,
        );
      continue;
    }
    if (input.subjectKind !== metric.subjectKind) {
      problems.add(row, 'subjectKind', 'WRONG_SUBJECT_KIND', `${input.metric} describes a ${metric.subjectKind}, not a ${input.subjectKind}.`);
    }
    const idText =
      input.subjectId.trim() === ''
        ? { code: 'REQUIRED' as const, message: 'is empty; name the region, data centre, core room or enterprise.' }
        : checkText(input.subjectId, SUBJECT_ID_MAX);
    if (idText) problems.add(row, 'subjectId', idText.code, `subjectId ${idText.message}`);
    else if (input.subjectKind === metric.subjectKind) checkSubjectFormat(input, metric, regions, problems, row);
    const periodText = checkText(input.period, PERIOD_MAX);
    const period = periodText ? ({ ok: false, ...periodText } as const) : checkPeriod(input.period, metric.periodicity, now, earliest);
    if (!period.ok) problems.add(row, 'period', period.code, periodText ? `period ${period.message}` : period.message);
    let value: number | null = null;
    if (strategy !== 'DELETE') {
      if (input.value === null || input.value === undefined)
        problems.add(row, 'value', 'REQUIRED', `a value is required (only the DELETE strategy goes without one).`);
      else {
        value = typeof input.value === 'string' && checkText(input.value, PERIOD_MAX) ? Number.NaN : parseAmount(input.value);
        let bounds = boundsOf.get(metric);
        if (!bounds) boundsOf.set(metric, (bounds = { nonNegative: true, integer: metric.integer ?? false, max: metric.max }));
        const amount = checkAmount(value, bounds);
        if (amount) problems.add(row, 'value', amount.code, `${input.metric} ${amount.message}`);
      }
    }
    // GraphQL's enum has checked it on the mutation; the bulk path's rows arrive as plain text.
    if (input.status != null && !observationStatus.includes(input.status))
      problems.add(row, 'status', 'OUT_OF_RANGE', `status ${JSON.stringify(input.status)} is not one of ${observationStatus.join(', ')}.`);
    const comment = input.comment ?? null;
    const commentText = comment === null ? null : checkText(comment, COMMENT_MAX);
    if (commentText) problems.add(row, 'comment', commentText.code, `comment ${commentText.message}`);
    if (problems.has(row) || !period.ok) continue;
    // Only rows with well-formed texts get here, so keys compare as they will be stored.
    const key = keyOf(input);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      problems.add(
        row,
        'period',
        'DUPLICATE_KEY',
        `${input.metric} of ${input.subjectId} for ${input.period} is already in row ${first}; send each key once per batch.`,
      );
      continue;
    }
    firstRowOfKey.set(key, row);
    parsed.push({
      row,
      metric: input.metric,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      period: input.period,
      year: period.year,
      key,
      value,
      status: input.status ?? 'FINAL',
      comment,
    });
  }
  return parsed;
}

/**
 * Whether each field of a row has its ObservationInput type (GraphQL's coercion, for rows that did not pass
 * through it): a required text missing is REQUIRED, a field of another JSON type OUT_OF_RANGE, as a register
 * row's (lib/writes/row-reader.ts). Every such field is reported before the row is given up.
 */
function hasInputTypes(input: ObservationRow, row: number, problems: ProblemList): input is ObservationInput {
  const fields = input as Readonly<Record<string, unknown>>;
  let typed = true;
  for (const field of REQUIRED_TEXTS) {
    const value = fields[field];
    if (value === undefined || value === null) {
      problems.add(row, field, 'REQUIRED', `\`${field}\` is required: every row names its ${REQUIRED_TEXTS.join(', ')}.`);
      typed = false;
    } else if (typeof value !== 'string') typed = wrongType(row, field, 'a string', value, problems);
  }
  const value = fields.value;
  if (value !== undefined && value !== null && typeof value !== 'number' && typeof value !== 'string')
    typed = wrongType(row, 'value', 'a number or a decimal string', value, problems);
  for (const field of OPTIONAL_TEXTS) {
    const text = fields[field];
    if (text !== undefined && text !== null && typeof text !== 'string') typed = wrongType(row, field, 'a string', text, problems);
  }
  return typed;
}

function wrongType(row: number, field: string, expected: string, value: unknown, problems: ProblemList): false {
  problems.add(row, field, 'OUT_OF_RANGE', `\`${field}\` must be ${expected}, not ${jsonKind(value)}.`);
  return false;
}

/** What a JSON value is, in words, without quoting a text or an object (either may be long). */
function jsonKind(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return 'a string';
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** The longest part of an unknown field's name a problem quotes. */
const UNKNOWN_NAME_MAX = 64;

/**
 * A field ObservationInput does not have is UNKNOWN_FIELD, one problem a row however many there are (a line of
 * ten thousand keys must not make ten thousand problems). The row's other fields are still checked.
 */
function checkUnknownFields(input: ObservationRow, row: number, problems: ProblemList): void {
  let first: string | null = null;
  let others = 0;
  for (const key in input) {
    if (INPUT_FIELDS.has(key)) continue;
    if (first === null) first = key;
    else others++;
  }
  if (first === null) return;
  const name = quotableName(first);
  problems.add(
    row,
    name,
    'UNKNOWN_FIELD',
    `unknown field \`${name}\`${others > 0 ? ` (and ${others} more)` : ''}; a row has ${OBSERVATION_FIELDS.join(', ')}.`,
  );
}

/** A caller's key as a problem's `field` can hold it: cut to length, NUL and lone surrogates escaped (the summary is jsonb). */
function quotableName(key: string): string {
  return storable(key.length > UNKNOWN_NAME_MAX ? `${key.slice(0, UNKNOWN_NAME_MAX)}…` : key);
}

/** The agency that records a metric, from the catalog (the one list of metrics), or null for no metric at all. */
function metricOwner(code: string): Agency | null {
  const metrics = catalog().metrics;
  return metrics.has(code) ? metrics.get(code)!.owner : null;
}

function checkSubjectFormat(input: ObservationInput, metric: WritableMetric, regions: RegionDirectory, problems: ProblemList, row: number): void {
  if (input.subjectKind === 'REGION') {
    const region = regions.find(input.subjectId);
    if (!region) problems.add(row, 'subjectId', 'UNKNOWN_REGION', `"${input.subjectId}" is not a GB/T 2260 region code in the code list.`);
    else if (metric.subjectLevel && region.level !== metric.subjectLevel) {
      problems.add(
        row,
        'subjectId',
        'WRONG_REGION_LEVEL',
        `${input.subjectId} (${region.nameEn}) is a ${region.level} region; ${input.metric} is reported for ${metric.subjectLevel} regions and summed upwards.`,
      );
    }
  } else if (input.subjectKind === 'ENTERPRISE') {
    const mistake = usccMistake(input.subjectId);
    if (mistake) problems.add(row, 'subjectId', 'INVALID_USCC', mistake);
  }
}

async function checkKnownSubjects(store: ObservationStore, db: Db, rows: readonly ParsedObservation[], problems: ProblemList): Promise<void> {
  for (const [kind, known] of Object.entries(store.knownSubjects ?? {}) as [
    Exclude<SubjectKind, 'REGION'>,
    (db: Db, ids: readonly string[]) => Promise<ReadonlySet<string>>,
  ][]) {
    const ofKind = rows.filter((r) => r.subjectKind === kind);
    if (ofKind.length === 0) continue;
    const existing = await known(db, [...new Set(ofKind.map((r) => r.subjectId))]);
    for (const r of ofKind) {
      if (!existing.has(r.subjectId))
        problems.add(
          r.row,
          'subjectId',
          UNKNOWN_SUBJECT[kind],
          `No ${kind.toLowerCase().replace('_', ' ')} "${r.subjectId}" in the ${store.agency} register; register it first or correct the id.`,
        );
    }
  }
}

/** Each metered metric's pair and the pair's other meter, built once per batch (a batch looks up every row). */
type PairIndex = ReadonlyMap<string, { pair: MeterPair; other: string }>;
function pairIndex(store: ObservationStore): PairIndex {
  const index = new Map<string, { pair: MeterPair; other: string }>();
  for (const pair of store.meterPairs ?? []) {
    index.set(pair.total, { pair, other: pair.part });
    index.set(pair.part, { pair, other: pair.total });
  }
  return index;
}

/** A key with its string built once. */
type Keyed = { metric: string; subjectId: string; period: string; key: string };

/** Keys a batch row is checked against besides its own: the other meter of its pair, when the batch does not carry it. */
function counterparts(pairs: PairIndex, rows: readonly ParsedObservation[], inBatch: ReadonlyMap<string, ParsedObservation>): Keyed[] {
  if (pairs.size === 0) return [];
  const keys: Keyed[] = [];
  for (const r of rows) {
    const counterpart = pairs.get(r.metric);
    if (!counterpart) continue;
    // Kept on the row: the pair check reads it again.
    const key = (r.pairKey = `${counterpart.other}|${r.subjectId}|${r.period}`);
    if (!inBatch.has(key)) keys.push({ metric: counterpart.other, subjectId: r.subjectId, period: r.period, key });
  }
  return keys;
}

/** Above this many keys, current revisions are read by subject and year rather than probed key by key. */
const PROBE_KEYS_MAX = 500;

/**
 * The current revision (a deletion included) of each key, in one statement. A small batch probes the
 * (metric, subject_id, period) index of current rows key by key, so it costs the same however long the
 * history grows. A large one (a metering platform's month, a bulk load) reads the current rows of its
 * subjects' years through the (subject_id, year) index, restricted to its metrics and periods, and keeps
 * its own keys: one probe per subject instead of one per key, and nothing to probe for subjects never
 * reported before.
 */
async function currentRevisions(
  store: ObservationStore,
  db: Db,
  keys: readonly { metric: string; subjectId: string; period: string }[],
): Promise<Map<string, CurrentRevision>> {
  if (keys.length === 0) return new Map();
  const t = store.table;
  const fields = {
    revision: t.revision,
    metric: t.metric,
    subjectId: t.subjectId,
    period: t.period,
    value: t.value,
    status: t.status,
    comment: t.comment,
    deleted: t.deleted,
    subjectKind: t.subjectKind,
    year: t.year,
  };
  if (keys.length > PROBE_KEYS_MAX) {
    const distinct = (pick: (k: (typeof keys)[number]) => string) => sql.param([...new Set(keys.map(pick))]);
    const years = sql.param([...new Set(keys.map((k) => Number(k.period.slice(0, 4))))]);
    const rows = await db
      .select(fields)
      .from(t)
      .where(
        and(
          isNull(t.supersededAt),
          sql`${t.subjectId} = any(${distinct((k) => k.subjectId)}::text[])`,
          sql`${t.year} = any(${years}::int[])`,
          sql`${t.metric} = any(${distinct((k) => k.metric)}::text[])`,
          sql`${t.period} = any(${distinct((k) => k.period)}::text[])`,
        ),
      );
    const wanted = new Set(keys.map(keyOf));
    return new Map(rows.filter((r) => wanted.has(keyOf(r))).map((r) => [keyOf(r), r]));
  }
  const column = (field: 'metric' | 'subjectId' | 'period') => sql.param(keys.map((k) => k[field]));
  const wanted = sql`unnest(${column('metric')}::text[], ${column('subjectId')}::text[], ${column('period')}::text[]) as wanted(metric, subject_id, period)`;
  // At most one current row per key (the partial unique index): LIMIT 1 makes each probe an index lookup.
  const current = db
    .select(fields)
    .from(t)
    .where(and(isNull(t.supersededAt), sql`${t.metric} = wanted.metric`, sql`${t.subjectId} = wanted.subject_id`, sql`${t.period} = wanted.period`))
    .limit(1)
    .as('current');
  const rows = await db
    .select({ ...current._.selectedFields })
    .from(wanted)
    .crossJoinLateral(current);
  return new Map(rows.map((r) => [keyOf(r), r]));
}

/** IT ≤ total for the same facility and period, comparing this batch's rows with each other and with what is stored. */
function checkMeterPairs(
  pairs: PairIndex,
  rows: readonly ParsedObservation[],
  inBatch: ReadonlyMap<string, ParsedObservation>,
  current: Map<string, CurrentRevision>,
  problems: ProblemList,
): void {
  if (pairs.size === 0) return;
  // The value a key holds, from the batch or else from the store; where it came from is only worded for a problem.
  const valueOf = (key: string): number | null => {
    const row = inBatch.get(key);
    if (row) return row.value;
    const stored = current.get(key);
    return stored && !stored.deleted ? stored.value : null;
  };
  const where = (key: string) => {
    const row = inBatch.get(key);
    return row ? `row ${row.row}` : 'stored';
  };
  for (const r of rows) {
    const counterpart = r.value === null ? undefined : pairs.get(r.metric);
    if (!counterpart) continue;
    const { pair } = counterpart;
    // The row's own key is one of the two.
    const otherKey = r.pairKey ?? `${counterpart.other}|${r.subjectId}|${r.period}`;
    const partKey = r.metric === pair.part ? r.key : otherKey;
    const totalKey = r.metric === pair.part ? otherKey : r.key;
    const part = valueOf(partKey);
    const total = valueOf(totalKey);
    if (part === null || total === null || part <= total) continue;
    // Report on the part's row when it is in the batch, else on the total's: one problem per pair.
    if (r.metric === pair.total && inBatch.has(partKey)) continue;
    problems.add(
      r.row,
      'value',
      pair.code,
      `${pair.part} ${part} (${where(partKey)}) exceeds ${pair.total} ${total} (${where(totalKey)}) for ${r.subjectId} in ${r.period}: the part cannot exceed the whole (PUE would be below 1). Check the meters and resend both.`,
    );
  }
}

function classify(
  store: ObservationStore,
  rows: readonly ParsedObservation[],
  current: Map<string, CurrentRevision>,
  strategy: WriteStrategy,
  problems: ProblemList,
): BatchPlan {
  const inserts: ParsedObservation[] = [];
  const deletions: CurrentRevision[] = [];
  const superseded: number[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of rows) {
    if (problems.has(r.row)) continue;
    const stored = current.get(keyOf(r));
    const live = stored && !stored.deleted ? stored : undefined;
    if (strategy === 'DELETE') {
      if (!live) problems.add(r.row, 'period', 'NOT_FOUND', `${r.metric} of ${r.subjectId} for ${r.period} has no value to delete.`);
      else {
        deletions.push(live);
        superseded.push(live.revision);
      }
      continue;
    }
    if (strategy === 'CREATE' && live) {
      problems.add(
        r.row,
        'period',
        'ALREADY_EXISTS',
        `${r.metric} of ${r.subjectId} for ${r.period} already has the value ${live.value}; use UPDATE or UPSERT to correct it.`,
      );
      continue;
    }
    if (strategy === 'UPDATE' && !live) {
      problems.add(r.row, 'period', 'NOT_FOUND', `${r.metric} of ${r.subjectId} for ${r.period} has no value to update; use CREATE or UPSERT.`);
      continue;
    }
    if (live && live.value === r.value && live.status === r.status && live.comment === r.comment) {
      unchanged++;
      continue;
    }
    if (live) updated++;
    else created++;
    if (stored) superseded.push(stored.revision);
    inserts.push(r);
  }
  return {
    created,
    updated,
    unchanged,
    deleted: deletions.length,
    problems,
    write: async (tx: Db, stamp: WriteStamp) => {
      const t = store.table;
      if (superseded.length > 0) {
        await tx.execute(
          sql`update ${t} set superseded_at = ${stamp.recordedAt.toISOString()}::timestamptz where revision = any(${sql.param(superseded)}::bigint[])`,
        );
      }
      if (inserts.length + deletions.length === 0) return;
      const at = stamp.recordedAt.toISOString();
      // The rest of the stamp (author, agency, source system, key) is the import batch's row, written once.
      const stamped = [at, stamp.batchId] as const;
      const own: CopyValue[][] = [];
      for (const r of inserts) own.push([r.metric, r.subjectKind, r.subjectId, r.period, r.year, r.value!, r.status, r.comment, false]);
      for (const d of deletions) own.push([d.metric, d.subjectKind, d.subjectId, d.period, d.year, d.value, d.status, d.comment, true]);
      const copied = await copyRows(tx, t, COPY_COLUMNS, own, stamped);
      if (copied) return;
      const revisions = [...inserts.map((r) => ({ ...r, value: r.value!, deleted: false })), ...deletions.map((d) => ({ ...d, deleted: true }))];
      // Booleans travel as text: the postgres driver sends a JS boolean array as a scalar boolean.
      const column = <T>(pick: (r: (typeof revisions)[number]) => T) => sql.param(revisions.map(pick));
      await tx.execute(sql`
        insert into ${t} (${sql.raw(COPY_COLUMNS.join(', '))})
        select m, k, s, p, y, v, st, c, d::boolean, ${at}::timestamptz, ${stamp.batchId}::uuid
        from unnest(${column((r) => r.metric)}::text[], ${column((r) => r.subjectKind)}::text[], ${column((r) => r.subjectId)}::text[], ${column((r) => r.period)}::text[],
                    ${column((r) => r.year)}::int[], ${column((r) => r.value)}::float8[], ${column((r) => r.status)}::text[], ${column((r) => r.comment)}::text[],
                    ${column((r) => (r.deleted ? 'true' : 'false'))}::text[]) as u(m, k, s, p, y, v, st, c, d)`);
    },
  };
}
