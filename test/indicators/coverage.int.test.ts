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

/** A data centre's own PUE in a year (`DataCenterYear.indicatorValues`, as a reader). */
async function dataCentrePue(id: string, year: number): Promise<Value> {
  const res = await fed.query<{ dataCenter: { years: { indicatorValues: (Value & { indicatorCode: string })[] }[] } }>(
    `query($id: ID!, $y: Int!) { dataCenter(id: $id) { years(from: $y, to: $y) { indicatorValues { indicatorCode ${FIELDS} } } } }`,
    { id, y: year },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.dataCenter.years[0]!.indicatorValues.find((i) => i.indicatorCode === 'DC_PUE')!;
}

/** The cube of one year, checked column by column against `indicatorValues` of the same cells (in the cube's layout order). */
async function cubeAgainstValues(codes: string[], regions: string[], year: number) {
  const res = await fed.query<{
    indicatorCube: { values: (number | null)[]; coverageStatuses: (string | null)[]; unitsReporting: (number | null)[]; coverageShares: (number | null)[] };
    indicatorValues: (Value & { indicatorCode: string; scopeId: string })[];
  }>(
    `query($c: [ID!], $r: [ID!]!, $y: [Int!]!) {
      indicatorCube(codes: $c, regions: $r, years: $y) { values coverageStatuses unitsReporting coverageShares }
      indicatorValues(codes: $c, regions: $r, years: $y) { indicatorCode scopeId value coverage { unitsReporting share status } }
    }`,
    { c: codes, r: regions, y: [year] },
  );
  expect(res.errors).toBeUndefined();
  const { indicatorCube: cube, indicatorValues: values } = res.data!;
  const cells = codes.flatMap((code) => regions.map((region) => values.find((v) => v.indicatorCode === code && v.scopeId === region)!));
  expect(cube.values).toEqual(cells.map((v) => v.value));
  expect(cube.coverageStatuses).toEqual(cells.map((v) => v.coverage!.status));
  expect(cube.unitsReporting).toEqual(cells.map((v) => v.coverage!.unitsReporting));
  expect(cube.coverageShares).toEqual(cells.map((v) => v.coverage!.share));
  return cube;
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

describe('total and IT energy over the same months', () => {
  it('a data centre with total energy for January only and IT energy for February only is not matched, and the answer says why', async () => {
    // 徐汇 2024: M1 would divide January's 1,000,000 kWh by February's 5,000,000 (a PUE of 0.2). Matched: M2 alone,
    // 1,300,000 ÷ 1,000,000 = 1.3, holding 67,000 of 70,000 design racks (95.7 %), at least the 90 % minimum.
    const v = await value('DC_PUE', '310104', 2024);
    expect(v.value).toBeCloseTo(1.3, 12);
    expect(v).toMatchObject({ numerator: 1_300_000, denominator: 1_000_000, missing: [] });
    expect(v.coverage).toEqual({ unitsReporting: 1, unitsExpected: 2, share: 67 / 70, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'PARTIAL' });
    expect(v.qualityFlags).toEqual([
      { code: 'UNIT_MONTHS_DIFFER', message: expect.stringContaining('for different months of 2024 for 1 data centre(s): M1.') },
    ]);
  });

  it('a data centre with total energy for 12 months and IT energy for 11 is not matched; missing names it under the input it lacks a month of', async () => {
    // 长宁 2024: M3 would read (12 × 1,100,000) ÷ (11 × 1,000,000) = 1.2, a twelfth above its 1.1. Matched: M4 alone, with
    // 6,000 of 10,000 design racks (60 %), below the 90 % minimum: no value.
    const v = await value('DC_PUE', '310105', 2024);
    expect(v).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(v.coverage).toEqual({ unitsReporting: 1, unitsExpected: 2, share: 0.6, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'INSUFFICIENT' });
    expect(v.missing).toEqual([expect.objectContaining({ metric: 'DC_IT_ENERGY_KWH', agency: 'energy', year: 2024, units: 1, unitIds: ['M3'] })]);
    expect(v.missing[0]!.message).toContain('M3 reported it, but not for every month DC_TOTAL_ENERGY_KWH was reported for (UNIT_MONTHS_DIFFER)');
    expect(v.qualityFlags.map((f) => f.code)).toEqual(['UNIT_MONTHS_DIFFER']);
  });

  it("the province's PUE is summed over the data centres whose months agree", async () => {
    // Shanghai 2024 (M1 to M4; no other data centre in this world): matched M2 and M4,
    // (1,300,000 + 12 × 1,250,000) ÷ (1,000,000 + 12 × 1,000,000) = 16,300,000 ÷ 13,000,000, with 73,000 of 80,000 racks.
    // Counting M1 and M3 would give (1.0 + 1.3 + 13.2 + 15.0) ÷ (5.0 + 1.0 + 11.0 + 12.0) GWh = 30.5 ÷ 29 ≈ 1.05.
    const v = await value('DC_PUE', '310000', 2024);
    expect(v.value).toBeCloseTo(16.3 / 13, 2);
    expect(v).toMatchObject({ numerator: 16_300_000, denominator: 13_000_000 });
    expect(v.coverage).toMatchObject({ unitsReporting: 2, unitsExpected: 4, share: 73 / 80, status: 'PARTIAL' });
    expect(v.qualityFlags).toEqual([expect.objectContaining({ code: 'UNIT_MONTHS_DIFFER', message: expect.stringContaining('2 data centre(s): M1, M3.') })]);
  });

  it('units whose months agree are matched as before', async () => {
    // 长宁's M4 alone, as a data centre: (12 × 1,250,000) ÷ (12 × 1,000,000) = 1.25 over every month of the year.
    const v = await dataCentrePue('M4', 2024);
    expect(v.value).toBeCloseTo(1.25, 12);
    expect(v.coverage).toMatchObject({ unitsReporting: 1, unitsExpected: 1, status: 'COMPLETE' });
    expect(v.qualityFlags).toEqual([]);
  });

  it('a core room with total energy for January and IT energy for February is not matched either', async () => {
    // 徐汇's renovated rooms 2024: Q1 matched (1,400,000 ÷ 1,000,000), Q2 not: 1 of 2 rooms, below 90 %. Q2 lacks a month of each meter.
    const v = await value('CORE_ROOM_PUE', '310104', 2024);
    expect(v.value).toBeNull();
    expect(v.coverage).toMatchObject({ unitsReporting: 1, unitsExpected: 2, share: 0.5, status: 'INSUFFICIENT' });
    expect(v.missing.map((m) => [m.metric, m.unitIds])).toEqual([
      ['CORE_ROOM_IT_ENERGY_KWH', ['Q2']],
      ['CORE_ROOM_TOTAL_ENERGY_KWH', ['Q2']],
    ]);
    expect(v.qualityFlags).toEqual([expect.objectContaining({ code: 'UNIT_MONTHS_DIFFER', message: expect.stringContaining('core machine room(s): Q2.') })]);
  });

  it('the cube matches the months as indicatorValues does, cell by cell', async () => {
    const cube = await cubeAgainstValues(['DC_PUE', 'NEW_LARGE_DC_PUE', 'CORE_ROOM_PUE'], ['310000', '310104', '310105'], 2024);
    // All four data centres are new and large: NEW_LARGE_DC_PUE reads as DC_PUE does; Shanghai's rooms are 徐汇's two.
    expect(cube.coverageStatuses).toEqual([
      'PARTIAL',
      'PARTIAL',
      'INSUFFICIENT',
      'PARTIAL',
      'PARTIAL',
      'INSUFFICIENT',
      'INSUFFICIENT',
      'INSUFFICIENT',
      'NOT_APPLICABLE',
    ]);
    expect(cube.values[0]).toBeCloseTo(16.3 / 13, 2);
    expect(cube.values[1]).toBeCloseTo(1.3, 12);
  });
});

describe('monthly flows over the months in service', () => {
  it('a data centre commissioned in April that reported April to December counts; one that sent January alone does not, and the flag names it and its months', async () => {
    // 静安 2025. Matched: N1 (from April, 9 months) and N3 (closed in 2025, January to June):
    // (9 × 1,300,000 + 6 × 1,500,000) ÷ (9 × 1,000,000 + 6 × 1,000,000) = 20,700,000 ÷ 15,000,000 = 1.38, with
    // 4,000 + 5,000 = 9,000 of 9,900 design racks (90.9 %), at least the 90 % minimum. N2 (in service all year) sent January
    // only, N4 (closed in 2025) has no March: counting them would read (20.7 + 2.0 + 6.0) ÷ (15 + 1 + 5) GWh ≈ 1.367.
    const v = await value('DC_PUE', '310106', 2025);
    expect(v.value).toBeCloseTo(1.38, 12);
    expect(v).toMatchObject({ numerator: 20_700_000, denominator: 15_000_000, missing: [] });
    expect(v.coverage).toEqual({ unitsReporting: 2, unitsExpected: 4, share: 90 / 99, weight: 'DESIGN_RACKS', minimum: 0.9, status: 'PARTIAL' });
    expect(v.qualityFlags).toEqual([
      {
        code: 'UNIT_MONTHS_INCOMPLETE',
        message: expect.stringContaining(
          'of 2025 for 2 data centre(s) for fewer months than they were in service: N2 lacks 2025-02…2025-12; N4 lacks 2025-03.',
        ),
      },
    ]);
  });

  it('the renewable share divides by total energy over the months in service only', async () => {
    // 静安 2025, N1 and N3 matched: (2,340,000 + 4,500,000) ÷ (11,700,000 + 9,000,000) = 6,840,000 ÷ 20,700,000 ≈ 33.0 %.
    // N2's 1,000,000 kWh of renewables over its January's 2,000,000 kWh would read 50 % for a year of which one month is known.
    const v = await value('DC_RENEWABLE_RATE', '310106', 2025);
    expect(v.value).toBeCloseTo(6_840_000 / 20_700_000, 12);
    expect(v).toMatchObject({ numerator: 6_840_000, denominator: 20_700_000 });
    expect(v.coverage).toMatchObject({ unitsReporting: 2, unitsExpected: 4, share: 90 / 99, status: 'PARTIAL' });
    expect(v.qualityFlags).toEqual([
      { code: 'UNIT_MONTHS_INCOMPLETE', message: expect.stringMatching(/^energy holds DC_TOTAL_ENERGY_KWH of 2025 for 2 data centre\(s\)/) },
    ]);
  });

  it('a data centre closed in the year counts through its last report, but not with a month missing before it', async () => {
    // N3, closed in 2025, reported January to June: (6 × 1,500,000) ÷ (6 × 1,000,000) = 1.5.
    const closed = await dataCentrePue('N3', 2025);
    expect(closed.value).toBeCloseTo(1.5, 12);
    expect(closed.coverage).toMatchObject({ unitsReporting: 1, unitsExpected: 1, status: 'COMPLETE' });
    expect(closed.qualityFlags).toEqual([]);
    // N4, closed in 2025, reported January, February and April to June: March is missing before its last report.
    const gap = await dataCentrePue('N4', 2025);
    expect(gap.value).toBeNull();
    expect(gap.coverage).toMatchObject({ unitsReporting: 0, unitsExpected: 1, status: 'INSUFFICIENT' });
    expect(gap.missing.map((m) => [m.metric, m.unitIds])).toEqual([
      ['DC_IT_ENERGY_KWH', ['N4']],
      ['DC_TOTAL_ENERGY_KWH', ['N4']],
    ]);
    expect(gap.missing[0]!.message).toContain('N4 reported it, but not for every month in service (UNIT_MONTHS_INCOMPLETE: N4 lacks 2025-03)');
    expect(gap.qualityFlags.map((f) => f.code)).toEqual(['UNIT_MONTHS_INCOMPLETE']);
  });

  it('the cube leaves out the units short of their months in service as indicatorValues does, cell by cell', async () => {
    const cube = await cubeAgainstValues(['DC_PUE', 'NEW_LARGE_DC_PUE', 'DC_RENEWABLE_RATE'], ['310000', '310106'], 2025);
    // Shanghai 2025: M1 to M4 (80,000 racks) sent nothing, so 9,000 of 89,900 racks reported. 静安's new large data centres are
    // N1 and N3 (N2 and N4 hold fewer than 3,000 racks), both matched: COMPLETE, 1.38 as over all four.
    expect(cube.coverageStatuses).toEqual(['INSUFFICIENT', 'PARTIAL', 'INSUFFICIENT', 'COMPLETE', 'INSUFFICIENT', 'PARTIAL']);
    expect(cube.values[3]).toBeCloseTo(1.38, 12);
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
