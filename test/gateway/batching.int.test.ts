import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../db/demo/world.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ world: buildWorld() });
});
afterAll(() => fed?.stop());

// Touches bigdata (register, cluster, zone, retirements), comms (rack usage) and energy (meter
// readings, yearly sums): every entity and child list on the way must be batched.
const query = `query($first: Int!) {
  dataCenters(region: "000000", first: $first) {
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

async function statementsFor(first: number): Promise<{ statements: number; nodes: number }> {
  fed.resetStatements();
  const res = await fed.query<{ dataCenters: { nodes: unknown[] } }>(query, { first });
  expect(res.errors).toBeUndefined();
  return { statements: fed.statements(), nodes: res.data!.dataCenters.nodes.length };
}

describe('the N+1 guard', () => {
  it('sends the same number of SQL statements for 200 data centres across three subgraphs as for 20', async () => {
    const small = await statementsFor(20);
    const large = await statementsFor(200);
    expect(small.nodes).toBe(20);
    expect(large.nodes).toBe(200);
    expect(large.statements).toBe(small.statements);
    // One statement per loader used, not per entity: a handful, far below the entity count.
    expect(small.statements).toBeLessThan(20);
  });
});
