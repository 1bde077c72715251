import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { dataCenterRow } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { monthlyRows, observationRow } from '../support/observations.ts';
import { ANONYMOUS_HEADERS } from '../support/tokens.ts';

// A database written before bounds existed may hold figures no write accepts today. Inserted here with plain
// SQL (no write path in between), they must not break a read: they are read as no figure at all.

let fed: TestFederation;

beforeAll(async () => {
  fed = await startTestFederation();
  // Two data centres in Yubei (500112), 1,000 design racks each.
  await fed.databases.bigdata.db
    .insert(dataCenter)
    .values([dataCenterRow('DC-OLD-1', { designRacks: 1000 }), dataCenterRow('DC-OLD-2', { designRacks: 1000 })]);
  const energy = (id: string, metric: string, value: number) => observationRow(metric, 'DATA_CENTER', id, '2024-06', value);
  await fed.databases.energy.db.insert(energyObservation).values([
    // DC-OLD-1: 1.7e308 kWh, whose sum with anything overflows float8.
    energy('DC-OLD-1', 'DC_TOTAL_ENERGY_KWH', 1.7e308),
    energy('DC-OLD-1', 'DC_IT_ENERGY_KWH', 1_000_000),
    // DC-OLD-2: its year read in June, 0 kWh in the other months, so its meters cover the year.
    ...monthlyRows('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-OLD-2', 2024, { 6: 1_300_000 }),
    ...monthlyRows('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-OLD-2', 2024, { 6: 1_000_000 }),
  ]);
  await fed.databases.energy.db.execute(
    `insert into energy.observation (metric, subject_kind, subject_id, period, year, value, status) values ('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'DC-OLD-1', '2024-07', 2024, 'NaN', 'FINAL')` as never,
  );
  await fed.databases.comms.db.insert(commsObservation).values([
    // 3,000,000,000 racks: beyond GraphQL Int (2,147,483,647).
    observationRow('RACKS_IN_USE', 'DATA_CENTER', 'DC-OLD-1', '2024', 3e9),
    observationRow('RACKS_IN_USE', 'DATA_CENTER', 'DC-OLD-2', '2024', 800),
  ]);
});
afterAll(() => fed?.stop());

const DASHBOARD_CUBE = `{ indicatorCube(regions: ["500000", "500112"], years: [2023, 2024]) { indicatorCodes regionCodes years values statuses } }`;
const DASHBOARD_VALUES = `{ indicatorValues(codes: ["DC_PUE", "DC_RACK_UTILISATION"], regions: ["500000", "500112"], years: [2024]) { indicatorCode scopeId value coverage { unitsReporting unitsExpected } } }`;

describe('rows stored out of bounds before bounds existed', () => {
  it('leave the anonymous dashboard grid answering through both APIs, without errors', async () => {
    for (const query of [DASHBOARD_CUBE, DASHBOARD_VALUES]) {
      const response = await fed.query(query, {}, ANONYMOUS_HEADERS);
      expect(response.errors).toBeUndefined();
      expect(response.data).not.toBeNull();
    }
  });

  it('are read as no figure: the values are computed over the other data centre', async () => {
    const response = await fed.query<{
      indicatorValues: { indicatorCode: string; scopeId: string; value: number | null; coverage: { unitsReporting: number; unitsExpected: number } | null }[];
    }>(DASHBOARD_VALUES);
    expect(response.errors).toBeUndefined();
    const yubei = (code: string) => response.data!.indicatorValues.find((v) => v.indicatorCode === code && v.scopeId === '500112')!;
    // DC-OLD-1's 1.7e308 kWh and 3e9 racks do not count: only DC-OLD-2 reported, 1,000 of 2,000 design racks
    // (share 0.5, below the 0.9 minimum), so both values are unknown rather than overflowed.
    for (const code of ['DC_PUE', 'DC_RACK_UTILISATION']) {
      expect(yubei(code).coverage).toEqual({ unitsReporting: 1, unitsExpected: 2 });
      expect(yubei(code).value).toBeNull();
    }
  });

  it("leave a data centre's own figures readable: the racks beyond Int read as null, not as an error", async () => {
    const response = await fed.query<{ dataCenter: { years: { year: number; racksInUse: number | null; totalEnergyKwh: number | null }[] } }>(
      `{ dataCenter(id: "DC-OLD-1") { years(from: 2024, to: 2024) { year racksInUse totalEnergyKwh } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.dataCenter.years).toEqual([{ year: 2024, racksInUse: null, totalEnergyKwh: null }]);
  });
});
