import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES, type Agency } from '../../lib/agencies.ts';
import { loadSubgraph } from '../../lib/subgraph/registry.ts';
import { loadRegions, startSubgraph } from '../../lib/subgraph/runtime.ts';
import { buildWorld } from '../../db/demo/world.ts';
import { startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';

// Each agency is stopped in turn (its HTTP server closed, as a crashed process would leave it) and started
// again on the same port before the next one goes down.

/** Indicators, and the agencies each reads (from catalog/indicators.yaml and the owners in metrics.yaml). */
const READS: Record<string, readonly Agency[]> = {
  NEW_5G_SITE_SHARING_RATE: ['comms'], // NEW_5G_SITES_SHARED / NEW_5G_SITES, comms' region facts
  SCENARIO_INDUSTRY_COUNT: ['econ'], // SCENARIOS_INDUSTRY_SINCE_2021, econ's register of application scenarios
  DC_RACKS_RETIRED: ['bigdata'], // RACKS_RETIRED_SINCE_2021, bigdata's register
  NEW_PV_CAPACITY: ['energy'], // PV_CAPACITY_SINCE_2022_MW, energy's register
  DC_PUE: ['bigdata', 'energy'], // data centres (bigdata) and their kWh (energy)
  CORE_ROOM_PUE: ['comms', 'energy'], // renovated core rooms (comms) and their kWh (energy)
  ENERGY_AUDIT_COVERAGE: ['econ', 'energy'], // audited enterprises (econ) using ≥ 5,000 tce (energy)
  ROOFTOP_PV_RATIO: ['econ', 'energy'], // enterprises' usable roofs (econ) and their roofs with PV (energy's PV register, a cube column)
};
const CODES = Object.keys(READS);
const REGIONS = ['500000', '310000'];
const YEAR = 2024;

type Value = { indicatorCode: string; scopeId: string; value: number | null; missing: { agency: string | null; metric: string; message: string }[] };
type Cube = { indicatorCodes: string[]; regionCodes: string[]; values: (number | null)[] | null };

const VALUES = `query ($codes: [ID!], $regions: [ID!]!) { indicatorValues(codes: $codes, regions: $regions, years: [${YEAR}]) { indicatorCode scopeId value missing { agency metric message } } }`;
const CUBE = `query ($codes: [ID!], $regions: [ID!]!) { indicatorCube(codes: $codes, regions: $regions, years: [${YEAR}]) { indicatorCodes regionCodes values } }`;
const ROOTS = `{ dataCenters(first: 2) { totalCount } pvInstallations(first: 2) { nodes { id } } telecomOperators { id } enterprises(first: 2) { totalCount } }`;
/** Which agency answers each of ROOTS' fields. */
const ROOT_OWNER = { dataCenters: 'bigdata', pvInstallations: 'energy', telecomOperators: 'comms', enterprises: 'econ' } as const;

let fed: TestFederation;
let baseline: { values: Value[]; cube: Cube };

beforeAll(async () => {
  fed = await startTestFederation({ world: buildWorld() });
  const values = await fed.query<{ indicatorValues: Value[] }>(VALUES, { codes: CODES, regions: REGIONS });
  const cube = await fed.query<{ indicatorCube: Cube }>(CUBE, { codes: CODES, regions: REGIONS });
  expect(values.errors).toBeUndefined();
  expect(cube.errors).toBeUndefined();
  baseline = { values: values.data!.indicatorValues, cube: cube.data!.indicatorCube };
});
afterAll(() => fed?.stop());

async function restart(agency: Agency): Promise<void> {
  const module = await loadSubgraph(agency);
  const database = fed.databases[agency];
  fed.subgraphs[agency] = await startSubgraph(module, {
    database,
    regions: await loadRegions(database.db, module.regionTable),
    port: fed.subgraphs[agency].port,
    host: '127.0.0.1',
  });
}

function expectOnlyUnavailable(response: GraphQLResponse<unknown>, agency: Agency): void {
  expect(response.errors?.length).toBeGreaterThan(0);
  for (const error of response.errors!) {
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: agency });
    // No internal address in what the client sees.
    expect(error.message).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}\//);
  }
}

describe.each(AGENCIES)('with %s down', (down) => {
  beforeAll(() => fed.subgraphs[down].stop());
  afterAll(() => restart(down));

  it('the other agencies’ root fields still answer, and only the stopped agency’s are null', async () => {
    const res = await fed.query<Record<keyof typeof ROOT_OWNER, unknown>>(ROOTS);
    expect(res.data).not.toBeNull();
    for (const [field, owner] of Object.entries(ROOT_OWNER)) {
      if (owner === down) expect(res.data![field as keyof typeof ROOT_OWNER], field).toBeNull();
      else expect(res.data![field as keyof typeof ROOT_OWNER], field).not.toBeNull();
    }
    expectOnlyUnavailable(res, down);
  });

  it('indicator values that read none of its inputs answer as before; the others are null, and `missing` names it', async () => {
    const res = await fed.query<{ indicatorValues: Value[] }>(VALUES, { codes: CODES, regions: REGIONS });
    expect(res.data?.indicatorValues).toHaveLength(CODES.length * REGIONS.length);
    expectOnlyUnavailable(res, down);
    res.data!.indicatorValues.forEach((value, i) => {
      const before = baseline.values[i]!;
      expect(before.value, `${value.indicatorCode} ${value.scopeId} with every agency up`).not.toBeNull();
      if (READS[value.indicatorCode]!.includes(down)) {
        expect(value.value, `${value.indicatorCode} ${value.scopeId}`).toBeNull();
        expect(value.missing.map((m) => m.agency)).toContain(down);
      } else {
        expect(value, `${value.indicatorCode} ${value.scopeId}`).toEqual(before);
      }
    });
  });

  it('an indicator cube is never wiped out: cells that read the stopped agency are null, the others unchanged', async () => {
    const res = await fed.query<{ indicatorCube: Cube | null }>(CUBE, { codes: CODES, regions: REGIONS });
    expect(res.data).not.toBeNull();
    expectOnlyUnavailable(res, down);
    if (down === 'bigdata') {
      // The cube's entry point is bigdata's `Query.indicatorCube`: without it there is no cube, only its null.
      expect(res.data!.indicatorCube).toBeNull();
      return;
    }
    const cube = res.data!.indicatorCube!;
    // Cell (i, r) of a one-year grid is entry i × R + r.
    cube.indicatorCodes.forEach((code, i) =>
      REGIONS.forEach((region, r) => {
        const at = i * REGIONS.length + r;
        expect(baseline.cube.values![at], `${code} ${region} with every agency up`).not.toBeNull();
        expect(cube.values![at], `${code} ${region}`).toBe(READS[code]!.includes(down) ? null : baseline.cube.values![at]);
      }),
    );
  });
});

describe('after every agency is back', () => {
  it('answers as before the outages', async () => {
    const values = await fed.query<{ indicatorValues: Value[] }>(VALUES, { codes: CODES, regions: REGIONS });
    expect(values.errors).toBeUndefined();
    expect(values.data!.indicatorValues).toEqual(baseline.values);
  });
});
