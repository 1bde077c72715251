import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { USCC, seedBigdataFixtures, seedEconFixtures } from './fixtures.ts';

let fed: TestFederation;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata', 'econ'] });
  await seedBigdataFixtures(fed.databases.bigdata.db);
  await seedEconFixtures(fed.databases.econ.db);
});

afterAll(async () => {
  await fed?.stop();
});

describe('econ and bigdata through the gateway', () => {
  it("joins bigdata's data centres with econ's operator names and designations", async () => {
    const response = await fed.query(`{ dataCenters(first: 10) { nodes { id operator { uscc nameZh } designations { kind year } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      dataCenters: {
        nodes: [
          {
            id: 'DC-310115-001',
            operator: { uscc: USCC.dcOperator, nameZh: '渝北测试数据中心有限公司' },
            designations: [{ kind: 'WASTE_HEAT_DATA_CENTER', year: 2023 }],
          },
          { id: 'DC-310115-002', operator: { uscc: USCC.telecom, nameZh: '渝北测试通信有限公司' }, designations: [] },
          {
            id: 'DC-500112-001',
            operator: { uscc: USCC.dcOperator, nameZh: '渝北测试数据中心有限公司' },
            designations: [
              { kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2022 },
              { kind: 'ZERO_CARBON_DATA_CENTER', year: 2024 },
            ],
          },
        ],
      },
    });
  });

  it("follows a designation to bigdata's register for the data centre's name and design racks", async () => {
    const response = await fed.query(`{ designations(kind: NATIONAL_GREEN_DATA_CENTER) { id dataCenter { id nameZh designRacks region { code } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      designations: [{ id: 'DSG-1', dataCenter: { id: 'DC-500112-001', nameZh: '渝北测试1号数据中心', designRacks: 1200, region: { code: '500112' } } }],
    });
  });

  it('answers a region year with econ retrofit progress next to the shared region fields', async () => {
    const response = await fed.query(`{ region(code: "310101") { nameZh year(year: 2023) { year retrofitProgress { listed completed onSchedule } } } }`);
    expect(response.errors).toBeUndefined();
    // Huangpu's one project, planned for 2022, was finished in 2023: 1 of 1 ≥ 50%.
    expect(response.data).toEqual({ region: { nameZh: '黄浦区', year: { year: 2023, retrofitProgress: { listed: 1, completed: 1, onSchedule: true } } } });
  });
});
