import { describe, expect, it } from 'vitest';
import { cubeDataCenters, cubePopulations, gridPositions, onGrid, populationCells } from '../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../lib/indicators/scope.ts';

// A cube's populations travel dense, as its facts do: the population of code p, region r and year y is entry
// (p × R + r) × Y + y of `members`; the regions and years are the cube key's and do not travel with each entry.
describe("a cube's populations, dense", () => {
  const cube = {
    indicatorCodes: ['NEW_LARGE_DC_PUE', 'DC_PUE', 'DC_RACK_UTILISATION', 'ICT_TRAFFIC_ENERGY_DECREASE'],
    regionCodes: ['500101', '500112'],
    years: [2024, 2025],
    asOf: 'latest',
  };
  // Data centres C (500101) and D (500112), both in every population and year; nothing else registered.
  const membersOf = (cell: IndicatorValueKey) => [{ id: cell.scopeId === '500101' ? 'C' : 'D', year: cell.year }];

  it('names each data-centre population once by its representative, and lists each unit-year once', async () => {
    const { populations, units } = await cubePopulations(cube, 'DATA_CENTER', membersOf, (u) => `${u.id}|${u.year}`);
    // DC_PUE and DC_RACK_UTILISATION stand for the whole register's population (DC_CLUSTER_SHARE); NEW_LARGE_DC_PUE for its own.
    expect(populations.indicatorCodes).toEqual(['NEW_LARGE_DC_PUE', 'DC_CLUSTER_SHARE']);
    // 2 codes × 2 regions × 2 years: C 2024, C 2025, D 2024, D 2025, then the same four unit-years again.
    expect(populations.members).toEqual([[0], [1], [2], [3], [0], [1], [2], [3]]);
    expect(units).toEqual([
      { id: 'C', year: 2024 },
      { id: 'C', year: 2025 },
      { id: 'D', year: 2024 },
      { id: 'D', year: 2025 },
    ]);
  });

  it('reads every entry back with its code, region and year from the cube key', async () => {
    const { populations } = await cubePopulations(cube, 'DATA_CENTER', membersOf, (u) => `${u.id}|${u.year}`);
    const cells = populationCells(populations, cube);
    expect(cells).toHaveLength(8);
    // Entry (1 × 2 + 1) × 2 + 0 = 6: the register's population of 500112 in 2024, D 2024 (position 2).
    expect(cells[6]).toEqual({ indicatorCode: 'DC_CLUSTER_SHARE', regionCode: '500112', year: 2024, members: [2] });
  });
});

// Data centres travel as a grid: each id and register column once, data centre d in year y at position d × Y + y.
describe("a cube's data-centre grid", () => {
  const cube = { indicatorCodes: ['DC_RACK_UTILISATION'], regionCodes: ['500101', '500112'], years: [2024, 2025], asOf: 'latest' };
  // C (500101) in 2024 and 2025; D (500112) only in 2025, commissioned that year.
  const membersOf = (cell: IndicatorValueKey) =>
    cell.scopeId === '500101' ? [{ id: 'C', racks: 100, year: cell.year }] : cell.year === 2025 ? [{ id: 'D', racks: 300, year: 2025 }] : [];

  it('lists each data centre once and names its years by position on the grid', async () => {
    const grid = onGrid(
      await cubePopulations(cube, 'DATA_CENTER', membersOf, (u) => `${u.id}|${u.year}`),
      (u) => u.id,
      (u) => u.year,
    );
    expect(grid.ids).toEqual(['C', 'D']);
    expect(grid.years).toEqual([2024, 2025]);
    expect(grid.rows.map((u) => u.racks)).toEqual([100, 300]);
    // C 2024 = 0 × 2 + 0, C 2025 = 0 × 2 + 1, D 2025 = 1 × 2 + 1; 500112 holds nobody in 2024.
    expect(grid.populations.members).toEqual([[0], [1], [], [3]]);
    expect(gridPositions(grid.ids, grid.years)('D', 2025)).toBe(3);
  });

  it('hands an owner the data-centre years the populations hold, not every position of the grid', () => {
    const members = cubeDataCenters({
      ...cube,
      dataCenterIds: ['C', 'D'],
      dataCenterYears: [2024, 2025],
      dataCenterPopulations: { indicatorCodes: ['DC_CLUSTER_SHARE'], members: [[0], [1], [], [3, 1]] },
    });
    // Position 2 (D in 2024) is held by no population: D is not read for 2024.
    expect(members).toEqual({ dataCenterIds: ['C', 'C', 'D'], years: [2024, 2025, 2025], asOf: 'latest', positions: [0, 1, 3] });
  });
});
