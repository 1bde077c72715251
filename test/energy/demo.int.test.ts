import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type DemoWorld } from '../../db/demo/world.ts';
import { demoGaps } from '../../subgraphs/energy/demo.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';

// Smoke and coverage of the generated demo data; values are checked against plain SQL over the same rows.
let fed: TestFederation;
let world: DemoWorld;

/** Plain SQL over the energy schema; PGlite answers `{ rows }`, postgres-js an array. */
async function select<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await fed.databases.energy.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

beforeAll(async () => {
  world = buildWorld();
  fed = await startTestFederation({ agencies: ['bigdata', 'energy'], world });
});

afterAll(() => fed?.stop());

describe('demo energy data', () => {
  it('never has a month where IT energy exceeds total energy', async () => {
    const [row] = await select<{ n: number }>(sql`
      select count(*)::int as n from energy.observation t join energy.observation i
        on i.subject_id = t.subject_id and i.period = t.period
       where (t.metric, i.metric) in (('DC_TOTAL_ENERGY_KWH', 'DC_IT_ENERGY_KWH'), ('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM_IT_ENERGY_KWH'))
         and i.value > t.value`);
    expect(row!.n).toBe(0);
  });

  it('marks 2020–2024 final and 2025 provisional', async () => {
    const rows = await select<{ year: number; status: string }>(
      sql`select distinct year, status from energy.observation where superseded_at is null order by year`,
    );
    expect(rows).toEqual([2020, 2021, 2022, 2023, 2024].map((year) => ({ year, status: 'FINAL' })).concat([{ year: 2025, status: 'PROVISIONAL' }]));
  });

  it('reports data centres only in months they were in service', async () => {
    const first = await select<{ id: string; period: string }>(sql`
      select subject_id as id, min(period) as period from energy.observation where metric = 'DC_IT_ENERGY_KWH' group by subject_id`);
    const byId = new Map(world.dataCenters.map((dc) => [dc.id, dc]));
    expect(first.length).toBeGreaterThan(0);
    for (const { id, period } of first) {
      const dc = byId.get(id)!;
      expect(period >= dc.commissionedOn.slice(0, 7)).toBe(true);
    }
    const commissioned2026 = world.dataCenters.filter((dc) => dc.commissionedOn > '2025-12-31').length;
    expect(first.length).toBe(world.dataCenters.length - commissioned2026);
  });

  it('has the documented gaps where demoGaps says they are', async () => {
    const gaps = demoGaps(world);
    const dc = gaps.dataCenterMissingMonth!;
    const months = await select<{ period: string }>(sql`
      select distinct period from energy.observation where subject_id = ${dc.dataCenterId} and year = 2023 and period like '2023-%' order by period`);
    expect(months.map((m) => m.period)).toEqual(['01', '02', '03', '04', '05', '06', '08', '09', '10', '11', '12'].map((m) => `2023-${m}`));

    const { data } = await fed.query<{ region: { y2020: Record<string, number>; y2025: Record<string, unknown> } }>(
      `query($code: ID!) { region(code: $code) { y2020: year(year: 2020) { bs5gElectricityKwh telecomEnergyTce } y2025: year(year: 2025) { bs5gElectricityKwh telecomEnergyTce } } }`,
      { code: gaps.countyLate2025 },
    );
    // Late in 2025, but its 2020 baseline is there: Shanghai's baseline indicators exist.
    expect(data!.region.y2025).toEqual({ bs5gElectricityKwh: null, telecomEnergyTce: null });
    expect(data!.region.y2020.bs5gElectricityKwh).toBeGreaterThan(0);
    expect(data!.region.y2020.telecomEnergyTce).toBeGreaterThan(0);

    const [enterprise] = await select<{ n: number }>(sql`
      select count(*)::int as n from energy.observation where subject_id = ${gaps.enterpriseWithout2025} and year = 2025`);
    expect(enterprise!.n).toBe(0);
  });

  it('reports region figures for every county, and national figures for the nation itself (db/demo/national.ts)', async () => {
    const subjects = await select<{ id: string }>(sql`select distinct subject_id as id from energy.observation where subject_kind = 'REGION'`);
    const reported = new Set([...world.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code), '000000']);
    expect(subjects.length).toBe(reported.size);
    expect(subjects.every((s) => reported.has(s.id))).toBe(true);
  });

  it('gives every data-centre year through the gateway the PUE that plain SQL computes from its months', async () => {
    const { data, errors } = await fed.query<{
      dataCenters: {
        nodes: { id: string; years: { year: number; inService: boolean; totalEnergyKwh: number | null; itEnergyKwh: number | null; pue: number | null }[] }[];
      };
    }>(`{ dataCenters(first: 5) { nodes { id years(from: 2023, to: 2023) { year inService totalEnergyKwh itEnergyKwh pue } } } }`);
    expect(errors).toBeUndefined();
    for (const { id, years } of data!.dataCenters.nodes) {
      const [year] = years;
      const [expected] = await select<{ total: number | null; it: number | null }>(sql`
        select sum(value) filter (where metric = 'DC_TOTAL_ENERGY_KWH') as total, sum(value) filter (where metric = 'DC_IT_ENERGY_KWH') as it
          from energy.observation where subject_id = ${id} and year = 2023`);
      expect(year!.totalEnergyKwh).toBe(expected!.total === null ? null : Number(expected!.total));
      if (year!.inService) {
        expect(year!.pue).toBeCloseTo(Number(expected!.total) / Number(expected!.it), 12);
        expect(year!.pue!).toBeGreaterThanOrEqual(1);
      } else {
        expect(year!.pue).toBeNull();
      }
    }
  });

  it("registers rooftop PV on no more roofs than an enterprise has, with Shanghai's roofs covered more densely than Chongqing's", async () => {
    const roofs = await select<{ uscc: string; n: number }>(sql`
      select enterprise_uscc as uscc, count(*)::int as n from energy.pv_installation where on_roof group by enterprise_uscc`);
    const usable = new Map(world.enterprises.map((e) => [e.uscc, e.usableRoofs]));
    expect(roofs.length).toBeGreaterThan(0);
    for (const { uscc, n } of roofs) expect(n).toBeLessThanOrEqual(usable.get(uscc)!);
    // Shanghai's roofs are covered more densely (its 百一 plan targets ≥ 50 %), whatever the counts of enterprises.
    const province = new Map(world.regions.map((r) => [r.code, r.parentCode]));
    const ratio = (provinceCode: string) => {
      const inProvince = world.enterprises.filter((e) => province.get(e.regionCode) === provinceCode);
      const withPv = roofs.filter((r) => inProvince.some((e) => e.uscc === r.uscc)).reduce((sum, r) => sum + r.n, 0);
      return withPv / inProvince.reduce((sum, e) => sum + e.usableRoofs, 0);
    };
    expect(ratio('310000')).toBeGreaterThan(ratio('500000'));
  });
});
