import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../lib/uscc.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';
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

describe('energyObservations: the revision in force and who wrote it', () => {
  interface Stamped {
    value: number;
    revision: string;
    recordedAt: string;
    supersededAt: string | null;
    comment: string | null;
    deleted: boolean;
    author: string | null;
    authorAgency: string | null;
    sourceSystem: string | null;
    idempotencyKey: string | null;
    batchId: string | null;
  }
  interface Summary {
    applied: boolean;
    created: number;
    updated: number;
    recordedAt: string;
    batchId: string;
  }

  const FIVE_G = (value: number, comment?: string) => ({
    metric: 'BS_5G_ELECTRICITY_KWH',
    subjectKind: 'REGION',
    subjectId: '310115',
    period: '2023',
    value,
    ...(comment ? { comment } : {}),
  });
  const SUBMIT = `mutation($rows: [ObservationInput!]!, $key: String) {
    submitEnergyObservations(rows: $rows, idempotencyKey: $key, sourceSystem: "energy-metering-platform") { applied created updated recordedAt batchId } }`;
  const READ = `query($asOf: DateTime) {
    energyObservations(metric: "BS_5G_ELECTRICITY_KWH", subjectId: "310115", year: 2023, asOf: $asOf) {
      nodes { value revision recordedAt supersededAt comment deleted author authorAgency sourceSystem idempotencyKey batchId } } }`;
  const CHANGES = `{ energyObservationChanges(metric: "BS_5G_ELECTRICITY_KWH", subjectId: "310115") { nodes { revision value recordedAt } } }`;

  let writer: Record<string, string>;
  let first: Summary;
  let correction: Summary;

  async function submit(value: number, key: string, comment?: string): Promise<Summary> {
    const res = await fed.query<{ submitEnergyObservations: Summary }>(SUBMIT, { rows: [FIVE_G(value, comment)], key }, writer);
    expect(res.errors).toBeUndefined();
    return res.data!.submitEnergyObservations;
  }

  async function read(asOf?: string): Promise<Stamped[]> {
    const res = await fed.query<{ energyObservations: { nodes: Stamped[] } }>(READ, asOf ? { asOf } : {}, writer);
    expect(res.errors).toBeUndefined();
    return res.data!.energyObservations.nodes;
  }

  beforeAll(async () => {
    writer = await bearer('energy', ['writer'], 'energy-meter-loader');
    first = await submit(1500, 'meter-2023-a');
    // The metering system corrects its reading: 1,500 kWh becomes 1,800 kWh.
    correction = await submit(1800, 'meter-2023-b', 'meter recalibrated');
  });

  it('a correction is read as the new revision, recorded when the correcting batch was, by its writer', async () => {
    expect(first).toMatchObject({ applied: true, created: 1, updated: 0 });
    expect(correction).toMatchObject({ applied: true, created: 0, updated: 1 });
    expect(Date.parse(correction.recordedAt)).toBeGreaterThan(Date.parse(first.recordedAt));

    // The change log (a separate read path) numbers the two revisions of the key.
    const changes = await fed.query<{ energyObservationChanges: { nodes: { revision: string; value: number; recordedAt: string }[] } }>(CHANGES, {}, writer);
    const [before, after] = changes.data!.energyObservationChanges.nodes;
    expect([before!.value, after!.value]).toEqual([1500, 1800]);
    expect(Number(after!.revision)).toBeGreaterThan(Number(before!.revision));

    expect(await read()).toEqual([
      {
        value: 1800,
        revision: after!.revision,
        recordedAt: correction.recordedAt,
        supersededAt: null,
        comment: 'meter recalibrated',
        deleted: false,
        author: 'energy-meter-loader',
        authorAgency: 'energy',
        sourceSystem: 'energy-metering-platform',
        idempotencyKey: 'meter-2023-b',
        batchId: correction.batchId,
      },
    ]);
  });

  it('asOf before the correction gives the old value with its own revision, and when the correction replaced it', async () => {
    const changes = await fed.query<{ energyObservationChanges: { nodes: { revision: string }[] } }>(CHANGES, {}, writer);
    const oldRevision = changes.data!.energyObservationChanges.nodes[0]!.revision;
    // The first revision is in force from its own recordedAt up to (not including) the correction's.
    const stillOld = new Date(Date.parse(correction.recordedAt) - 1).toISOString();
    for (const asOf of [first.recordedAt, stillOld]) {
      expect(await read(asOf), asOf).toEqual([
        {
          value: 1500,
          revision: oldRevision,
          recordedAt: first.recordedAt,
          supersededAt: correction.recordedAt,
          comment: null,
          deleted: false,
          author: 'energy-meter-loader',
          authorAgency: 'energy',
          sourceSystem: 'energy-metering-platform',
          idempotencyKey: 'meter-2023-a',
          batchId: first.batchId,
        },
      ]);
    }
    // At the correction's own instant the new revision is in force; before the first nothing was.
    expect((await read(correction.recordedAt)).map((n) => n.value)).toEqual([1800]);
    expect(await read(new Date(Date.parse(first.recordedAt) - 1).toISOString())).toEqual([]);
  });

  const AUDITED = '{ energyObservations(metric: "BS_5G_ELECTRICITY_KWH") { nodes { value author idempotencyKey batchId } } }';

  it('its audit fields are refused to an anonymous caller, as the change log is', async () => {
    const res = await fed.query<{ energyObservations: unknown }>(AUDITED, {}, { ...ANONYMOUS_HEADERS });
    expect(res.data?.energyObservations ?? null).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toContain('author');
    expect(res.errors![0]!.message).toMatch(/send a bearer token with the "reader" role, or one of energy\.$/);
  });

  it('its audit fields are refused to another agency’s writer, also when asked through a fragment', async () => {
    const res = await fed.query(AUDITED, {}, await bearer('comms', ['writer']));
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/has neither the "reader" role nor agency energy\.$/);
    const fragment = await fed.query(
      '{ energyObservations(metric: "BS_5G_ELECTRICITY_KWH") { nodes { ...Stamp } } } fragment Stamp on EnergyObservation { sourceSystem }',
      {},
      await bearer('comms', ['writer']),
    );
    expect(fragment.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('its audit fields are given to the energy writer and to a reader; the region revision and its times stay public', async () => {
    for (const headers of [writer, await readerHeaders()]) {
      const res = await fed.query<{ energyObservations: { nodes: { value: number; idempotencyKey: string }[] } }>(AUDITED, {}, headers);
      expect(res.errors).toBeUndefined();
      expect(res.data!.energyObservations.nodes).toEqual([
        expect.objectContaining({ value: 1800, author: 'energy-meter-loader', idempotencyKey: 'meter-2023-b' }),
      ]);
    }
    const anonymous = await fed.query<{ energyObservations: { nodes: unknown[] } }>(
      '{ energyObservations(metric: "BS_5G_ELECTRICITY_KWH") { nodes { value revision recordedAt supersededAt comment } } }',
      {},
      { ...ANONYMOUS_HEADERS },
    );
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.energyObservations.nodes).toEqual([
      expect.objectContaining({ value: 1800, recordedAt: correction.recordedAt, supersededAt: null, comment: 'meter recalibrated' }),
    ]);
  });

  it("a named unit's comment is unit-level, like its value", async () => {
    const res = await fed.query(
      '{ energyObservations(metric: "DC_IT_ENERGY_KWH", first: 1) { nodes { subjectId recordedAt comment } } }',
      {},
      { ...ANONYMOUS_HEADERS },
    );
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/^EnergyObservation\.comment \(owned by energy\) is unit-level data/);
  });

  it('reads a page with its revisions and stamps in as many statements for 6 rows as for 1; rows loaded without a batch have no stamp', async () => {
    const page = (first: number) =>
      fed.query<{ energyObservations: { nodes: Stamped[] } }>(
        `{ energyObservations(metric: "DC_IT_ENERGY_KWH", first: ${first}) { nodes { revision recordedAt author authorAgency sourceSystem idempotencyKey batchId } } }`,
      );
    fed.resetStatements();
    const one = await page(1);
    const small = fed.statements();
    fed.resetStatements();
    const six = await page(6);
    expect(fed.statements()).toBe(small);
    expect(one.data!.energyObservations.nodes).toHaveLength(1);
    // The six DC_IT_ENERGY_KWH readings of this file's fixtures were inserted with SQL, as the demo seed loads its data.
    expect(six.data!.energyObservations.nodes).toHaveLength(6);
    for (const node of six.data!.energyObservations.nodes)
      expect(node).toMatchObject({ author: null, authorAgency: null, sourceSystem: null, idempotencyKey: null, batchId: null });
    expect(new Set(six.data!.energyObservations.nodes.map((n) => n.revision)).size).toBe(6);
  });
});
