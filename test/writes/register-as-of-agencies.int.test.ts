import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../lib/agencies.ts';
import type { ImportSummary } from '../../lib/writes/batch.ts';
import { makeUscc } from '../../lib/uscc.ts';
import * as comms from '../../subgraphs/comms/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// Indicator values asked `asOf` an instant read comms', econ's and energy's registers as they stood then
// (lib/registers/at-loader.ts), not as they are now. The databases start empty (code list only); each
// test registers what it needs in regions no other test writes to, corrects the register after the
// instant, and checks both values against figures worked out by hand from the rows sent.

let fed: TestFederation;
const writers = {} as Record<Agency, Record<string, string>>;

beforeAll(async () => {
  fed = await startTestFederation();
  for (const agency of ['comms', 'econ', 'energy'] as const) writers[agency] = await bearer(agency, ['writer'], `${agency}-register-as-of`);
  // Operators have no upsert mutation; core rooms need one.
  await fed.databases.comms.db.insert(comms.operator).values({ id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' });
});
afterAll(() => fed?.stop());

const MUTATIONS = {
  upsertCoreMachineRooms: ['comms', 'CoreMachineRoomInput'],
  upsertEnterprises: ['econ', 'EnterpriseInput'],
  upsertDesignations: ['econ', 'DesignationInput'],
  upsertPvInstallations: ['energy', 'PvInstallationInput'],
} as const;

/** A register batch that must go through without a problem. */
async function upsert(mutation: keyof typeof MUTATIONS, rows: unknown[], strategy: 'UPSERT' | 'DELETE' = 'UPSERT'): Promise<ImportSummary> {
  const [agency, input] = MUTATIONS[mutation];
  const response = await fed.query<Record<string, ImportSummary>>(
    `mutation($rows: [${input}!]!, $strategy: WriteStrategy) { ${mutation}(rows: $rows, strategy: $strategy) { applied created updated deleted recordedAt problems { row field code message } } }`,
    { rows, strategy },
    writers[agency],
  );
  expect(response.errors).toBeUndefined();
  const summary = response.data![mutation]!;
  expect(summary.problems).toEqual([]);
  expect(summary.applied).toBe(true);
  return summary;
}

const SUBMIT = { econ: 'submitEconObservations', energy: 'submitEnergyObservations' } as const;

/** Observations that must go through without a problem. */
async function submit(agency: keyof typeof SUBMIT, rows: unknown[]): Promise<void> {
  const response = await fed.query<Record<string, ImportSummary>>(
    `mutation($rows: [ObservationInput!]!) { ${SUBMIT[agency]}(rows: $rows) { applied problems { row field code message } } }`,
    { rows },
    writers[agency],
  );
  expect(response.errors).toBeUndefined();
  expect(response.data![SUBMIT[agency]]!.problems).toEqual([]);
}

/** Each region's value of one indicator in 2024, in the order of `regions`. */
async function values(code: string, regions: string[], asOf?: string): Promise<(number | null)[]> {
  const response = await fed.query<{ indicatorValues: { scopeId: string; value: number | null }[] }>(
    `query($codes: [ID!]!, $regions: [ID!]!, $asOf: DateTime) { indicatorValues(codes: $codes, regions: $regions, years: [2024], asOf: $asOf) { scopeId value } }`,
    { codes: [code], regions, ...(asOf ? { asOf } : {}) },
  );
  expect(response.errors).toBeUndefined();
  return regions.map((region) => response.data!.indicatorValues.find((v) => v.scopeId === region)?.value ?? null);
}

const justBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString();
const uscc = (regionCode: string, serial: number) => makeUscc(regionCode, String(serial).padStart(8, '0'));

describe('comms: core machine rooms as they stood', () => {
  it('CORE_ROOM_PUE sums the rooms renovated by the year as the register stood at asOf', async () => {
    // 巴南 (500113). 2024 meters of three rooms, sent before any room is registered so that only the register differs
    // between the instants compared: A 1,500 / 1,000 kWh, B 1,200 / 1,000, C 1,100 / 1,000 (total / IT).
    // Each room's figure read in January and 0 kWh in the other months of 2024, so the meters cover the year.
    const meters = (id: string, total: number, it: number) =>
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`).flatMap((period, i) => [
        { metric: 'CORE_ROOM_TOTAL_ENERGY_KWH', subjectKind: 'CORE_ROOM', subjectId: id, period, value: i === 0 ? total : 0 },
        { metric: 'CORE_ROOM_IT_ENERGY_KWH', subjectKind: 'CORE_ROOM', subjectId: id, period, value: i === 0 ? it : 0 },
      ]);
    await submit('energy', [...meters('CR-ASOF-A', 1500, 1000), ...meters('CR-ASOF-B', 1200, 1000), ...meters('CR-ASOF-C', 1100, 1000)]);
    const room = (id: string, renovatedYear?: number) => ({
      id,
      nameZh: `${id}机房`,
      operatorId: 'CHINA_MOBILE',
      regionCode: '500113',
      ...(renovatedYear ? { renovatedYear } : {}),
    });

    // First state: A and B renovated in 2023. PUE = (1,500 + 1,200) ÷ (1,000 + 1,000) = 2,700 ÷ 2,000 = 1.35.
    const first = await upsert('upsertCoreMachineRooms', [room('CR-ASOF-A', 2023), room('CR-ASOF-B', 2023)]);
    expect(first).toMatchObject({ created: 2 });
    // Corrected: B's renovation was never completed; C, renovated in 2022, was missing from the register.
    // PUE = (1,500 + 1,100) ÷ (1,000 + 1,000) = 2,600 ÷ 2,000 = 1.3.
    expect(await upsert('upsertCoreMachineRooms', [room('CR-ASOF-B'), room('CR-ASOF-C', 2022)])).toMatchObject({ created: 1, updated: 1 });

    const [now] = await values('CORE_ROOM_PUE', ['500113']);
    expect(now).toBeCloseTo(1.3, 12);
    const [published] = await values('CORE_ROOM_PUE', ['500113'], first.recordedAt!);
    expect(published).toBeCloseTo(1.35, 12);
    // Before the first batch no room was registered: nothing to sum, so no value.
    expect(await values('CORE_ROOM_PUE', ['500113'], justBefore(first.recordedAt!))).toEqual([null]);

    // The rooms the published value summed, each as it stood then: B still renovated in 2023.
    const response = await fed.query<{
      indicatorValues: {
        coreMachineRoomPopulation: { coreMachineRooms: { coreMachineRoomId: string; renovated: boolean; coreMachineRoom: { renovatedYear: number | null } }[] };
      }[];
    }>(
      `query($asOf: DateTime) { indicatorValues(codes: ["CORE_ROOM_PUE"], regions: ["500113"], years: [2024], asOf: $asOf) { coreMachineRoomPopulation { coreMachineRooms { coreMachineRoomId renovated coreMachineRoom { renovatedYear } } } } }`,
      { asOf: first.recordedAt },
    );
    expect(response.errors).toBeUndefined();
    const rooms = response.data!.indicatorValues[0]!.coreMachineRoomPopulation.coreMachineRooms.sort((a, b) =>
      a.coreMachineRoomId.localeCompare(b.coreMachineRoomId),
    );
    expect(rooms).toEqual([
      { coreMachineRoomId: 'CR-ASOF-A', renovated: true, coreMachineRoom: { renovatedYear: 2023 } },
      { coreMachineRoomId: 'CR-ASOF-B', renovated: true, coreMachineRoom: { renovatedYear: 2023 } },
    ]);
  });
});

describe('econ: enterprises and designations as they stood', () => {
  it('ROOFTOP_PV_RATIO counts the enterprises in the population as the register stood at asOf', async () => {
    // 浦东 (310115), two manufacturers: usable roofs 4 and 6 in 2024; rooftop PV commissioned in 2023 on 2 of E1's roofs and 1 of E2's.
    const e1 = uscc('310115', 71);
    const e2 = uscc('310115', 72);
    const enterprise = (code: string, sector: string) => ({ uscc: code, nameZh: `企业${code.slice(-4)}`, regionCode: '310115', sector });
    await upsert('upsertEnterprises', [enterprise(e1, 'MANUFACTURING'), enterprise(e2, 'MANUFACTURING')]);
    await submit('econ', [
      { metric: 'USABLE_ROOFS', subjectKind: 'ENTERPRISE', subjectId: e1, period: '2024', value: 4 },
      { metric: 'USABLE_ROOFS', subjectKind: 'ENTERPRISE', subjectId: e2, period: '2024', value: 6 },
    ]);
    const pv = (id: string, owner: string) => ({
      id,
      regionCode: '310115',
      enterpriseUscc: owner,
      capacityKw: 100,
      commissionedOn: '2023-05-01',
      onRoof: true,
    });
    // The first state is complete with this batch: the instant asked for below.
    const first = await upsert('upsertPvInstallations', [pv('PV-ASOF-E1-1', e1), pv('PV-ASOF-E1-2', e1), pv('PV-ASOF-E2-1', e2)]);

    // Corrected: E2 is not a manufacturer after all (OTHER), which takes it out of the population.
    const correction = await upsert('upsertEnterprises', [enterprise(e2, 'OTHER')]);
    expect(correction).toMatchObject({ updated: 1 });

    // Now: E1 alone, 2 ÷ 4 = 0.5, in the county and in Shanghai (no other enterprise under 310000).
    const now = await values('ROOFTOP_PV_RATIO', ['310115', '310000']);
    expect(now[0]).toBeCloseTo(0.5, 12);
    expect(now[1]).toBeCloseTo(0.5, 12);
    // As published: E1 and E2, (2 + 1) ÷ (4 + 6) = 3 ÷ 10 = 0.3.
    const published = await values('ROOFTOP_PV_RATIO', ['310115', '310000'], first.recordedAt!);
    expect(published[0]).toBeCloseTo(0.3, 12);
    expect(published[1]).toBeCloseTo(0.3, 12);
    // Between the instant and the correction nothing changed, so the value then is the one published.
    expect((await values('ROOFTOP_PV_RATIO', ['310115'], justBefore(correction.recordedAt!)))[0]).toBeCloseTo(0.3, 12);
  });

  it('ZERO_CARBON_PARK_COUNT counts designations as the register stood at asOf', async () => {
    // 徐汇 (310104). First state: park P1 designated in 2023 and P2 in 2024: 2 by the end of 2024.
    const park = (id: string, year: number) => ({ id, kind: 'ZERO_CARBON_PARK', year, regionCode: '310104', parkName: `${id}园区` });
    const first = await upsert('upsertDesignations', [park('ZCP-ASOF-1', 2023), park('ZCP-ASOF-2', 2024)]);
    expect(first).toMatchObject({ created: 2 });
    // Corrected: P2 withdrawn as registered in error, P1's designation was in 2025 (not counted in 2024),
    // and P3, designated in 2022, added: 1 by the end of 2024.
    expect(await upsert('upsertDesignations', [{ id: 'ZCP-ASOF-2' }], 'DELETE')).toMatchObject({ deleted: 1 });
    expect(await upsert('upsertDesignations', [park('ZCP-ASOF-1', 2025), park('ZCP-ASOF-3', 2022)])).toMatchObject({ created: 1, updated: 1 });

    // No other designation in Shanghai, so the province counts the same as the district.
    expect(await values('ZERO_CARBON_PARK_COUNT', ['310104', '310000'])).toEqual([1, 1]);
    expect(await values('ZERO_CARBON_PARK_COUNT', ['310104', '310000'], first.recordedAt!)).toEqual([2, 2]);
    // Before the first batch: none designated, a known zero.
    expect(await values('ZERO_CARBON_PARK_COUNT', ['310104'], justBefore(first.recordedAt!))).toEqual([0]);
  });
});

describe('energy: PV installations as they stood', () => {
  it('NEW_PV_CAPACITY sums the capacity commissioned since 2022 as the register stood at asOf', async () => {
    // 闵行 (310112). First state: 1,500 kW (2022-06), 2,500 kW (2023-03) and 800 kW commissioned in 2021, before the count starts.
    // (1,500 + 2,500) kW = 4,000 kW = 4.0 MW.
    const pv = (id: string, capacityKw: number, commissionedOn: string) => ({
      id,
      regionCode: '310112',
      enterpriseUscc: uscc('310112', 81),
      capacityKw,
      commissionedOn,
      onRoof: false,
    });
    const first = await upsert('upsertPvInstallations', [
      pv('PV-ASOF-1', 1500, '2022-06-01'),
      pv('PV-ASOF-2', 2500, '2023-03-01'),
      pv('PV-ASOF-3', 800, '2021-09-01'),
    ]);
    expect(first).toMatchObject({ created: 3 });
    // Corrected: the second installation is 3,000 kW, the first withdrawn as registered in error: 3,000 kW = 3.0 MW.
    expect(await upsert('upsertPvInstallations', [pv('PV-ASOF-2', 3000, '2023-03-01')])).toMatchObject({ updated: 1 });
    expect(await upsert('upsertPvInstallations', [{ id: 'PV-ASOF-1' }], 'DELETE')).toMatchObject({ deleted: 1 });

    expect((await values('NEW_PV_CAPACITY', ['310112']))[0]).toBeCloseTo(3.0, 12);
    expect((await values('NEW_PV_CAPACITY', ['310112'], first.recordedAt!))[0]).toBeCloseTo(4.0, 12);
    // Before the first batch: no installation, a known zero.
    expect(await values('NEW_PV_CAPACITY', ['310112'], justBefore(first.recordedAt!))).toEqual([0]);
  });

  it('ROOFTOP_PV_RATIO counts the roofs with PV as the PV register stood at asOf', async () => {
    // 黔江 (500114), one telecom enterprise with 5 usable roofs in 2024 and two rooftop installations commissioned in 2024.
    const owner = uscc('500114', 91);
    await upsert('upsertEnterprises', [{ uscc: owner, nameZh: '黔江通信', regionCode: '500114', sector: 'TELECOM' }]);
    await submit('econ', [{ metric: 'USABLE_ROOFS', subjectKind: 'ENTERPRISE', subjectId: owner, period: '2024', value: 5 }]);
    const pv = (id: string, onRoof: boolean) => ({ id, regionCode: '500114', enterpriseUscc: owner, capacityKw: 50, commissionedOn: '2024-04-01', onRoof });
    // First state: 2 roofs with PV ÷ 5 usable = 0.4.
    const first = await upsert('upsertPvInstallations', [pv('PV-ASOF-R1', true), pv('PV-ASOF-R2', true)]);
    // Corrected: the second one stands on a carport, not a roof: 1 ÷ 5 = 0.2.
    expect(await upsert('upsertPvInstallations', [pv('PV-ASOF-R2', false)])).toMatchObject({ updated: 1 });

    expect((await values('ROOFTOP_PV_RATIO', ['500114']))[0]).toBeCloseTo(0.2, 12);
    expect((await values('ROOFTOP_PV_RATIO', ['500114'], first.recordedAt!))[0]).toBeCloseTo(0.4, 12);
  });
});
