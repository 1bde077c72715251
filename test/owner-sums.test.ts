import { describe, expect, it } from 'vitest';
import { catalog } from '../lib/indicators/catalog.ts';
import { foreignUnitFields, ownerSums, populationSums, type Unit } from '../lib/indicators/owner-sums.ts';

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
