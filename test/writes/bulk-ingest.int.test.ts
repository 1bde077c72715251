import http from 'node:http';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBatch, observation } from '../../subgraphs/energy/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import type { ImportProblem } from '../support/observations.ts';
import { bearer } from '../support/tokens.ts';

// The bulk path beside GraphQL (issue 20): NDJSON or CSV to POST /ingest/<agency>/observations at the gateway,
// with the batch mutation's token check, row checks, revisions, idempotency and import summary.

let fed: TestFederation;
let energyWriter: Record<string, string>;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['energy', 'bigdata'] });
  energyWriter = await bearer('energy', ['writer'], 'metering-platform');
});
afterAll(() => fed?.stop());

interface Summary {
  applied: boolean;
  replayed: boolean;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: ImportProblem[];
  batchId: string | null;
}

async function ingest(
  body: string,
  options: { type?: string; search?: Record<string, string>; headers?: Record<string, string>; agency?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(`/ingest/${options.agency ?? 'energy'}/observations`, fed.gateway.url);
  url.search = new URLSearchParams(options.search ?? {}).toString();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': options.type ?? 'application/x-ndjson', ...(options.headers ?? energyWriter) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * POSTs an NDJSON body that is never sent (the request's headers go out, its body stays open) and gives the
 * answer, or 'no answer' if none comes in 2 s: a service that reads the body first would wait for it.
 */
function answerWithoutBody(url: URL, headers: Record<string, string>): Promise<{ status: number; body: unknown } | 'no answer'> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked', ...headers } });
    const timer = setTimeout(() => {
      request.destroy();
      resolve('no answer');
    }, 2_000);
    request.on('error', reject);
    request.on('response', (response) => {
      clearTimeout(timer);
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown });
      });
    });
    request.flushHeaders();
  });
}

const ndjson = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const reading = (subjectId: string, metric: string, period: string, value: number | string) => ({
  metric,
  subjectKind: 'DATA_CENTER',
  subjectId,
  period,
  value,
});

const current = (subjectId: string) =>
  fed.databases.energy.db
    .select({
      metric: observation.metric,
      period: observation.period,
      value: observation.value,
      author: importBatch.author,
      sourceSystem: importBatch.sourceSystem,
    })
    .from(observation)
    .innerJoin(importBatch, eq(importBatch.id, observation.batchId))
    .where(and(eq(observation.subjectId, subjectId), isNull(observation.supersededAt)))
    .orderBy(observation.period, observation.metric);

