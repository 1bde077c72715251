import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../lib/uscc.ts';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { insertObservations, insertPv, reading, registerDataCenter } from './fixtures.ts';

// Fixture numbers are chosen so that the ratio of sums and the mean of monthly ratios differ.
const DC_A = 'DC-310115-901'; // 2023: 1500/1000, 3000/2500, 800/400 → Σ 5300 / Σ 3900
const DC_B = 'DC-310115-902'; // nothing reported
const DC_C = 'DC-310115-903'; // 2023-01: total 100, IT 0
const ROOM = 'CR-31-CHINA_MOBILE-1'; // 2023: 1600/1000, 1800/1500 → Σ 3400 / Σ 2500
const FIRM = makeUscc('310115', '12345678');

let fed: TestFederation;
const energy = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(fed.subgraphs.energy.url, query, variables);

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata', 'energy'] });
  const db = fed.databases.energy.db;
  await insertObservations(db, [
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-01', 1500),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-01', 1000),
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-02', 3000),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-02', 2500),
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-03', 800),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_A, '2023-03', 400),
    reading('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', DC_A, '2023', 1000),
    reading('DC_RENEWABLE_CERTIFICATE_KWH', 'DATA_CENTER', DC_A, '2023', 500),
    reading('DC_RENEWABLE_ONSITE_PV_KWH', 'DATA_CENTER', DC_A, '2024', 200),
    // 2025 is provisional, and February's total meter has not come in yet.
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', DC_A, '2025-01', 1000, 'PROVISIONAL'),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_A, '2025-01', 800, 'PROVISIONAL'),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_A, '2025-02', 800, 'PROVISIONAL'),
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', DC_C, '2023-01', 100),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', DC_C, '2023-01', 0),
    reading('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', ROOM, '2023-01', 1600),
    reading('CORE_ROOM_IT_ENERGY_KWH', 'CORE_ROOM', ROOM, '2023-01', 1000),
    reading('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', ROOM, '2023-02', 1800),
    reading('CORE_ROOM_IT_ENERGY_KWH', 'CORE_ROOM', ROOM, '2023-02', 1500),
    reading('BS_5G_ELECTRICITY_KWH', 'REGION', '310115', '2023', 12_345_678),
    reading('TELECOM_ENERGY_TCE', 'REGION', '310115', '2023', 4321.5),
    reading('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', FIRM, '2023', 5000),
  ]);
  await insertPv(db, [
    { id: 'PV-310115-0001', regionCode: '310115', enterpriseUscc: FIRM, capacityKw: 500, commissionedOn: '2021-05-01', onRoof: true, roofAreaM2: 4000 },
    { id: 'PV-310115-0002', regionCode: '310115', enterpriseUscc: FIRM, capacityKw: 300, commissionedOn: '2020-01-15', onRoof: true, roofAreaM2: null },
  ]);
  for (const id of [DC_A, DC_B, DC_C]) await registerDataCenter(fed.databases.bigdata.db, id, '310115', FIRM);
});

afterAll(() => fed?.stop());

const DC_YEAR = `query($r: [_Any!]!) { _entities(representations: $r) { ... on DataCenterYear { dataCenterId year totalEnergyKwh itEnergyKwh renewableEnergyKwh pue } } }`;

