import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../lib/auth/tokens.ts';
import { makeUscc } from '../../lib/uscc.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';

// Corrections through energy's mutation, read back through the whole federation: the indicator value
// changes, and `asOf` reproduces it as it stood before. Expected PUEs are worked out from the rows sent.

let fed: TestFederation;
let writer: Record<string, string>;
beforeAll(async () => {
  fed = await startTestFederation();
  writer = { authorization: `Bearer ${await mintToken({ subject: 'energy-metering', agency: 'energy', roles: ['writer'] })}` };
  // One new large data centre in 璧山 (500120): the only member of NEW_LARGE_DC_PUE's population there.
  await fed.databases.bigdata.db.insert(dataCenter).values({
    id: 'DC-ASOF',
    nameZh: '测试数据中心',
    operatorUscc: makeUscc('500120', '00000099'),
    regionCode: '500120',
    commissionedOn: '2021-03-01',
    status: 'OPERATING',
    designRacks: 4000,
    buildType: 'NEW',
  });
});
afterAll(() => fed?.stop());

const SUBMIT = `mutation($rows: [ObservationInput!]!) {
  submitEnergyObservations(rows: $rows) { applied created updated rejected recordedAt problems { row field code message } }
}`;
type Summary = {
  applied: boolean;
  created: number;
  updated: number;
  rejected: number;
  recordedAt: string | null;
  problems: { row: number; field: string; code: string; message: string }[];
};
const submit = async (rows: unknown[]) => {
  const response = await fed.query<{ submitEnergyObservations: Summary }>(SUBMIT, { rows }, writer);
  expect(response.errors).toBeUndefined();
  return response.data!.submitEnergyObservations;
};
const meter = (metric: string, subjectId: string, period: string, value: number | string) => ({ metric, subjectKind: 'DATA_CENTER', subjectId, period, value });
const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);

const PUE = `query($asOf: DateTime) {
  indicatorValues(codes: ["NEW_LARGE_DC_PUE"], regions: ["500120"], years: [2024], asOf: $asOf) { value numerator denominator missing { metric } }
}`;
const pue = async (asOf?: string) => {
  // As a report generator reads it: with the reader role, since one data centre's aggregate is confidential.
  const response = await fed.query<{ indicatorValues: { value: number | null; numerator: number | null; denominator: number | null }[] }>(
    PUE,
    asOf ? { asOf } : {},
  );
  expect(response.errors).toBeUndefined();
  return response.data!.indicatorValues[0]!;
};

describe('as-of reads through the federation', () => {
  it('a corrected meter reading changes PUE now, and asOf gives the value as published before', async () => {
    // 12 months of 1,300 kWh total and 1,000 kWh IT: PUE = 15,600 ÷ 12,000 = 1.3.
    const first = await submit(months.flatMap((m) => [meter('DC_TOTAL_ENERGY_KWH', 'DC-ASOF', m, 1300), meter('DC_IT_ENERGY_KWH', 'DC-ASOF', m, 1000)]));
    expect(first).toMatchObject({ applied: true, created: 24 });
    // June's total corrected to 1,900: Σ total = 15,600 + 600 = 16,200, PUE = 16,200 ÷ 12,000 = 1.35.
    const correction = await submit([meter('DC_TOTAL_ENERGY_KWH', 'DC-ASOF', '2024-06', 1900)]);
    expect(correction).toMatchObject({ applied: true, updated: 1 });

    expect(await pue()).toMatchObject({ numerator: 16_200, denominator: 12_000 });
    expect((await pue()).value).toBeCloseTo(1.35, 12);
    const published = await pue(first.recordedAt!);
    expect(published).toMatchObject({ numerator: 15_600, denominator: 12_000 });
    expect(published.value).toBeCloseTo(1.3, 12);
    const before = await pue(new Date(Date.parse(first.recordedAt!) - 1).toISOString());
    expect(before.value).toBeNull();
  });
});

describe('an as-of that names no instant', () => {
  it('30 February is refused with the DateTime error instead of being read as 1 March', async () => {
    const response = await fed.query<{ indicatorValues: unknown }>(PUE, { asOf: '2024-02-30T00:00:00Z' });
    expect(response.data?.indicatorValues ?? null).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/A DateTime is an ISO 8601 instant with a zone.*got "2024-02-30T00:00:00Z"/) as string,
        extensions: expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as object,
      }),
    ]);
  });
});

