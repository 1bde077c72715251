import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer } from '../support/tokens.ts';
import { writeFixtures } from './fixtures.ts';

let fed: TestFederation;
let beforeCorrection: string;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  beforeCorrection = new Date().toISOString();
});
afterAll(() => fed?.stop());

interface Cube {
  indicatorCodes: string[];
  regionCodes: string[];
  years: number[];
  asOf: string;
  values: (number | null)[];
  numerators: (number | null)[];
  denominators: (number | null)[];
  statuses: (string | null)[];
  confidentiality: string[];
  meetsTarget: (boolean | null)[];
  coverageStatuses: (string | null)[];
  unitsReporting: (number | null)[];
  unitsExpected: (number | null)[];
  coverageShares: (number | null)[];
}

interface Value {
  indicatorCode: string;
  scopeId: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
  confidentiality: string;
  meetsTarget: boolean | null;
  coverage: { status: string; unitsReporting: number; unitsExpected: number; share: number | null } | null;
}

const ARGS = '$c: [ID!], $r: [ID!]!, $y: [Int!]!';
/** Every column of a cube. */
const COLUMNS =
  'indicatorCodes regionCodes years asOf values numerators denominators statuses confidentiality meetsTarget coverageStatuses unitsReporting unitsExpected coverageShares';

