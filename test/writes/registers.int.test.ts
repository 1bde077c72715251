import { and, asc, count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../lib/agencies.ts';
import { makeUscc } from '../../lib/uscc.ts';
import type { Db } from '../../db/connection.ts';
import type { RegisterRevisionTable } from '../../db/write-tables.ts';
import * as bigdata from '../../subgraphs/bigdata/tables.ts';
import * as comms from '../../subgraphs/comms/tables.ts';
import * as econ from '../../subgraphs/econ/tables.ts';
import * as energy from '../../subgraphs/energy/tables.ts';
import { startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer } from '../support/tokens.ts';
import type { ImportSummary } from '../../lib/writes/batch.ts';
import type { Viewer } from '../../lib/auth/viewer.ts';
import { REGION_CODES } from '../../lib/regions/codes.ts';
import { RegionDirectory } from '../../lib/regions/directory.ts';
import { upsertRegister } from '../../lib/writes/registers.ts';
import { dataCenters } from '../../subgraphs/bigdata/registers.ts';
import type { DataCenterInput } from '../../subgraphs/bigdata/resolvers.generated.ts';

// The shared register write path (lib/writes/registers.ts) through the gateway, on every agency's
// registers. The databases start empty (code list only); each test registers what it needs. Expected
// counts and states come from the rows the test sends; what was stored is read back with SQL.

let fed: TestFederation;
const writers = {} as Record<Agency, Record<string, string>>;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['comms', 'econ', 'bigdata', 'energy'], indicators: false });
  for (const agency of ['comms', 'econ', 'bigdata', 'energy'] as const) writers[agency] = await bearer(agency, ['writer'], `${agency}-register-sync`);
  // Operators have no upsert mutation; core rooms need two of them.
  await fed.databases.comms.db.insert(comms.operator).values([
    { id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' },
    { id: 'CHINA_TOWER', nameZh: '中国铁塔', nameEn: 'China Tower', kind: 'TOWER' },
  ]);
});
afterAll(() => fed?.stop());

type Summary = ImportSummary;

interface Options {
  strategy?: 'CREATE' | 'UPDATE' | 'UPSERT' | 'DELETE';
  atomic?: boolean;
  dryRun?: boolean;
  key?: string;
  source?: string;
}

const MUTATIONS = {
  upsertDataCenters: ['bigdata', 'DataCenterInput'],
  upsertClusters: ['bigdata', 'DataCenterClusterInput'],
  upsertZones: ['bigdata', 'ClusterZoneInput'],
  upsertEnterprises: ['econ', 'EnterpriseInput'],
  upsertDesignations: ['econ', 'DesignationInput'],
  upsertRetrofitProjects: ['econ', 'RetrofitProjectInput'],
  upsertPilots: ['econ', 'CarbonPeakPilotInput'],
  upsertPvInstallations: ['energy', 'PvInstallationInput'],
  upsertCoreMachineRooms: ['comms', 'CoreMachineRoomInput'],
} as const;
type Mutation = keyof typeof MUTATIONS;

function send(
  mutation: Mutation,
  rows: unknown[],
  options: Options = {},
  headers?: Record<string, string>,
): Promise<GraphQLResponse<Record<string, Summary | null>>> {
  const [agency, input] = MUTATIONS[mutation];
  const query = `mutation($rows: [${input}!]!, $strategy: WriteStrategy, $atomic: Boolean, $dryRun: Boolean, $key: String, $source: String) {
    ${mutation}(rows: $rows, strategy: $strategy, atomic: $atomic, dryRun: $dryRun, idempotencyKey: $key, sourceSystem: $source) {
      batchId idempotencyKey replayed dryRun atomic applied received created updated unchanged deleted rejected recordedAt
      problems { row field code message }
    }
  }`;
  return fed.query(query, { rows, ...options }, headers ?? writers[agency]);
}

async function upsert(mutation: Mutation, rows: unknown[], options: Options = {}, headers?: Record<string, string>): Promise<Summary> {
  const response = await send(mutation, rows, options, headers);
  expect(response.errors).toBeUndefined();
  return response.data![mutation]!;
}

/** Upserts that must go through without a problem. */
async function upsertOk(mutation: Mutation, rows: unknown[], options: Options = {}): Promise<Summary> {
  const summary = await upsert(mutation, rows, options);
  expect(summary.problems).toEqual([]);
  expect(summary.applied).toBe(!options.dryRun);
  return summary;
}

const revisionTable: Record<Agency, RegisterRevisionTable> = {
  bigdata: bigdata.registerRevision,
  econ: econ.registerRevision,
  energy: energy.registerRevision,
  comms: comms.registerRevision,
};

/** Every register revision of one entry, oldest first, straight from the table. */
const revisionsOf = (agency: Agency, entity: string, entityId: string) => {
  const t = revisionTable[agency];
  return fed.databases[agency].db
    .select()
    .from(t)
    .where(and(eq(t.entity, entity), eq(t.entityId, entityId)))
    .orderBy(asc(t.revision));
};

const rowCount = async (db: Db, table: PgTable) => Number((await db.select({ n: count() }).from(table))[0]!.n);
const revisionCount = (agency: Agency) => rowCount(fed.databases[agency].db, revisionTable[agency]);

const today = new Date();
const thisYear = today.getUTCFullYear();
const tomorrow = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);

// Unified social credit codes with a correct check character (and one without).
const uscc = (regionCode: string, serial: number) => makeUscc(regionCode, String(serial).padStart(8, '0'));
const wrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');

/** Expects exactly one problem, on row 1, with this field and code, and a message a person can act on. */
function expectOneProblem(summary: Summary, field: string, code: string): void {
  expect(summary.applied).toBe(false);
  expect(summary.problems).toEqual([expect.objectContaining({ row: 1, field, code })]);
  expect(summary.problems[0]!.message.length).toBeGreaterThan(20);
}

// ── bigdata ──────────────────────────────────────────────────────────────────────────────────────

const CQ_OPERATOR = uscc('500112', 1);
const cluster = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  nameZh: `${id}集群`,
  nameEn: `${id} cluster`,
  provinceCode: '500000',
  areaKm2: '1984',
  ...extra,
});
const zone = (id: string, clusterId: string, extra: Record<string, unknown> = {}) => ({
  id,
  clusterId,
  nameZh: `${id}起步区`,
  nameEn: `${id} zone`,
  regionCode: '500112',
  startUp: true,
  ...extra,
});
const dc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  nameZh: `${id}号数据中心`,
  operatorUscc: CQ_OPERATOR,
  regionCode: '500112',
  latitude: 29.72,
  longitude: '106.63',
  commissionedOn: '2022-05-01',
  status: 'OPERATING',
  designRacks: 3200,
  ...extra,
});

