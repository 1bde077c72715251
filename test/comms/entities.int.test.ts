import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { insertRegisters, obs, observation } from './fixtures.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['comms'] });
  const { db } = fed.databases.comms;
  await insertRegisters(db);
  await db.insert(observation).values([
    obs('RACKS_IN_USE', 'DC-1', '2020', 600),
    obs('RACKS_IN_USE', 'DC-1', '2021', 700),
    obs('RACKS_IN_USE', 'DC-1', '2025', 750, 'PROVISIONAL'),
    // Racks are a stock: a centre reporting twice in 2024 counts as its December figure, not the sum.
    obs('RACKS_IN_USE', 'DC-2', '2024-06', 300),
    obs('RACKS_IN_USE', 'DC-2', '2024-12', 320, 'PROVISIONAL'),
    obs('INFORMATION_TRAFFIC_GB', '500112', '2020', 120_000_000),
    obs('TELECOM_BUSINESS_VOLUME_10K_CNY', '500112', '2020', 450_000),
    obs('TRAFFIC_5G_GB', '500112', '2020', 9_600_000),
    obs('INFORMATION_TRAFFIC_GB', '500112', '2021', 150_000_000),
  ]);
});
afterAll(() => fed?.stop());

const entities = (representations: unknown[], selection: string) =>
  postGraphQL(fed.subgraphs.comms.url, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });

describe('comms _entities', () => {
  it('resolves TelecomOperator by id, and null for an unknown id', async () => {
    const res = await entities(
      [
        { __typename: 'TelecomOperator', id: 'CHINA_TOWER' },
        { __typename: 'TelecomOperator', id: 'NO_SUCH' },
      ],
      '... on TelecomOperator { id nameZh nameEn kind }',
    );
    expect(res).toEqual({ data: { _entities: [{ id: 'CHINA_TOWER', nameZh: '中国铁塔', nameEn: 'China Tower', kind: 'TOWER' }, null] } });
  });

  it('resolves Site5G by id with its operator and region', async () => {
    const res = await entities(
      [
        { __typename: 'Site5G', id: 'S-3' },
        { __typename: 'Site5G', id: 'S-404' },
      ],
      '... on Site5G { id builtYear builtBySharing baseStations operator { id } region { code nameZh } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          {
            id: 'S-3',
            builtYear: 2021,
            builtBySharing: true,
            baseStations: 4,
            operator: { id: 'CHINA_TELECOM' },
            region: { code: '500120', nameZh: '璧山区' },
          },
          null,
        ],
      },
    });
  });

  it('resolves Tower by id', async () => {
    const res = await entities([{ __typename: 'Tower', id: 'T-2' }], '... on Tower { id builtYear shared region { code } }');
    expect(res).toEqual({ data: { _entities: [{ id: 'T-2', builtYear: 2022, shared: false, region: { code: '500112' } }] } });
  });

  it('resolves CoreMachineRoom by id with its operator', async () => {
    const res = await entities(
      [
        { __typename: 'CoreMachineRoom', id: 'CR-1' },
        { __typename: 'CoreMachineRoom', id: 'CR-404' },
      ],
      '... on CoreMachineRoom { id nameZh renovatedYear operator { nameEn } region { code } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [{ id: 'CR-1', nameZh: '移动渝北核心机房', renovatedYear: 2022, operator: { nameEn: 'China Mobile' }, region: { code: '500112' } }, null],
      },
    });
  });

  it('resolves CoreMachineRoomYear as renovated from the year the renovation was completed, and null for an unknown room', async () => {
    const res = await entities(
      [
        { __typename: 'CoreMachineRoomYear', coreMachineRoomId: 'CR-1', year: 2021 },
        { __typename: 'CoreMachineRoomYear', coreMachineRoomId: 'CR-1', year: 2022 },
        { __typename: 'CoreMachineRoomYear', coreMachineRoomId: 'CR-2', year: 2025 },
        { __typename: 'CoreMachineRoomYear', coreMachineRoomId: 'CR-404', year: 2025 },
      ],
      '... on CoreMachineRoomYear { coreMachineRoomId year renovated coreMachineRoom { id } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          { coreMachineRoomId: 'CR-1', year: 2021, renovated: false, coreMachineRoom: { id: 'CR-1' } },
          { coreMachineRoomId: 'CR-1', year: 2022, renovated: true, coreMachineRoom: { id: 'CR-1' } },
          { coreMachineRoomId: 'CR-2', year: 2025, renovated: false, coreMachineRoom: { id: 'CR-2' } },
          null,
        ],
      },
    });
  });

  it('resolves DataCenter by id to its rack-usage reports oldest first, and to none when nothing was filed', async () => {
    const res = await entities(
      [
        { __typename: 'DataCenter', id: 'DC-1' },
        { __typename: 'DataCenter', id: 'DC-2' },
        { __typename: 'DataCenter', id: 'DC-9' },
      ],
      '... on DataCenter { id rackUsage { year racksInUse status } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          {
            id: 'DC-1',
            rackUsage: [
              { year: 2020, racksInUse: 600, status: 'FINAL' },
              { year: 2021, racksInUse: 700, status: 'FINAL' },
              { year: 2025, racksInUse: 750, status: 'PROVISIONAL' },
            ],
          },
          // Two 2024 reports: the later (December) one stands, and one provisional figure makes the year provisional.
          { id: 'DC-2', rackUsage: [{ year: 2024, racksInUse: 320, status: 'PROVISIONAL' }] },
          { id: 'DC-9', rackUsage: [] },
        ],
      },
    });
  });

  it('resolves DataCenterYear to the racks in use that year, null when no report was filed', async () => {
    const res = await entities(
      [
        { __typename: 'DataCenterYear', dataCenterId: 'DC-1', year: 2021 },
        { __typename: 'DataCenterYear', dataCenterId: 'DC-1', year: 2022 },
        { __typename: 'DataCenterYear', dataCenterId: 'DC-2', year: 2024 },
      ],
      '... on DataCenterYear { dataCenterId year racksInUse }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          { dataCenterId: 'DC-1', year: 2021, racksInUse: 700 },
          { dataCenterId: 'DC-1', year: 2022, racksInUse: null },
          { dataCenterId: 'DC-2', year: 2024, racksInUse: 320 },
        ],
      },
    });
  });

  it('resolves RegionYear to the county figures reported for exactly that region and year, null otherwise', async () => {
    const res = await entities(
      [
        { __typename: 'RegionYear', regionCode: '500112', year: 2020 },
        { __typename: 'RegionYear', regionCode: '500112', year: 2021 },
        // Provinces are not summed by comms: that is the indicator engine's job.
        { __typename: 'RegionYear', regionCode: '500000', year: 2020 },
      ],
      '... on RegionYear { regionCode year informationTrafficGb telecomBusinessVolume10kCny traffic5gGb region { nameZh } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          {
            regionCode: '500112',
            year: 2020,
            informationTrafficGb: 120_000_000,
            telecomBusinessVolume10kCny: 450_000,
            traffic5gGb: 9_600_000,
            region: { nameZh: '渝北区' },
          },
          {
            regionCode: '500112',
            year: 2021,
            informationTrafficGb: 150_000_000,
            telecomBusinessVolume10kCny: null,
            traffic5gGb: null,
            region: { nameZh: '渝北区' },
          },
          { regionCode: '500000', year: 2020, informationTrafficGb: null, telecomBusinessVolume10kCny: null, traffic5gGb: null, region: { nameZh: '重庆市' } },
        ],
      },
    });
  });

  it('loads any number of data centres, data-centre years and region years in the same two statements', async () => {
    const many = (n: number) => [
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'DataCenterYear', dataCenterId: `DC-${i}`, year: 2020 + (i % 6) })),
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'DataCenter', id: `DC-${i}` })),
      ...Array.from({ length: n }, (_, i) => ({ __typename: 'RegionYear', regionCode: '500112', year: 1900 + i })),
    ];
    // Data-centre years and region years share one loader of yearly reductions; rack usage has its own.
    const selection = '... on DataCenterYear { racksInUse } ... on DataCenter { rackUsage { year } } ... on RegionYear { informationTrafficGb traffic5gGb }';
    // Warm up first: a fresh Postgres connection sends set-up statements of its own.
    await entities(many(1), selection);
    fed.resetStatements();
    await entities(many(2), selection);
    const few = fed.databases.comms.statements.count;
    fed.resetStatements();
    await entities(many(200), selection);
    expect(fed.databases.comms.statements.count).toBe(few);
    expect(few).toBe(2);
  });
});
