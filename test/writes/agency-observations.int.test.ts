import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../lib/agencies.ts';
import { makeUscc } from '../../lib/uscc.ts';
import { dataCenter, observation as bigdataObservation } from '../../subgraphs/bigdata/tables.ts';
import { enterprise, observation as econObservation } from '../../subgraphs/econ/tables.ts';
import { pvInstallation } from '../../subgraphs/energy/tables.ts';
import { dataCenterRow } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// bigdata's and econ's observation write paths (RACKS_RETIRED, USABLE_ROOFS) through the gateway of a
// full federation, down to the indicator values that read them. Expected numbers come from the rows
// each test sends and the register rows written below; stored state is read back with SQL.

let fed: TestFederation;
const writers = {} as Record<'bigdata' | 'econ', Record<string, string>>;

// econ's enterprises in Xuhui (310104): two in ROOFTOP_PV_RATIO's population, one OTHER that is not.
const X1 = makeUscc('310104', '00000101');
const X2 = makeUscc('310104', '00000102');
const X3 = makeUscc('310104', '00000103');
/** Well-formed, but not in econ's register. */
const UNREGISTERED = makeUscc('310104', '00000999');
/** X1 with a wrong check character (GB 32100). */
const BAD_CHECK = X1.slice(0, 17) + (X1.charAt(17) === '0' ? '1' : '0');

beforeAll(async () => {
  fed = await startTestFederation();
  writers.bigdata = await bearer('bigdata', ['writer'], 'bigdata-dc-platform');
  writers.econ = await bearer('econ', ['writer'], 'econ-roof-survey');

  // bigdata's register. Wanzhou (500101) for the round trip and validation; Fuling (500102) for the indicator.
  await fed.databases.bigdata.db
    .insert(dataCenter)
    .values([
      dataCenterRow('DC-W1', { regionCode: '500101', designRacks: 1000 }),
      dataCenterRow('DC-W2', { regionCode: '500101', designRacks: 500 }),
      dataCenterRow('DC-F1', { regionCode: '500102', designRacks: 800 }),
      dataCenterRow('DC-F2', { regionCode: '500102', designRacks: 300 }),
    ]);

  await fed.databases.econ.db.insert(enterprise).values([
    { uscc: X1, nameZh: '徐汇测试制造有限公司', regionCode: '310104', sector: 'MANUFACTURING' },
    { uscc: X2, nameZh: '徐汇测试通信有限公司', regionCode: '310104', sector: 'TELECOM' },
    { uscc: X3, nameZh: '徐汇测试商贸有限公司', regionCode: '310104', sector: 'OTHER' },
  ]);
  // energy's PV register: by the end of 2024, X1 has PV on 2 roofs and X2 on 1 (X3 is outside the population).
  await fed.databases.energy.db.insert(pvInstallation).values([
    { id: 'PV-X1-A', regionCode: '310104', enterpriseUscc: X1, capacityKw: 200, commissionedOn: '2023-03-01', onRoof: true },
    { id: 'PV-X1-B', regionCode: '310104', enterpriseUscc: X1, capacityKw: 150, commissionedOn: '2024-05-01', onRoof: true },
    { id: 'PV-X2-A', regionCode: '310104', enterpriseUscc: X2, capacityKw: 100, commissionedOn: '2022-01-01', onRoof: true },
    { id: 'PV-X3-A', regionCode: '310104', enterpriseUscc: X3, capacityKw: 100, commissionedOn: '2022-01-01', onRoof: true },
  ]);
});
afterAll(() => fed?.stop());

interface Summary {
  applied: boolean;
  received: number;
  created: number;
  updated: number;
  deleted: number;
  rejected: number;
  recordedAt: string | null;
  batchId: string | null;
  problems: { row: number; field: string; code: string; message: string }[];
}

const MUTATION = { bigdata: 'submitBigdataObservations', econ: 'submitEconObservations' } as const;

async function submit(
  agency: 'bigdata' | 'econ',
  rows: unknown[],
  options: { strategy?: string; atomic?: boolean } = {},
  auth: Record<string, string> = writers[agency],
) {
  const field = MUTATION[agency];
  return fed.query<Record<string, Summary | null>>(
    `mutation($rows: [ObservationInput!]!, $strategy: WriteStrategy, $atomic: Boolean) {
      ${field}(rows: $rows, strategy: $strategy, atomic: $atomic) { applied received created updated deleted rejected recordedAt batchId problems { row field code message } }
    }`,
    { rows, ...options },
    auth,
  );
}

async function submitOk(agency: 'bigdata' | 'econ', rows: unknown[], options: { strategy?: string; atomic?: boolean } = {}): Promise<Summary> {
  const response = await submit(agency, rows, options);
  expect(response.errors).toBeUndefined();
  return response.data![MUTATION[agency]]!;
}