describe('data-centre years', () => {
  it("a data centre's PUE for a year is the sum of its monthly totals over the sum of its monthly IT energy, not the mean of monthly PUEs", async () => {
    const { data } = await energy<{ _entities: Record<string, unknown>[] }>(DC_YEAR, { r: [{ __typename: 'DataCenterYear', dataCenterId: DC_A, year: 2023 }] });
    const [year] = data!._entities;
    expect(year).toMatchObject({ dataCenterId: DC_A, year: 2023, totalEnergyKwh: 5300, itEnergyKwh: 3900 });
    // (1500 + 3000 + 800) / (1000 + 2500 + 400) = 5300 / 3900; the mean of 1.5, 1.2 and 2.0 would be 1.5667.
    expect(year!.pue).toBeCloseTo(5300 / 3900, 12);
    expect(year!.pue).not.toBeCloseTo((1.5 + 1.2 + 2.0) / 3, 2);
  });

  it('renewable energy is the sum of green power, certificates and own PV that were reported, and null when none was', async () => {
    const { data } = await energy<{ _entities: { year: number; renewableEnergyKwh: number | null; pue: number | null }[] }>(DC_YEAR, {
      r: [
        { __typename: 'DataCenterYear', dataCenterId: DC_A, year: 2023 },
        { __typename: 'DataCenterYear', dataCenterId: DC_A, year: 2024 },
        { __typename: 'DataCenterYear', dataCenterId: DC_B, year: 2023 },
      ],
    });
    expect(data!._entities.map((e) => e.renewableEnergyKwh)).toEqual([1000 + 500, 200, null]);
    // 2024 has renewables but no meter readings: PUE is unknown, not 0.
    expect(data!._entities[1]!.pue).toBeNull();
  });

  it('a month with only one meter reported is left out of PUE instead of counting the other meter as zero', async () => {
    const { data } = await energy<{ _entities: Record<string, unknown>[] }>(DC_YEAR, { r: [{ __typename: 'DataCenterYear', dataCenterId: DC_A, year: 2025 }] });
    // Sums keep every reported month (IT 800 + 800); PUE pairs January only: 1000 / 800.
    expect(data!._entities[0]).toMatchObject({ totalEnergyKwh: 1000, itEnergyKwh: 1600, pue: 1.25 });
  });

  it('PUE is null when IT energy is zero, and every figure is null for a data centre that reported nothing', async () => {
    const { data } = await energy<{ _entities: Record<string, unknown>[] }>(DC_YEAR, {
      r: [
        { __typename: 'DataCenterYear', dataCenterId: DC_C, year: 2023 },
        { __typename: 'DataCenterYear', dataCenterId: DC_B, year: 2023 },
      ],
    });
    expect(data!._entities).toEqual([
      { dataCenterId: DC_C, year: 2023, totalEnergyKwh: 100, itEnergyKwh: 0, renewableEnergyKwh: null, pue: null },
      { dataCenterId: DC_B, year: 2023, totalEnergyKwh: null, itEnergyKwh: null, renewableEnergyKwh: null, pue: null },
    ]);
  });
});

