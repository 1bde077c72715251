import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES, type Agency } from '../../lib/agencies.ts';
import { loadCatalog, observedMetrics } from '../../lib/indicators/catalog.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { dataCenterRow } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';
import type { ImportProblem } from '../support/observations.ts';
import { capitalised } from '../../lib/names.ts';

// What the fuzzing of issue 20 found, one case each, through the gateway of a full federation on
// empty databases: values reads cannot hold, texts the database cannot store, names on the prototype.

let fed: TestFederation;
const writers = {} as Record<Agency, Record<string, string>>;

beforeAll(async () => {
  fed = await startTestFederation();
  for (const agency of AGENCIES) writers[agency] = await bearer(agency, ['writer'], `${agency}-fuzz`);
  // One registered data centre in Chongqing (Yubei, 500112), so energy's and comms' values reach the dashboard.
  await fed.databases.bigdata.db.insert(dataCenter).values([dataCenterRow('DC-CQ-1', { regionCode: '500112', designRacks: 1000 })]);
});
afterAll(() => fed?.stop());

type Problem = ImportProblem;
interface Summary {
  applied: boolean;
  created: number;
  rejected: number;
  problems: Problem[];
}

const PROBLEM_FIELDS = 'applied created rejected problems { row field code message }';
const submitField = (agency: Agency) => `submit${capitalised(agency)}Observations`;

async function submit(
  agency: Agency,
  rows: unknown[],
  options: { atomic?: boolean; dryRun?: boolean } = {},
): Promise<{ summary: Summary | null; errors: unknown[] | undefined }> {
  const field = submitField(agency);
  const response = await fed.query<Record<string, Summary>>(
    `mutation($rows: [ObservationInput!]!, $atomic: Boolean, $dryRun: Boolean) { ${field}(rows: $rows, atomic: $atomic, dryRun: $dryRun) { ${PROBLEM_FIELDS} } }`,
    { rows, atomic: options.atomic ?? true, dryRun: options.dryRun ?? false },
    writers[agency],
  );
  return { summary: response.data?.[field] ?? null, errors: response.errors };
}

const energy = (subjectId: string, period: string, value: number | string, extra: Record<string, unknown> = {}) => ({
  metric: 'DC_TOTAL_ENERGY_KWH',
  subjectKind: 'DATA_CENTER',
  subjectId,
  period,
  value,
  ...extra,
});

describe('values reads cannot hold are refused per row', () => {
  it('refuses 1.7e308 kWh with ABOVE_MAXIMUM, and the dashboard of Chongqing still answers', async () => {
    const { summary, errors } = await submit('energy', [energy('DC-CQ-1', '2024-01', 1.7e308), energy('DC-CQ-1', '2024-02', '1.7e308')], { atomic: false });
    expect(errors).toBeUndefined();
    expect(summary!.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [0, 'value', 'ABOVE_MAXIMUM'],
      [1, 'value', 'ABOVE_MAXIMUM'],
    ]);
    const read = await fed.query(`{ indicatorValues(codes: ["DC_PUE", "DC_RACK_UTILISATION"], regions: ["500000"], years: [2024]) { value } }`);
    expect(read.errors).toBeUndefined();
  });

  it("accepts the catalog's maximum itself: 1e10 kWh in a month (1e10 is DC_TOTAL_ENERGY_KWH's max)", async () => {
    const { summary } = await submit('energy', [energy('DC-CQ-1', '2024-03', 1e10)]);
    expect(summary).toMatchObject({ applied: true, created: 1, rejected: 0 });
  });

  it('refuses racks in use beyond GraphQL Int and beyond the plausible maximum, so reading them back never fails', async () => {
    const racks = (period: string, value: number) => ({ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'DC-CQ-1', period, value });
    // 3,000,000,000 > 2,147,483,647 (Int); 600,000 > 500,000 (RACKS_IN_USE's max in the catalog); 400 is fine.
    const { summary } = await submit('comms', [racks('2022', 3e9), racks('2023', 600_000), racks('2024', 400)], { atomic: false });
    expect(summary!.problems.map((p) => [p.row, p.code])).toEqual([
      [0, 'ABOVE_MAXIMUM'],
      [1, 'ABOVE_MAXIMUM'],
    ]);
    expect(summary!.created).toBe(1);
    const read = await fed.query(`{ dataCenter(id: "DC-CQ-1") { rackUsage { year racksInUse } } }`);
    expect(read.errors).toBeUndefined();
  });
});