const retired = (subjectId: string, period: string, value: unknown, status?: string) => ({
  metric: 'RACKS_RETIRED',
  subjectKind: 'DATA_CENTER',
  subjectId,
  period,
  value,
  ...(status ? { status } : {}),
});
const roofs = (subjectId: string, period: string, value: unknown, status?: string) => ({
  metric: 'USABLE_ROOFS',
  subjectKind: 'ENTERPRISE',
  subjectId,
  period,
  value,
  ...(status ? { status } : {}),
});

/** Current (non-deleted) values of one metric per subject and period, straight from an agency's table. */
async function stored(agency: 'bigdata' | 'econ', metric: string, subjectIds: string[]): Promise<Record<string, number>> {
  const t = agency === 'bigdata' ? bigdataObservation : econObservation;
  const rows = await fed.databases[agency].db
    .select({ subjectId: t.subjectId, period: t.period, value: t.value, deleted: t.deleted })
    .from(t)
    .where(and(eq(t.metric, metric), isNull(t.supersededAt)));
  return Object.fromEntries(rows.filter((r) => subjectIds.includes(r.subjectId) && !r.deleted).map((r) => [`${r.subjectId} ${r.period}`, r.value]));
}

interface IndicatorValue {
  value: number | null;
  status: string | null;
  missing: { metric: string; agency: string | null; year: number }[];
}

