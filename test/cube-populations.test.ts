import { describe, expect, it } from 'vitest';
import { cubePopulations, populationCells } from '../lib/indicators/cube.ts';
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