describe('texts the database cannot store fail their row, never the batch', () => {
  it('a non-atomic batch with NUL bytes and lone surrogates in every text keeps its good rows', async () => {
    const rows = [
      energy('DC-CQ-2', '2024-01', 10),
      energy('DC-\u0000', '2024-01', 10),
      energy('DC-\ud800', '2024-01', 10),
      { ...energy('DC-CQ-2', '2024-02', 10), metric: 'DC_TOTAL_\u0000ENERGY_KWH' },
      { ...energy('DC-CQ-2', '2024-03', 10), metric: '\udc00' },
      energy('DC-CQ-2', '2024-\u0000', 10),
      energy('DC-CQ-2', '2024-04', 10, { comment: 'meter \ud83d swapped' }),
      energy('DC-CQ-2', '2024-05', '12\u0000'),
      energy('DC-CQ-2', '2024-06', 20),
    ];
    const { summary, errors } = await submit('energy', rows, { atomic: false });
    expect(errors).toBeUndefined();
    expect(summary!.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'subjectId', 'CONTROL_CHARACTERS'],
      [2, 'subjectId', 'INVALID_UNICODE'],
      [3, 'metric', 'CONTROL_CHARACTERS'],
      [4, 'metric', 'INVALID_UNICODE'],
      [5, 'period', 'CONTROL_CHARACTERS'],
      [6, 'comment', 'INVALID_UNICODE'],
      [7, 'value', 'NOT_A_NUMBER'],
    ]);
    expect(summary).toMatchObject({ applied: true, created: 2, rejected: 7 });
    const stored = await fed.databases.energy.db
      .select({ period: energyObservation.period })
      .from(energyObservation)
      .where(and(eq(energyObservation.subjectId, 'DC-CQ-2'), isNull(energyObservation.supersededAt)));
    expect(stored.map((r) => r.period).sort()).toEqual(['2024-01', '2024-06']);
  });

  it('two ids that differ only by a lone surrogate are both refused, so they cannot collide in storage', async () => {
    const { summary } = await submit('energy', [energy('DC-X\ud800', '2024-01', 1), energy('DC-X\ud801', '2024-01', 2)], { atomic: false });
    expect(summary!.problems.map((p) => [p.row, p.code])).toEqual([
      [0, 'INVALID_UNICODE'],
      [1, 'INVALID_UNICODE'],
    ]);
    expect(summary!.created).toBe(0);
  });

  it('refuses an empty or blank subjectId with REQUIRED, in a dry run too', async () => {
    for (const dryRun of [false, true]) {
      const { summary } = await submit('energy', [energy('', '2024-01', 1), energy('   ', '2024-01', 1)], { atomic: false, dryRun });
      expect(summary!.problems.map((p) => [p.row, p.field, p.code])).toEqual([
        [0, 'subjectId', 'REQUIRED'],
        [1, 'subjectId', 'REQUIRED'],
      ]);
    }
    const blank = await fed.databases.energy.db.select().from(energyObservation).where(eq(energyObservation.subjectId, ''));
    expect(blank).toEqual([]);
  });

  it('an atomic batch and a dry run report the same per-row codes for bad text', async () => {
    for (const options of [{ atomic: true }, { atomic: false, dryRun: true }]) {
      const { summary, errors } = await submit(
        'comms',
        [{ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'DC-\u0000', period: '2024', value: 1 }],
        options,
      );
      expect(errors).toBeUndefined();
      expect(summary!.problems).toEqual([expect.objectContaining({ row: 0, field: 'subjectId', code: 'CONTROL_CHARACTERS' })]);
    }
    expect(
      await fed.databases.comms.db
        .select()
        .from(commsObservation)
        .where(eq(commsObservation.subjectId, 'DC-\u0000'.replace('\u0000', ''))),
    ).toEqual([]);
  });
});