describe('bulk ingestion of observations through the gateway', () => {
  it('writes an NDJSON batch as revisions and answers the import summary', async () => {
    const { status, body } = await ingest(
      ndjson([reading('DC-B-1', 'DC_TOTAL_ENERGY_KWH', '2024-01', 1_300_000), reading('DC-B-1', 'DC_IT_ENERGY_KWH', '2024-01', '1000000')]),
      {
        search: { sourceSystem: 'metering', idempotencyKey: 'bulk-1' },
      },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, replayed: false, received: 2, created: 2, updated: 0, rejected: 0, problems: [] });
    expect(await current('DC-B-1')).toEqual([
      { metric: 'DC_IT_ENERGY_KWH', period: '2024-01', value: 1_000_000, author: 'metering-platform', sourceSystem: 'metering' },
      { metric: 'DC_TOTAL_ENERGY_KWH', period: '2024-01', value: 1_300_000, author: 'metering-platform', sourceSystem: 'metering' },
    ]);
  });

  it('replays a retry with the same idempotency key without writing again', async () => {
    const body = ndjson([reading('DC-B-1', 'DC_TOTAL_ENERGY_KWH', '2024-01', 1_300_000), reading('DC-B-1', 'DC_IT_ENERGY_KWH', '2024-01', '1000000')]);
    const first = await ingest(body, { search: { sourceSystem: 'metering', idempotencyKey: 'bulk-1' } });
    expect(first.body).toMatchObject({ applied: true, replayed: true, created: 2 });
    const revisions = await fed.databases.energy.db.select().from(observation).where(eq(observation.subjectId, 'DC-B-1'));
    expect(revisions).toHaveLength(2);
    const reused = await ingest(ndjson([reading('DC-B-1', 'DC_TOTAL_ENERGY_KWH', '2024-02', 1)]), { search: { idempotencyKey: 'bulk-1' } });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('writes and remembers nothing for an empty body, so its idempotency key still takes the rows', async () => {
    const empty = await ingest('', { search: { idempotencyKey: 'metering-empty-1' } });
    expect(empty).toMatchObject({ status: 200, body: { applied: true, received: 0, batchId: null, recordedAt: null } });
    const rows = await ingest(ndjson([reading('DC-B-EMPTY', 'DC_TOTAL_ENERGY_KWH', '2024-01', 10)]), { search: { idempotencyKey: 'metering-empty-1' } });
    expect(rows.body).toMatchObject({ applied: true, replayed: false, received: 1, created: 1 });
    expect(await current('DC-B-EMPTY')).toMatchObject([{ value: 10 }]);
  });

  it('reads CSV, checks every row as the mutation does, and with atomic=false writes exactly the good rows', async () => {
    const csv = [
      'metric,subjectKind,subjectId,period,value,status,comment',
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-B-2,2024-03,2000000,PROVISIONAL,"meter 1, corrected"',
      'DC_IT_ENERGY_KWH,DATA_CENTER,DC-B-2,2024-03,2500000,,', // IT above total: IT_ENERGY_ABOVE_TOTAL
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-B-2,2024-04,1.7e308,,', // ABOVE_MAXIMUM
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-B-2,2024-05,100,DRAFT,', // not a status: OUT_OF_RANGE
      'RACKS_IN_USE,DATA_CENTER,DC-B-2,2024,10,,', // comms' metric: METRIC_NOT_OWNED
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,,2024-06,100,,', // empty subjectId: REQUIRED
    ].join('\r\n');
    const { status, body } = await ingest(csv, { type: 'text/csv; charset=utf-8', search: { atomic: 'false' } });
    expect(status).toBe(200);
    const summary = body as unknown as Summary;
    expect(summary).toMatchObject({ applied: true, received: 6, created: 1, rejected: 5 });
    expect(summary.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'value', 'IT_ENERGY_ABOVE_TOTAL'],
      [2, 'value', 'ABOVE_MAXIMUM'],
      [3, 'status', 'OUT_OF_RANGE'],
      [4, 'metric', 'METRIC_NOT_OWNED'],
      [5, 'subjectId', 'REQUIRED'],
    ]);
    expect(await current('DC-B-2')).toEqual([
      { metric: 'DC_TOTAL_ENERGY_KWH', period: '2024-03', value: 2_000_000, author: 'metering-platform', sourceSystem: null },
    ]);
  });

  it('writes nothing of an atomic batch with a rejected row, nor of a dry run', async () => {
    const rows = [reading('DC-B-3', 'DC_TOTAL_ENERGY_KWH', '2024-01', 10), reading('DC-B-3', 'DC_TOTAL_ENERGY_KWH', '2024-02', -1)];
    const atomic = await ingest(ndjson(rows));
    expect(atomic.body).toMatchObject({ applied: false, created: 0, rejected: 1, problems: [{ row: 1, field: 'value', code: 'NEGATIVE_VALUE' }] });
    const dry = await ingest(ndjson(rows.slice(0, 1)), { search: { dryRun: 'true' } });
    expect(dry.body).toMatchObject({ applied: false, dryRun: true, created: 1 });
    expect(await current('DC-B-3')).toEqual([]);
  });

  it('corrects a figure as a new revision, keeping the old one as history', async () => {
    const { body } = await ingest(ndjson([reading('DC-B-1', 'DC_TOTAL_ENERGY_KWH', '2024-01', 1_400_000)]));
    expect(body).toMatchObject({ applied: true, created: 0, updated: 1 });
    const history = await fed.databases.energy.db
      .select({ value: observation.value, superseded: observation.supersededAt })
      .from(observation)
      .where(and(eq(observation.subjectId, 'DC-B-1'), eq(observation.metric, 'DC_TOTAL_ENERGY_KWH')))
      .orderBy(observation.revision);
    expect(history.map((h) => [h.value, h.superseded !== null])).toEqual([
      [1_300_000, true],
      [1_400_000, false],
    ]);
  });

  it('classifies a large batch (over 500 keys, read by subject and year) exactly: created, then updated and unchanged', async () => {
    // 600 data centres × (total, IT) for 2024-07 = 1,200 rows.
    const rows = (changed: (i: number) => boolean) =>
      Array.from({ length: 600 }, (_, i) => [
        {
          ...reading(`DC-L-${i}`, 'DC_TOTAL_ENERGY_KWH', '2024-07', changed(i) ? 2_000 : 1_000),
          ...(changed(i) ? { comment: 'meter C:\\plant\\7 re-read' } : {}),
        },
        reading(`DC-L-${i}`, 'DC_IT_ENERGY_KWH', '2024-07', 800),
      ]).flat();
    const first = await ingest(ndjson(rows(() => false)));
    expect(first.body).toMatchObject({ applied: true, received: 1200, created: 1200, updated: 0, unchanged: 0 });
    // The second time, every 60th total changes (i = 0, 60, …, 540: 10 rows): 10 updated, 1,190 unchanged.
    const second = await ingest(ndjson(rows((i) => i % 60 === 0)));
    expect(second.body).toMatchObject({ applied: true, received: 1200, created: 0, updated: 10, unchanged: 1190 });
    const [row] = await fed.databases.energy.db
      .select({ value: observation.value, comment: observation.comment })
      .from(observation)
      .where(and(eq(observation.subjectId, 'DC-L-60'), eq(observation.metric, 'DC_TOTAL_ENERGY_KWH'), isNull(observation.supersededAt)));
    // Backslashes survive COPY's text format (where the driver uses COPY) as they are.
    expect(row).toEqual({ value: 2_000, comment: 'meter C:\\plant\\7 re-read' });
  });

  it('refuses callers who may not write energy facts, before reading their rows', async () => {
    const rows = ndjson([reading('DC-B-4', 'DC_TOTAL_ENERGY_KWH', '2024-01', 10)]);
    const anonymous = await ingest(rows, { headers: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const comms = await ingest(rows, { headers: await bearer('comms', ['writer']) });
    expect(comms.status).toBe(403);
    expect(comms.body).toMatchObject({ error: { code: 'FORBIDDEN', requiredAgency: 'energy' } });
    const forged = await ingest(rows, { headers: { authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
    expect(await current('DC-B-4')).toEqual([]);
  });

  it.each([
    ['no token', 401, 'UNAUTHENTICATED', async () => ({})],
    ['a comms writer', 403, 'FORBIDDEN', () => bearer('comms', ['writer'])],
    ['a reader', 403, 'FORBIDDEN', () => bearer(null, ['reader'])],
  ])('refuses %s with %i %s whatever the request: a malformed body, one over the batch limit, bad options or type', async (_who, status, code, headers) => {
    // A line whose metric is not a string would be MALFORMED_BODY (400) for an energy writer.
    const malformed = await ingest('{"metric": 1}\n', { headers: await headers() });
    expect(malformed.status).toBe(status);
    expect(malformed.body).toMatchObject({ error: { code } });
    // 10,001 rows, one over WRITE_BATCH_LIMIT's 10,000: BATCH_TOO_LARGE (400) for an energy writer.
    const oversized = await ingest(ndjson(Array.from({ length: 10_001 }, (_, i) => reading(`DC-B-6-${i}`, 'DC_TOTAL_ENERGY_KWH', '2024-01', i))), {
      headers: await headers(),
    });
    expect(oversized.status).toBe(status);
    expect(oversized.body).toMatchObject({ error: { code } });
    // INVALID_ARGUMENT (400) and UNSUPPORTED_MEDIA_TYPE (415) for an energy writer.
    const rows = ndjson([reading('DC-B-4', 'DC_TOTAL_ENERGY_KWH', '2024-01', 10)]);
    const badOption = await ingest(rows, { headers: await headers(), search: { atomic: 'perhaps' } });
    expect([badOption.status, badOption.body]).toMatchObject([status, { error: { code } }]);
    const badType = await ingest(rows, { headers: await headers(), type: 'application/json' });
    expect([badType.status, badType.body]).toMatchObject([status, { error: { code } }]);
  });

  it('answers a caller who may not write before it has sent a byte of its body', async () => {
    // Straight to the energy subgraph: the gateway opens its request to the subgraph with the body's first chunk.
    const url = new URL('/ingest/observations', fed.subgraphs.energy.url);
    expect(await answerWithoutBody(url, {})).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await answerWithoutBody(url, await bearer('comms', ['writer']))).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('refuses a body it cannot read as rows as a whole, naming the line', async () => {
    const broken = await ingest(`${JSON.stringify(reading('DC-B-5', 'DC_TOTAL_ENERGY_KWH', '2024-01', 10))}\n{"metric": \n`);
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: { code: 'MALFORMED_BODY', message: expect.stringContaining('Line 2'), line: 2 } });
    const header = await ingest('metric,subjectKind,subjectId,period,metric\n', { type: 'text/csv' });
    expect(header.body).toMatchObject({ error: { code: 'MALFORMED_BODY', line: 1 } });
    const list = await ingest('[{"metric":"DC_TOTAL_ENERGY_KWH"}]\n');
    expect(list.body).toMatchObject({ error: { code: 'MALFORMED_BODY', line: 1 } });
    const type = await ingest('{}', { type: 'application/json' });
    expect(type.status).toBe(415);
    expect(type.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const agency = await ingest('', { agency: 'finance' });
    expect(agency.status).toBe(404);
    const option = await ingest('', { search: { atomic: 'yes' } });
    expect(option.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', argument: 'atomic' } });
    expect(await current('DC-B-5')).toEqual([]);
  });

  // A readable line whose fields are wrong is a row problem, as the mutation reports its rows: one bad line
  // between two good ones (rows 0 and 2, DC_TOTAL_ENERGY_KWH of January and February) is row 1, on line 2.
  describe.each([
    {
      what: 'without subjectId',
      bad: { metric: 'DC_TOTAL_ENERGY_KWH', subjectKind: 'DATA_CENTER', period: '2024-03', value: 1 },
      field: 'subjectId',
      code: 'REQUIRED',
    },
    { what: 'with period as a number', bad: { ...reading('', 'DC_TOTAL_ENERGY_KWH', '', 1), period: 2024 }, field: 'period', code: 'OUT_OF_RANGE' },
    { what: 'with value true', bad: { ...reading('', 'DC_TOTAL_ENERGY_KWH', '2024-03', 1), value: true }, field: 'value', code: 'OUT_OF_RANGE' },
    { what: 'with an unknown key', bad: { ...reading('', 'DC_TOTAL_ENERGY_KWH', '2024-03', 1), foo: 'bar' }, field: 'foo', code: 'UNKNOWN_FIELD' },
  ])('an NDJSON line $what', ({ bad, field, code }) => {
    const subject = `DC-R-${code}-${field}`;
    // The bad line names the same data centre unless its subjectId is the problem.
    const body = () =>
      ndjson([
        reading(subject, 'DC_TOTAL_ENERGY_KWH', '2024-01', 100),
        'subjectId' in bad ? { ...bad, subjectId: subject } : bad,
        reading(subject, 'DC_TOTAL_ENERGY_KWH', '2024-02', 200),
      ]);
    const problem = { row: 1, field, code, message: expect.stringContaining(field) };

    it('fails an atomic batch as a row problem naming the row and field, writing nothing', async () => {
      const { status, body: summary } = await ingest(body());
      expect(status).toBe(200);
      expect(summary).toMatchObject({ applied: false, received: 3, created: 0, rejected: 1, problems: [problem] });
      expect(await current(subject)).toEqual([]);
    });

    it('with atomic=false writes the two good rows and lists the bad one', async () => {
      const { status, body: summary } = await ingest(body(), { search: { atomic: 'false' } });
      expect(status).toBe(200);
      expect(summary).toMatchObject({ applied: true, received: 3, created: 2, rejected: 1, problems: [problem] });
      expect((await current(subject)).map((r) => [r.period, r.value])).toEqual([
        ['2024-01', 100],
        ['2024-02', 200],
      ]);
    });
  });

  it('lists every field problem of every line of an atomic batch, and writes none of its good rows', async () => {
    const lines = ndjson([
      reading('DC-R-ALL', 'DC_TOTAL_ENERGY_KWH', '2024-01', 100),
      { subjectKind: 'DATA_CENTER', subjectId: 'DC-R-ALL', period: '2024-02', value: 1, site: 'A' },
      { ...reading('DC-R-ALL', 'DC_TOTAL_ENERGY_KWH', '2024-03', 1), subjectId: 7.5, comment: 42 },
    ]);
    const { body } = await ingest(lines);
    expect((body as unknown as Summary).problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'metric', 'REQUIRED'],
      [1, 'site', 'UNKNOWN_FIELD'],
      [2, 'subjectId', 'OUT_OF_RANGE'],
      [2, 'comment', 'OUT_OF_RANGE'],
    ]);
    expect(body).toMatchObject({ applied: false, received: 3, rejected: 2 });
    expect(await current('DC-R-ALL')).toEqual([]);
  });

  it('takes an integer where ObservationInput has an ID, as GraphQL does with the same object as variables', async () => {
    const row = { ...reading('', 'DC_TOTAL_ENERGY_KWH', '2024-04', 321), subjectId: 4217 };
    const bulk = await ingest(ndjson([row]));
    expect(bulk.body).toMatchObject({ applied: true, created: 1, problems: [] });
    expect(await current('4217')).toMatchObject([{ period: '2024-04', value: 321 }]);
    // The same row through the mutation is the same fact: unchanged.
    const mutation = await fed.query<{ submitEnergyObservations: { applied: boolean; unchanged: number } }>(
      'mutation($rows: [ObservationInput!]!) { submitEnergyObservations(rows: $rows) { applied unchanged } }',
      { rows: [row] },
      energyWriter,
    );
    expect(mutation.data?.submitEnergyObservations).toEqual({ applied: true, unchanged: 1 });
  });

  it('reports a CSV column the row does not have, and a required one left out, on every row', async () => {
    // No subjectId column, and a `site` column ObservationInput does not have: both rows carry both problems;
    // `abc` is no amount (NOT_A_NUMBER), as in the mutation.
    const csv = ['metric,subjectKind,period,value,site', 'DC_TOTAL_ENERGY_KWH,DATA_CENTER,2024-01,100,A', 'DC_TOTAL_ENERGY_KWH,DATA_CENTER,2024-02,abc,'].join(
      '\n',
    );
    const { status, body } = await ingest(csv, { type: 'text/csv', search: { atomic: 'false' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, received: 2, created: 0, rejected: 2 });
    expect((body as unknown as Summary).problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [0, 'subjectId', 'REQUIRED'],
      [0, 'site', 'UNKNOWN_FIELD'],
      [1, 'subjectId', 'REQUIRED'],
      [1, 'site', 'UNKNOWN_FIELD'],
    ]);
  });

  it('with atomic=false writes the CSV rows whose cells are fine and lists the one whose value is not a number', async () => {
    const csv = [
      'metric,subjectKind,subjectId,period,value',
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-R-CSV,2024-01,100',
      'DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-R-CSV,2024-02,true',
    ].join('\n');
    const { body } = await ingest(csv, { type: 'text/csv', search: { atomic: 'false' } });
    expect(body).toMatchObject({ applied: true, created: 1, rejected: 1, problems: [{ row: 1, field: 'value', code: 'NOT_A_NUMBER' }] });
    expect((await current('DC-R-CSV')).map((r) => [r.period, r.value])).toEqual([['2024-01', 100]]);
  });

  it('names an unknown key in a form the summary can store (NUL escaped, cut after 64 characters), and `__proto__` as any other', async () => {
    const key = `\u0000${'x'.repeat(100)}`;
    const { status, body } = await ingest(ndjson([{ ...reading('DC-R-KEY', 'DC_TOTAL_ENERGY_KWH', '2024-01', 1), [key]: 1 }]), { search: { atomic: 'false' } });
    expect(status).toBe(200);
    // 64 characters kept: the NUL (shown as the six characters \u0000) and 63 x.
    expect(body).toMatchObject({ applied: true, rejected: 1, problems: [{ row: 0, field: `\\u0000${'x'.repeat(63)}…`, code: 'UNKNOWN_FIELD' }] });
    // A CSV column named __proto__ is a field like any other, not the row's prototype.
    const csv = await ingest('__proto__,metric,subjectKind,subjectId,period,value\nx,DC_TOTAL_ENERGY_KWH,DATA_CENTER,DC-R-KEY,2024-02,1\n', {
      type: 'text/csv',
      search: { atomic: 'false' },
    });
    expect(csv.body).toMatchObject({ applied: true, rejected: 1, problems: [{ row: 0, field: '__proto__', code: 'UNKNOWN_FIELD' }] });
    expect(await current('DC-R-KEY')).toEqual([]);
  });
});
