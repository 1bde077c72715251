import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { dataCenter, dataCenterRow, insertChongqingCluster } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { observationRow as obs } from '../support/observations.ts';

// A national level (issue 19): the nation's figures are reported for the nation (000000), as the ministry's
// statistics are, and a figure reported for a region wins over the sum of its parts. The code list holds two of
// the nation's provinces, so a national value read as the sum of its parts would mean "Shanghai plus Chongqing".
//
//              telecom energy (tce)   information traffic (GB)
//              2020      2025         2020       2025
//   000000     1,000     1,050        100,000    150,000     reported for the nation
//   310000       100       110         10,000     11,000
//   500000        50        50          5,000      5,000

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  const figures = { '000000': [1000, 1050, 100_000, 150_000], '310000': [100, 110, 10_000, 11_000], '500000': [50, 50, 5000, 5000] } as const;
  for (const [region, [energy2020, energy2025, traffic2020, traffic2025]] of Object.entries(figures)) {
    await fed.databases.energy.db
      .insert(energyObservation)
      .values([obs('TELECOM_ENERGY_TCE', 'REGION', region, '2020', energy2020), obs('TELECOM_ENERGY_TCE', 'REGION', region, '2025', energy2025)]);
    await fed.databases.comms.db
      .insert(commsObservation)
      .values([obs('INFORMATION_TRAFFIC_GB', 'REGION', region, '2020', traffic2020), obs('INFORMATION_TRAFFIC_GB', 'REGION', region, '2025', traffic2025)]);
  }
  // Two registered data centres: P in 渝北, inside the Chongqing cluster; R in 浦东.
  await insertChongqingCluster(fed.databases.bigdata.db);
  await fed.databases.bigdata.db
    .insert(dataCenter)
    .values([dataCenterRow('P', { regionCode: '500112', clusterId: 'CQ_CLUSTER' }), dataCenterRow('R', { regionCode: '310115' })]);
});
afterAll(() => fed?.stop());

interface Judged {
  scopeId: string;
  value: number | null;
  meetsTarget: boolean | null;
  gapToTarget: number | null;
  progress: number | null;
  target: { jurisdiction: string; binding: boolean; inherited: boolean } | null;
  inputs: {
    metric: { code: string };
    year: number;
    value: number | null;
    source: string | null;
    partsReporting: number | null;
    partsExpected: number | null;
  }[];
  qualityFlags: { code: string }[];
}

async function judged(regions: string[]): Promise<Judged[]> {
  const res = await fed.query<{ indicatorValues: Judged[] }>(
    `query($r: [ID!]!) { indicatorValues(codes: ["ICT_TRAFFIC_ENERGY_DECREASE"], regions: $r, years: [2025]) {
      scopeId value meetsTarget gapToTarget progress target { jurisdiction binding inherited }
      inputs { metric { code } year value source partsReporting partsExpected } qualityFlags { code } } }`,
    { r: regions },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues;
}

describe('a national level', () => {
  it('judges the nation on the figures reported for it against seed 002’s national target, binding', async () => {
    const [nation] = await judged(['000000']);
    // 1 − (1,050 / 150,000) ÷ (1,000 / 100,000) = 1 − 0.007 ÷ 0.01 = 0.3, against seed 002 附件 指标1's [20] %.
    expect(nation!.value).toBeCloseTo(0.3, 12);
    expect(nation!.target).toEqual({ jurisdiction: '000000', binding: true, inherited: false });
    expect(nation!.meetsTarget).toBe(true);
    expect(nation!.gapToTarget).toBeCloseTo(0.1, 12);
    // A five-year change is zero in 2020: 0.3 ÷ 0.2 = 1.5 of the way.
    expect(nation!.progress).toBeCloseTo(1.5, 12);
    expect(nation!.inputs).toContainEqual({
      metric: { code: 'TELECOM_ENERGY_TCE' },
      year: 2025,
      value: 1050,
      source: 'REPORTED',
      partsReporting: 2,
      partsExpected: 2,
    });
  });

  it('never reads the nation as the two cities: their sum would give no decrease at all, and the gap is flagged', async () => {
    // Shanghai plus Chongqing: 1 − (160 / 16,000) ÷ (150 / 15,000) = 1 − 0.01 ÷ 0.01 = 0.
    const [nation] = await judged(['000000']);
    expect(nation!.value).not.toBeCloseTo(0, 3);
    expect(nation!.qualityFlags.map((f) => f.code)).toContain('REGION_TOTAL_DISAGREES_WITH_PARTS');
  });

  it('shows the national target to a province as context only: it binds the nation', async () => {
    // Shanghai: 1 − (110 / 11,000) ÷ (100 / 10,000) = 0; no target of its own (seed 002 sets the nation's).
    const [shanghai] = await judged(['310000']);
    expect(shanghai!.value).toBeCloseTo(0, 12);
    expect(shanghai).toMatchObject({
      meetsTarget: null,
      gapToTarget: null,
      progress: null,
      target: { jurisdiction: '000000', binding: false, inherited: true },
    });
  });

  it('says which provinces a national value over registered units covers', async () => {
    const res = await fed.query<{
      indicatorValues: { scopeId: string; value: number; coverage: { unitsReporting: number; unitsExpected: number; registeredIn: string[] | null } }[];
    }>(
      `{ indicatorValues(codes: ["DC_CLUSTER_SHARE"], regions: ["000000", "310000"], years: [2024]) { scopeId value coverage { unitsReporting unitsExpected registeredIn } } }`,
    );
    expect(res.errors).toBeUndefined();
    // P inside the cluster, R not: 1 ÷ 2 over the data centres registered in Shanghai and Chongqing, not the whole nation's.
    expect(res.data!.indicatorValues).toEqual([
      { scopeId: '000000', value: 0.5, coverage: { unitsReporting: 2, unitsExpected: 2, registeredIn: ['310000', '500000'] } },
      { scopeId: '310000', value: 0, coverage: { unitsReporting: 1, unitsExpected: 1, registeredIn: null } },
    ]);
  });
});
