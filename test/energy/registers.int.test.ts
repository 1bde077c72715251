import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../lib/uscc.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { insertObservations, insertPv, reading } from './fixtures.ts';

const E1 = makeUscc('310115', '20000001');
const E2 = makeUscc('310101', '20000002');
const E3 = makeUscc('500112', '20000003');

let fed: TestFederation;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['energy'] });
  const db = fed.databases.energy.db;
  await insertPv(db, [
    { id: 'PV-310115-0001', regionCode: '310115', enterpriseUscc: E1, capacityKw: 500, commissionedOn: '2021-05-01', onRoof: true, roofAreaM2: 4000 },
    { id: 'PV-310115-0002', regionCode: '310115', enterpriseUscc: E1, capacityKw: 300, commissionedOn: '2022-01-01', onRoof: true, roofAreaM2: null },
    { id: 'PV-310101-0001', regionCode: '310101', enterpriseUscc: E2, capacityKw: 120, commissionedOn: '2023-06-30', onRoof: false, roofAreaM2: null },
    { id: 'PV-500112-0001', regionCode: '500112', enterpriseUscc: E3, capacityKw: 800, commissionedOn: '2022-12-31', onRoof: true, roofAreaM2: 6000 },
  ]);
  await insertObservations(db, [
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-500112-001', '2024-12', 10),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-500112-001', '2025-01', 11, 'PROVISIONAL'),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-500112-001', '2025-02', 12, 'PROVISIONAL'),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-310115-001', '2024-11', 20),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-310115-001', '2024-12', 21),
    reading('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-310115-001', '2025-01', 22, 'PROVISIONAL'),
    reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-310115-001', '2025-01', 30, 'PROVISIONAL'),
    reading('TELECOM_ENERGY_TCE', 'REGION', '310115', '2024', 4321.5),
  ]);
});

afterAll(() => fed?.stop());

type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
const ids = (page: Page<{ id: string }>) => page.nodes.map((n) => n.id);

const PV = `query($region: ID, $from: Date, $to: Date, $onRoof: Boolean, $first: Int, $after: String) {
  pvInstallations(region: $region, commissionedFrom: $from, commissionedTo: $to, onRoof: $onRoof, first: $first, after: $after) {
    nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`;

async function pv(variables: Record<string, unknown>) {
  const result = await fed.query<{ pvInstallations: Page<{ id: string }> }>(PV, variables);
  return { page: result.data?.pvInstallations, errors: result.errors };
}