describe('register texts the database cannot store fail their row too', () => {
  it('a non-atomic tower batch with a NUL and a lone surrogate in ids and a good row writes the good row', async () => {
    const tower = (id: string) => ({ id, regionCode: '500112', builtYear: 2024, shared: true });
    const response = await fed.query<{ upsertTowers: Summary }>(
      `mutation($rows: [TowerInput!]!) { upsertTowers(rows: $rows, atomic: false) { ${PROBLEM_FIELDS} } }`,
      { rows: [tower('T-\u0000'), tower('T-\ud800'), tower('T-\ud801'), tower('T-OK')] },
      writers.comms,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.upsertTowers.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [0, 'id', 'CONTROL_CHARACTERS'],
      [1, 'id', 'INVALID_UNICODE'],
      [2, 'id', 'INVALID_UNICODE'],
    ]);
    expect(response.data!.upsertTowers).toMatchObject({ applied: true, created: 1 });
  });
});

describe('one list of metrics', () => {
  it('names the owner of every observed metric of every agency with METRIC_NOT_OWNED', async () => {
    const { metrics } = loadCatalog();
    for (const receiver of AGENCIES) {
      const foreign = [...metrics.values()].filter((m) => m.observation && m.owner !== receiver);
      const rows = foreign.map((m) => ({ metric: m.code, subjectKind: m.subject, subjectId: 'X', period: '2024', value: 1 }));
      const { summary } = await submit(receiver, rows, { atomic: false, dryRun: true });
      expect(summary!.problems.map((p) => [p.row, p.code])).toEqual(foreign.map((_, row) => [row, 'METRIC_NOT_OWNED']));
      summary!.problems.forEach((p, row) => expect(p.message).toContain(submitField(foreign[row]!.owner)));
    }
  });

  it('treats names on the object prototype as unknown metrics', async () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    for (const agency of AGENCIES) {
      const rows = names.map((metric) => ({ metric, subjectKind: 'REGION', subjectId: '500112', period: '2024', value: 1 }));
      const { summary, errors } = await submit(agency, rows, { atomic: false, dryRun: true });
      expect(errors).toBeUndefined();
      expect(summary!.problems.map((p) => p.code)).toEqual(names.map(() => 'UNKNOWN_METRIC'));
    }
  });

  it("lists in an UNKNOWN_METRIC message exactly the agency's observed metrics from the catalog", async () => {
    const { summary } = await submit('energy', [{ metric: 'DC_RENEWABLE_KWH', subjectKind: 'DATA_CENTER', subjectId: 'DC-CQ-1', period: '2024', value: 1 }], {
      dryRun: true,
    });
    // DC_RENEWABLE_KWH is the catalog's sum; energy takes its three parts.
    expect(summary!.problems[0]).toMatchObject({ code: 'UNKNOWN_METRIC' });
    for (const metric of observedMetrics('energy')) expect(summary!.problems[0]!.message).toContain(metric.code);
  });

  it('says in a missing message which code the writer must send', async () => {
    const response = await fed.query<{ indicatorValues: { missing: { metric: string; message: string }[] }[] }>(
      `{ indicatorValues(codes: ["DC_RENEWABLE_RATE"], regions: ["500112"], years: [2024]) { missing { metric message } } }`,
    );
    expect(response.errors).toBeUndefined();
    const renewable = response.data!.indicatorValues[0]!.missing.find((m) => m.metric === 'DC_RENEWABLE_KWH');
    expect(renewable?.message).toContain('DC_RENEWABLE_GREEN_POWER_KWH');
  });
});
