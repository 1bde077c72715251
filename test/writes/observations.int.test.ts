import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../lib/agencies.ts';
import { mintToken } from '../../lib/auth/tokens.ts';
import type { Role } from '../../lib/auth/viewer.ts';
import { importBatch as commsImportBatch, observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import type { ImportSummary } from '../../lib/writes/batch.ts';

// The shared observation write path, exercised through the gateway on comms (region and data-centre
// metrics). Expected counts come from the rows each test sends; stored state is read back with SQL.

let fed: TestFederation;
const tokens: Record<string, Record<string, string>> = {};
const headers = async (agency: Agency | null, roles: Role[], subject = `${agency ?? 'someone'}-${roles.join('+')}`) => ({
  authorization: `Bearer ${await mintToken({ subject, agency, roles })}`,
});

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['comms'] });
  tokens.writer = await headers('comms', ['writer'], 'comms-loader');
  tokens.other = await headers('comms', ['writer'], 'comms-second-system');
});
afterAll(() => fed?.stop());

const SUBMIT = `mutation($rows: [ObservationInput!]!, $strategy: WriteStrategy, $atomic: Boolean, $dryRun: Boolean, $key: String, $source: String) {
  submitCommsObservations(rows: $rows, strategy: $strategy, atomic: $atomic, dryRun: $dryRun, idempotencyKey: $key, sourceSystem: $source) {
    batchId idempotencyKey replayed dryRun atomic applied received created updated unchanged deleted rejected recordedAt
    problems { row field code message }
  }
}`;

type Summary = ImportSummary;

async function submit(
  rows: unknown[],
  options: { strategy?: string; atomic?: boolean; dryRun?: boolean; key?: string; source?: string } = {},
  auth = tokens.writer,
) {
  const response = await fed.query<{ submitCommsObservations: Summary | null }>(SUBMIT, { rows, ...options }, auth);
  return response;
}

async function submitOk(rows: unknown[], options: Parameters<typeof submit>[1] = {}, auth = tokens.writer): Promise<Summary> {
  const response = await submit(rows, options, auth);
  expect(response.errors).toBeUndefined();
  return response.data!.submitCommsObservations!;
}

const traffic = (subjectId: string, period: string, value: unknown, extra: Record<string, unknown> = {}) => ({
  metric: 'INFORMATION_TRAFFIC_GB',
  subjectKind: 'REGION',
  subjectId,
  period,
  value,
  ...extra,
});
const racks = (subjectId: string, period: string, value: unknown) => ({ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId, period, value });

/** Every revision of a key, oldest first, straight from the table. */
// Each stored revision with the stamp of its batch, which is kept on the batch's row.
const revisionsOf = (metric: string, subjectId: string, period: string) =>
  fed.databases.comms.db
    .select({
      ...getTableColumns(commsObservation),
      author: commsImportBatch.author,
      authorAgency: commsImportBatch.authorAgency,
      sourceSystem: commsImportBatch.sourceSystem,
      idempotencyKey: commsImportBatch.idempotencyKey,
    })
    .from(commsObservation)
    .leftJoin(commsImportBatch, eq(commsImportBatch.id, commsObservation.batchId))
    .where(and(eq(commsObservation.metric, metric), eq(commsObservation.subjectId, subjectId), eq(commsObservation.period, period)))
    .orderBy(commsObservation.revision);

const currentValue = async (metric: string, subjectId: string, period: string) => {
  const rows = await fed.databases.comms.db
    .select({ value: commsObservation.value, deleted: commsObservation.deleted })
    .from(commsObservation)
    .where(
      and(
        eq(commsObservation.metric, metric),
        eq(commsObservation.subjectId, subjectId),
        eq(commsObservation.period, period),
        isNull(commsObservation.supersededAt),
      ),
    );
  return rows.length === 0 || rows[0]!.deleted ? null : rows[0]!.value;
};

const revisionCount = async () => Number((await fed.databases.comms.db.select({ n: sql<number>`count(*)` }).from(commsObservation))[0]!.n);

