import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designation } from '../../subgraphs/econ/tables.ts';
import { dataCenter, dataCenterRow, insertChongqingCluster } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// National green data centres are counted where bigdata's register places each data centre (its county and
// cluster), not where econ recorded the designation (issue 19). econ hands bigdata its designations through the
// federation; a designation naming a data centre nobody registered is counted nowhere and flags the value of
// the region econ recorded it under.
//
// Register (bigdata): P in 渝北 500112, inside CQ_CLUSTER; Q in 万州 500101, outside; R in 浦东 310115.
// Designations (econ), all recorded under 万州 500101 except N4 (recorded under Chongqing 500000):
//   N1 2022 → P   N2 2024 → Q   N3 2023 → DC-GHOST (never registered)   N4 2023 → R (lies in Shanghai)

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  await insertChongqingCluster(fed.databases.bigdata.db);
  await fed.databases.bigdata.db
    .insert(dataCenter)
    .values([
      dataCenterRow('P', { regionCode: '500112', clusterId: 'CQ_CLUSTER' }),
      dataCenterRow('Q', { regionCode: '500101' }),
      dataCenterRow('R', { regionCode: '310115' }),
    ]);
  await fed.databases.econ.db.insert(designation).values([
    { id: 'N1', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2022, regionCode: '500101', dataCenterId: 'P' },
    { id: 'N2', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2024, regionCode: '500101', dataCenterId: 'Q' },
    { id: 'N3', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2023, regionCode: '500101', dataCenterId: 'DC-GHOST' },
    { id: 'N4', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2023, regionCode: '500000', dataCenterId: 'R' },
  ]);
});
afterAll(() => fed?.stop());

interface Value {
  scopeId: string;
  year: number;
  value: number | null;
  inputs: { metric: { code: string }; agency: string; source: string | null }[];
  qualityFlags: { code: string; message: string }[];
}

const FIELDS = 'scopeId year value inputs { metric { code } agency source } qualityFlags { code message }';

async function regionValues(regions: string[], years: number[]): Promise<Value[]> {
  const res = await fed.query<{ indicatorValues: Value[] }>(
    `query($r: [ID!]!, $y: [Int!]!) { indicatorValues(codes: ["NATIONAL_GREEN_DC_COUNT"], regions: $r, years: $y) { ${FIELDS} } }`,
    { r: regions, y: years },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues;
}

const counts = (values: Value[]) => values.map((v) => [v.scopeId, v.year, v.value]);

describe('national green data centres, placed by bigdata', () => {
  it('counts each designation in the county the register places its data centre in, not where econ recorded it', async () => {
    const values = await regionValues(['500101', '500112', '310115'], [2021, 2022, 2024]);
    // 万州: only Q (N2, 2024); econ recorded N1 and N3 there too, but P lies in 渝北 and DC-GHOST nowhere.
    // 渝北: P from 2022 (N1). 浦东: R from 2023 (N4), though econ recorded it under Chongqing.
    expect(counts(values)).toEqual([
      ['500101', 2021, 0],
      ['500101', 2022, 0],
      ['500101', 2024, 1],
      ['500112', 2021, 0],
      ['500112', 2022, 1],
      ['500112', 2024, 1],
      ['310115', 2021, 0],
      ['310115', 2022, 0],
      ['310115', 2024, 1],
    ]);
    expect(values[0]!.inputs).toEqual([{ metric: { code: 'NATIONAL_GREEN_DCS' }, agency: 'econ', source: 'REGISTER' }]);
  });

  it('sums provinces and the nation over the register, so a designation recorded in the wrong province counts where the data centre is', async () => {
    // Chongqing 2024: P + Q = 2 (econ's own records would say N1–N4 = 4). Shanghai: R = 1. The nation: P, Q, R = 3.
    // 2023: P only in Chongqing (Q is designated in 2024), R in Shanghai.
    const values = await regionValues(['500000', '310000', '000000'], [2023, 2024]);
    expect(counts(values)).toEqual([
      ['500000', 2023, 1],
      ['500000', 2024, 2],
      ['310000', 2023, 1],
      ['310000', 2024, 1],
      ['000000', 2023, 2],
      ['000000', 2024, 3],
    ]);
  });

  it('counts by cluster: the Chongqing cluster holds P alone', async () => {
    const res = await fed.query<{ clusterIndicatorValues: Value[] }>(
      `{ clusterIndicatorValues(codes: ["NATIONAL_GREEN_DC_COUNT"], clusters: ["CQ_CLUSTER"], years: [2021, 2022, 2025]) { ${FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(counts(res.data!.clusterIndicatorValues)).toEqual([
      ['CQ_CLUSTER', 2021, 0],
      ['CQ_CLUSTER', 2022, 1],
      ['CQ_CLUSTER', 2025, 1],
    ]);
  });

  it('flags the value of the region econ recorded a designation of an unregistered data centre in, from the year of the designation', async () => {
    const [wanzhou2022, wanzhou2024, yubei2024, chongqing2024, shanghai2024] = [
      ...(await regionValues(['500101'], [2022, 2024])),
      ...(await regionValues(['500112', '500000', '310000'], [2024])),
    ];
    expect(wanzhou2022!.qualityFlags).toEqual([]); // N3 is from 2023
    for (const value of [wanzhou2024!, chongqing2024!]) {
      expect(value.qualityFlags).toHaveLength(1);
      expect(value.qualityFlags[0]!.code).toBe('DESIGNATION_OF_UNREGISTERED_DATA_CENTER');
      expect(value.qualityFlags[0]!.message).toContain('DC-GHOST');
    }
    expect(yubei2024!.qualityFlags).toEqual([]);
    expect(shanghai2024!.qualityFlags).toEqual([]);
  });

  it('shows the unregistered data centre in econ’s data-quality report', async () => {
    const res = await fed.query(`{ econDataQuality { designationDataCenters { ids unregistered } } }`, {}, await bearer('econ', ['writer'], 'econ-quality'));
    expect(res.data).toEqual({ econDataQuality: { designationDataCenters: { ids: ['DC-GHOST', 'P', 'Q', 'R'], unregistered: ['DC-GHOST'] } } });
  });

  it('gives the same counts in an indicator cube as in indicatorValues', async () => {
    const res = await fed.query<{ indicatorCube: { values: (number | null)[] } }>(
      `{ indicatorCube(codes: ["NATIONAL_GREEN_DC_COUNT"], regions: ["500101", "500112", "500000", "000000"], years: [2023, 2024]) { values } }`,
    );
    expect(res.errors).toBeUndefined();
    // 万州 0, 1; 渝北 1, 1; Chongqing 1, 2; the nation 2, 3.
    expect(res.data!.indicatorCube.values).toEqual([0, 1, 1, 1, 1, 2, 2, 3]);
  });
});
