import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, metricYearsLoader, monthsInYear, statusInYear, valueInYear } from '../../lib/observations.ts';
import { observation } from '../../subgraphs/energy/tables.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { observationRow } from '../support/observations.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['energy'], indicators: false });
  await fed.databases.energy.db.insert(observation).values([
    observationRow('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-1', '2024-01', 10.25),
    observationRow('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-1', '2024-02', 20.5),
    observationRow('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-1', '2024-03', 5, 'PROVISIONAL'),
    // A stock reported out of period order: the year's value is December's, whatever the values or insertion order.
    observationRow('RACKS_TEST_STOCK', 'DATA_CENTER', 'DC-1', '2024-03', 900),
    observationRow('RACKS_TEST_STOCK', 'DATA_CENTER', 'DC-1', '2024-12', 123.456789012345),
    observationRow('RACKS_TEST_STOCK', 'DATA_CENTER', 'DC-1', '2024-06', 1000),
    observationRow('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-1', '2023-12', 7),
    observationRow('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'DC-1', '2024', 3),
  ]);
});
afterAll(() => fed?.stop());

describe('metricYearsLoader: yearly reductions computed by the database', () => {
  it('sums a flow, takes a stock at its latest period exactly, and keeps the weakest status', async () => {
    const loader = metricYearsLoader(fed.databases.energy.db, observation, [
      { code: 'DC_TOTAL_ENERGY_KWH', aggregation: 'FLOW' },
      { code: 'RACKS_TEST_STOCK', aggregation: 'STOCK' },
    ]);
    const [y2024, y2023, none] = await Promise.all([
      loader.load({ subjectId: 'DC-1', year: 2024, asOf: LATEST }),
      loader.load({ subjectId: 'DC-1', year: 2023, asOf: LATEST }),
      loader.load({ subjectId: 'DC-2', year: 2024, asOf: LATEST }),
    ]);
    expect(valueInYear(y2024, 'DC_TOTAL_ENERGY_KWH', 'FLOW')).toBe(10.25 + 20.5 + 5);
    expect(valueInYear(y2024, 'RACKS_TEST_STOCK', 'STOCK')).toBe(123.456789012345);
    expect(statusInYear(y2024, 'DC_TOTAL_ENERGY_KWH')).toBe('PROVISIONAL');
    expect(statusInYear(y2024, 'RACKS_TEST_STOCK')).toBe('FINAL');
    expect(statusInYear(y2024)).toBe('PROVISIONAL');
    // Each key gets its own year only; an unreported metric or subject is null, not zero.
    expect(valueInYear(y2023, 'DC_IT_ENERGY_KWH', 'FLOW')).toBe(7);
    expect(valueInYear(y2023, 'DC_TOTAL_ENERGY_KWH', 'FLOW')).toBeNull();
    expect(none).toEqual([]);
    expect(statusInYear(none)).toBeNull();
  });

  it('marks the months each metric was reported for, as a mask with bit m for month m; an annual period marks none', async () => {
    const loader = metricYearsLoader(fed.databases.energy.db, observation, [
      { code: 'DC_TOTAL_ENERGY_KWH', aggregation: 'FLOW' },
      { code: 'RACKS_TEST_STOCK', aggregation: 'STOCK' },
    ]);
    const [y2024, y2023] = await Promise.all([
      loader.load({ subjectId: 'DC-1', year: 2024, asOf: LATEST }),
      loader.load({ subjectId: 'DC-1', year: 2023, asOf: LATEST }),
    ]);
    expect(monthsInYear(y2024)).toEqual({
      DC_TOTAL_ENERGY_KWH: (1 << 1) | (1 << 2) | (1 << 3), // January to March
      RACKS_TEST_STOCK: (1 << 3) | (1 << 6) | (1 << 12), // March, June, December
      DC_RENEWABLE_GREEN_POWER_KWH: 0, // period 2024
    });
    expect(monthsInYear(y2023)).toEqual({ DC_IT_ENERGY_KWH: 1 << 12 });
  });
});