describe('submitCommsObservations: strategies and revisions', () => {
  it('creates, then corrects with a new revision that keeps the old one, and says who wrote it', async () => {
    const first = await submitOk([traffic('500101', '2023', 1000), traffic('500102', '2023', '2000.5')], { source: 'traffic-platform' });
    expect(first).toMatchObject({ applied: true, received: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });

    const second = await submitOk([
      traffic('500101', '2023', 1100, { status: 'PROVISIONAL', comment: 'late meter reading' }),
      traffic('500102', '2023', 2000.5),
    ]);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const history = await revisionsOf('INFORMATION_TRAFFIC_GB', '500101', '2023');
    expect(history.map((r) => r.value)).toEqual([1000, 1100]);
    expect(history[0]!.supersededAt?.toISOString()).toBe(second.recordedAt);
    expect(history[1]).toMatchObject({
      supersededAt: null,
      status: 'PROVISIONAL',
      comment: 'late meter reading',
      author: 'comms-loader',
      authorAgency: 'comms',
      batchId: second.batchId,
    });
    expect(history[0]).toMatchObject({ sourceSystem: 'traffic-platform', batchId: first.batchId });
    expect(await revisionsOf('INFORMATION_TRAFFIC_GB', '500102', '2023')).toHaveLength(1);
  });

  it('CREATE refuses a key that has a value and UPDATE one that has none', async () => {
    await submitOk([traffic('500103', '2023', 5)]);
    const create = await submitOk([traffic('500103', '2023', 6)], { strategy: 'CREATE' });
    expect(create.problems).toEqual([expect.objectContaining({ row: 0, code: 'ALREADY_EXISTS' })]);
    const update = await submitOk([traffic('500104', '2023', 6)], { strategy: 'UPDATE' });
    expect(update.problems).toEqual([expect.objectContaining({ row: 0, code: 'NOT_FOUND' })]);
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500103', '2023')).toBe(5);
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500104', '2023')).toBeNull();
  });

  it('DELETE is a revision: the key disappears from reads, the change log shows the deletion, as-of before it still sees the value', async () => {
    const created = await submitOk([traffic('500105', '2022', 77)]);
    const removed = await submitOk([{ metric: 'INFORMATION_TRAFFIC_GB', subjectKind: 'REGION', subjectId: '500105', period: '2022' }], { strategy: 'DELETE' });
    expect(removed).toMatchObject({ deleted: 1, applied: true });
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500105', '2022')).toBeNull();

    const read = `query($asOf: DateTime) { commsObservations(metric: "INFORMATION_TRAFFIC_GB", subjectKind: REGION, subjectId: "500105", asOf: $asOf) { nodes { value deleted } } }`;
    const now = await fed.query<{ commsObservations: { nodes: { value: number }[] } }>(read, {});
    expect(now.data!.commsObservations.nodes).toEqual([]);
    const before = await fed.query<{ commsObservations: { nodes: { value: number }[] } }>(read, { asOf: created.recordedAt });
    expect(before.data!.commsObservations.nodes).toEqual([{ value: 77, deleted: false }]);

    const changes = await fed.query<{ commsObservationChanges: { nodes: { value: number; deleted: boolean; batchId: string }[] } }>(
      `query($after: DateTime) { commsObservationChanges(updatedAfter: $after, subjectId: "500105") { nodes { value deleted batchId author } } }`,
      { after: created.recordedAt },
      tokens.writer,
    );
    expect(changes.errors).toBeUndefined();
    expect(changes.data!.commsObservationChanges.nodes).toEqual([{ value: 77, deleted: true, batchId: removed.batchId, author: 'comms-loader' }]);

    const recreated = await submitOk([traffic('500105', '2022', 78)], { strategy: 'CREATE' });
    expect(recreated.created).toBe(1);
  });
});

describe('submitCommsObservations: atomicity, dry runs and retries', () => {
  it('rejects the whole batch by default when one row is bad, naming row, field and code', async () => {
    const before = await revisionCount();
    const summary = await submitOk([traffic('500110', '2023', 1), traffic('500111', '2023', -4), traffic('500112', '2023', 3)]);
    expect(summary).toMatchObject({ applied: false, created: 0, rejected: 1, batchId: null });
    expect(summary.problems).toEqual([{ row: 1, field: 'value', code: 'NEGATIVE_VALUE', message: expect.stringContaining('-4') }]);
    expect(await revisionCount()).toBe(before);
  });

  it('with atomic: false writes the good rows and reports the rest', async () => {
    const summary = await submitOk([traffic('500113', '2023', 1), traffic('500114', '2023', 'NaN'), traffic('500115', '2023', 3)], { atomic: false });
    expect(summary).toMatchObject({ applied: true, created: 2, rejected: 1 });
    expect(summary.problems.map((p) => [p.row, p.code])).toEqual([[1, 'NOT_A_NUMBER']]);
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500113', '2023')).toBe(1);
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500114', '2023')).toBeNull();
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500115', '2023')).toBe(3);
  });

  it('dryRun reports what would happen and writes nothing', async () => {
    await submitOk([traffic('500116', '2023', 1)]);
    const before = await revisionCount();
    const summary = await submitOk([traffic('500116', '2023', 2), traffic('500117', '2023', 2)], { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 1 });
    expect(await revisionCount()).toBe(before);
  });

  it('a retry with the same idempotency key returns the first summary and applies nothing twice', async () => {
    const rows = [traffic('500118', '2023', 10), traffic('500119', '2023', 20)];
    const first = await submitOk(rows, { key: 'traffic-2023-batch-7' });
    const afterFirst = await revisionCount();
    const retry = await submitOk(rows, { key: 'traffic-2023-batch-7' });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await revisionCount()).toBe(afterFirst);

    const reused = await submit([traffic('500118', '2023', 11)], { key: 'traffic-2023-batch-7' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await currentValue('INFORMATION_TRAFFIC_GB', '500118', '2023')).toBe(10);
    // The same rows from another source system are another batch: its audit trail would credit the first.
    const elsewhere = await submit(rows, { key: 'traffic-2023-batch-7', source: 'other-system' });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a batch over the limit as a whole, naming the argument', async () => {
    const previous = process.env.WRITE_BATCH_LIMIT;
    process.env.WRITE_BATCH_LIMIT = '3';
    try {
      const response = await submit([1, 2, 3, 4].map((i) => traffic('500120', `202${i}`, i)));
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', argument: 'rows' });
    } finally {
      if (previous === undefined) delete process.env.WRITE_BATCH_LIMIT;
      else process.env.WRITE_BATCH_LIMIT = previous;
    }
  });
});

