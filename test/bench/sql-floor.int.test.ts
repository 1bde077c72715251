import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, FLOOR_INDICATORS, sqlFloorGrid } from '../../bench/sql-floor.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { writeCoverageFixtures, SHANGHAI_OWN_ENERGY } from '../indicators/coverage-fixtures.ts';
import { writeFixtures } from '../indicators/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { observationRow } from '../support/observations.ts';

// The floor is hand-written SQL for postgres.js over one database holding every agency's schema: the Postgres run only.
const onPostgres = process.env.TEST_DB === 'postgres';

let fed: TestFederation;
beforeAll(async () => {
  if (!onPostgres) return;
  fed = await startTestFederation();
  await writeFixtures(fed);
  await writeCoverageFixtures(fed);
  await fed.databases.energy.db
    .insert(energyObservation)
    .values(Object.entries(SHANGHAI_OWN_ENERGY).map(([year, tce]) => observationRow('TELECOM_ENERGY_TCE', 'REGION', '310000', year, tce)));
}, 180_000);
afterAll(() => fed?.stop());

describe.runIf(onPostgres)('the benchmark SQL floor', () => {
  it('answers every cell as indicatorCube does, late units, region figures at any level and empty populations included', async () => {
    const regions = ['500000', '500101', '500102', '500103', '500105', '500112', '500120', '310000', '310106', '310118', '310151'];
    const years = [2020, 2021, 2022, 2023, 2024, 2025];
    const sql = (fed.databases.bigdata.db as unknown as { $client: postgres.Sql }).$client;
    const floor = await sqlFloorGrid(sql, regions, years);
    const res = await fed.query<{ indicatorCube: { indicatorCodes: string[]; regionCodes: string[]; years: number[]; values: (number | null)[] } }>(
      `query($c: [ID!], $r: [ID!]!, $y: [Int!]!) { indicatorCube(codes: $c, regions: $r, years: $y) { indicatorCodes regionCodes years values } }`,
      { c: [...FLOOR_INDICATORS], r: regions, y: years },
    );
    expect(res.errors).toBeUndefined();
    const cube = res.data!.indicatorCube;
    const cells: { cell: string; cube: number | null; floor: number | null }[] = [];
    cube.indicatorCodes.forEach((code, i) =>
      cube.regionCodes.forEach((region, r) =>
        cube.years.forEach((year, y) =>
          cells.push({
            cell: cellKey(code, region, year),
            cube: cube.values[(i * cube.regionCodes.length + r) * cube.years.length + y] ?? null,
            floor: floor.get(cellKey(code, region, year)) ?? null,
          }),
        ),
      ),
    );
    expect(cells).toHaveLength(floor.size);
    const disagree = cells.filter(({ cube: a, floor: b }) => (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))));
    expect(disagree).toEqual([]);
    // The world has late units and region-level figures in it: the comparison is not over blanks only.
    expect(floor.get(cellKey('DC_RACK_UTILISATION', '500000', 2024))).not.toBeNull();
    expect(floor.get(cellKey('ICT_TRAFFIC_ENERGY_DECREASE', '310000', 2024))).toBeCloseTo(1 / 11, 12);
    // 静安 2025 (coverage-fixtures.ts): N2 sent January alone and N4 no March, so the renewable share is N1's and N3's,
    // (2,340,000 + 4,500,000) ÷ (11,700,000 + 9,000,000) kWh, with 9,000 of 9,900 design racks.
    expect(floor.get(cellKey('DC_RENEWABLE_RATE', '310106', 2025))).toBeCloseTo(6_840_000 / 20_700_000, 12);
  });
});