async function indicator(code: string, region: string, year: number, asOf?: string): Promise<IndicatorValue> {
  const response = await fed.query<{ indicatorValues: IndicatorValue[] }>(
    `query($codes: [ID!], $regions: [ID!]!, $years: [Int!]!, $asOf: DateTime) {
      indicatorValues(codes: $codes, regions: $regions, years: $years, asOf: $asOf) { value status missing { metric agency year } }
    }`,
    { codes: [code], regions: [region], years: [year], ...(asOf ? { asOf } : {}) },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.indicatorValues[0]!;
}

describe('submitBigdataObservations: racks retired per data centre', () => {
  it('records a batch, readable with SQL, through bigdataObservations and on the data centre', async () => {
    const summary = await submitOk('bigdata', [retired('DC-W1', '2022', 120), retired('DC-W1', '2024', 40, 'PROVISIONAL'), retired('DC-W2', '2023', 30)]);
    expect(summary).toMatchObject({ applied: true, received: 3, created: 3, updated: 0, rejected: 0, problems: [] });

    expect(await stored('bigdata', 'RACKS_RETIRED', ['DC-W1', 'DC-W2'])).toEqual({ 'DC-W1 2022': 120, 'DC-W1 2024': 40, 'DC-W2 2023': 30 });

    const read = await fed.query<{ bigdataObservations: { nodes: Record<string, unknown>[] } }>(
      `{ bigdataObservations(metric: "RACKS_RETIRED", subjectId: "DC-W1") { nodes { metric subjectKind subjectId period value status author authorAgency batchId } } }`,
    );
    expect(read.errors).toBeUndefined();
    const stamp = {
      metric: 'RACKS_RETIRED',
      subjectKind: 'DATA_CENTER',
      subjectId: 'DC-W1',
      author: 'bigdata-dc-platform',
      authorAgency: 'bigdata',
      batchId: summary.batchId,
    };
    expect(read.data!.bigdataObservations.nodes).toEqual([
      { ...stamp, period: '2022', value: 120, status: 'FINAL' },
      { ...stamp, period: '2024', value: 40, status: 'PROVISIONAL' },
    ]);

    const dc = await fed.query<{ dataCenter: Record<string, unknown> }>(
      `{ dataCenter(id: "DC-W1") { rackRetirements { year racks status } years(from: 2022, to: 2023) { year racksRetired } } }`,
    );
    expect(dc.errors).toBeUndefined();
    expect(dc.data!.dataCenter).toEqual({
      rackRetirements: [
        { year: 2022, racks: 120, status: 'FINAL' },
        { year: 2024, racks: 40, status: 'PROVISIONAL' },
      ],
      years: [
        { year: 2022, racksRetired: 120 },
        { year: 2023, racksRetired: 0 },
      ],
    });
  });

  it('rejects a data centre the register does not hold and more racks than it was registered with, naming row and field', async () => {
    const before = await stored('bigdata', 'RACKS_RETIRED', ['DC-W2', 'DC-NOPE']);
    // DC-W2 is registered with 500 racks: 500 is the most it can retire in a year.
    const rows = [retired('DC-W2', '2021', 500), retired('DC-NOPE', '2021', 5), retired('DC-W2', '2022', 501)];
    const summary = await submitOk('bigdata', rows);
    expect(summary).toMatchObject({ applied: false, created: 0, rejected: 2 });
    expect(summary.problems.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 1, field: 'subjectId', code: 'UNKNOWN_DATA_CENTER' },
      { row: 2, field: 'value', code: 'RACKS_ABOVE_REGISTERED' },
    ]);
    expect(summary.problems[1]!.message).toMatch(/501.*500/);
    expect(await stored('bigdata', 'RACKS_RETIRED', ['DC-W2', 'DC-NOPE'])).toEqual(before);

    // Without atomicity the good row goes in and the two others are reported again.
    const partial = await submitOk('bigdata', rows, { atomic: false });
    expect(partial).toMatchObject({ applied: true, created: 1, rejected: 2 });
    expect(await stored('bigdata', 'RACKS_RETIRED', ['DC-W2', 'DC-NOPE'])).toEqual({ ...before, 'DC-W2 2021': 500 });
  });

  it('takes only its own metric, and only from a bigdata writer', async () => {
    const summary = await submitOk('bigdata', [roofs(X1, '2024', 1)]);
    expect(summary.problems).toEqual([expect.objectContaining({ row: 0, field: 'metric', code: 'METRIC_NOT_OWNED' })]);
    const econWriter = await submit('bigdata', [retired('DC-W1', '2021', 1)], {}, writers.econ);
    expect(econWriter.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('DC_RACKS_RETIRED follows a correction, and as of before it still gives the published value', async () => {
    // Fuling: F1 retired 100 (2021) and 60 (2023), F2 25 (2024, provisional) and 10 in 2020, before the indicator's 2021 start.
    const first = await submitOk('bigdata', [
      retired('DC-F1', '2021', 100),
      retired('DC-F1', '2023', 60),
      retired('DC-F2', '2024', 25, 'PROVISIONAL'),
      retired('DC-F2', '2020', 10),
    ]);
    expect(first.created).toBe(4);
    const published = await indicator('DC_RACKS_RETIRED', '500102', 2024);
    expect(published).toMatchObject({ value: 100 + 60 + 25, status: 'PROVISIONAL' });

    // F1's 2023 figure is corrected to 80 and F2's 2024 one confirmed.
    const correction = await submitOk('bigdata', [retired('DC-F1', '2023', 80), retired('DC-F2', '2024', 25, 'FINAL')], { strategy: 'UPDATE' });
    expect(correction).toMatchObject({ applied: true, updated: 2 });
    expect(await indicator('DC_RACKS_RETIRED', '500102', 2024)).toMatchObject({ value: 100 + 80 + 25, status: 'FINAL' });
    // 2023 counts 2021–2023 only.
    expect((await indicator('DC_RACKS_RETIRED', '500102', 2023)).value).toBe(100 + 80);

    // The report as published before the correction is reproducible.
    expect(await indicator('DC_RACKS_RETIRED', '500102', 2024, first.recordedAt!)).toMatchObject({ value: 100 + 60 + 25, status: 'PROVISIONAL' });

    // Withdrawing F1's 2021 report takes it out of the sum.
    const withdrawn = await submitOk('bigdata', [{ metric: 'RACKS_RETIRED', subjectKind: 'DATA_CENTER', subjectId: 'DC-F1', period: '2021' }], {
      strategy: 'DELETE',
    });
    expect(withdrawn.deleted).toBe(1);
    expect((await indicator('DC_RACKS_RETIRED', '500102', 2024)).value).toBe(80 + 25);
  });
});

describe('submitEconObservations: usable roofs per enterprise', () => {
  it('records a batch, readable with SQL, through econObservations and on the enterprise and its years', async () => {
    const summary = await submitOk('econ', [roofs(X3, '2023', 1), roofs(X3, '2024', 2)]);
    expect(summary).toMatchObject({ applied: true, received: 2, created: 2, rejected: 0 });
    expect(await stored('econ', 'USABLE_ROOFS', [X3])).toEqual({ [`${X3} 2023`]: 1, [`${X3} 2024`]: 2 });

    const read = await fed.query<{ econObservations: { nodes: Record<string, unknown>[] } }>(
      `query($id: ID) { econObservations(metric: "USABLE_ROOFS", subjectId: $id) { nodes { subjectKind period value author batchId } } }`,
      { id: X3 },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.econObservations.nodes).toEqual([
      { subjectKind: 'ENTERPRISE', period: '2023', value: 1, author: 'econ-roof-survey', batchId: summary.batchId },
      { subjectKind: 'ENTERPRISE', period: '2024', value: 2, author: 'econ-roof-survey', batchId: summary.batchId },
    ]);

    const ent = await fed.query<{ enterprise: Record<string, unknown> }>(
      `query($id: ID!) { enterprise(uscc: $id) { usableRoofs y2022: year(year: 2022) { usableRoofs } y2023: year(year: 2023) { usableRoofs } } }`,
      { id: X3 },
    );
    expect(ent.errors).toBeUndefined();
    // The enterprise shows its latest report (2024); a year it did not report is null, not 0.
    expect(ent.data!.enterprise).toEqual({ usableRoofs: 2, y2022: { usableRoofs: null }, y2023: { usableRoofs: 1 } });
  });

  it('rejects an unregistered enterprise and a malformed credit code, naming row and field', async () => {
    const before = await stored('econ', 'USABLE_ROOFS', [X3, UNREGISTERED, BAD_CHECK]);
    const summary = await submitOk('econ', [
      roofs(X3, '2022', 1),
      roofs(UNREGISTERED, '2024', 3),
      roofs(BAD_CHECK, '2024', 3),
      roofs('91310104ABC', '2024', 3),
    ]);
    expect(summary).toMatchObject({ applied: false, rejected: 3 });
    expect(summary.problems.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 1, field: 'subjectId', code: 'UNKNOWN_ENTERPRISE' },
      { row: 2, field: 'subjectId', code: 'INVALID_USCC' },
      { row: 3, field: 'subjectId', code: 'INVALID_USCC' },
    ]);
    expect(summary.problems[1]!.message).toMatch(/check character/);
    expect(summary.problems[2]!.message).toMatch(/18 characters/);
    expect(await stored('econ', 'USABLE_ROOFS', [X3, UNREGISTERED, BAD_CHECK])).toEqual(before);
  });

  it('takes whole numbers of roofs only, and not the metrics of other agencies', async () => {
    const summary = await submitOk('econ', [roofs(X3, '2022', 1.5), retired('DC-W1', '2022', 1)]);
    expect(summary.problems.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 0, field: 'value', code: 'OUT_OF_RANGE' },
      // RACKS_RETIRED is bigdata's (catalog/metrics.yaml): the message sends the writer there.
      { row: 1, field: 'metric', code: 'METRIC_NOT_OWNED' },
    ]);
    expect(summary.problems[1]!.message).toContain('submitBigdataObservations');
  });

  it('ROOFTOP_PV_RATIO is unknown until every enterprise reported its roofs, then follows a correction', async () => {
    // Nothing reported for X1 and X2 in 2024 yet: the denominator is unknown, not zero.
    const unknown = await indicator('ROOFTOP_PV_RATIO', '310104', 2024);
    expect(unknown.value).toBeNull();
    expect(unknown.missing).toContainEqual(expect.objectContaining({ metric: 'USABLE_ROOFS', agency: 'econ', year: 2024 }));

    // Roofs with PV at the end of 2024: X1 2, X2 1 = 3. Usable roofs: X1 4 + X2 2 = 6 (X3 is OTHER, outside the population).
    const first = await submitOk('econ', [roofs(X1, '2024', 4), roofs(X2, '2024', 2)]);
    expect(first.created).toBe(2);
    expect((await indicator('ROOFTOP_PV_RATIO', '310104', 2024)).value).toBeCloseTo(3 / 6, 12);

    // The survey is corrected: X1 has 10 usable roofs.
    const correction = await submitOk('econ', [roofs(X1, '2024', 10)]);
    expect(correction).toMatchObject({ updated: 1, created: 0 });
    expect((await indicator('ROOFTOP_PV_RATIO', '310104', 2024)).value).toBeCloseTo(3 / 12, 12);
    expect((await indicator('ROOFTOP_PV_RATIO', '310104', 2024, first.recordedAt!)).value).toBeCloseTo(3 / 6, 12);
  });
});