describe('submitCommsObservations: validation, one rule per row', () => {
  const nextYear = String(new Date().getUTCFullYear() + 1);
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown metric', { ...traffic('500101', '2024', 1), metric: 'TRAFFIC_GBB' }, 'metric', 'UNKNOWN_METRIC'],
    [
      "another agency's metric",
      { metric: 'DC_TOTAL_ENERGY_KWH', subjectKind: 'DATA_CENTER', subjectId: 'DC-1', period: '2024-01', value: 1 },
      'metric',
      'METRIC_NOT_OWNED',
    ],
    ['the wrong kind of subject', { ...traffic('500101', '2024', 1), subjectKind: 'DATA_CENTER' }, 'subjectKind', 'WRONG_SUBJECT_KIND'],
    ['an unknown region', traffic('500199', '2024', 1), 'subjectId', 'UNKNOWN_REGION'],
    ['Infinity', traffic('500101', '2024', 'Infinity'), 'value', 'NOT_A_NUMBER'],
    ['a decimal comma', traffic('500101', '2024', '12,5'), 'value', 'NOT_A_NUMBER'],
    ['a negative amount', traffic('500101', '2024', -1), 'value', 'NEGATIVE_VALUE'],
    ['a missing value', { ...traffic('500101', '2024', null) }, 'value', 'REQUIRED'],
    ['fractional racks', racks('DC-CQ-0001', '2024', 10.5), 'value', 'OUT_OF_RANGE'],
    ['a malformed period', traffic('500101', '24', 1), 'period', 'INVALID_PERIOD'],
    ['a month for an annual metric', traffic('500101', '2024-03', 1), 'period', 'INVALID_PERIOD'],
    ['a period in the future', traffic('500101', nextYear, 1), 'period', 'PERIOD_IN_FUTURE'],
    ['a period before the accepted range', traffic('500101', '2019', 1), 'period', 'PERIOD_OUT_OF_RANGE'],
    ['an over-long comment', traffic('500101', '2024', 1, { comment: 'x'.repeat(501) }), 'comment', 'STRING_TOO_LONG'],
    ['a control character', traffic('500101', '2024', 1, { comment: 'line one\nline two' }), 'comment', 'CONTROL_CHARACTERS'],
    ['a control character in an id', racks('DC\u0000CQ', '2024', 1), 'subjectId', 'CONTROL_CHARACTERS'],
  ];
  it.each(cases)('rejects %s', async (_, row, field, code) => {
    const summary = await submitOk([traffic('500155', '2024', 1), row]);
    expect(summary.applied).toBe(false);
    expect(summary.problems).toEqual([expect.objectContaining({ row: 1, field, code })]);
    expect(summary.problems[0]!.message.length).toBeGreaterThan(20);
  });

  it('rejects the same key twice in one batch, pointing at the first row', async () => {
    const summary = await submitOk([traffic('500156', '2024', 1), traffic('500106', '2024', 1), traffic('500156', '2024', 2)]);
    expect(summary.problems).toEqual([expect.objectContaining({ row: 2, code: 'DUPLICATE_KEY', message: expect.stringContaining('row 0') })]);
  });
});

describe('who may write comms observations', () => {
  it('refuses anonymous callers, other agencies and comms readers with stable codes, writing nothing', async () => {
    const before = await revisionCount();
    const anonymous = await submit([traffic('500107', '2024', 1)], {}, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const energy = await submit([traffic('500107', '2024', 1)], {}, await headers('energy', ['writer']));
    expect(energy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await submit([traffic('500107', '2024', 1)], {}, await headers('comms', ['reader']));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await revisionCount()).toBe(before);
  });
});

describe('two writers racing on the same keys', () => {
  it('keeps both revisions of every key; the batch committed last is current', async () => {
    const keys = ['500151', '500152', '500153', '500154'];
    await submitOk(keys.map((k) => traffic(k, '2024', 1)));
    const [a, b] = await Promise.all([
      submitOk(
        keys.map((k) => traffic(k, '2024', 100)),
        {},
        tokens.writer,
      ),
      submitOk(
        keys.map((k) => traffic(k, '2024', 200)),
        {},
        tokens.other,
      ),
    ]);
    expect(a.updated + b.updated).toBe(2 * keys.length);
    const last = a.recordedAt! > b.recordedAt! ? 100 : 200;
    for (const key of keys) {
      const history = await revisionsOf('INFORMATION_TRAFFIC_GB', key, '2024');
      expect(history).toHaveLength(3);
      expect(history.filter((r) => r.supersededAt === null)).toHaveLength(1);
      expect(history.at(-1)).toMatchObject({ value: last, supersededAt: null });
      expect(await currentValue('INFORMATION_TRAFFIC_GB', key, '2024')).toBe(last);
    }
  });
});
