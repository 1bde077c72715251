import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';
import { writeCoverageFixtures } from './coverage-fixtures.ts';

// The world is described in coverage-fixtures.ts.
let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeCoverageFixtures(fed);
}, 120_000);
afterAll(() => fed?.stop());

interface Value {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
  coverage: { unitsReporting: number; unitsExpected: number; share: number | null; weight: string; minimum: number; status: string } | null;
  inputs: {
    metric: { code: string };
    year: number;
    value: number | null;
    units: number | null;
    source: string | null;
    partsReporting: number | null;
    partsExpected: number | null;
  }[];
  missing: { metric: string; agency: string | null; year: number; units: number | null; unitIds: string[] | null; message: string }[];
  qualityFlags: { code: string; message: string }[];
}

const FIELDS = `value numerator denominator status
  coverage { unitsReporting unitsExpected share weight minimum status }
  inputs { metric { code } year value units source partsReporting partsExpected }
  missing { metric agency year units unitIds message }
  qualityFlags { code message }`;

async function value(code: string, region: string, year: number): Promise<Value> {
  const res = await fed.query<{ indicatorValues: Value[] }>(
    `query($c: [ID!], $r: [ID!]!, $y: [Int!]!) { indicatorValues(codes: $c, regions: $r, years: $y) { ${FIELDS} } }`,
    { c: [code], r: [region], y: [year] },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues[0]!;
}

describe('matched-unit coverage', () => {
  it('a late data centre leaves the ratio to the units that reported, published with its coverage when they hold enough of the design racks', async () => {
    // 2024, P4 (500 racks) late. Matched: P1, P2, P3: (4,000 + 2,400 + 900) ÷ (5,000 + 3,000 + 1,500) = 7,300 ÷ 9,500;
    // they hold 9,500 ÷ 10,000 = 95 % of the design racks, at least the 90 % minimum.
    const v = await value('DC_RACK_UTILISATION', '500000', 2024);
    expect(v.value).toBeCloseTo(7_300 / 9_500, 12);
    expect(v).toMatchObject({ numerator: 7_300, denominator: 9_500, status: 'FINAL', missing: [] });
    expect(v.coverage).toEqual({ unitsReporting: 3, unitsExpected: 4, share: 0.95, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'PARTIAL' });
    expect(v.inputs).toEqual(expect.arrayContaining([expect.objectContaining({ metric: { code: 'RACKS_IN_USE' }, value: 7_300, units: 3 })]));
  });

  it('below the minimum the value is null and missing names the data centres that did not report', async () => {
    // 2023: P1 and P4 reported, P2 and P3 late: (5,000 + 500) ÷ 10,000 = 55 % of the design racks, below 90 %.
    const v = await value('DC_RACK_UTILISATION', '500000', 2023);
    expect(v).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(v.coverage).toEqual({ unitsReporting: 2, unitsExpected: 4, share: 0.55, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'INSUFFICIENT' });
    expect(v.missing).toEqual([expect.objectContaining({ metric: 'RACKS_IN_USE', agency: 'comms', year: 2023, units: 2, unitIds: ['P2', 'P3'] })]);
    expect(v.missing[0]!.message).toContain('for 2 of 4 data centre(s): P2, P3');
    expect(v.missing[0]!.message).toContain('55.0 %');
  });

  it('every unit reporting is COMPLETE', async () => {
    // 万州 2024: P1 and P2 both reported: (4,000 + 2,400) ÷ (5,000 + 3,000) = 0.8.
    const v = await value('DC_RACK_UTILISATION', '500101', 2024);
    expect(v.value).toBeCloseTo(0.8, 12);
    expect(v.coverage).toMatchObject({ unitsReporting: 2, unitsExpected: 2, share: 1, status: 'COMPLETE' });
  });

  it('the cube carries the same coverage as indicatorValues, as columns', async () => {
    const res = await fed.query<{
      indicatorCube: {
        values: (number | null)[];
        coverageStatuses: (string | null)[];
        unitsReporting: (number | null)[];
        unitsExpected: (number | null)[];
        coverageShares: (number | null)[];
      };
    }>(
      `{ indicatorCube(codes: ["DC_RACK_UTILISATION", "DC_CLUSTER_SHARE"], regions: ["500000", "500105"], years: [2023, 2024]) { values coverageStatuses unitsReporting unitsExpected coverageShares } }`,
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.indicatorCube;
    // Layout (indicator, region, year): rack utilisation 500000 2023, 2024; 500105 2023, 2024; then the cluster share.
    expect(c.coverageStatuses).toEqual([
      'INSUFFICIENT',
      'PARTIAL',
      'NOT_APPLICABLE',
      'NOT_APPLICABLE',
      'COMPLETE',
      'COMPLETE',
      'NOT_APPLICABLE',
      'NOT_APPLICABLE',
    ]);
    expect(c.unitsReporting).toEqual([2, 3, 0, 0, 4, 4, 0, 0]);
    expect(c.unitsExpected).toEqual([4, 4, 0, 0, 4, 4, 0, 0]);
    expect(c.coverageShares).toEqual([0.55, 0.95, null, null, 1, 1, null, null]);
    expect(c.values[1]).toBeCloseTo(7_300 / 9_500, 12);
    // No data centre is inside a cluster: 0 of 4 is a known zero; 江北 has no data centre at all.
    expect(c.values.slice(4)).toEqual([0, 0, null, null]);
  });
});

describe('an empty population is not a known zero', () => {
  it('a region with no data centre registered is NOT_APPLICABLE, not zero and not a zero denominator', async () => {
    const v = await value('DC_RACK_UTILISATION', '500105', 2024);
    expect(v.value).toBeNull();
    expect(v.coverage).toEqual({ unitsReporting: 0, unitsExpected: 0, share: null, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'NOT_APPLICABLE' });
    expect(v.missing).toEqual([expect.objectContaining({ metric: 'NOT_APPLICABLE', agency: null, year: 2024, units: 0 })]);
  });

  it('reported figures that sum to a zero denominator say ZERO_DENOMINATOR, with the population complete', async () => {
    // 大渡口 2024: P4 reported 0 kWh total and 0 kWh IT: 0 ÷ 0 has nothing to divide by.
    const v = await value('DC_PUE', '500103', 2024);
    expect(v.value).toBeNull();
    // Its inputs are final figures, but there is no value for a status to describe.
    expect(v.status).toBeNull();
    expect(v.coverage).toMatchObject({ unitsReporting: 1, unitsExpected: 1, status: 'COMPLETE' });
    expect(v.missing).toEqual([expect.objectContaining({ metric: 'ZERO_DENOMINATOR', year: 2024 })]);
  });
});

describe('region figures at any level', () => {
  it('accepts a figure reported for a province itself', async () => {
    const res = await fed.query<{ submitEnergyObservations: { applied: boolean; created: number; problems: unknown[] } }>(
      `mutation { submitEnergyObservations(idempotencyKey: "province-energy", sourceSystem: "test", rows: [
        { metric: "TELECOM_ENERGY_TCE", subjectKind: REGION, subjectId: "310000", period: "2023", value: 1500 }
        { metric: "TELECOM_ENERGY_TCE", subjectKind: REGION, subjectId: "310000", period: "2024", value: 2000 }
      ]) { applied created problems { row field code } } }`,
      {},
      await bearer('energy', ['writer']),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitEnergyObservations).toEqual({ applied: true, created: 2, problems: [] });
  });

  it("a province's own figure is its figure, and one further from the sum of its districts than the tolerance is flagged", async () => {
    // 2024: Shanghai reported 2,000 tce itself; its 16 districts sum to 16 × 110 = 1,760 (12 % below, more than 1 %).
    // Traffic is summed over the districts: 16 × 1,375 = 22,000 GB; 2020: 16 × 100 tce and 16 × 1,000 GB.
    // 1 − (2,000 ÷ 22,000) ÷ (1,600 ÷ 16,000) = 1 − (1/11) ÷ (1/10) = 1/11.
    const v = await value('ICT_TRAFFIC_ENERGY_DECREASE', '310000', 2024);
    expect(v.value).toBeCloseTo(1 / 11, 12);
    const input = (code: string, year: number) => v.inputs.find((i) => i.metric.code === code && i.year === year);
    expect(input('TELECOM_ENERGY_TCE', 2024)).toMatchObject({ value: 2000, source: 'REPORTED', partsReporting: 16, partsExpected: 16 });
    expect(input('INFORMATION_TRAFFIC_GB', 2024)).toMatchObject({ value: 22_000, source: 'SUM_OF_PARTS', partsReporting: 16, partsExpected: 16 });
    expect(input('TELECOM_ENERGY_TCE', 2020)).toMatchObject({ value: 1600, source: 'SUM_OF_PARTS' });
    expect(v.qualityFlags).toEqual([expect.objectContaining({ code: 'REGION_TOTAL_DISAGREES_WITH_PARTS' })]);
    expect(v.qualityFlags[0]!.message).toContain('reported 2000, the regions directly below it sum to 1760 (12.0 % apart');
  });

  it("a province's own figure stands when a district is missing, and is not checked against an incomplete sum", async () => {
    // 2023: 崇明 (310151) filed no energy, Shanghai reported 1,500 tce; traffic 16 × 1,250 = 20,000 GB.
    // 1 − (1,500 ÷ 20,000) ÷ (1,600 ÷ 16,000) = 1 − 0.075 ÷ 0.1 = 0.25.
    const v = await value('ICT_TRAFFIC_ENERGY_DECREASE', '310000', 2023);
    expect(v.value).toBeCloseTo(0.25, 12);
    expect(v.inputs.find((i) => i.metric.code === 'TELECOM_ENERGY_TCE' && i.year === 2023)).toMatchObject({
      value: 1500,
      source: 'REPORTED',
      partsReporting: 15,
      partsExpected: 16,
    });
    expect(v.qualityFlags).toEqual([]);
  });

  it('without its own figure a province needs every district, and missing names the one that did not report', async () => {
    // 2022: no Shanghai figure, and 崇明 filed no energy: 15 of 16 districts, so the sum is unknown, not smaller.
    const v = await value('ICT_TRAFFIC_ENERGY_DECREASE', '310000', 2022);
    expect(v.value).toBeNull();
    // The 2020 baseline it reads is final; the value it would describe is unknown.
    expect(v.status).toBeNull();
    expect(v.missing).toEqual([expect.objectContaining({ metric: 'TELECOM_ENERGY_TCE', agency: 'energy', year: 2022, units: 1, unitIds: ['310151'] })]);
    expect(v.missing[0]!.message).toContain('15 of 16 reported; missing 310151');
  });
});
