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
      monthsIncomplete: [],
      monthsMissing: [],
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
    // energy's PUE and renewable share read no register figure, but a monthly meter must cover the months in service.
    expect(foreignUnitFields('energy', 'DATA_CENTER')).toEqual(['commissionedOn', 'closedYear']);
    expect(foreignUnitFields('energy', 'CORE_ROOM')).toEqual([]);
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
    // J: 1,000,000 kWh total in January, 5,000,000 kWh IT in February (a PUE of 0.2 if divided). K: both for every month,
    // 1,300,000 ÷ 1,000,000. Matched: K alone, so Σ total ÷ Σ IT = 1,300,000 ÷ 1,000,000 = 1.3. J is named for its
    // months differing, not also for the months in service it lacks.
    const units = [meter('J', 1_000_000, 5_000_000, months(1), months(2)), meter('K', 1_300_000, 1_000_000, ALL_YEAR, ALL_YEAR)];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1 })).toMatchObject({
      units: 1,
      // unit inputs by code: DC_IT_ENERGY_KWH (J lacks January), DC_TOTAL_ENERGY_KWH (J lacks February)
      lacking: [['J'], ['J']],
      monthsDiffer: ['J'],
      monthsIncomplete: [],
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
    // N: both meters for every month; O: total only. Matched: N, 3,000,000 ÷ 2,000,000.
    const units = [
      meter('N', 3_000_000, 2_000_000, ALL_YEAR, ALL_YEAR),
      { ...meter('O', 1_000_000, 0, ALL_YEAR, 0), itEnergyKwh: null, [MONTHS_FIELD]: { DC_TOTAL_ENERGY_KWH: ALL_YEAR } },
    ];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1 })).toMatchObject({
      units: 1,
      lacking: [['O'], []],
      monthsDiffer: [],
      terms: [3_000_000, 2_000_000],
    });
  });
});

describe('monthly flows over the months in service', () => {
  const { indicators } = catalog();
  const pue = indicators.get('DC_PUE')!;
  const months = (...m: number[]) => m.reduce((mask, month) => mask | (1 << month), 0);
  const range = (from: number, through: number) => months(...Array.from({ length: through - from + 1 }, (_, i) => from + i));
  // A data centre's year as energy sees it, with bigdata's register dates (public, through @requires).
  const unit = (dataCenterId: string, year: number, commissionedOn: string, closedYear: number | null, mask: number, total: number, it: number): Unit => ({
    dataCenterId,
    year,
    commissionedOn,
    closedYear,
    totalEnergyKwh: total,
    itEnergyKwh: it,
    energyStatus: 'FINAL',
    [MONTHS_FIELD]: { DC_TOTAL_ENERGY_KWH: mask, DC_IT_ENERGY_KWH: mask },
  });
  const AT = new Date('2026-12-07T12:00:00Z');

  it('counts a unit from its commissioning month, through its last report in the year it closed, and not one with a month missing', () => {
    // 2024: A commissioned 15 April, April to December (1,350,000 ÷ 900,000 kWh); B in service all year, January only
    // (2,000,000 ÷ 1,000,000); C closed in 2024, January to June (1,500,000 ÷ 1,200,000); D closed in 2024, no March
    // (500,000 ÷ 400,000). Matched A and C: (1,350,000 + 1,500,000) ÷ (900,000 + 1,200,000) = 2,850,000 ÷ 2,100,000.
    const units = [
      unit('A', 2024, '2024-04-15', null, range(4, 12), 1_350_000, 900_000),
      unit('B', 2024, '2019-06-01', null, months(1), 2_000_000, 1_000_000),
      unit('C', 2024, '2018-03-01', 2024, range(1, 6), 1_500_000, 1_200_000),
      unit('D', 2024, '2018-03-01', 2024, months(1, 2, 4, 5, 6), 500_000, 400_000),
    ];
    expect(ownerSums(pue, units, 2024, { mayRead: true, minUnits: 1, now: AT })).toMatchObject({
      units: 2,
      // unit inputs by code: DC_IT_ENERGY_KWH, DC_TOTAL_ENERGY_KWH
      lacking: [
        ['B', 'D'],
        ['B', 'D'],
      ],
      monthsDiffer: [],
      monthsIncomplete: ['B', 'D'],
      monthsMissing: [[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [3]],
      terms: [2_850_000, 2_100_000],
    });
  });

  it('in the current year asks only for the months that have ended', () => {
    // 7 December 2026: January to November are due. E sent them all (11 × 130,000 ÷ 11 × 100,000); F is a month short.
    const units = [
      unit('E', 2026, '2015-01-01', null, range(1, 11), 1_430_000, 1_100_000),
      unit('F', 2026, '2015-01-01', null, range(1, 10), 1_300_000, 1_000_000),
    ];
    expect(ownerSums(pue, units, 2026, { mayRead: true, minUnits: 1, now: AT })).toMatchObject({
      units: 1,
      monthsIncomplete: ['F'],
      monthsMissing: [[11]],
      terms: [1_430_000, 1_100_000],
    });
    // The same year judged in July (as of 2026-07-01): January to June are due, and F's months cover them.
    expect(ownerSums(pue, units, 2026, { mayRead: true, minUnits: 1, now: new Date('2026-07-01T00:00:00Z') })).toMatchObject({
      units: 2,
      monthsIncomplete: [],
    });
  });

  it('holds the renewable share to its one monthly flow, total energy, and a core room to the whole year', () => {
    // G: renewable 500,000 for the year over total energy of January alone (1,000,000): not matched, lacking total energy only.
    const renewable = indicators.get('DC_RENEWABLE_RATE')!;
    const g = { ...unit('G', 2024, '2015-01-01', null, months(1), 1_000_000, 800_000), renewableEnergyKwh: 500_000 };
    expect(ownerSums(renewable, [g], 2024, { mayRead: true, minUnits: 1, now: AT })).toMatchObject({
      units: 0,
      // unit inputs by code: DC_RENEWABLE_KWH, DC_TOTAL_ENERGY_KWH
      lacking: [[], ['G']],
      monthsIncomplete: ['G'],
    });
    // Core rooms: comms' register keeps no commissioning day, so every month of the year is due.
    const room = {
      coreMachineRoomId: 'R',
      year: 2024,
      totalEnergyKwh: 150_000,
      itEnergyKwh: 100_000,
      energyStatus: 'FINAL',
      [MONTHS_FIELD]: { CORE_ROOM_TOTAL_ENERGY_KWH: range(2, 12), CORE_ROOM_IT_ENERGY_KWH: range(2, 12) },
    };
    expect(ownerSums(indicators.get('CORE_ROOM_PUE')!, [room], 2024, { mayRead: true, minUnits: 1, now: AT })).toMatchObject({
      units: 0,
      monthsIncomplete: ['R'],
      monthsMissing: [[1]],
    });
  });
});