async function cube(variables: { c?: string[] | null; r: string[]; y: number[]; asOf?: string }, headers?: Record<string, string>): Promise<Cube> {
  const res = await fed.query<{ indicatorCube: Cube }>(
    `query(${ARGS}, $asOf: DateTime) { indicatorCube(codes: $c, regions: $r, years: $y, asOf: $asOf) { ${COLUMNS} } }`,
    variables,
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorCube;
}

/** Cell (indicator, region, year) of a cube, found by the layout the schema documents: (i × R + r) × Y + y. */
function cell(c: Cube, code: string, region: string, year: number) {
  const at = (c.indicatorCodes.indexOf(code) * c.regionCodes.length + c.regionCodes.indexOf(region)) * c.years.length + c.years.indexOf(year);
  return {
    value: c.values[at],
    numerator: c.numerators[at],
    denominator: c.denominators[at],
    status: c.statuses[at],
    confidentiality: c.confidentiality[at],
    meetsTarget: c.meetsTarget[at],
  };
}

/** The coverage columns of a cell, in the shape of `IndicatorValue.coverage`. */
function coverageCell(c: Cube, code: string, region: string, year: number) {
  const at = (c.indicatorCodes.indexOf(code) * c.regionCodes.length + c.regionCodes.indexOf(region)) * c.years.length + c.years.indexOf(year);
  const status = c.coverageStatuses[at];
  return status ? { status, unitsReporting: c.unitsReporting[at], unitsExpected: c.unitsExpected[at], share: c.coverageShares[at] } : null;
}

/** A row of `IndicatorCube.cells`: an `IndicatorValue`'s figures, its `scopeId` named `regionCode`. */
type Row = Omit<Value, 'scopeId'> & { regionCode: string };

const ROW =
  'indicatorCode regionCode year value numerator denominator status confidentiality meetsTarget coverage { status unitsReporting unitsExpected share }';

/** A cube's columns and its rows, in one request. */
async function cubeWithRows(variables: { c?: string[] | null; r: string[]; y: number[] }, headers?: Record<string, string>) {
  const res = await fed.query<{ indicatorCube: Cube & { cells: Row[] } }>(
    `query(${ARGS}) { indicatorCube(codes: $c, regions: $r, years: $y) { ${COLUMNS} cells { ${ROW} } } }`,
    variables,
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorCube;
}

describe('indicatorCube', () => {
  it('lays the cells out indicator by region by year, with the figures worked out by hand', async () => {
    const c = await cube({ c: ['DC_PUE', 'NEW_LARGE_DC_PUE', 'DC_RACK_UTILISATION'], r: ['500000', '500101', '500112'], y: [2024, 2025] });
    expect(c).toMatchObject({
      indicatorCodes: ['DC_PUE', 'NEW_LARGE_DC_PUE', 'DC_RACK_UTILISATION'],
      regionCodes: ['500000', '500101', '500112'],
      years: [2024, 2025],
      asOf: 'latest',
    });
    expect(c.values).toHaveLength(3 * 3 * 2);
    // All Chongqing data centres: (1.3 + 2.4 + 0.9 + 0.7) ÷ (1.0 + 2.0 + 0.5 + 0.5) GWh.
    expect(cell(c, 'DC_PUE', '500000', 2024).value).toBeCloseTo(5.3 / 4.0, 12);
    // New large ones, A and B: Σ total ÷ Σ IT = 3.7 ÷ 3.0, under Chongqing's 2025 target of < 1.3 but 2024 is not
    // judged (no milestone in seed 004). Two units: confidential, shown to this reader.
    expect(cell(c, 'NEW_LARGE_DC_PUE', '500000', 2024)).toMatchObject({
      numerator: 3_700_000,
      denominator: 3_000_000,
      meetsTarget: null,
      confidentiality: 'CONFIDENTIAL',
    });
    expect(cell(c, 'NEW_LARGE_DC_PUE', '500000', 2024).value).toBeCloseTo(3.7 / 3.0, 12);
    // In 渝北 only B: 2.4 ÷ 2.0.
    expect(cell(c, 'NEW_LARGE_DC_PUE', '500112', 2024).value).toBeCloseTo(1.2, 12);
    // Four units in all: published to anyone.
    expect(cell(c, 'DC_PUE', '500000', 2024).confidentiality).toBe('FREE');
    // Racks in use 3,000 + 6,000 + 700 + 1,000 over registered 4,000 + 12,000 + 800 + 2,000: below 75 %, but the
    // target judges 2025, not 2024.
    expect(cell(c, 'DC_RACK_UTILISATION', '500000', 2024).value).toBeCloseTo(10_700 / 18_800, 12);
    expect(cell(c, 'DC_RACK_UTILISATION', '500000', 2024).meetsTarget).toBeNull();
    // C did not report its racks for 2025: A, B and D (18,000 of 18,800 design racks, 95.7 % ≥ 90 %) carry the value,
    // (3,100 + 6,500 + 2,100) ÷ (4,000 + 12,000 + 2,000), below the 75 % target in its target year.
    expect(cell(c, 'DC_RACK_UTILISATION', '500000', 2025)).toMatchObject({ numerator: 11_700, denominator: 18_000, meetsTarget: false });
  });

  it('labels its axes in the same request: the catalog entries and the regions', async () => {
    const res = await fed.query<{
      indicatorCube: { indicators: { code: string; unit: string; displayFactor: number }[]; regions: { code: string; nameZh: string }[] };
    }>(
      `{ indicatorCube(codes: ["DC_RACK_UTILISATION", "DC_PUE"], regions: ["500112", "500000"], years: [2024]) { indicators { code unit displayFactor } regions { code nameZh } } }`,
      {},
      ANONYMOUS_HEADERS,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.indicatorCube).toEqual({
      indicators: [
        { code: 'DC_RACK_UTILISATION', unit: '%', displayFactor: 100 },
        { code: 'DC_PUE', unit: 'ratio', displayFactor: 1 },
      ],
      regions: [
        { code: '500112', nameZh: '渝北区' },
        { code: '500000', nameZh: '重庆市' },
      ],
    });
  });

  it('holds the same figures as indicatorValues, cell for cell, for every region-level indicator', async () => {
    const variables = { c: null, r: ['500000', '500101', '500112', '500120', '310000', '310118'], y: [2020, 2021, 2022, 2023, 2024, 2025] };
    for (const headers of [undefined, ANONYMOUS_HEADERS]) {
      const c = await cube(variables, headers);
      const res = await fed.query<{ indicatorValues: Value[] }>(
        `query(${ARGS}) { indicatorValues(codes: $c, regions: $r, years: $y) { indicatorCode scopeId year value numerator denominator status confidentiality meetsTarget coverage { status unitsReporting unitsExpected share } } }`,
        variables,
        headers,
      );
      expect(res.errors).toBeUndefined();
      const values = res.data!.indicatorValues;
      expect(c.indicatorCodes).toEqual([...new Set(values.map((v) => v.indicatorCode))]);
      expect(c.values).toHaveLength(values.length);
      for (const v of values) {
        const at = [v.indicatorCode, v.scopeId, v.year];
        expect({ cell: at, ...cell(c, v.indicatorCode, v.scopeId, v.year), coverage: coverageCell(c, v.indicatorCode, v.scopeId, v.year) }).toEqual({
          cell: at,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          status: v.status,
          confidentiality: v.confidentiality,
          meetsTarget: v.meetsTarget,
          coverage: v.coverage,
        });
      }
    }
  });

  it('holds the same figures in its rows (`cells`) as in its columns, cell by cell', async () => {
    const variables = { c: null, r: ['500000', '500101', '500112', '310000'], y: [2023, 2024, 2025] };
    for (const headers of [undefined, ANONYMOUS_HEADERS]) {
      const c = await cubeWithRows(variables, headers);
      expect(c.cells).toHaveLength(c.values.length);
      c.cells.forEach((row, k) => {
        const { indicatorCode, regionCode, year } = row;
        expect({ k, ...row }).toEqual({
          k,
          indicatorCode,
          regionCode,
          year,
          ...cell(c, indicatorCode, regionCode, year),
          coverage: coverageCell(c, indicatorCode, regionCode, year),
        });
      });
      // The grid has something of each kind to compare: values, a missed target, coverage and confidential cells.
      expect(c.cells.some((row) => row.meetsTarget === false)).toBe(true);
      expect(c.cells.some((row) => row.value !== null)).toBe(true);
      expect(c.cells.some((row) => row.coverage !== null)).toBe(true);
      expect(c.cells.some((row) => row.confidentiality === 'CONFIDENTIAL')).toBe(true);
    }
  });

  it('lists its rows in layout order: indicator by region by year, each axis in the order asked', async () => {
    const c = await cubeWithRows({ c: ['DC_RACK_UTILISATION', 'DC_PUE'], r: ['500112', '500000'], y: [2025, 2024] });
    expect(c.cells.map((row) => [row.indicatorCode, row.regionCode, row.year])).toEqual([
      ['DC_RACK_UTILISATION', '500112', 2025],
      ['DC_RACK_UTILISATION', '500112', 2024],
      ['DC_RACK_UTILISATION', '500000', 2025],
      ['DC_RACK_UTILISATION', '500000', 2024],
      ['DC_PUE', '500112', 2025],
      ['DC_PUE', '500112', 2024],
      ['DC_PUE', '500000', 2025],
      ['DC_PUE', '500000', 2024],
    ]);
    // Entry k of the rows is entry k of every column: Chongqing's rack utilisation in 2024 is 10,700 ÷ 18,800 (worked above).
    expect(c.cells[3]!.value).toBeCloseTo(10_700 / 18_800, 12);
    expect(c.values[3]).toBe(c.cells[3]!.value);
  });

  /** What a published table reads of a cell: the figure, its coverage, its target and how far it has come, and why it is missing. */
  const RECORD =
    'value status meetsTarget confidentiality coverage { status unitsReporting unitsExpected share weight minimum registeredIn } ' +
    'target { jurisdiction symbol value year measure scope binding inherited expected } gapToTarget progress ' +
    'missing { metric agency year units unitIds message }';

  /** The same grid through both APIs, keyed by cell, `scopeId` renamed `regionCode`. */
  async function bothApis(variables: { c: string[] | null; r: string[]; y: number[] }, headers?: Record<string, string>) {
    const res = await fed.query<{ indicatorValues: (Record<string, unknown> & { scopeId: string })[]; indicatorCube: { cells: Record<string, unknown>[] } }>(
      `query(${ARGS}) { indicatorValues(codes: $c, regions: $r, years: $y) { indicatorCode scopeId year ${RECORD} } indicatorCube(codes: $c, regions: $r, years: $y) { cells { indicatorCode regionCode year ${RECORD} } } }`,
      variables,
      headers,
    );
    expect(res.errors).toBeUndefined();
    const byKey = (rows: Record<string, unknown>[]) => new Map(rows.map((row) => [`${row.indicatorCode}|${row.regionCode}|${row.year}`, row]));
    return {
      values: byKey(res.data!.indicatorValues.map(({ scopeId, ...v }) => ({ ...v, regionCode: scopeId }))),
      cells: byKey(res.data!.indicatorCube.cells),
    };
  }

  it('answers a dashboard’s indicatorValues query with the same records, renamed scopeId → regionCode', async () => {
    // The national value's coverage names the provinces the registers hold, as IndicatorValue.coverage does.
    // With the plan period's baseline year among the years, so that a level target's progress can be read from the cube.
    const variables = { c: ['DC_CLUSTER_SHARE', 'DC_PUE', 'NEW_LARGE_DC_PUE'], r: ['000000', '500000', '500101'], y: [2020, 2024, 2025] };
    const { values, cells } = await bothApis(variables, ANONYMOUS_HEADERS);
    expect(values.size).toBe(3 * 3 * 3);
    expect(cells).toEqual(values);
    expect(cells.get('DC_PUE|000000|2025')!.coverage).toMatchObject({ registeredIn: ['310000', '500000'] });
  });

  it('carries what a published table needs, as indicatorValues does: targets, gaps, progress from the baseline year it holds, and why a value is missing', async () => {
    const variables = { c: null, r: ['000000', '500000', '500101', '500112', '310000', '310118'], y: [2020, 2021, 2022, 2023, 2024, 2025] };
    for (const headers of [undefined, ANONYMOUS_HEADERS]) {
      const { values, cells } = await bothApis(variables, headers);
      expect(cells).toEqual(values);
      // Each part is exercised: a binding target with its gap and progress, a confidential cell's notice, a missing input.
      const rows = [...cells.values()];
      expect(rows.some((row) => row.progress !== null && row.gapToTarget !== null)).toBe(true);
      expect(rows.some((row) => (row.missing as { metric: string }[]).some((m) => m.metric !== 'CONFIDENTIAL'))).toBe(true);
      if (headers) expect(rows.some((row) => (row.missing as { metric: string }[])[0]?.metric === 'CONFIDENTIAL')).toBe(true);
    }
  });

  it('leaves a level target’s progress null when the cube does not hold the baseline year, and keeps a change target’s', async () => {
    // Chongqing's cluster share is judged as a level (≥ 80 %) against 2020, when none of its data centres lay in the cluster; the nation's green standards count from 2020 (≥ 30).
    const query = `query($y: [Int!]!) { indicatorCube(codes: ["DC_CLUSTER_SHARE", "GREEN_STANDARDS_COUNT"], regions: ["500000", "000000"], years: $y) { cells { indicatorCode regionCode year value progress target { measure } } } }`;
    type Cell = { indicatorCode: string; regionCode: string; year: number; value: number | null; progress: number | null; target: { measure: string } | null };
    const cellOf = async (years: number[], code: string, region: string) => {
      const res = await fed.query<{ indicatorCube: { cells: Cell[] } }>(query, { y: years });
      expect(res.errors).toBeUndefined();
      return res.data!.indicatorCube.cells.find((c) => c.indicatorCode === code && c.regionCode === region && c.year === 2024)!;
    };
    const level = await cellOf([2024], 'DC_CLUSTER_SHARE', '500000');
    expect([level.target?.measure, level.value, level.progress]).toEqual(['LEVEL', 0.5, null]);
    // 2024: A and B inside of A to D, 0.5; 2020: C alone in service, outside, 0. (0.5 − 0) ÷ (0.8 − 0) of the way.
    expect((await cellOf([2020, 2024], 'DC_CLUSTER_SHARE', '500000')).progress).toBeCloseTo(0.625, 12);
    // ST2 and ST3 (2021) and ST4 (2024) count from the period's start, ST1 (2019) does not: 3 of the 30 asked for, 3 ÷ 30.
    const change = await cellOf([2024], 'GREEN_STANDARDS_COUNT', '000000');
    expect([change.target?.measure, change.value, change.progress]).toEqual(['CHANGE', 3, 0.1]);
  });

  it('withholds a small aggregate of unit-level data from an anonymous caller, as indicatorValues does', async () => {
    // 500101: C and D, two data centres; their PUE is 1.6 (1,600,000 ÷ 1,000,000 kWh).
    const anonymous = cell(await cube({ c: ['DC_PUE'], r: ['500101'], y: [2024] }, ANONYMOUS_HEADERS), 'DC_PUE', '500101', 2024);
    expect(anonymous).toEqual({ value: null, numerator: null, denominator: null, status: 'FINAL', confidentiality: 'CONFIDENTIAL', meetsTarget: null });
    const energy = cell(await cube({ c: ['DC_PUE'], r: ['500101'], y: [2024] }, await bearer('energy', ['writer'])), 'DC_PUE', '500101', 2024);
    expect(energy).toMatchObject({ numerator: 1_600_000, denominator: 1_000_000, confidentiality: 'CONFIDENTIAL' });
  });

  it('withholds the same figures of that cell in its rows as in its columns', async () => {
    const variables = { c: ['DC_PUE'], r: ['500101', '500000'], y: [2024] };
    const anonymous = await cubeWithRows(variables, ANONYMOUS_HEADERS);
    // 500101 (C and D, two data centres) is withheld; 500000 (four) is published.
    expect(anonymous.values).toEqual([null, expect.closeTo(5.3 / 4.0, 12)]);
    expect(anonymous.cells[0]).toEqual({
      indicatorCode: 'DC_PUE',
      regionCode: '500101',
      year: 2024,
      value: null,
      numerator: null,
      denominator: null,
      status: 'FINAL',
      confidentiality: 'CONFIDENTIAL',
      meetsTarget: null,
      coverage: { status: 'COMPLETE', unitsReporting: 2, unitsExpected: 2, share: 1 },
    });
    expect(anonymous.cells[1]).toMatchObject({ regionCode: '500000', value: anonymous.values[1], confidentiality: 'FREE' });
    // energy owns every input: it sees the confidential cell in both.
    const energy = await cubeWithRows(variables, await bearer('energy', ['writer']));
    expect(energy.cells[0]).toMatchObject({ value: energy.values[0], numerator: 1_600_000, denominator: 1_000_000, confidentiality: 'CONFIDENTIAL' });
    expect(energy.cells[0]!.value).toBeCloseTo(1.6, 12);
  });

  it("carries energy's totals as columns, not each data centre's kWh, and energy withholds a small total on the caller's own token", async () => {
    // The owner's aggregate, asked for directly: 500101's two data centres C and D sum to 1,600,000 kWh total and 1,000,000 IT.
    // Entry (i × R + r) × Y + y of the columns; one indicator, region and year here, so entry 0.
    const sums = async (headers: Record<string, string>) => {
      const r = await fed.query<{
        indicatorCube: {
          dataCenterEnergySums: {
            indicatorCodes: string[];
            years: number[];
            units: (number | null)[];
            lacking: number[][];
            terms: ((number | null)[] | null)[];
            withheld: number[];
          };
        };
      }>(
        `{ indicatorCube(codes: ["DC_PUE"], regions: ["500101"], years: [2024]) { dataCenterEnergySums { indicatorCodes years units lacking terms withheld } } }`,
        {},
        headers,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.indicatorCube.dataCenterEnergySums;
    };
    expect(await sums(ANONYMOUS_HEADERS)).toEqual({
      indicatorCodes: ['DC_PUE'],
      years: [2024],
      units: [2],
      lacking: [], // no unit lacked an input
      terms: [[null, null]],
      withheld: [0],
    });
    expect(await sums(await bearer('energy', ['writer']))).toEqual({
      indicatorCodes: ['DC_PUE'],
      years: [2024],
      units: [2],
      lacking: [], // no unit lacked an input
      terms: [[1_600_000, 1_000_000]],
      withheld: [],
    });
  });

  it('costs the same subgraph fetches and SQL statements for a cube 36 times larger', async () => {
    const cost = async (regions: string[], years: number[]) => {
      fed.resetStatements();
      const before = fed.subgraphFetches();
      const c = await cube({ r: regions, y: years });
      return { cells: c.values.length, fetches: fed.subgraphFetches() - before, statements: fed.statements() };
    };
    const small = await cost(['500112'], [2024]);
    const large = await cost(['500000', '500101', '500112', '500120', '310000', '310118'], [2020, 2021, 2022, 2023, 2024, 2025]);
    expect(large.cells).toBe(36 * small.cells);
    expect(large.fetches).toBe(small.fetches);
    expect(large.statements).toBe(small.statements);
  });

  it('asks bigdata for its data centres with the entry point, then each agency once, then energy about the lists comms and econ sent and bigdata about econ’s designations, then the indicators subgraph', async () => {
    const names = ['bigdata', 'comms', 'econ', 'energy', 'indicators'] as const;
    const requests = () => Object.fromEntries(names.map((n) => [n, fed.subgraphs[n]!.requests()]));
    const before = requests();
    await cube({ r: ['500000', '500112'], y: [2024, 2025] });
    const after = requests();
    // energy answers its region facts with its totals over the data centres; then, once comms and econ have listed
    // their core rooms and enterprises, its totals over both lists and those enterprises' roofs with PV (public, read
    // as they are) in one fetch: two fetches, where one per list and one for the roofs took four. bigdata answers
    // twice: the entry point, then the national green data centres econ's designations name, which it places. A plan
    // rooted in the indicators subgraph took nine fetches.
    expect(Object.fromEntries(names.map((n) => [n, after[n]! - before[n]!]))).toEqual({ bigdata: 2, comms: 1, econ: 1, energy: 2, indicators: 1 });
  });

  it('hands bigdata one list of econ’s designations for the whole cube, and none for a cube that counts no designation', async () => {
    const bigdataFetches = async (c: string[]) => {
      const before = fed.subgraphs.bigdata!.requests();
      await cube({ c, r: ['500000', '500101', '500112'], y: [2023, 2024, 2025] });
      return fed.subgraphs.bigdata!.requests() - before;
    };
    // The entry point, then the counts over econ's list (one reference for nine cells); the entry point alone without them.
    expect(await bigdataFetches(['NATIONAL_GREEN_DC_COUNT', 'DC_PUE'])).toBe(2);
    expect(await bigdataFetches(['DC_PUE'])).toBe(1);
  });

  it.each([
    [{ c: ['NO_SUCH'], r: ['500000'], y: [2024] }, 'UNKNOWN_INDICATOR'],
    [{ c: null, r: ['500199'], y: [2024] }, 'UNKNOWN_REGION'],
    [{ c: null, r: ['Chongqing'], y: [2024] }, 'INVALID_REGION_CODE'],
    [{ c: null, r: ['500000'], y: [2019] }, 'YEAR_OUT_OF_RANGE'],
  ])('%j fails with %s', async (variables, code) => {
    const res = await fed.query(`query(${ARGS}) { indicatorCube(codes: $c, regions: $r, years: $y) { values } }`, variables);
    // The root field is nullable (one agency's outage must not null the others' answers): the cube is null, not `data`.
    expect(res.data?.indicatorCube ?? null).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe(code);
  });

  it('reproduces the figures as of an instant after a correction', async () => {
    // energy corrects A's June 2024 total from 1,300,000 to 1,600,000 kWh: A and B then sum to 4.0 ÷ 3.0.
    const res = await fed.query<{ submitEnergyObservations: { applied: boolean; updated: number } }>(
      `mutation { submitEnergyObservations(idempotencyKey: "cube-correction", sourceSystem: "test", rows: [{ metric: "DC_TOTAL_ENERGY_KWH", subjectKind: DATA_CENTER, subjectId: "A", period: "2024-06", value: 1600000 }]) { applied updated } }`,
      {},
      await bearer('energy', ['writer']),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitEnergyObservations).toEqual({ applied: true, updated: 1 });
    const latest = await cube({ c: ['NEW_LARGE_DC_PUE'], r: ['500000'], y: [2024] });
    const then = await cube({ c: ['NEW_LARGE_DC_PUE'], r: ['500000'], y: [2024], asOf: beforeCorrection });
    expect(latest.values[0]).toBeCloseTo(4.0 / 3.0, 12);
    expect(then.values[0]).toBeCloseTo(3.7 / 3.0, 12);
    expect(then.asOf).toBe(beforeCorrection);
  });
});