describe('bigdata registers', () => {
  beforeAll(async () => {
    await upsertOk('upsertClusters', [cluster('T_CQ'), cluster('T_CQ2', { areaKm2: null })]);
    await upsertOk('upsertZones', [zone('T_ZONE', 'T_CQ'), zone('T_ZONE2', 'T_CQ2', { startUp: false })]);
  });

  it('creates, updates, keeps unchanged and deletes data centres, with one revision per change', async () => {
    const created = await upsertOk(
      'upsertDataCenters',
      [dc('T-DC-1', { clusterId: 'T_CQ', zoneId: 'T_ZONE' }), dc('T-DC-2', { commissionedOn: '2012-03-04' })],
      { source: 'dc-register' },
    );
    expect(created).toMatchObject({ received: 2, created: 2, updated: 0, unchanged: 0, deleted: 0, rejected: 0 });

    const db = fed.databases.bigdata.db;
    const stored = await db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-1'));
    expect(stored).toEqual([
      {
        ...dc('T-DC-1', { clusterId: 'T_CQ', zoneId: 'T_ZONE' }),
        longitude: 106.63,
        closedYear: null,
        renovatedYear: null,
        buildType: 'NEW',
        updatedAt: new Date(created.recordedAt!),
      },
    ]);
    const [old] = await db.select({ buildType: bigdata.dataCenter.buildType }).from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-2'));
    expect(old!.buildType).toBe('EXISTING');

    const second = await upsertOk('upsertDataCenters', [
      dc('T-DC-1', { clusterId: 'T_CQ', zoneId: 'T_ZONE', buildType: 'NEW' }),
      dc('T-DC-2', { commissionedOn: '2012-03-04', designRacks: 800, renovatedYear: 2023 }),
    ]);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [updated] = await db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-2'));
    expect(updated).toMatchObject({ designRacks: 800, renovatedYear: 2023, updatedAt: new Date(second.recordedAt!) });

    const removed = await upsertOk('upsertDataCenters', [{ id: 'T-DC-2' }], { strategy: 'DELETE' });
    expect(removed).toMatchObject({ deleted: 1, created: 0, updated: 0 });
    expect(await db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-2'))).toEqual([]);

    // History: T-DC-1 was written once (the unchanged resend added nothing); T-DC-2 three times.
    expect(await revisionsOf('bigdata', 'DataCenter', 'T-DC-1')).toHaveLength(1);
    const history = await revisionsOf('bigdata', 'DataCenter', 'T-DC-2');
    expect(history.map((r) => [r.deleted, (r.data as { designRacks: number }).designRacks, r.batchId])).toEqual([
      [false, 3200, created.batchId],
      [false, 800, second.batchId],
      [true, 800, removed.batchId],
    ]);
    expect(history[0]).toMatchObject({
      author: 'bigdata-register-sync',
      authorAgency: 'bigdata',
      sourceSystem: 'dc-register',
      updatedAt: new Date(created.recordedAt!),
    });
    expect(history[2]!.data).toMatchObject({ id: 'T-DC-2', renovatedYear: 2023, status: 'OPERATING', commissionedOn: '2012-03-04' });

    // The register is what every read sees: the created centre is there, the deleted one is gone.
    const read = await fed.query<{ a: { nameZh: string; zone: { id: string } | null; scaleClass: string } | null; b: unknown }>(
      `{ a: dataCenter(id: "T-DC-1") { nameZh scaleClass zone { id } } b: dataCenter(id: "T-DC-2") { id } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ a: { nameZh: 'T-DC-1号数据中心', scaleClass: 'LARGE', zone: { id: 'T_ZONE' } }, b: null });
  });

  it('CREATE refuses an id that exists; UPDATE and DELETE refuse one that does not', async () => {
    await upsertOk('upsertDataCenters', [dc('T-DC-3')]);
    const create = await upsert('upsertDataCenters', [dc('T-DC-3', { designRacks: 1 })], { strategy: 'CREATE' });
    expect(create.problems).toEqual([expect.objectContaining({ row: 0, field: 'id', code: 'ALREADY_EXISTS' })]);
    const update = await upsert('upsertDataCenters', [dc('T-DC-NONE')], { strategy: 'UPDATE' });
    expect(update.problems).toEqual([expect.objectContaining({ row: 0, field: 'id', code: 'NOT_FOUND' })]);
    const remove = await upsert('upsertDataCenters', [{ id: 'T-DC-NONE' }], { strategy: 'DELETE' });
    expect(remove.problems).toEqual([expect.objectContaining({ row: 0, field: 'id', code: 'NOT_FOUND' })]);
    const [row] = await fed.databases.bigdata.db
      .select({ designRacks: bigdata.dataCenter.designRacks })
      .from(bigdata.dataCenter)
      .where(eq(bigdata.dataCenter.id, 'T-DC-3'));
    expect(row!.designRacks).toBe(3200);
    const missing = await fed.databases.bigdata.db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-NONE'));
    expect(missing).toEqual([]);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a missing required field', { ...dc('T-DC-V'), nameZh: null }, 'nameZh', 'REQUIRED'],
    ['an over-long name', dc('T-DC-V', { nameZh: '数'.repeat(201) }), 'nameZh', 'STRING_TOO_LONG'],
    ['a control character in a name', dc('T-DC-V', { nameZh: 'A\tB' }), 'nameZh', 'CONTROL_CHARACTERS'],
    ['an over-long id', dc('X'.repeat(65)), 'id', 'STRING_TOO_LONG'],
    ['an operator USCC with a wrong check character', dc('T-DC-V', { operatorUscc: wrongCheck(CQ_OPERATOR) }), 'operatorUscc', 'INVALID_USCC'],
    ['an operator USCC of the wrong length', dc('T-DC-V', { operatorUscc: '91500112' }), 'operatorUscc', 'INVALID_USCC'],
    ['an unknown region', dc('T-DC-V', { regionCode: '500199' }), 'regionCode', 'UNKNOWN_REGION'],
    ['a province instead of a county', dc('T-DC-V', { regionCode: '500000' }), 'regionCode', 'WRONG_REGION_LEVEL'],
    ['a latitude beyond 90°', dc('T-DC-V', { latitude: 95 }), 'latitude', 'OUT_OF_RANGE'],
    ['a longitude that is not a number', dc('T-DC-V', { longitude: 'NaN' }), 'longitude', 'NOT_A_NUMBER'],
    ['a commissioning date after today', dc('T-DC-V', { commissionedOn: tomorrow }), 'commissionedOn', 'DATE_IN_FUTURE'],
    ['negative design racks', dc('T-DC-V', { designRacks: -1 }), 'designRacks', 'NEGATIVE_VALUE'],
    ['a shut-down centre without its closing year', dc('T-DC-V', { status: 'SHUT_DOWN' }), 'closedYear', 'INCONSISTENT_FIELDS'],
    ['an operating centre with a closing year', dc('T-DC-V', { closedYear: 2024 }), 'closedYear', 'INCONSISTENT_FIELDS'],
    ['a closing year before commissioning', dc('T-DC-V', { status: 'MERGED', closedYear: 2020 }), 'closedYear', 'OUT_OF_RANGE'],
    ['a renovation year in the future', dc('T-DC-V', { renovatedYear: thisYear + 1 }), 'renovatedYear', 'PERIOD_IN_FUTURE'],
    ['a build type that contradicts the commissioning date', dc('T-DC-V', { buildType: 'EXISTING' }), 'buildType', 'INCONSISTENT_FIELDS'],
    ['an unknown cluster', dc('T-DC-V', { clusterId: 'NOWHERE' }), 'clusterId', 'UNKNOWN_REFERENCE'],
    ['an unknown zone', dc('T-DC-V', { clusterId: 'T_CQ', zoneId: 'NOWHERE' }), 'zoneId', 'UNKNOWN_REFERENCE'],
    ['a zone of another cluster', dc('T-DC-V', { clusterId: 'T_CQ', zoneId: 'T_ZONE2' }), 'zoneId', 'INCONSISTENT_FIELDS'],
    ['a zone in another county', dc('T-DC-V', { regionCode: '500113', clusterId: 'T_CQ', zoneId: 'T_ZONE' }), 'zoneId', 'INCONSISTENT_FIELDS'],
    ['a zone without its cluster', dc('T-DC-V', { zoneId: 'T_ZONE' }), 'clusterId', 'INCONSISTENT_FIELDS'],
    ['a cluster of another province', dc('T-DC-V', { regionCode: '310115', clusterId: 'T_CQ' }), 'clusterId', 'INCONSISTENT_FIELDS'],
  ];
  it.each(cases)('rejects %s, naming row, field and code', async (_, row, field, code) => {
    const summary = await upsert('upsertDataCenters', [dc('T-DC-OK'), row]);
    expectOneProblem(summary, field, code);
  });

  it('rejects the same id twice in one batch, pointing at the first row', async () => {
    const summary = await upsert('upsertDataCenters', [dc('T-DC-D1'), dc('T-DC-D2'), dc('T-DC-D1', { designRacks: 5 })]);
    expect(summary.problems).toEqual([expect.objectContaining({ row: 2, field: 'id', code: 'DUPLICATE_KEY', message: expect.stringContaining('row 0') })]);
  });

  it('validates clusters and zones', async () => {
    expectOneProblem(await upsert('upsertClusters', [cluster('T_C_OK'), cluster('T_C_BAD', { provinceCode: '500112' })]), 'provinceCode', 'WRONG_REGION_LEVEL');
    expectOneProblem(await upsert('upsertClusters', [cluster('T_C_OK'), cluster('T_C_BAD', { areaKm2: 0 })]), 'areaKm2', 'OUT_OF_RANGE');
    expectOneProblem(await upsert('upsertClusters', [cluster('T_C_OK'), cluster('T_CQ', { provinceCode: '310000' })]), 'provinceCode', 'INCONSISTENT_FIELDS');
    expectOneProblem(await upsert('upsertZones', [zone('T_Z_OK', 'T_CQ'), zone('T_Z_BAD', 'NOWHERE')]), 'clusterId', 'UNKNOWN_REFERENCE');
    expectOneProblem(
      await upsert('upsertZones', [zone('T_Z_OK', 'T_CQ'), zone('T_Z_BAD', 'T_CQ', { regionCode: '310115' })]),
      'regionCode',
      'INCONSISTENT_FIELDS',
    );
    expectOneProblem(await upsert('upsertZones', [zone('T_Z_OK', 'T_CQ'), zone('T_Z_BAD', 'T_CQ', { startUp: null })]), 'startUp', 'REQUIRED');
  });

  it('refuses to delete or move an entry others still reference, and deletes it once they are gone', async () => {
    await upsertOk('upsertClusters', [cluster('T_REF')]);
    await upsertOk('upsertZones', [zone('T_REF_Z', 'T_REF')]);
    await upsertOk('upsertDataCenters', [dc('T-DC-REF', { clusterId: 'T_REF', zoneId: 'T_REF_Z' })]);

    const cluster1 = await upsert('upsertClusters', [{ id: 'T_REF' }], { strategy: 'DELETE' });
    expect(cluster1.problems).toEqual([
      expect.objectContaining({ row: 0, field: 'id', code: 'STILL_REFERENCED', message: expect.stringMatching(/1 zones.*1 data centres/) }),
    ]);
    const zone1 = await upsert('upsertZones', [{ id: 'T_REF_Z' }], { strategy: 'DELETE' });
    expect(zone1.problems).toEqual([expect.objectContaining({ row: 0, field: 'id', code: 'STILL_REFERENCED' })]);
    const moved = await upsert('upsertZones', [zone('T_REF_Z', 'T_CQ')]);
    expect(moved.problems).toEqual([expect.objectContaining({ row: 0, field: 'clusterId', code: 'INCONSISTENT_FIELDS' })]);

    // A current observation of the data centre (racks retired) holds it too.
    await fed.databases.bigdata.db
      .insert(bigdata.observation)
      .values({ metric: 'RACKS_RETIRED', subjectKind: 'DATA_CENTER', subjectId: 'T-DC-REF', period: '2024', year: 2024, value: 10 });
    const dc1 = await upsert('upsertDataCenters', [{ id: 'T-DC-REF' }], { strategy: 'DELETE' });
    expect(dc1.problems).toEqual([
      expect.objectContaining({ row: 0, field: 'id', code: 'STILL_REFERENCED', message: expect.stringContaining('observations') }),
    ]);
    await fed.databases.bigdata.db.update(bigdata.observation).set({ supersededAt: new Date() }).where(eq(bigdata.observation.subjectId, 'T-DC-REF'));

    await upsertOk('upsertDataCenters', [{ id: 'T-DC-REF' }], { strategy: 'DELETE' });
    await upsertOk('upsertZones', [{ id: 'T_REF_Z' }], { strategy: 'DELETE' });
    const gone = await upsertOk('upsertClusters', [{ id: 'T_REF' }], { strategy: 'DELETE' });
    expect(gone.deleted).toBe(1);
    expect(await fed.databases.bigdata.db.select().from(bigdata.cluster).where(eq(bigdata.cluster.id, 'T_REF'))).toEqual([]);
    expect((await revisionsOf('bigdata', 'DataCenterCluster', 'T_REF')).map((r) => r.deleted)).toEqual([false, true]);
  });
});

describe('impossible calendar days in register rows', () => {
  // V8's Date.parse reads 2023-02-30 as 2023-03-02; Postgres refuses it (22008). Either way it is not the day sent.
  const bigdataWriter: Viewer = { subject: 'bigdata-register-sync', agency: 'bigdata', roles: ['writer'] };
  /** The register write itself, without the Date scalar in front of it (as a caller other than the API reaches it). */
  const writeDirectly = (rows: unknown[], dryRun: boolean) =>
    upsertRegister(
      dataCenters,
      { db: fed.databases.bigdata.db, viewer: bigdataWriter, regions: new RegionDirectory(REGION_CODES) },
      rows as DataCenterInput[],
      {
        dryRun,
      },
    );
  const stored = async () => ({ rows: await rowCount(fed.databases.bigdata.db, bigdata.dataCenter), revisions: await revisionCount('bigdata') });
  const dataCenterRow = (id: string) => fed.databases.bigdata.db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, id));

  it('keeps 29 February of a leap year: 2024-02-29 is stored as sent', async () => {
    await upsertOk('upsertDataCenters', [dc('T-DC-LEAP', { commissionedOn: '2024-02-29' })]);
    expect((await dataCenterRow('T-DC-LEAP'))[0]?.commissionedOn).toBe('2024-02-29');
  });

  it.each([
    ['30 February', '2023-02-30', true],
    ['30 February', '2023-02-30', false],
    ['29 February of a common year', '2023-02-29', true],
    ['29 February of a common year', '2023-02-29', false],
    ['a day written the other way round', '30/01/2023', false],
    ['a number', 20230130, false],
  ])('the API reports %s (%s, dryRun: %s) against its row and field, and an atomic batch stores nothing', async (_, day, dryRun) => {
    const before = await stored();
    const summary = await upsert('upsertDataCenters', [dc('T-DC-CAL-OK'), dc('T-DC-CAL', { commissionedOn: day })], { dryRun });
    expect(summary).toMatchObject({ applied: false, created: 0, rejected: 1 });
    expect(summary.problems).toEqual([
      { row: 1, field: 'commissionedOn', code: expect.any(String) as string, message: expect.stringContaining('YYYY-MM-DD') as string },
    ]);
    expect(await stored()).toEqual(before);
    expect(await dataCenterRow('T-DC-CAL-OK')).toEqual([]);
  });

  it('takes the good rows of a batch with a malformed day when it is not atomic, from every agency that registers days', async () => {
    const partial = await upsert('upsertDataCenters', [dc('T-DC-DAY-OK'), dc('T-DC-DAY', { commissionedOn: '2023-13-01' })], { atomic: false });
    expect(partial).toMatchObject({ applied: true, created: 1, rejected: 1, problems: [expect.objectContaining({ row: 1, field: 'commissionedOn' })] });
    expect(await dataCenterRow('T-DC-DAY-OK')).toHaveLength(1);
    const energy = await upsert('upsertPvInstallations', [pv('T-PV-DAY', { commissionedOn: '1 March 2024' })]);
    expect(energy).toMatchObject({ applied: false, rejected: 1, problems: [expect.objectContaining({ row: 0, field: 'commissionedOn' })] });
  });

  it.each([true, false])('the register write refuses 2023-02-30 with row, field and code (dryRun: %s), and stores nothing', async (dryRun) => {
    const before = await stored();
    const summary = await writeDirectly([dc('T-DC-CAL-OK'), dc('T-DC-CAL', { commissionedOn: '2023-02-30' })], dryRun);
    expect(summary).toMatchObject({ applied: false, created: 0, rejected: 1 });
    expect(summary.problems).toEqual([
      { row: 1, field: 'commissionedOn', code: 'OUT_OF_RANGE', message: '`commissionedOn` must be a day of the calendar written YYYY-MM-DD.' },
    ]);
    expect(await stored()).toEqual(before);
    expect(await dataCenterRow('T-DC-CAL')).toEqual([]);
  });

  it('the register write refuses 2023-02-29 and takes 2024-02-29', async () => {
    const common = await writeDirectly([dc('T-DC-CAL', { commissionedOn: '2023-02-29' })], false);
    expect(common.problems).toEqual([expect.objectContaining({ row: 0, field: 'commissionedOn', code: 'OUT_OF_RANGE' })]);
    const leap = await writeDirectly([dc('T-DC-CAL', { commissionedOn: '2024-02-29' })], false);
    expect(leap).toMatchObject({ applied: true, created: 1, problems: [] });
    expect((await dataCenterRow('T-DC-CAL'))[0]?.commissionedOn).toBe('2024-02-29');
  });
});

describe('batch options on registers', () => {
  it('an atomic batch with one bad row writes nothing; atomic: false writes the good rows', async () => {
    const db = fed.databases.bigdata.db;
    const before = { rows: await rowCount(db, bigdata.dataCenter), revisions: await revisionCount('bigdata') };
    const atomic = await upsert('upsertDataCenters', [dc('T-DC-A1'), dc('T-DC-A2', { designRacks: -5 }), dc('T-DC-A3')]);
    expect(atomic).toMatchObject({ applied: false, created: 0, rejected: 1, batchId: null });
    expect({ rows: await rowCount(db, bigdata.dataCenter), revisions: await revisionCount('bigdata') }).toEqual(before);

    const partial = await upsert('upsertDataCenters', [dc('T-DC-A1'), dc('T-DC-A2', { designRacks: -5 }), dc('T-DC-A3')], { atomic: false });
    expect(partial).toMatchObject({ applied: true, created: 2, rejected: 1 });
    expect(partial.problems.map((p) => [p.row, p.field, p.code])).toEqual([[1, 'designRacks', 'NEGATIVE_VALUE']]);
    expect(await rowCount(db, bigdata.dataCenter)).toBe(before.rows + 2);
    expect(await revisionCount('bigdata')).toBe(before.revisions + 2);
  });

  it('dryRun counts what would happen and writes nothing', async () => {
    await upsertOk('upsertDataCenters', [dc('T-DC-DRY')]);
    const before = await revisionCount('bigdata');
    const summary = await upsertOk('upsertDataCenters', [dc('T-DC-DRY', { designRacks: 1 }), dc('T-DC-DRY2')], { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 1, batchId: null });
    expect(await revisionCount('bigdata')).toBe(before);
    expect(await fed.databases.bigdata.db.select().from(bigdata.dataCenter).where(eq(bigdata.dataCenter.id, 'T-DC-DRY2'))).toEqual([]);
  });

  it('a retry with the same idempotency key returns the first summary and writes nothing twice', async () => {
    const rows = [dc('T-DC-K1'), dc('T-DC-K2')];
    const first = await upsertOk('upsertDataCenters', rows, { key: 'dc-sync-2024-11-01' });
    const after = await revisionCount('bigdata');
    const retry = await upsertOk('upsertDataCenters', rows, { key: 'dc-sync-2024-11-01' });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await revisionCount('bigdata')).toBe(after);
    expect((await revisionsOf('bigdata', 'DataCenter', 'T-DC-K1'))[0]!.idempotencyKey).toBe('dc-sync-2024-11-01');

    const reused = await send('upsertDataCenters', [dc('T-DC-K1', { designRacks: 9 })], { key: 'dc-sync-2024-11-01' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The same key on another register's mutation is a different batch too.
    const otherMutation = await send('upsertClusters', [cluster('T_K')], { key: 'dc-sync-2024-11-01' });
    expect(otherMutation.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("refuses another agency's writer, a reader and an anonymous caller, writing nothing", async () => {
    const before = await revisionCount('bigdata');
    const energy = await send('upsertDataCenters', [dc('T-DC-F')], {}, writers.energy);
    expect(energy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await send('upsertDataCenters', [dc('T-DC-F')], {}, await bearer('bigdata', ['reader']));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await send('upsertDataCenters', [dc('T-DC-F')], {}, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const econWriter = await send(
      'upsertEnterprises',
      [{ uscc: uscc('310115', 99), nameZh: '某公司', regionCode: '310115', sector: 'OTHER' }],
      {},
      writers.bigdata,
    );
    expect(econWriter.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await revisionCount('bigdata')).toBe(before);
    expect(await revisionCount('econ')).toBe(0);
  });

  it('writes a batch of 10,000 rows (the default limit) with the same few statements as a 2-row one', async () => {
    const pv = (i: number) => ({
      id: `T-PV-BULK-${i}`,
      regionCode: '310115',
      enterpriseUscc: uscc('310115', 1),
      capacityKw: 100 + i,
      commissionedOn: '2023-06-01',
      onRoof: true,
    });
    fed.resetStatements();
    await upsertOk('upsertPvInstallations', [pv(0), pv(1)]);
    const small = fed.statements();
    fed.resetStatements();
    const large = await upsertOk(
      'upsertPvInstallations',
      Array.from({ length: 10_000 }, (_, i) => pv(i + 2)),
    );
    expect(large.created).toBe(10_000);
    expect(fed.statements()).toBe(small);
    expect(await revisionCount('energy')).toBeGreaterThanOrEqual(10_002);
  });
});

describe('register history (audit queries)', () => {
  const CHANGES = `query($entity: String, $entityId: ID, $after: DateTime, $author: String, $first: Int, $cursor: String) {
    bigdataRegisterChanges(entity: $entity, entityId: $entityId, updatedAfter: $after, author: $author, first: $first, after: $cursor) {
      nodes { revision entity entityId data previous deleted recordedAt author authorAgency sourceSystem idempotencyKey batchId }
      endCursor hasNextPage
    }
  }`;
  interface Node {
    entity: string;
    entityId: string;
    data: string;
    previous: string | null;
    deleted: boolean;
    recordedAt: string;
    author: string;
    batchId: string;
  }
  const changes = (variables: Record<string, unknown>, headers?: Record<string, string>) =>
    fed.query<{ bigdataRegisterChanges: { nodes: Node[]; endCursor: string | null; hasNextPage: boolean } | null }>(CHANGES, variables, headers);

  it('lists who changed what, oldest first, deletions included, filtered and paged', async () => {
    const second = await bearer('bigdata', ['writer'], 'bigdata-second-system');
    const created = await upsertOk('upsertDataCenters', [dc('T-DC-AUDIT')]);
    const changedSummary = await upsert('upsertDataCenters', [dc('T-DC-AUDIT', { status: 'SHUT_DOWN', closedYear: 2025 })], {}, second);
    const removed = await upsertOk('upsertDataCenters', [{ id: 'T-DC-AUDIT' }], { strategy: 'DELETE' });

    const all = await changes({ entity: 'DataCenter', entityId: 'T-DC-AUDIT' });
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.bigdataRegisterChanges!.nodes;
    expect(nodes.map((n) => [n.author, n.deleted, n.batchId, n.recordedAt])).toEqual([
      ['bigdata-register-sync', false, created.batchId, created.recordedAt],
      ['bigdata-second-system', false, changedSummary.batchId, changedSummary.recordedAt],
      ['bigdata-register-sync', true, removed.batchId, removed.recordedAt],
    ]);
    expect(JSON.parse(nodes[1]!.data)).toMatchObject({ id: 'T-DC-AUDIT', status: 'SHUT_DOWN', closedYear: 2025, designRacks: 3200 });
    expect(JSON.parse(nodes[2]!.data)).toMatchObject({ status: 'SHUT_DOWN' });
    // Each revision shows the state it replaced: none for the creation, the operating centre for the closure.
    expect(nodes[0]!.previous).toBeNull();
    expect(JSON.parse(nodes[1]!.previous!)).toMatchObject({ id: 'T-DC-AUDIT', status: 'OPERATING', designRacks: 3200 });
    expect(JSON.parse(nodes[1]!.previous!).closedYear ?? null).toBeNull();
    expect(JSON.parse(nodes[2]!.previous!)).toMatchObject({ status: 'SHUT_DOWN', closedYear: 2025 });

    const byAuthor = await changes({ author: 'bigdata-second-system' });
    expect(byAuthor.data!.bigdataRegisterChanges!.nodes.map((n) => n.entityId)).toEqual(['T-DC-AUDIT']);
    const since = await changes({ entityId: 'T-DC-AUDIT', after: changedSummary.recordedAt });
    expect(since.data!.bigdataRegisterChanges!.nodes.map((n) => n.deleted)).toEqual([true]);

    const page1 = await changes({ entityId: 'T-DC-AUDIT', first: 2 });
    expect(page1.data!.bigdataRegisterChanges).toMatchObject({ hasNextPage: true });
    const page2 = await changes({ entityId: 'T-DC-AUDIT', first: 2, cursor: page1.data!.bigdataRegisterChanges!.endCursor });
    expect(page2.data!.bigdataRegisterChanges!.nodes.map((n) => n.batchId)).toEqual([removed.batchId]);
    expect(page2.data!.bigdataRegisterChanges!.hasNextPage).toBe(false);
  });

  it('is for government readers and the agency itself', async () => {
    const anonymous = await changes({}, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const energy = await changes({}, writers.energy);
    expect(energy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await changes({ first: 1 }, writers.bigdata);
    expect(own.errors).toBeUndefined();
  });

  it('every agency has its own audit query over its own registers', async () => {
    await upsertOk('upsertCoreMachineRooms', [{ id: 'T-CR-AUDIT', nameZh: '审计机房', operatorId: 'CHINA_MOBILE', regionCode: '500112' }]);
    const response = await fed.query<{ commsRegisterChanges: { nodes: { entity: string; entityId: string; author: string }[] } }>(
      `{ commsRegisterChanges(entityId: "T-CR-AUDIT") { nodes { entity entityId author } } }`,
    );
    expect(response.data!.commsRegisterChanges.nodes).toEqual([{ entity: 'CoreMachineRoom', entityId: 'T-CR-AUDIT', author: 'comms-register-sync' }]);
    for (const agency of ['econ', 'energy'] as const) {
      const r = await fed.query(`{ ${agency}RegisterChanges(first: 1) { hasNextPage } }`);
      expect(r.errors).toBeUndefined();
    }
  });
});

// ── econ ─────────────────────────────────────────────────────────────────────────────────────────

const SH_FIRM = uscc('310115', 11);
const CQ_FIRM = uscc('500112', 12);
const enterprise = (code: string, regionCode: string, extra: Record<string, unknown> = {}) => ({
  uscc: code,
  nameZh: `企业${code.slice(-4)}`,
  regionCode,
  sector: 'MANUFACTURING',
  ...extra,
});
const designation = (id: string, extra: Record<string, unknown>) => ({ id, year: 2024, regionCode: '310115', ...extra });
const retrofit = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id}改造项目`,
  regionCode: '310115',
  enterpriseUscc: SH_FIRM,
  plannedYear: 2024,
  status: 'IN_PROGRESS',
  ...extra,
});
const pilot = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id}试点`,
  type: 'BUILDING',
  goal: 'CARBON_PEAK',
  domains: ['ENERGY', 'TRANSPORT', 'CARBON_SINK'],
  stage: 'CONSTRUCTION',
  regionCode: '310115',
  applicantName: '某大厦物业管理有限公司',
  applicationYear: 2023,
  ...extra,
});

describe('econ registers', () => {
  beforeAll(async () => {
    await upsertOk('upsertEnterprises', [enterprise(SH_FIRM, '310115'), enterprise(CQ_FIRM, '500112')]);
  });

  it('creates, updates, keeps unchanged and deletes enterprises, keyed by USCC', async () => {
    const code = uscc('310104', 21);
    const created = await upsertOk('upsertEnterprises', [enterprise(code, '310104')]);
    expect(created.created).toBe(1);
    const same = await upsertOk('upsertEnterprises', [enterprise(code, '310104')]);
    expect(same).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    const renamed = await upsertOk('upsertEnterprises', [enterprise(code, '310104', { nameZh: '新名称有限公司', sector: 'TELECOM' })], { strategy: 'UPDATE' });
    expect(renamed.updated).toBe(1);
    const [row] = await fed.databases.econ.db.select().from(econ.enterprise).where(eq(econ.enterprise.uscc, code));
    expect(row).toMatchObject({ nameZh: '新名称有限公司', sector: 'TELECOM', regionCode: '310104', updatedAt: new Date(renamed.recordedAt!) });
    const removed = await upsertOk('upsertEnterprises', [{ uscc: code }], { strategy: 'DELETE' });
    expect(removed.deleted).toBe(1);
    expect(await fed.databases.econ.db.select().from(econ.enterprise).where(eq(econ.enterprise.uscc, code))).toEqual([]);
    expect((await revisionsOf('econ', 'Enterprise', code)).map((r) => [r.deleted, (r.data as { nameZh: string }).nameZh])).toEqual([
      [false, `企业${code.slice(-4)}`],
      [false, '新名称有限公司'],
      [true, '新名称有限公司'],
    ]);
  });

  it('checks the USCC key under every strategy', async () => {
    expectOneProblem(
      await upsert('upsertEnterprises', [enterprise(uscc('310104', 22), '310104'), enterprise(wrongCheck(uscc('310104', 23)), '310104')]),
      'uscc',
      'INVALID_USCC',
    );
    expectOneProblem(
      await upsert('upsertEnterprises', [enterprise(uscc('310104', 22), '310104'), enterprise('91310104MA1FL0000I', '310104')]),
      'uscc',
      'INVALID_USCC',
    );
    const remove = await upsert('upsertEnterprises', [{ uscc: 'not-a-code' }], { strategy: 'DELETE' });
    expect(remove.problems.map((p) => [p.field, p.code])).toEqual([['uscc', 'INVALID_USCC']]);
    expectOneProblem(
      await upsert('upsertEnterprises', [enterprise(uscc('310104', 22), '310104'), enterprise(uscc('310104', 24), '310100')]),
      'regionCode',
      'UNKNOWN_REGION',
    );
  });

  it('refuses to delete an enterprise its projects still reference', async () => {
    const code = uscc('310112', 31);
    await upsertOk('upsertEnterprises', [enterprise(code, '310112')]);
    await upsertOk('upsertRetrofitProjects', [retrofit('T-RP-REF', { enterpriseUscc: code, regionCode: '310112' })]);
    const summary = await upsert('upsertEnterprises', [{ uscc: code }], { strategy: 'DELETE' });
    expect(summary.problems).toEqual([
      expect.objectContaining({ row: 0, field: 'uscc', code: 'STILL_REFERENCED', message: expect.stringContaining('1 retrofit projects') }),
    ]);
    expect(await fed.databases.econ.db.select().from(econ.enterprise).where(eq(econ.enterprise.uscc, code))).toHaveLength(1);
  });

  it('designations: round trip, and the subject follows the kind', async () => {
    const created = await upsertOk('upsertDesignations', [
      designation('T-ZCF-1', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: SH_FIRM }),
      designation('T-NGDC-1', { kind: 'NATIONAL_GREEN_DATA_CENTER', dataCenterId: 'DC-310115-001' }),
      designation('T-ZCP-1', { kind: 'ZERO_CARBON_PARK', parkName: '张江零碳园区' }),
    ]);
    expect(created.created).toBe(3);
    const update = await upsertOk('upsertDesignations', [
      designation('T-NGDC-1', { kind: 'NATIONAL_GREEN_DATA_CENTER', dataCenterId: 'DC-310115-001', year: 2023 }),
    ]);
    expect(update.updated).toBe(1);
    const [row] = await fed.databases.econ.db.select().from(econ.designation).where(eq(econ.designation.id, 'T-NGDC-1'));
    expect(row).toEqual({
      id: 'T-NGDC-1',
      kind: 'NATIONAL_GREEN_DATA_CENTER',
      year: 2023,
      regionCode: '310115',
      dataCenterId: 'DC-310115-001',
      enterpriseUscc: null,
      parkName: null,
    });
    await upsertOk('upsertDesignations', [{ id: 'T-ZCP-1' }], { strategy: 'DELETE' });
    expect(await fed.databases.econ.db.select().from(econ.designation).where(eq(econ.designation.id, 'T-ZCP-1'))).toEqual([]);
    expect((await revisionsOf('econ', 'Designation', 'T-ZCP-1')).map((r) => r.deleted)).toEqual([false, true]);

    const ok = designation('T-D-OK', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: SH_FIRM });
    const cases: [Record<string, unknown>, string, string][] = [
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY' }), 'enterpriseUscc', 'REQUIRED'],
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: SH_FIRM, dataCenterId: 'DC-1' }), 'dataCenterId', 'INCONSISTENT_FIELDS'],
      [designation('T-D', { kind: 'ZERO_CARBON_PARK' }), 'parkName', 'REQUIRED'],
      [designation('T-D', { kind: 'WASTE_HEAT_DATA_CENTER' }), 'dataCenterId', 'REQUIRED'],
      [designation('T-D', { kind: 'ZERO_CARBON_DATA_CENTER', dataCenterId: 'DC-1', parkName: '园区' }), 'parkName', 'INCONSISTENT_FIELDS'],
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: uscc('310115', 404) }), 'enterpriseUscc', 'UNKNOWN_ENTERPRISE'],
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: wrongCheck(SH_FIRM) }), 'enterpriseUscc', 'INVALID_USCC'],
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: SH_FIRM, year: thisYear + 1 }), 'year', 'PERIOD_IN_FUTURE'],
      [designation('T-D', { kind: 'ZERO_CARBON_FACTORY', enterpriseUscc: SH_FIRM, year: 1023 }), 'year', 'OUT_OF_RANGE'],
    ];
    for (const [row, field, code] of cases) expectOneProblem(await upsert('upsertDesignations', [ok, row]), field, code);
  });

  it('retrofit projects: round trip and the schedule rules', async () => {
    await upsertOk('upsertRetrofitProjects', [retrofit('T-RP-1')]);
    const done = await upsertOk('upsertRetrofitProjects', [retrofit('T-RP-1', { status: 'COMPLETED', completedYear: 2024 })]);
    expect(done.updated).toBe(1);
    const [row] = await fed.databases.econ.db.select().from(econ.retrofitProject).where(eq(econ.retrofitProject.id, 'T-RP-1'));
    expect(row).toMatchObject({ status: 'COMPLETED', completedYear: 2024, plannedYear: 2024 });

    const cases: [Record<string, unknown>, string, string][] = [
      [retrofit('T-RP', { plannedYear: 2026 }), 'plannedYear', 'OUT_OF_RANGE'],
      [retrofit('T-RP', { plannedYear: 2021 }), 'plannedYear', 'OUT_OF_RANGE'],
      [retrofit('T-RP', { status: 'COMPLETED' }), 'completedYear', 'INCONSISTENT_FIELDS'],
      [retrofit('T-RP', { status: 'WITHDRAWN', completedYear: 2023 }), 'completedYear', 'INCONSISTENT_FIELDS'],
      [retrofit('T-RP', { enterpriseUscc: uscc('310115', 405) }), 'enterpriseUscc', 'UNKNOWN_ENTERPRISE'],
      [retrofit('T-RP', { regionCode: '310000' }), 'regionCode', 'WRONG_REGION_LEVEL'],
    ];
    for (const [row, field, code] of cases) expectOneProblem(await upsert('upsertRetrofitProjects', [retrofit('T-RP-OK'), row]), field, code);
  });

  it('pilots: round trip, domains in any order, and the seed 001 rules', async () => {
    await upsertOk('upsertPilots', [pilot('T-CPP-1'), pilot('T-CPP-2', { type: 'ENTERPRISE', applicantUscc: SH_FIRM, applicantName: '企业' })]);
    const reordered = await upsertOk('upsertPilots', [pilot('T-CPP-1', { domains: ['CARBON_SINK', 'ENERGY', 'TRANSPORT'] })]);
    expect(reordered.unchanged).toBe(1);
    // Too few domains is allowed while the application waits for pre-review.
    const early = await upsertOk('upsertPilots', [pilot('T-CPP-3', { type: 'REGION', domains: ['ENERGY'], stage: 'DISTRICT_PRE_REVIEW' })]);
    expect(early.created).toBe(1);
    const [row] = await fed.databases.econ.db.select().from(econ.carbonPeakPilot).where(eq(econ.carbonPeakPilot.id, 'T-CPP-1'));
    expect(row!.domains).toEqual(['ENERGY', 'TRANSPORT', 'CARBON_SINK']);

    const cases: [Record<string, unknown>, string, string][] = [
      [pilot('T-CPP', { type: 'PARK' }), 'domains', 'TOO_FEW_DOMAINS'],
      [pilot('T-CPP', { domains: ['ENERGY', 'ENERGY', 'TRANSPORT'] }), 'domains', 'OUT_OF_RANGE'],
      [pilot('T-CPP', { domains: [] }), 'domains', 'REQUIRED'],
      [pilot('T-CPP', { regionCode: '500112' }), 'regionCode', 'OUT_OF_RANGE'],
      [pilot('T-CPP', { type: 'ENTERPRISE' }), 'applicantUscc', 'REQUIRED'],
      [pilot('T-CPP', { type: 'ENTERPRISE', applicantUscc: CQ_FIRM }), 'applicantUscc', 'INCONSISTENT_FIELDS'],
      [pilot('T-CPP', { applicantUscc: uscc('310115', 406) }), 'applicantUscc', 'UNKNOWN_ENTERPRISE'],
      [pilot('T-CPP', { applicationYear: thisYear + 1 }), 'applicationYear', 'PERIOD_IN_FUTURE'],
    ];
    for (const [row, field, code] of cases) expectOneProblem(await upsert('upsertPilots', [pilot('T-CPP-OK'), row]), field, code);

    const removed = await upsertOk('upsertPilots', [{ id: 'T-CPP-3' }], { strategy: 'DELETE' });
    expect(removed.deleted).toBe(1);
    const last = (await revisionsOf('econ', 'CarbonPeakPilot', 'T-CPP-3')).at(-1)!;
    expect(last).toMatchObject({
      deleted: true,
      batchId: removed.batchId,
      data: { id: 'T-CPP-3', type: 'REGION', domains: ['ENERGY'], stage: 'DISTRICT_PRE_REVIEW' },
    });
  });
});

// ── energy and comms ─────────────────────────────────────────────────────────────────────────────

const pv = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  regionCode: '310115',
  enterpriseUscc: SH_FIRM,
  capacityKw: '250.5',
  commissionedOn: '2023-06-01',
  onRoof: true,
  roofAreaM2: 1800,
  ...extra,
});
const room = (id: string, extra: Record<string, unknown> = {}) => ({ id, nameZh: `${id}核心机房`, operatorId: 'CHINA_MOBILE', regionCode: '500112', ...extra });

describe('energy registers', () => {
  it('creates, updates, keeps unchanged and deletes PV installations', async () => {
    const created = await upsertOk('upsertPvInstallations', [pv('T-PV-1'), pv('T-PV-2', { onRoof: false, roofAreaM2: null })]);
    expect(created.created).toBe(2);
    const next = await upsertOk('upsertPvInstallations', [
      pv('T-PV-1', { capacityKw: 250.5 }),
      pv('T-PV-2', { onRoof: false, roofAreaM2: null, capacityKw: 300 }),
    ]);
    expect(next).toMatchObject({ unchanged: 1, updated: 1 });
    const [row] = await fed.databases.energy.db.select().from(energy.pvInstallation).where(eq(energy.pvInstallation.id, 'T-PV-2'));
    expect(row).toEqual({
      id: 'T-PV-2',
      regionCode: '310115',
      enterpriseUscc: SH_FIRM,
      capacityKw: 300,
      commissionedOn: '2023-06-01',
      onRoof: false,
      roofAreaM2: null,
    });
    await upsertOk('upsertPvInstallations', [{ id: 'T-PV-2' }], { strategy: 'DELETE' });
    expect(await fed.databases.energy.db.select().from(energy.pvInstallation).where(eq(energy.pvInstallation.id, 'T-PV-2'))).toEqual([]);
    expect((await revisionsOf('energy', 'PvInstallation', 'T-PV-2')).map((r) => [r.deleted, (r.data as { capacityKw: number }).capacityKw])).toEqual([
      [false, 250.5],
      [false, 300],
      [true, 300],
    ]);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['zero capacity', pv('T-PV', { capacityKw: 0 }), 'capacityKw', 'OUT_OF_RANGE'],
    ['negative capacity', pv('T-PV', { capacityKw: -3 }), 'capacityKw', 'NEGATIVE_VALUE'],
    ['a capacity with a decimal comma', pv('T-PV', { capacityKw: '12,5' }), 'capacityKw', 'NOT_A_NUMBER'],
    ['a roof area on a ground installation', pv('T-PV', { onRoof: false }), 'roofAreaM2', 'INCONSISTENT_FIELDS'],
    ['an owner USCC with a wrong check character', pv('T-PV', { enterpriseUscc: wrongCheck(SH_FIRM) }), 'enterpriseUscc', 'INVALID_USCC'],
    ['a commissioning date after today', pv('T-PV', { commissionedOn: tomorrow }), 'commissionedOn', 'DATE_IN_FUTURE'],
    ['a missing roof flag', pv('T-PV', { onRoof: null, roofAreaM2: null }), 'onRoof', 'REQUIRED'],
  ];
  it.each(cases)('rejects %s', async (_, row, field, code) => {
    expectOneProblem(await upsert('upsertPvInstallations', [pv('T-PV-OK'), row]), field, code);
  });
});

describe('comms registers', () => {
  it('creates, updates, keeps unchanged and deletes core machine rooms', async () => {
    expect((await upsertOk('upsertCoreMachineRooms', [room('T-CR-1')])).created).toBe(1);
    expect((await upsertOk('upsertCoreMachineRooms', [room('T-CR-1')])).unchanged).toBe(1);
    expect((await upsertOk('upsertCoreMachineRooms', [room('T-CR-1', { renovatedYear: 2024 })])).updated).toBe(1);
    const [row] = await fed.databases.comms.db.select().from(comms.coreRoom).where(eq(comms.coreRoom.id, 'T-CR-1'));
    expect(row).toEqual({ ...room('T-CR-1'), renovatedYear: 2024 });

    // An observation of the room blocks its deletion until it is withdrawn.
    await fed.databases.comms.db
      .insert(comms.observation)
      .values({ metric: 'ANY', subjectKind: 'CORE_ROOM', subjectId: 'T-CR-1', period: '2024', year: 2024, value: 1 });
    const blocked = await upsert('upsertCoreMachineRooms', [{ id: 'T-CR-1' }], { strategy: 'DELETE' });
    expect(blocked.problems).toEqual([expect.objectContaining({ row: 0, field: 'id', code: 'STILL_REFERENCED' })]);
    await fed.databases.comms.db.update(comms.observation).set({ deleted: true }).where(eq(comms.observation.subjectId, 'T-CR-1'));
    expect((await upsertOk('upsertCoreMachineRooms', [{ id: 'T-CR-1' }], { strategy: 'DELETE' })).deleted).toBe(1);
    expect(
      (await revisionsOf('comms', 'CoreMachineRoom', 'T-CR-1')).map((r) => [r.deleted, (r.data as { renovatedYear: number | null }).renovatedYear]),
    ).toEqual([
      [false, null],
      [false, 2024],
      [true, 2024],
    ]);
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['an unknown operator', room('T-CR', { operatorId: 'NO_SUCH' }), 'operatorId', 'UNKNOWN_REFERENCE'],
    ['the tower company as operator', room('T-CR', { operatorId: 'CHINA_TOWER' }), 'operatorId', 'INCONSISTENT_FIELDS'],
    ['a renovation year in the future', room('T-CR', { renovatedYear: thisYear + 1 }), 'renovatedYear', 'PERIOD_IN_FUTURE'],
    ['a missing region', room('T-CR', { regionCode: null }), 'regionCode', 'REQUIRED'],
  ];
  it.each(cases)('rejects %s', async (_, row, field, code) => {
    expectOneProblem(await upsert('upsertCoreMachineRooms', [room('T-CR-OK'), row]), field, code);
  });
});
