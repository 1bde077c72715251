import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { insertRegisters, obs, observation } from './fixtures.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata', 'comms'] });
  const register = {
    nameZh: '测试数据中心',
    operatorUscc: '91500112MA5U0000XX',
    status: 'OPERATING',
    buildType: 'EXISTING',
    commissionedOn: '2018-06-01',
  } as const;
  await fed.databases.bigdata.db.insert(dataCenter).values([
    { ...register, id: 'DC-1', regionCode: '500112', designRacks: 1000 },
    { ...register, id: 'DC-2', regionCode: '500120', designRacks: 2000, buildType: 'NEW', commissionedOn: '2021-05-01' },
    { ...register, id: 'DC-3', regionCode: '310115', designRacks: 400 },
  ]);
  const { db } = fed.databases.comms;
  await insertRegisters(db);
  await db
    .insert(observation)
    .values([
      obs('RACKS_IN_USE', 'DC-1', '2021', 700),
      obs('RACKS_IN_USE', 'DC-1', '2022', 760),
      obs('RACKS_IN_USE', 'DC-2', '2022', 900),
      obs('INFORMATION_TRAFFIC_GB', '500112', '2021', 150_000_000),
      obs('TELECOM_BUSINESS_VOLUME_10K_CNY', '500112', '2021', 560_000),
      obs('TRAFFIC_5G_GB', '500112', '2021', 12_000_000),
    ]);
});
afterAll(() => fed?.stop());

describe('comms facts through the gateway, joined with the bigdata register', () => {
  it('hangs each data centre’s rack-usage reports beside its design racks', async () => {
    const res = await fed.query(`{ dataCenters(first: 5) { nodes { id designRacks rackUsage { year racksInUse } } } }`);
    expect(res).toEqual({
      data: {
        dataCenters: {
          nodes: [
            {
              id: 'DC-1',
              designRacks: 1000,
              rackUsage: [
                { year: 2021, racksInUse: 700 },
                { year: 2022, racksInUse: 760 },
              ],
            },
            { id: 'DC-2', designRacks: 2000, rackUsage: [{ year: 2022, racksInUse: 900 }] },
            { id: 'DC-3', designRacks: 400, rackUsage: [] },
          ],
        },
      },
    });
  });

  it('gives Chongqing’s 2022 rack utilisation as racks in use over design racks, summed: (760 + 900) / (1000 + 2000)', async () => {
    const res = await fed.query<{ dataCenters: { nodes: { designRacks: number; years: { inService: boolean; racksInUse: number | null }[] }[] } }>(
      `{ dataCenters(region: "500000") { nodes { designRacks years(from: 2022, to: 2022) { inService racksInUse } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.dataCenters.nodes;
    expect(nodes.every((n) => n.years[0]!.inService)).toBe(true);
    const inUse = nodes.reduce((sum, n) => sum + n.years[0]!.racksInUse!, 0);
    const racks = nodes.reduce((sum, n) => sum + n.designRacks, 0);
    expect(inUse).toBe(1660);
    expect(racks).toBe(3000);
    expect(inUse / racks).toBeCloseTo(0.5533, 4);
  });

  it('shows a year without a report as null racks in use beside bigdata’s in-service flag', async () => {
    const res = await fed.query(`{ dataCenter(id: "DC-2") { years(from: 2020, to: 2022) { year inService racksInUse } } }`);
    expect(res).toEqual({
      data: {
        dataCenter: {
          years: [
            { year: 2020, inService: false, racksInUse: null },
            { year: 2021, inService: true, racksInUse: null },
            { year: 2022, inService: true, racksInUse: 900 },
          ],
        },
      },
    });
  });

  it('adds a county’s traffic, business volume and 5G traffic to its region year', async () => {
    const res = await fed.query(`{ region(code: "500112") { nameZh year(year: 2021) { year informationTrafficGb telecomBusinessVolume10kCny traffic5gGb } } }`);
    expect(res).toEqual({
      data: {
        region: { nameZh: '渝北区', year: { year: 2021, informationTrafficGb: 150_000_000, telecomBusinessVolume10kCny: 560_000, traffic5gGb: 12_000_000 } },
      },
    });
  });

  it('answers comms registers and bigdata registers in one request', async () => {
    const res = await fed.query(`{
      coreMachineRooms(region: "500000", renovated: true) { totalCount nodes { id year(year: 2023) { renovated } } }
      dataCenters(region: "500112") { totalCount }
    }`);
    expect(res).toEqual({
      data: {
        coreMachineRooms: {
          totalCount: 2,
          nodes: [
            { id: 'CR-1', year: { renovated: true } },
            { id: 'CR-3', year: { renovated: false } },
          ],
        },
        dataCenters: { totalCount: 1 },
      },
    });
  });
});
