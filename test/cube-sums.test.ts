import { describe, expect, it } from 'vitest';
import { fromCubeSums, listPositions, toCubeSums } from '../lib/indicators/cube-sums.ts';
import type { OwnerSums } from '../lib/indicators/owner-sums.ts';

// An owner's totals over a cube travel as columns: entry (i × R + r) × Y + y; units that lacked an input, by their
// position in the cube's unit-year list, and provisional inputs are listed as exceptions by entry.
const entry = (regionCode: string, year: number, over: Partial<OwnerSums>): OwnerSums => ({
  indicatorCode: 'DC_RACK_UTILISATION',
  regionCode,
  year,
  units: 2,
  lacking: [[], []],
  monthsDiffer: [],
  monthsIncomplete: [],
  monthsMissing: [],
  terms: [1200, 1700],
  inputSums: [1700, 1200],
  inputStatuses: ['FINAL', 'FINAL'],
  withheld: false,
  updatedAt: '2026-03-01T09:00:00.000Z',
  ...over,
});

describe("an owner's totals over a cube, as columns", () => {
  const cube = { indicatorCodes: ['DC_PUE', 'DC_RACK_UTILISATION'], regionCodes: ['500101', '500112'] };
  // The cube's unit-years: C 2023, C 2024, D 2024.
  const ids = ['C', 'C', 'D'];
  const years = [2023, 2024, 2024];
  const positions = listPositions(ids, years);
  const idAt = (p: number) => ids[p]!;
  const sums = [
    entry('500101', 2024, { lacking: [[], ['C']], units: 1, terms: [null, null], inputSums: [null, null], withheld: true }),
    entry('500112', 2023, { units: 3, terms: [300, 400], inputStatuses: ['PROVISIONAL', 'FINAL'] }),
    // D reported no racks in use in 2024: no matched unit, so no status.
    entry('500112', 2024, { units: 0, lacking: [['D'], []], terms: [0, 0], inputSums: [0, 0], inputStatuses: [null, null] }),
  ];

  it('lays the entries out indicator by region by year, with empty entries null, and lists lacking units and provisional inputs by entry', () => {
    // One indicator (rack utilisation) × 2 regions × 2 years (2023, 2024): 500101 2024 is entry 1, 500112 2023 entry 2,
    // 500112 2024 entry 3.
    expect(toCubeSums(sums, cube, positions)).toEqual({
      indicatorCodes: ['DC_RACK_UTILISATION'],
      years: [2023, 2024],
      units: [null, 1, 3, 0],
      // [entry, input, position]: C in 2024 (position 1) lacked input 1 in entry 1; D in 2024 (position 2) input 0 in entry 3.
      lacking: [
        [1, 1, 1],
        [3, 0, 2],
      ],
      terms: [null, [null, null], [300, 400], [0, 0]],
      provisional: [[2, 0]],
      unstated: [],
      withheld: [1],
    });
  });

  it('reads back every entry with its region and the ids of its lacking units, without the input totals a cube does not report', () => {
    expect(fromCubeSums(toCubeSums(sums, cube, positions), cube.regionCodes, idAt)).toEqual(
      sums.map((s) => ({ ...s, inputSums: [], updatedAt: null })).sort((a, b) => a.regionCode!.localeCompare(b.regionCode!)),
    );
  });

  it('has no entries when no cell has units', () => {
    const empty = toCubeSums([], cube, positions);
    expect(empty).toEqual({ indicatorCodes: [], years: [], units: [], lacking: [], terms: [], provisional: [], unstated: [], withheld: [] });
    expect(fromCubeSums(empty, cube.regionCodes, idAt)).toEqual([]);
  });
});