describe('who may write', () => {
  it.each<[Agency | null, 'bigdata' | 'econ', string]>([
    [null, 'econ', 'UNAUTHENTICATED'],
    ['bigdata', 'econ', 'FORBIDDEN'],
  ])('refuses a %s token on %s with %s, writing nothing', async (agency, target, code) => {
    const before = await stored('econ', 'USABLE_ROOFS', [X2]);
    const response = await submit(target, [roofs(X2, '2023', 9)], {}, agency === null ? {} : await bearer(agency, ['writer']));
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(await stored('econ', 'USABLE_ROOFS', [X2])).toEqual(before);
  });

  it('a provisional roof count makes ROOFTOP_PV_RATIO provisional until it is reported final', async () => {
    await submitOk('econ', [roofs(X1, '2023', 4, 'PROVISIONAL'), roofs(X2, '2023', 2, 'FINAL')]);
    // Roofs with PV come from energy's installation register: final by nature, so econ's survey decides.
    expect(await indicator('ROOFTOP_PV_RATIO', '310104', 2023)).toMatchObject({ status: 'PROVISIONAL' });
    await submitOk('econ', [roofs(X1, '2023', 4, 'FINAL')]);
    expect(await indicator('ROOFTOP_PV_RATIO', '310104', 2023)).toMatchObject({ status: 'FINAL' });
  });
});
