import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import { observation as bigdataObservation, dataCenter, dataCenterRow, insertChongqingCluster, retiredRacks } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { observationRow } from '../support/observations.ts';

const COUNT = 220;
let fed: TestFederation;

/** Every data centre has a cluster, a zone, retirements, rack usage and meter readings, so 20 and 200 touch the same loaders. */
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata', 'comms', 'energy'] });
  const ids = Array.from({ length: COUNT }, (_, i) => `DC-T-${String(i).padStart(3, '0')}`);
  await insertChongqingCluster(fed.databases.bigdata.db);
  await fed.databases.bigdata.db
    .insert(dataCenter)
    .values(ids.map((id) => dataCenterRow(id, { regionCode: '500120', clusterId: 'CQ_CLUSTER', zoneId: 'CQ_BISHAN' })));
  await fed.databases.bigdata.db.insert(bigdataObservation).values(ids.map((id) => retiredRacks(id, 2023, 10)));
  const obs = (metric: string, subjectId: string, period: string, value: number) => observationRow(metric, 'DATA_CENTER', subjectId, period, value);
  await fed.databases.comms.db
    .insert(commsObservation)
    .values(ids.flatMap((id) => [obs('RACKS_IN_USE', id, '2023', 600), obs('RACKS_IN_USE', id, '2024', 700)]));
  const months = ['2024-01', '2024-02', '2024-03'];
  await fed.databases.energy.db
    .insert(energyObservation)
    .values(ids.flatMap((id) => months.flatMap((m) => [obs('DC_TOTAL_ENERGY_KWH', id, m, 130_000), obs('DC_IT_ENERGY_KWH', id, m, 100_000)])));
});
afterAll(() => fed?.stop());

// Touches bigdata (register, cluster, zone, retirements), comms (rack usage) and energy (meter
// readings, yearly sums): every entity and child list on the way must be batched.
const query = `query($first: Int!) {
  dataCenters(cluster: "CQ_CLUSTER", first: $first) {
    nodes {
      id nameZh designRacks scaleClass
      region { nameZh parent { code } }
      cluster { id nameZh }
      zone { id }
      rackRetirements { year racks }
      rackUsage { year racksInUse }
      energyReadings(year: 2024) { period totalEnergyKwh itEnergyKwh }
      years(from: 2023, to: 2024) { year inService racksRetired racksInUse totalEnergyKwh itEnergyKwh pue }
    }
  }
}`;

async function statementsFor(first: number): Promise<{ statements: number; nodes: { years: { pue: number | null }[] }[] }> {
  fed.resetStatements();
  const res = await fed.query<{ dataCenters: { nodes: { years: { pue: number | null }[] }[] } }>(query, { first });
  expect(res.errors).toBeUndefined();
  return { statements: fed.statements(), nodes: res.data!.dataCenters.nodes };
}

describe('the N+1 guard', () => {
  it('sends the same number of SQL statements for 200 data centres across three subgraphs as for 20', async () => {
    const small = await statementsFor(20);
    const large = await statementsFor(200);
    expect(small.nodes).toHaveLength(20);
    expect(large.nodes).toHaveLength(200);
    // The data really crossed all three subgraphs: 2024 PUE = 390,000 / 300,000 kWh.
    expect(large.nodes[199]!.years[1]!.pue).toBeCloseTo(1.3, 10);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThan(15);
  });
});
