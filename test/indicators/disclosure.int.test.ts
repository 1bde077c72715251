import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../lib/uscc.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { monthlyRows, observationRow as obs } from '../support/observations.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';
import { writeFixtures } from './fixtures.ts';

// Statistical disclosure control: an aggregate of unit-level data over fewer than DISCLOSURE_MIN_UNITS
// (default 3) units is confidential. The shared fixtures put two data centres in 500101 (C, D) and four in
// Chongqing; this file adds 渝中 (500103): P1 and P2 since 2020, P3 since March 2024, so 2023 has two
// units and 2024 three.
let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  const dc = (id: string, commissionedOn: string, designRacks: number) => ({
    id,
    nameZh: id,
    operatorUscc: makeUscc('500103', '00000077'),
    regionCode: '500103',
    commissionedOn,
    status: 'OPERATING' as const,
    designRacks,
    buildType: 'EXISTING' as const,
  });
  await fed.databases.bigdata.db.insert(dataCenter).values([dc('P1', '2020-01-01', 100), dc('P2', '2020-01-01', 1000), dc('P3', '2024-03-01', 1000)]);
  // Each year's figure read in June, 0 kWh in the other months in service (P3's from March 2024), so the meters cover them.
  const meters = (id: string, year: number, total: number, it: number, from = 1) => [
    ...monthlyRows('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', id, year, { 6: total }, { from }),
    ...monthlyRows('DC_IT_ENERGY_KWH', 'DATA_CENTER', id, year, { 6: it }, { from }),
  ];
  await fed.databases.energy.db
    .insert(energyObservation)
    .values([
      ...meters('P1', 2023, 130, 100),
      ...meters('P2', 2023, 260, 200),
      ...meters('P1', 2024, 150, 100),
      ...meters('P2', 2024, 240, 200),
      ...meters('P3', 2024, 150, 100, 3),
    ]);
  // P1 reports more racks in use than bigdata registered (150 of 100): a quality flag naming it.
  await fed.databases.comms.db
    .insert(commsObservation)
    .values([
      obs('RACKS_IN_USE', 'DATA_CENTER', 'P1', '2024', 150),
      obs('RACKS_IN_USE', 'DATA_CENTER', 'P2', '2024', 500),
      obs('RACKS_IN_USE', 'DATA_CENTER', 'P3', '2024', 350),
    ]);
});
afterAll(() => fed?.stop());

interface Value {
  scopeId: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meetsTarget: boolean | null;
  gapToTarget: number | null;
  change: number | null;
  confidentiality: string;
  inputs: { metric: { code: string; unitLevel: boolean }; value: number | null; units: number | null }[];
  missing: { metric: string; agency: string | null; year: number; units: number | null; message: string }[];
  qualityFlags: { code: string; message: string }[];
}

const FIELDS = `scopeId year value numerator denominator meetsTarget gapToTarget change confidentiality
  inputs { metric { code unitLevel } value units } missing { metric agency year units message } qualityFlags { code message }`;