describe('pvInstallations', () => {
  it('a region filter matches the region and everything below it', async () => {
    expect(ids((await pv({ region: '310000' })).page!)).toEqual(['PV-310101-0001', 'PV-310115-0001', 'PV-310115-0002']);
    expect(ids((await pv({ region: '500112' })).page!)).toEqual(['PV-500112-0001']);
  });

  it('commissioning bounds are inclusive on both ends', async () => {
    expect(ids((await pv({ from: '2022-01-01', to: '2022-12-31' })).page!)).toEqual(['PV-310115-0002', 'PV-500112-0001']);
    expect(ids((await pv({ from: '2023-06-30' })).page!)).toEqual(['PV-310101-0001']);
    expect(ids((await pv({ to: '2021-05-01' })).page!)).toEqual(['PV-310115-0001']);
  });

  it('filters rooftop and non-rooftop installations', async () => {
    expect(ids((await pv({ onRoof: false })).page!)).toEqual(['PV-310101-0001']);
    expect((await pv({ onRoof: true })).page!.totalCount).toBe(3);
  });

  it('pages through all installations in id order with first and after', async () => {
    const first = (await pv({ first: 3 })).page!;
    expect(ids(first)).toEqual(['PV-310101-0001', 'PV-310115-0001', 'PV-310115-0002']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(4);
    const second = (await pv({ first: 3, after: first.pageInfo.endCursor })).page!;
    expect(ids(second)).toEqual(['PV-500112-0001']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(4);
  });

  it('looks up one installation by id, null when unknown', async () => {
    const { data } = await fed.query<{ a: unknown; b: unknown }>(
      `{ a: pvInstallation(id: "PV-500112-0001") { capacityKw roofAreaM2 region { nameZh } } b: pvInstallation(id: "PV-X") { id } }`,
    );
    expect(data).toEqual({ a: { capacityKw: 800, roofAreaM2: 6000, region: { nameZh: '渝北区' } }, b: null });
  });

  it.each([
    [{ region: '999999' }, 'UNKNOWN_REGION', 'region'],
    [{ region: '31' }, 'INVALID_REGION_CODE', 'region'],
    [{ first: 501 }, 'PAGE_SIZE_TOO_LARGE', 'first'],
    [{ after: 'not a cursor' }, 'INVALID_CURSOR', 'after'],
    [{ from: '2024-01-01', to: '2023-01-01' }, 'INVALID_ARGUMENT', 'commissionedFrom'],
  ])('refuses %j with %s naming the argument', async (variables, code, argument) => {
    const { page, errors } = await pv(variables);
    expect(page ?? null).toBeNull(); // the root field is nullable: null, not the whole `data`
    expect(errors?.[0]?.extensions).toMatchObject({ code, argument });
  });
});

const OBS = `query($metric: String!, $subjectId: ID, $year: Int, $first: Int, $after: String) {
  energyObservations(metric: $metric, subjectId: $subjectId, year: $year, first: $first, after: $after) {
    nodes { metric subjectKind subjectId period year value unit status } pageInfo { hasNextPage endCursor } totalCount } }`;

type Obs = { subjectId: string; period: string; value: number };

async function observations(variables: Record<string, unknown>) {
  const result = await fed.query<{ energyObservations: Page<Obs> }>(OBS, variables);
  return { page: result.data?.energyObservations, errors: result.errors };
}

const keys = (page: Page<Obs>) => page.nodes.map((n) => `${n.subjectId} ${n.period}`);

describe('energyObservations', () => {
  it('lists raw observations of one metric by subject then period, with unit, kind and status', async () => {
    const { page } = await observations({ metric: 'DC_IT_ENERGY_KWH' });
    expect(keys(page!)).toEqual([
      'DC-310115-001 2024-11',
      'DC-310115-001 2024-12',
      'DC-310115-001 2025-01',
      'DC-500112-001 2024-12',
      'DC-500112-001 2025-01',
      'DC-500112-001 2025-02',
    ]);
    expect(page!.nodes[2]).toEqual({
      metric: 'DC_IT_ENERGY_KWH',
      subjectKind: 'DATA_CENTER',
      subjectId: 'DC-310115-001',
      period: '2025-01',
      year: 2025,
      value: 22,
      unit: 'kWh',
      status: 'PROVISIONAL',
    });
    expect(page!.totalCount).toBe(6);
  });

  it('filters by subject and by year', async () => {
    expect(keys((await observations({ metric: 'DC_IT_ENERGY_KWH', subjectId: 'DC-500112-001', year: 2025 })).page!)).toEqual([
      'DC-500112-001 2025-01',
      'DC-500112-001 2025-02',
    ]);
    const tce = (await observations({ metric: 'TELECOM_ENERGY_TCE' })).page!;
    expect(tce.nodes).toEqual([
      { metric: 'TELECOM_ENERGY_TCE', subjectKind: 'REGION', subjectId: '310115', period: '2024', year: 2024, value: 4321.5, unit: 'tce', status: 'FINAL' },
    ]);
  });

  it('pages with first and after across subjects without skipping or repeating', async () => {
    const first = (await observations({ metric: 'DC_IT_ENERGY_KWH', first: 4 })).page!;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await observations({ metric: 'DC_IT_ENERGY_KWH', first: 4, after: first.pageInfo.endCursor })).page!;
    expect(keys(second)).toEqual(['DC-500112-001 2025-01', 'DC-500112-001 2025-02']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(6);
  });

  it('answers an empty page for a metric nothing was reported under', async () => {
    const { page } = await observations({ metric: 'DC_RENEWABLE_ONSITE_PV_KWH' });
    expect(page).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });

  it.each([
    [{ metric: 'DC_PUE' }, 'UNKNOWN_METRIC', 'metric'],
    [{ metric: 'DC_IT_ENERGY_KWH', first: 501 }, 'PAGE_SIZE_TOO_LARGE', 'first'],
    [{ metric: 'DC_IT_ENERGY_KWH', after: '%%%' }, 'INVALID_CURSOR', 'after'],
    // A well-formed cursor of another list (a plain id) is not an observation position.
    [{ metric: 'DC_IT_ENERGY_KWH', after: Buffer.from('v1:PV-310115-0001').toString('base64url') }, 'INVALID_CURSOR', 'after'],
  ])('refuses %j with %s', async (variables, code, argument) => {
    const { page, errors } = await observations(variables);
    expect(page ?? null).toBeNull(); // the root field is nullable: null, not the whole `data`
    expect(errors?.[0]?.extensions).toMatchObject({ code, argument });
  });

  it('lists the metric catalogue with units, subject kinds and aggregation', async () => {
    const { data } = await fed.query<{ energyMetrics: { code: string; unit: string; subjectKind: string; aggregation: string; periodicity: string }[] }>(
      `{ energyMetrics { code unit subjectKind aggregation periodicity } }`,
    );
    const byCode = Object.fromEntries(data!.energyMetrics.map((m) => [m.code, m]));
    expect(Object.keys(byCode).sort()).toEqual([
      'BS_5G_ELECTRICITY_KWH',
      'CORE_ROOM_IT_ENERGY_KWH',
      'CORE_ROOM_TOTAL_ENERGY_KWH',
      'DC_IT_ENERGY_KWH',
      'DC_RENEWABLE_CERTIFICATE_KWH',
      'DC_RENEWABLE_GREEN_POWER_KWH',
      'DC_RENEWABLE_ONSITE_PV_KWH',
      'DC_TOTAL_ENERGY_KWH',
      'ENTERPRISE_ENERGY_TCE',
      'TELECOM_ENERGY_TCE',
    ]);
    expect(byCode.DC_TOTAL_ENERGY_KWH).toEqual({
      code: 'DC_TOTAL_ENERGY_KWH',
      unit: 'kWh',
      subjectKind: 'DATA_CENTER',
      aggregation: 'FLOW',
      periodicity: 'MONTHLY',
    });
    expect(byCode.ENTERPRISE_ENERGY_TCE).toEqual({
      code: 'ENTERPRISE_ENERGY_TCE',
      unit: 'tce',
      subjectKind: 'ENTERPRISE',
      aggregation: 'FLOW',
      periodicity: 'ANNUAL',
    });
    expect(byCode.BS_5G_ELECTRICITY_KWH).toMatchObject({ subjectKind: 'REGION', periodicity: 'ANNUAL' });
  });
});
