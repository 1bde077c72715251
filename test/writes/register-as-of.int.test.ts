import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAt } from '../../lib/registers/as-of.ts';
import { makeUscc } from '../../lib/uscc.ts';
import { dataCenters } from '../../subgraphs/bigdata/registers.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import type { ImportSummary } from '../../lib/writes/batch.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// A register read as it stood at an instant (lib/registers/as-of.ts) against snapshots of the register
// table itself taken at those instants: every column, with its type, must come back as it was.

let fed: TestFederation;
let writer: Record<string, string>;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata'], indicators: false });
  writer = await bearer('bigdata', ['writer'], 'bigdata-register-sync');
});
afterAll(() => fed?.stop());

const OPERATOR = makeUscc('500112', '00000001');
const dc = (id: string, designRacks: number, extra: Record<string, unknown> = {}) => ({
  id,
  nameZh: `${id}号数据中心`,
  operatorUscc: OPERATOR,
  regionCode: '500112',
  latitude: 29.72,
  longitude: '106.63',
  commissionedOn: '2012-05-01',
  status: 'OPERATING',
  designRacks,
  ...extra,
});

async function upsert(rows: unknown[], strategy = 'UPSERT'): Promise<ImportSummary> {
  const response = await fed.query<{ upsertDataCenters: ImportSummary }>(
    `mutation($rows: [DataCenterInput!]!, $strategy: WriteStrategy) { upsertDataCenters(rows: $rows, strategy: $strategy) { applied created updated deleted recordedAt problems { row field code message } } }`,
    { rows, strategy },
    writer,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.upsertDataCenters.problems).toEqual([]);
  return response.data!.upsertDataCenters;
}

const table = () => fed.databases.bigdata.db.select().from(dataCenter).orderBy(asc(dataCenter.id));
const at = async (instant: Date) => (await registerAt(fed.databases.bigdata.db, dataCenter, dataCenters, instant)).sort((a, b) => a.id.localeCompare(b.id));
const justBefore = (iso: string) => new Date(Date.parse(iso) - 1);

describe('registers as they stood at an instant', () => {
  it('gives back each earlier state of the table: seeded entries, creations, corrections and deletions', async () => {
    // Loaded before any revision, as the demo seed and a migrated register are.
    const seed = (id: string, designRacks: number): typeof dataCenter.$inferInsert => ({
      id,
      nameZh: `${id}号数据中心`,
      operatorUscc: OPERATOR,
      regionCode: '500112',
      commissionedOn: '2012-05-01',
      status: 'OPERATING',
      designRacks,
      buildType: 'EXISTING',
    });
    await fed.databases.bigdata.db.insert(dataCenter).values([seed('R-SEEDED', 1000), seed('R-STILL', 500)]);
    const seeded = await table();

    // A correction of the seeded entry and a new entry, in one batch…
    const first = await upsert([dc('R-SEEDED', 1200, { status: 'SHUT_DOWN', closedYear: 2024 }), dc('R-NEW', 3200, { zoneId: null })]);
    expect(first).toMatchObject({ applied: true, created: 1, updated: 1 });
    const afterFirst = await table();

    // …then another correction, and the seeded entry withdrawn as registered in error.
    const second = await upsert([dc('R-NEW', 3600, { renovatedYear: 2023 })]);
    const third = await upsert([{ id: 'R-SEEDED' }], 'DELETE');
    expect(third).toMatchObject({ applied: true, deleted: 1 });
    const afterThird = await table();

    // Before any revision: the seeded state, stamps included.
    expect(await at(justBefore(first.recordedAt!))).toEqual(seeded);
    // Between the batches, exactly the table as the first batch left it.
    expect(await at(new Date(first.recordedAt!))).toEqual(afterFirst);
    expect(await at(justBefore(second.recordedAt!))).toEqual(afterFirst);
    // After the last one, the table as it is.
    expect(await at(new Date(third.recordedAt!))).toEqual(afterThird);
    expect(afterThird.map((r) => r.id)).toEqual(['R-NEW', 'R-STILL']);
  });
});
