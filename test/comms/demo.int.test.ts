import { and, asc, avg, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type DemoWorld } from '../../db/demo/world.ts';
import { site5g, tower } from '../../subgraphs/comms/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { observation } from './fixtures.ts';

// Smoke and coverage checks of the demo data: shapes and ranges, not exact values.
let fed: TestFederation;
let world: DemoWorld;
beforeAll(async () => {
  world = buildWorld();
  fed = await startTestFederation({ agencies: ['comms'], world });
});
afterAll(() => fed?.stop());

const inService = (dc: DemoWorld['dataCenters'][number], year: number) =>
  Number(dc.commissionedOn.slice(0, 4)) <= year && (dc.closedYear === null || dc.closedYear >= year);

describe('comms demo data', () => {
  it('reports racks in use only for centres in service that year, never above design racks, with a handful of reports missing', async () => {
    const rows = await fed.databases.comms.db.select().from(observation).where(eq(observation.metric, 'RACKS_IN_USE'));
    const byId = new Map(world.dataCenters.map((dc) => [dc.id, dc]));
    for (const row of rows) {
      const dc = byId.get(row.subjectId)!;
      expect(inService(dc, row.year), `${row.subjectId} ${row.year}`).toBe(true);
      expect(row.value).toBeLessThanOrEqual(dc.designRacks);
      expect(row.value).toBeGreaterThan(0);
      expect(row.status).toBe(row.year === 2025 ? 'PROVISIONAL' : 'FINAL');
    }
    const expected = world.dataCenters.flatMap((dc) => world.years.filter((y) => inService(dc, y)));
    const missing = expected.length - rows.length;
    expect(missing).toBeGreaterThanOrEqual(1);
    expect(missing).toBeLessThanOrEqual(20);
  });

  it('builds a few thousand 5G sites, about 80% of them by sharing, with about three base stations each', async () => {
    const { db } = fed.databases.comms;
    const [sites] = await db.select({ n: count(), perSite: avg(site5g.baseStations) }).from(site5g);
    expect(sites!.n).toBeGreaterThan(2000);
    expect(sites!.n).toBeLessThan(6000);
    expect(Number(sites!.perSite)).toBeGreaterThan(2.8);
    expect(Number(sites!.perSite)).toBeLessThan(3.2);
    const [shared] = await db.select({ n: count() }).from(site5g).where(eq(site5g.builtBySharing, true));
    expect(shared!.n / sites!.n).toBeGreaterThan(0.75);
    expect(shared!.n / sites!.n).toBeLessThan(0.87);
  });

  it('builds about 75% of new towers by sharing', async () => {
    const { db } = fed.databases.comms;
    const [all] = await db.select({ n: count() }).from(tower);
    const [shared] = await db.select({ n: count() }).from(tower).where(eq(tower.shared, true));
    expect(shared!.n / all!.n).toBeGreaterThan(0.7);
    expect(shared!.n / all!.n).toBeLessThan(0.8);
  });

  it('reports every county’s traffic, business volume and 5G traffic each year, each growing 20–30% a year, and the nation’s own', async () => {
    const counties = world.regions.filter((r) => r.level === 'COUNTY');
    for (const metric of ['INFORMATION_TRAFFIC_GB', 'TELECOM_BUSINESS_VOLUME_10K_CNY', 'TRAFFIC_5G_GB']) {
      const all = await fed.databases.comms.db
        .select()
        .from(observation)
        // Current revisions: the first publication of 2023's figures was superseded by a correction (db/demo/publication.ts).
        .where(and(eq(observation.metric, metric), eq(observation.subjectKind, 'REGION'), isNull(observation.supersededAt)))
        .orderBy(asc(observation.subjectId), asc(observation.year));
      // The nation reports its own figure every year (db/demo/national.ts), far above the two cities' sum.
      expect(all.filter((r) => r.subjectId === '000000').map((r) => r.year)).toEqual([...world.years]);
      const rows = all.filter((r) => r.subjectId !== '000000');
      expect(rows).toHaveLength(counties.length * world.years.length);
      for (let i = 1; i < rows.length; i++) {
        const [previous, current] = [rows[i - 1]!, rows[i]!];
        if (previous.subjectId !== current.subjectId) continue;
        expect(current.value / previous.value).toBeGreaterThan(1.19);
        expect(current.value / previous.value).toBeLessThan(1.31);
      }
      expect(rows.filter((r) => r.status === 'PROVISIONAL').every((r) => r.year === 2025)).toBe(true);
    }
  });

  it('registers the world’s operators and core rooms, answerable through the gateway', async () => {
    const res = await fed.query<{ telecomOperators: { id: string }[]; coreMachineRooms: { totalCount: number }; cq: { totalCount: number } }>(
      `{ telecomOperators { id } coreMachineRooms { totalCount } cq: coreMachineRooms(region: "500000") { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.telecomOperators.map((o) => o.id)).toEqual(world.operators.map((o) => o.id).sort());
    expect(res.data!.coreMachineRooms.totalCount).toBe(world.coreRooms.length);
    // Four basic operators × three rooms in Chongqing.
    expect(res.data!.cq.totalCount).toBe(12);
  });
});
