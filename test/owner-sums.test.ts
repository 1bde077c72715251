import { describe, expect, it } from 'vitest';
import { catalog } from '../lib/indicators/catalog.ts';
import { foreignUnitFields, monthMatchedInputs, MONTHS_FIELD, ownerSums, populationSums, type Unit } from '../lib/indicators/owner-sums.ts';

// The owner's aggregate, worked out by hand: comms sums its racks in use over the data centres that reported them
// and have design racks; energy its kWh. Only totals, a count and the ids of units that lacked an input come out.
const rack = (
  dataCenterId: string,
  year: number,
  designRacks: number | null,
  racksInUse: number | null,
  commsStatus: string | null = 'FINAL',
  revisedAt?: string,
): Unit => ({
  dataCenterId,
  year,
  designRacks,
  racksInUse,
  commsStatus,
  ...(revisedAt ? { revisedAt: Date.parse(revisedAt) } : {}),
});

describe("an owner's totals", () => {
  const utilisation = catalog().indicators.get('DC_RACK_UTILISATION')!;
  // Latest revisions of each unit-year's racks in use (C's is of another figure: it sent none).
  const units = [
    rack('A', 2024, 1000, 600, 'FINAL', '2026-02-01T00:00:00Z'),
    rack('B', 2024, 500, 450, 'PROVISIONAL', '2026-03-01T09:00:00Z'),
    rack('C', 2024, 800, null, null, '2026-04-01T00:00:00Z'),
    rack('D', 2024, 200, 150, 'FINAL', '2026-01-15T00:00:00Z'),
    rack('A', 2023, 1000, 500),
  ];

  it('sums each sum() term and each input over the matched units and names the units that lacked one', () => {
    // 2024: A, B and D matched; C sent no racks in use. Σ racks in use = 600 + 450 + 150 = 1,200; Σ design racks = 1,000 + 500 + 200 = 1,700.
    expect(ownerSums(utilisation, units, 2024, { mayRead: false, minUnits: 3 })).toEqual({
      indicatorCode: 'DC_RACK_UTILISATION',
      regionCode: null,
      year: 2024,
      units: 3,
      lacking: [[], ['C']], // unit inputs by code: DESIGN_RACKS, RACKS_IN_USE
      monthsDiffer: [],
      terms: [1200, 1700],
      inputSums: [1700, 1200],
      inputStatuses: ['FINAL', 'PROVISIONAL'],
      withheld: false,
      // The latest revision of the matched units: B's; C's later one was not summed.
      updatedAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('withholds totals over 1 to DISCLOSURE_MIN_UNITS − 1 units from a caller who may not read them, and gives them to one who may', () => {
    // 2023: only A (500 of 1,000 racks): its own figure.
    expect(ownerSums(utilisation, units, 2023, { mayRead: false, minUnits: 3 })).toMatchObject({
      units: 1,
      terms: [null, null],
      inputSums: [null, null],
      withheld: true,
    });
    expect(ownerSums(utilisation, units, 2023, { mayRead: true, minUnits: 3 })).toMatchObject({ units: 1, terms: [500, 1000], withheld: false });
  });

  it('lists one entry per indicator the population stands for and year, only for indicators whose unit-level inputs the agency owns', () => {
    const entries = populationSums('comms', 'DATA_CENTER', new Set(['DC_RACK_UTILISATION', 'DC_PUE', 'DC_CLUSTER_SHARE']), units, {
      mayRead: () => true,
      minUnits: 3,
    });
    expect(entries.map((e) => [e.indicatorCode, e.year])).toEqual([
      ['DC_RACK_UTILISATION', 2023],
      ['DC_RACK_UTILISATION', 2024],
    ]);
  });

  it('needs from other agencies only public register fields', () => {
    expect(foreignUnitFields('comms', 'DATA_CENTER')).toEqual(['designRacks']);
    expect(foreignUnitFields('energy', 'DATA_CENTER')).toEqual([]);
  });
});

describe('total and IT energy over the same months', () => {
  const { indicators } = catalog();
  const pue = indicators.get('DC_PUE')!;
  // Bit m for month m, as energy's yearly reduction marks them (lib/observations.ts `months`).
  const months = (...m: number[]) => m.reduce((mask, month) => mask | (1 << month), 0);
  const ALL_YEAR = months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  const meter = (dataCenterId: string, totalEnergyKwh: number, itEnergyKwh: number, total: number, it: number): Unit => ({
    dataCenterId,
    year: 2024,
    totalEnergyKwh,
    itEnergyKwh,
    energyStatus: 'FINAL',
    [MONTHS_FIELD]: { DC_TOTAL_ENERGY_KWH: total, DC_IT_ENERGY_KWH: it },
  });

  it('applies to the indicators that sum two or more monthly flows, as the catalog defines them', () => {
    const matched = [...indicators.values()].filter((i) => monthMatchedInputs(i).length > 0).map((i) => i.code);
    expect(matched.sort()).toEqual(['CORE_ROOM_PUE', 'DC_PUE', 'LARGE_DC_PUE', 'NEW_DC_PUE', 'NEW_LARGE_DC_PUE', 'RETROFITTED_DC_PUE']);
    // The renewable share sums one monthly flow (total energy) and annual renewable figures: nothing to match.
    expect(monthMatchedInputs(indicators.get('DC_RENEWABLE_RATE')!)).toEqual([]);
  });

  it('a data centre with total energy for January only and IT energy for February only is not matched', () => {
    // J: 1,000,000 kWh total in January, 5,000,000 kWh IT in February (a PUE of 0.2 if divided). K: both in January,
    // 1,300,000 ÷ 1,000,000. Matched: K alone, so Σ total ÷ Σ IT = 1,300,000 ÷ 1,000,000 = 1.3.
    const units = [meter('J', 1_000_000, 5_000_000, months(1), months(2)), meter('K', 1_300_000, 1_000_000, months(1), months(1))];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1 })).toMatchObject({
      units: 1,
      // unit inputs by code: DC_IT_ENERGY_KWH (J lacks January), DC_TOTAL_ENERGY_KWH (J lacks February)
      lacking: [['J'], ['J']],
      monthsDiffer: ['J'],
      terms: [1_300_000, 1_000_000],
      inputSums: [1_000_000, 1_300_000],
    });
  });

  it('a data centre with total energy for 12 months and IT energy for 11 is not matched, and lacks IT energy only', () => {
    // L: 12 months of total (13,000,000 kWh), IT for January to November (11 × 1,000,000 kWh): its PUE would read
    // 13 ÷ 11 ≈ 1.18 for 12 ÷ 11 of the year's load. M: 12 months of both, 2,600,000 ÷ 2,000,000 = 1.3.
    const units = [
      meter('L', 13_000_000, 11_000_000, ALL_YEAR, months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)),
      meter('M', 2_600_000, 2_000_000, ALL_YEAR, ALL_YEAR),
    ];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1 })).toMatchObject({
      units: 1,
      lacking: [['L'], []],
      monthsDiffer: ['L'],
      terms: [2_600_000, 2_000_000],
    });
  });

  it('units whose months agree are matched as before, and a unit without one meter lacks that meter only', () => {
    // N: both meters for March and April; O: total only. Matched: N, 3,000,000 ÷ 2,000,000.
    const units = [
      meter('N', 3_000_000, 2_000_000, months(3, 4), months(3, 4)),
      { ...meter('O', 1_000_000, 0, months(3), 0), itEnergyKwh: null, [MONTHS_FIELD]: { DC_TOTAL_ENERGY_KWH: months(3) } },
    ];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1 })).toMatchObject({
      units: 1,
      lacking: [['O'], []],
      monthsDiffer: [],
      terms: [3_000_000, 2_000_000],
    });
  });
});