describe('entities energy resolves', () => {
  it('resolves a DataCenter reference with its monthly readings, oldest first, optionally for one year', async () => {
    const { data, errors } = await energy<{ _entities: { id: string; all: unknown[]; y2025: unknown[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on DataCenter { id all: energyReadings { period } y2025: energyReadings(year: 2025) { period totalEnergyKwh itEnergyKwh status } } } }`,
      {
        r: [
          { __typename: 'DataCenter', id: DC_A },
          { __typename: 'DataCenter', id: DC_B },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]!.all).toEqual(['2023-01', '2023-02', '2023-03', '2025-01', '2025-02'].map((period) => ({ period })));
    expect(data!._entities[0]!.y2025).toEqual([
      { period: '2025-01', totalEnergyKwh: 1000, itEnergyKwh: 800, status: 'PROVISIONAL' },
      { period: '2025-02', totalEnergyKwh: null, itEnergyKwh: 800, status: 'PROVISIONAL' },
    ]);
    expect(data!._entities[1]).toEqual({ id: DC_B, all: [], y2025: [] });
  });

  it('resolves a CoreMachineRoom reference with its readings and a CoreMachineRoomYear with PUE as a ratio of sums', async () => {
    const { data, errors } = await energy<{ _entities: Record<string, unknown>[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on CoreMachineRoom { id energyReadings(year: 2023) { period totalEnergyKwh itEnergyKwh status } }
        ... on CoreMachineRoomYear { coreMachineRoomId year totalEnergyKwh itEnergyKwh pue } } }`,
      {
        r: [
          { __typename: 'CoreMachineRoom', id: ROOM },
          { __typename: 'CoreMachineRoomYear', coreMachineRoomId: ROOM, year: 2023 },
          { __typename: 'CoreMachineRoomYear', coreMachineRoomId: ROOM, year: 2022 },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toEqual({
      id: ROOM,
      energyReadings: [
        { period: '2023-01', totalEnergyKwh: 1600, itEnergyKwh: 1000, status: 'FINAL' },
        { period: '2023-02', totalEnergyKwh: 1800, itEnergyKwh: 1500, status: 'FINAL' },
      ],
    });
    // 3400 / 2500 = 1.36, where the mean of 1.6 and 1.2 would be 1.4.
    expect(data!._entities[1]).toEqual({ coreMachineRoomId: ROOM, year: 2023, totalEnergyKwh: 3400, itEnergyKwh: 2500, pue: 1.36 });
    expect(data!._entities[2]).toEqual({ coreMachineRoomId: ROOM, year: 2022, totalEnergyKwh: null, itEnergyKwh: null, pue: null });
  });

  it('resolves RegionYear references to the county figures as reported, without rolling counties up into provinces', async () => {
    const { data } = await energy<{ _entities: Record<string, unknown>[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on RegionYear { regionCode year bs5gElectricityKwh telecomEnergyTce } } }`,
      {
        r: [
          { __typename: 'RegionYear', regionCode: '310115', year: 2023 },
          { __typename: 'RegionYear', regionCode: '310000', year: 2023 },
          { __typename: 'RegionYear', regionCode: '310115', year: 2020 },
        ],
      },
    );
    expect(data!._entities).toEqual([
      { regionCode: '310115', year: 2023, bs5gElectricityKwh: 12_345_678, telecomEnergyTce: 4321.5 },
      { regionCode: '310000', year: 2023, bs5gElectricityKwh: null, telecomEnergyTce: null },
      { regionCode: '310115', year: 2020, bs5gElectricityKwh: null, telecomEnergyTce: null },
    ]);
  });

  it("resolves Enterprise references to the enterprise's PV installations, oldest first, and EnterpriseYear to its energy use", async () => {
    const { data, errors } = await energy<{ _entities: Record<string, unknown>[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Enterprise { uscc pvInstallations { id capacityKw commissionedOn } }
        ... on EnterpriseYear { uscc year energyUseTce } } }`,
      {
        r: [
          { __typename: 'Enterprise', uscc: FIRM },
          { __typename: 'EnterpriseYear', uscc: FIRM, year: 2023 },
          { __typename: 'EnterpriseYear', uscc: FIRM, year: 2024 },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      {
        uscc: FIRM,
        pvInstallations: [
          { id: 'PV-310115-0002', capacityKw: 300, commissionedOn: '2020-01-15' },
          { id: 'PV-310115-0001', capacityKw: 500, commissionedOn: '2021-05-01' },
        ],
      },
      { uscc: FIRM, year: 2023, energyUseTce: 5000 },
      { uscc: FIRM, year: 2024, energyUseTce: null },
    ]);
  });

  it('resolves PvInstallation references from the register and answers null for an unknown id', async () => {
    const { data } = await energy<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PvInstallation { id region { code } enterprise { uscc } capacityKw commissionedOn onRoof roofAreaM2 } } }`,
      {
        r: [
          { __typename: 'PvInstallation', id: 'PV-310115-0001' },
          { __typename: 'PvInstallation', id: 'PV-000000-9999' },
        ],
      },
    );
    expect(data!._entities).toEqual([
      {
        id: 'PV-310115-0001',
        region: { code: '310115' },
        enterprise: { uscc: FIRM },
        capacityKw: 500,
        commissionedOn: '2021-05-01',
        onRoof: true,
        roofAreaM2: 4000,
      },
      null,
    ]);
  });

  it('answers any number of data-centre years with the same number of SQL statements', async () => {
    const reps = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'DataCenterYear', dataCenterId: `DC-310115-${900 + i}`, year: 2020 + (i % 6) }));
    const statementsFor = async (n: number) => {
      fed.databases.energy.statements.count = 0;
      const { errors } = await energy(DC_YEAR, { r: reps(n) });
      expect(errors).toBeUndefined();
      return fed.databases.energy.statements.count;
    };
    expect(await statementsFor(2)).toBe(await statementsFor(40));
  });
});

describe('through the gateway with bigdata', () => {
  it("adds energy's yearly figures to bigdata's data-centre years", async () => {
    const { data, errors } = await fed.query<{ dataCenters: { nodes: { id: string; years: Record<string, unknown>[] }[] } }>(
      `{ dataCenters(first: 5) { nodes { id years(from: 2023, to: 2023) { year totalEnergyKwh itEnergyKwh pue } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.dataCenters.nodes).toEqual([
      { id: DC_A, years: [{ year: 2023, totalEnergyKwh: 5300, itEnergyKwh: 3900, pue: 5300 / 3900 }] },
      { id: DC_B, years: [{ year: 2023, totalEnergyKwh: null, itEnergyKwh: null, pue: null }] },
      { id: DC_C, years: [{ year: 2023, totalEnergyKwh: 100, itEnergyKwh: 0, pue: null }] },
    ]);
  });

  it("reaches a data centre's operator's PV installations from bigdata's register", async () => {
    const { data, errors } = await fed.query<{ dataCenter: unknown }>(
      `query($id: ID!) { dataCenter(id: $id) { id operator { uscc pvInstallations { id } } energyReadings(year: 2023) { period } } }`,
      { id: DC_A },
    );
    expect(errors).toBeUndefined();
    expect(data!.dataCenter).toEqual({
      id: DC_A,
      operator: { uscc: FIRM, pvInstallations: [{ id: 'PV-310115-0002' }, { id: 'PV-310115-0001' }] },
      energyReadings: [{ period: '2023-01' }, { period: '2023-02' }, { period: '2023-03' }],
    });
  });

  it("adds a county's 5G electricity and telecom energy to the shared region year", async () => {
    const { data, errors } = await fed.query<{ region: unknown }>(
      `{ region(code: "310115") { nameEn year(year: 2023) { bs5gElectricityKwh telecomEnergyTce } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.region).toEqual({ nameEn: 'Pudong New Area', year: { bs5gElectricityKwh: 12_345_678, telecomEnergyTce: 4321.5 } });
  });
});