async function values(code: string, regions: string[], year: number, headers: Record<string, string>, on = fed): Promise<Value[]> {
  const res = await on.query<{ indicatorValues: Value[] }>(
    `query($c: [ID!], $r: [ID!]!, $y: [Int!]!) { indicatorValues(codes: $c, regions: $r, years: $y) { ${FIELDS} } }`,
    { c: [code], r: regions, y: [year] },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues;
}

describe('small aggregates of unit-level data (threshold rule)', () => {
  it('withholds from an anonymous caller a district PUE over two data centres, saying why, and publishes Chongqing’s', async () => {
    const [chongqing, district] = await values('DC_PUE', ['500000', '500101'], 2024, ANONYMOUS_HEADERS);
    // Chongqing: A, B, C, D of the fixtures plus P1–P3. Σ total ÷ Σ IT in kWh.
    const total = 1_300_000 + 2_400_000 + 2 * 450_000 + 700_000 + 150 + 240 + 150;
    const it = 1_000_000 + 2_000_000 + 2 * 250_000 + 500_000 + 100 + 200 + 100;
    expect(chongqing).toMatchObject({ confidentiality: 'FREE', numerator: total, denominator: it, missing: [] });
    expect(chongqing!.value).toBeCloseTo(total / it, 12);

    expect(district).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null, numerator: null, denominator: null, meetsTarget: null, gapToTarget: null });
    expect(district!.missing).toEqual([
      {
        metric: 'CONFIDENTIAL',
        agency: null,
        year: 2024,
        units: 2,
        message: expect.stringMatching(/^Withheld \(statistical disclosure control\): 2 data centre\(s\) contribute, fewer than the 3 /),
      },
    ]);
    // The unit-level sums are withheld too; how many units there are is not.
    expect(district!.inputs.map((i) => [i.metric.code, i.metric.unitLevel, i.value, i.units])).toEqual([
      ['DC_IT_ENERGY_KWH', true, null, 2],
      ['DC_TOTAL_ENERGY_KWH', true, null, 2],
    ]);
  });

  it('shows the confidential value, marked so, to a reader and to the agency owning all its unit-level inputs, not to another', async () => {
    // 500101: C (2 × 450,000 total, 2 × 250,000 IT) and D (700,000, 500,000) → 1,600,000 ÷ 1,000,000.
    for (const headers of [await readerHeaders(), await bearer('energy', ['writer'])]) {
      const [district] = await values('DC_PUE', ['500101'], 2024, headers);
      expect(district).toMatchObject({ confidentiality: 'CONFIDENTIAL', numerator: 1_600_000, denominator: 1_000_000, missing: [] });
      expect(district!.value).toBeCloseTo(1.6, 12);
    }
    const [forComms] = await values('DC_PUE', ['500101'], 2024, await bearer('comms', ['writer']));
    expect(forComms).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null });

    // Rack utilisation reads comms' racks in use (unit-level) over bigdata's register: comms sees it, energy does not.
    // C 700 of 800 racks, D 1,000 of 2,000 → 1,700 ÷ 2,800.
    const [racksForComms] = await values('DC_RACK_UTILISATION', ['500101'], 2024, await bearer('comms', ['writer']));
    expect(racksForComms!.value).toBeCloseTo(1_700 / 2_800, 12);
    const [racksForEnergy] = await values('DC_RACK_UTILISATION', ['500101'], 2024, await bearer('energy', ['writer']));
    expect(racksForEnergy).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null });
  });

  it('withholds a core-room and names the kind of unit in the reason', async () => {
    // 500112 has one renovated core room (R1).
    const [room] = await values('CORE_ROOM_PUE', ['500112'], 2024, ANONYMOUS_HEADERS);
    expect(room).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null });
    expect(room!.missing[0]).toMatchObject({ metric: 'CONFIDENTIAL', units: 1, message: expect.stringContaining('1 core room(s) contribute') });
  });

  it('publishes a small aggregate of register data: in-cluster share is not unit-level', async () => {
    // 500101's two data centres, C and D, both outside the cluster: 0 ÷ 2.
    const [share] = await values('DC_CLUSTER_SHARE', ['500101'], 2024, ANONYMOUS_HEADERS);
    expect(share).toMatchObject({ confidentiality: 'FREE', value: 0, numerator: 0, denominator: 2 });
  });

  it('publishes a district once it has three units, but not its change against a withheld year', async () => {
    // 500103: 2024 over P1–P3 = 540 ÷ 400 kWh; 2023 over P1, P2 only = 390 ÷ 300, confidential.
    const [anonymous2024] = await values('DC_PUE', ['500103'], 2024, ANONYMOUS_HEADERS);
    expect(anonymous2024).toMatchObject({ confidentiality: 'FREE', numerator: 540, denominator: 400, change: null });
    const [anonymous2023] = await values('DC_PUE', ['500103'], 2023, ANONYMOUS_HEADERS);
    expect(anonymous2023).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null });
    const [reader2024] = await values('DC_PUE', ['500103'], 2024, await readerHeaders());
    expect(reader2024!.change).toBeCloseTo(540 / 400 - 390 / 300, 12);
  });

  it('names the data centres of a quality flag only to callers who may read racks in use', async () => {
    const flag = async (headers: Record<string, string>) => (await values('DC_RACK_UTILISATION', ['500103'], 2024, headers))[0]!.qualityFlags;
    expect(await flag(ANONYMOUS_HEADERS)).toEqual([
      { code: 'RACKS_IN_USE_ABOVE_REGISTERED', message: '1 data centre(s) report more racks in use (comms) than bigdata registered.' },
    ]);
    expect(await flag(await readerHeaders())).toEqual([
      { code: 'RACKS_IN_USE_ABOVE_REGISTERED', message: '1 data centre(s) report more racks in use (comms) than bigdata registered: P1.' },
    ]);
  });
});

describe('DISCLOSURE_MIN_UNITS', () => {
  let strict: TestFederation;
  beforeAll(async () => {
    strict = await startTestFederation({ disclosureMinUnits: 5 });
    await writeFixtures(strict);
  });
  afterAll(() => strict?.stop());

  it('moves the threshold: at 5, Chongqing’s four data centres are withheld from an anonymous caller', async () => {
    const [chongqing] = await values('DC_PUE', ['500000'], 2024, ANONYMOUS_HEADERS, strict);
    expect(chongqing).toMatchObject({ confidentiality: 'CONFIDENTIAL', value: null });
    expect(chongqing!.missing[0]).toMatchObject({ metric: 'CONFIDENTIAL', units: 4, message: expect.stringContaining('fewer than the 5 ') });
  });
});