describe('an as-of that has not happened yet', () => {
  // A figure "as it stood" at an instant to come could still change: a report stamped with it would not be reproducible.
  const FUTURE = new Date(Date.now() + 365 * 86_400_000).toISOString();
  it.each([
    ['indicatorValues', '{ indicatorValues(codes: ["DC_PUE"], regions: ["500000"], years: [2024], asOf: $asOf) { value } }'],
    ['indicatorCube', '{ indicatorCube(codes: ["DC_PUE"], regions: ["500000"], years: [2024], asOf: $asOf) { values } }'],
    ['commsObservations', '{ commsObservations(subjectKind: REGION, asOf: $asOf) { nodes { value } } }'],
    ['energyObservations', '{ energyObservations(metric: "TELECOM_ENERGY_TCE", asOf: $asOf) { nodes { value } } }'],
  ])('is refused by %s, naming the argument', async (field, selection) => {
    const response = await fed.query<Record<string, unknown>>(`query($asOf: DateTime) ${selection}`, { asOf: FUTURE });
    expect(response.data?.[field] ?? null).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('lies in the future') as string,
        extensions: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'asOf' }) as object,
      }),
    ]);
  });

  it('an instant just past is served', async () => {
    const response = await fed.query<{ indicatorValues: unknown[] }>(PUE, { asOf: new Date(Date.now() - 1_000).toISOString() });
    expect(response.errors).toBeUndefined();
  });
});

describe('as-of reads of region facts from two agencies', () => {
  it('a corrected traffic figure changes the energy-per-traffic decrease; asOf gives it as published', async () => {
    const commsWriter = { authorization: `Bearer ${await mintToken({ subject: 'comms-traffic', agency: 'comms', roles: ['writer'] })}` };
    const region = (metric: string, period: string, value: number) => ({ metric, subjectKind: 'REGION', subjectId: '500101', period, value });
    const sendComms = async (rows: unknown[]) => {
      const response = await fed.query<{ submitCommsObservations: Summary }>(
        SUBMIT.replace('submitEnergyObservations', 'submitCommsObservations'),
        { rows },
        commsWriter,
      );
      expect(response.errors).toBeUndefined();
      return response.data!.submitCommsObservations;
    };
    // E = telecom energy (tce, energy), T = traffic (GB, comms) for 万州 (500101), a county: its own only county.
    await submit([region('TELECOM_ENERGY_TCE', '2020', 100), region('TELECOM_ENERGY_TCE', '2024', 80)]);
    const published = await sendComms([region('INFORMATION_TRAFFIC_GB', '2020', 1000), region('INFORMATION_TRAFFIC_GB', '2024', 1000)]);
    // 1 − (80 / 1000) ÷ (100 / 1000) = 1 − 0.8 = 0.2
    const decrease = async (asOf?: string) => {
      const response = await fed.query<{ indicatorValues: { value: number | null }[] }>(
        `query($asOf: DateTime) { indicatorValues(codes: ["ICT_TRAFFIC_ENERGY_DECREASE"], regions: ["500101"], years: [2024], asOf: $asOf) { value } }`,
        asOf ? { asOf } : {},
        {},
      );
      expect(response.errors).toBeUndefined();
      return response.data!.indicatorValues[0]!.value;
    };
    expect(await decrease()).toBeCloseTo(0.2, 12);
    // 2024 traffic corrected to 2,000 GB: 1 − (80 / 2000) ÷ (100 / 1000) = 1 − 0.4 = 0.6
    await sendComms([region('INFORMATION_TRAFFIC_GB', '2024', 2000)]);
    expect(await decrease()).toBeCloseTo(0.6, 12);
    expect(await decrease(published.recordedAt!)).toBeCloseTo(0.2, 12);
  });
});

describe('as-of reads of the data-centre register', () => {
  it('a register correction changes rack utilisation now; asOf gives it with the register as it stood', async () => {
    const token = (agency: 'bigdata' | 'comms', subject: string) =>
      mintToken({ subject, agency, roles: ['writer'] }).then((t) => ({ authorization: `Bearer ${t}` }));
    const [bigdataWriter, commsWriter] = await Promise.all([token('bigdata', 'bigdata-register'), token('comms', 'comms-racks')]);
    const write = async (mutation: string, input: string, rows: unknown[], headers: Record<string, string>) => {
      const response = await fed.query<Record<string, Summary>>(
        `mutation($rows: [${input}!]!) { ${mutation}(rows: $rows) { applied created updated rejected recordedAt problems { row field code message } } }`,
        { rows },
        headers,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data![mutation]!.problems).toEqual([]);
      return response.data![mutation]!;
    };
    const dc = (id: string, designRacks: number, clusterId: string | null) => ({
      id,
      nameZh: `${id}号数据中心`,
      operatorUscc: makeUscc('500112', '00000098'),
      regionCode: '500112',
      latitude: 29.72,
      longitude: 106.63,
      commissionedOn: '2020-06-01',
      status: 'OPERATING',
      designRacks,
      clusterId,
    });
    // A cluster of this test's own, so its two data centres are the whole population.
    await write(
      'upsertClusters',
      'DataCenterClusterInput',
      [{ id: 'T_ASOF', nameZh: '测试集群', nameEn: 'Test cluster', provinceCode: '500000' }],
      bigdataWriter,
    );
    await write('upsertDataCenters', 'DataCenterInput', [dc('DC-ASOF-A', 1000, 'T_ASOF'), dc('DC-ASOF-B', 1000, 'T_ASOF')], bigdataWriter);
    const inUse = (id: string, racks: number) => ({ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: id, period: '2024', value: racks });
    const published = await write('submitCommsObservations', 'ObservationInput', [inUse('DC-ASOF-A', 600), inUse('DC-ASOF-B', 300)], commsWriter);
    // Then bigdata corrects A's registered racks to 1,500 and finds B was never in the cluster.
    await write('upsertDataCenters', 'DataCenterInput', [dc('DC-ASOF-A', 1500, 'T_ASOF'), dc('DC-ASOF-B', 1000, null)], bigdataWriter);

    const utilisation = async (asOf?: string) => {
      const response = await fed.query<{ clusterIndicatorValues: { value: number | null; numerator: number | null; denominator: number | null }[] }>(
        `query($asOf: DateTime) { clusterIndicatorValues(codes: ["DC_RACK_UTILISATION"], clusters: ["T_ASOF"], years: [2024], asOf: $asOf) { value numerator denominator } }`,
        asOf ? { asOf } : {},
      );
      expect(response.errors).toBeUndefined();
      return response.data!.clusterIndicatorValues[0]!;
    };
    // Now: A alone, 600 ÷ 1,500 = 0.4.
    expect(await utilisation()).toMatchObject({ numerator: 600, denominator: 1500 });
    expect((await utilisation())!.value).toBeCloseTo(0.4, 12);
    // As published: A and B, (600 + 300) ÷ (1,000 + 1,000) = 0.45.
    const then = await utilisation(published.recordedAt!);
    expect(then).toMatchObject({ numerator: 900, denominator: 2000 });
    expect(then.value).toBeCloseTo(0.45, 12);
  });
});

describe('energy-specific validation', () => {
  it('rejects IT energy above total energy, within a batch and against the stored total', async () => {
    const inBatch = await submit([meter('DC_TOTAL_ENERGY_KWH', 'DC-ASOF', '2023-01', 1000), meter('DC_IT_ENERGY_KWH', 'DC-ASOF', '2023-01', 1200)]);
    expect(inBatch.applied).toBe(false);
    expect(inBatch.problems).toEqual([expect.objectContaining({ row: 1, field: 'value', code: 'IT_ENERGY_ABOVE_TOTAL' })]);
    // The 2024-03 total stored above is 1,300.
    const againstStored = await submit([meter('DC_IT_ENERGY_KWH', 'DC-ASOF', '2024-03', 1300.5)]);
    expect(againstStored.problems).toEqual([expect.objectContaining({ row: 0, code: 'IT_ENERGY_ABOVE_TOTAL', message: expect.stringContaining('stored') })]);
    const equal = await submit([meter('DC_IT_ENERGY_KWH', 'DC-ASOF', '2024-03', 1300)]);
    expect(equal).toMatchObject({ applied: true, updated: 1 });
  });

  it('rejects an enterprise figure under a malformed USCC', async () => {
    const good = makeUscc('500112', '00000042');
    const wrongCheck = `${good.slice(0, 17)}${good.at(-1) === '0' ? '1' : '0'}`;
    const summary = await submit([
      { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: good, period: '2024', value: 6000 },
      { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: wrongCheck, period: '2024', value: 6000 },
      { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: 'SHORT', period: '2024', value: 6000 },
      { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: `${good.slice(0, 16)}I${good.at(-1)}`, period: '2024', value: 6000 },
    ]);
    expect(summary.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'subjectId', 'INVALID_USCC'],
      [2, 'subjectId', 'INVALID_USCC'],
      [3, 'subjectId', 'INVALID_USCC'],
    ]);
  });
});
