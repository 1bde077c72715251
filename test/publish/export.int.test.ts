import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../support/csv.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';
import { writeFixtures } from '../indicators/fixtures.ts';
import { REGION_CODES } from '../../lib/regions/codes.ts';

// Exports read the public API as their caller. The shared fixtures hold four Chongqing data centres in 2024:
// A (500120) 1.3 / 1.0 GWh total / IT, 3,000 of 4,000 racks in use; B (500112) 2.4 / 2.0 GWh, 6,000 of 12,000;
// C and D (both 500101) 0.9 / 0.5 GWh, 700 of 800, and 0.7 / 0.5 GWh, 1,000 of 2,000.
let fed: TestFederation;
let base: string;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  base = fed.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => fed?.stop());

async function get(path: string, headers: Record<string, string> = ANONYMOUS_HEADERS): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(base + path, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

function rows(text: string): Record<string, string>[] {
  const [names, ...lines] = csvRecords(text);
  return lines.map((line) => Object.fromEntries(line.map((v, i) => [names![i]!, v])));
}

describe('CSV export of an indicator grid', () => {
  it('gives one row per indicator, region and year, values in display units with their status, and withholds what GraphQL withholds', async () => {
    const res = await get('/export/indicators.csv?codes=DC_PUE,DC_RACK_UTILISATION&regions=500000,500101&years=2024');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv; charset=utf-8/);
    const table = rows(res.text);
    expect(table.map((r) => [r.indicator, r.region, r.year])).toEqual([
      ['DC_PUE', '500000', '2024'],
      ['DC_PUE', '500101', '2024'],
      ['DC_RACK_UTILISATION', '500000', '2024'],
      ['DC_RACK_UTILISATION', '500101', '2024'],
    ]);
    // Chongqing's PUE: (1.3 + 2.4 + 0.9 + 0.7 GWh) / (1.0 + 2.0 + 0.5 + 0.5 GWh) = 5.3 / 4.0 = 1.325.
    // Its status is the weakest of its inputs': B's 2024 energy figures include a provisional on-site PV reading.
    expect(table[0]).toMatchObject({ value: '1.325', unit: 'ratio', decimals: '2', status: 'PROVISIONAL', confidentiality: 'FREE', region_name_zh: '重庆市' });
    // 500101 has two data centres, fewer than the three disclosure control asks for an anonymous caller.
    expect(table[1]).toMatchObject({ value: '', confidentiality: 'CONFIDENTIAL' });
    expect(table[1]!.missing).toMatch(/^Withheld \(statistical disclosure control\)/);
    // Racks: (3,000 + 6,000 + 700 + 1,000) / (4,000 + 12,000 + 800 + 2,000) = 10,700 / 18,800 = 56.9148936170…%.
    expect(Number(table[2]!.value)).toBeCloseTo(56.914893617, 8);
    expect(table[2]).toMatchObject({ unit: '%', decimals: '1', status: 'FINAL' });
  });

  it('starts with a UTF-8 byte-order mark only when asked (bom=true), for Excel; never a JSON export', async () => {
    const bytes = async (path: string) => new Uint8Array(await (await fetch(base + path, { headers: ANONYMOUS_HEADERS })).arrayBuffer());
    const grid = 'codes=DC_PUE&regions=500000&years=2024';
    // EF BB BF, then the header's first letter: "i" of indicator (0x69) or "S" of STRUCTURE (0x53).
    expect([...(await bytes(`/export/indicators.csv?${grid}&bom=true`)).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x69]);
    expect([...(await bytes(`/export/indicators.sdmx.csv?${grid}&bom=true`)).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x53]);
    expect((await bytes(`/export/indicators.csv?${grid}`))[0]).toBe(0x69);
    const json = await get(`/export/indicators.jsonstat.json?${grid}&bom=true`);
    expect([json.status, JSON.parse(json.text)]).toEqual([400, { error: { code: 'INVALID_OPTION', parameter: 'bom', message: expect.any(String) } }]);
    const typo = await get(`/export/indicators.csv?${grid}&bom=yes`);
    expect([typo.status, JSON.parse(typo.text).error.code]).toEqual([400, 'INVALID_OPTION']);
  });

  it('shows a confidential value to a reader, whose token it forwards', async () => {
    const res = await get('/export/indicators.csv?codes=DC_PUE&regions=500101&years=2024', await readerHeaders());
    // C and D: (0.9 + 0.7 GWh) / (0.5 + 0.5 GWh) = 1.6.
    expect(rows(res.text)[0]).toMatchObject({ value: '1.6', confidentiality: 'CONFIDENTIAL' });
  });

  it('reads the figures as they stood at asOf, before a later correction', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const corrected = await fed.query(
      `mutation($rows: [ObservationInput!]!) { submitCommsObservations(rows: $rows, idempotencyKey: "export-correction", sourceSystem: "test") { applied rejected } }`,
      { rows: [{ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'A', period: '2024', value: 3500 }] },
      await bearer('comms', ['writer']),
    );
    expect(corrected.errors).toBeUndefined();
    const then = rows((await get(`/export/indicators.csv?codes=DC_RACK_UTILISATION&regions=500000&years=2024&asOf=${before}`)).text)[0]!;
    const now = rows((await get('/export/indicators.csv?codes=DC_RACK_UTILISATION&regions=500000&years=2024')).text)[0]!;
    // Before: 10,700 / 18,800 racks; after A's correction from 3,000 to 3,500: 11,200 / 18,800 = 59.5744680851…%.
    expect(Number(then.value)).toBeCloseTo(56.914893617, 8);
    expect(then.as_of).toBe(before);
    expect(Number(now.value)).toBeCloseTo(59.574468085, 8);
  });
});

describe('coverage and progress as attributes', () => {
  it('carries a late unit’s coverage with the value: Chongqing’s 2025 racks over the centres that reported', async () => {
    const res = await get('/export/indicators.csv?codes=DC_RACK_UTILISATION&regions=500000&years=2024,2025');
    const [y2024, y2025] = rows(res.text);
    // 2024: every data centre reported, so the whole of the 18,800 design racks is covered.
    expect(y2024).toMatchObject({ coverage: 'COMPLETE', coverage_share: '1' });
    // 2025: C (800 design racks) has not reported; the others hold 18,000 / 18,800 = 0.957446808511 of the racks,
    // above the 0.9 minimum, so 11,700 / 18,000 = 65% is published, marked PARTIAL.
    expect(y2025).toMatchObject({ coverage: 'PARTIAL', coverage_share: '0.957446808511' });
    expect(Number(y2025!.value)).toBeCloseTo(65, 8);
    // 2025 is the target year of Chongqing's ≥ 75%: progress is the share of the way from the 2020 level.
    // No rack figures exist for 2020 in these fixtures, so there is no baseline and no progress.
    expect(y2025!.progress).toBe('');
  });
});

describe('SDMX-CSV and JSON-stat exports', () => {
  it('SDMX-CSV names the dataflow and codes status and confidentiality (A final, P provisional, M missing; F free, C confidential)', async () => {
    const res = await get('/export/indicators.sdmx.csv?codes=DC_PUE,DC_RACK_UTILISATION,DC_RENEWABLE_RATE&regions=500000,500101&years=2024');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/vnd\.sdmx\.data\+csv; version=2\.0\.0/);
    const table = rows(res.text);
    expect(Object.keys(table[0]!)).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'ACTION',
      'INDICATOR',
      'REF_AREA',
      'TIME_PERIOD',
      'OBS_VALUE',
      'UNIT_MEASURE',
      'DECIMALS',
      'OBS_STATUS',
      'CONF_STATUS',
      'COVERAGE_STATUS',
      'COVERAGE_SHARE',
      'TARGET_PROGRESS',
    ]);
    const at = (code: string, region: string) => table.find((r) => r.INDICATOR === code && r.REF_AREA === region)!;
    expect(at('DC_PUE', '500000')).toMatchObject({
      STRUCTURE: 'dataflow',
      STRUCTURE_ID: 'GREEN_ICT:DF_ICT_INDICATORS(1.0)',
      ACTION: 'I',
      TIME_PERIOD: '2024',
      OBS_VALUE: '1.325',
      OBS_STATUS: 'P',
      CONF_STATUS: 'F',
    });
    expect(at('DC_RACK_UTILISATION', '500000')).toMatchObject({ OBS_STATUS: 'A', CONF_STATUS: 'F', UNIT_MEASURE: '%', DECIMALS: '1' });
    expect(at('DC_PUE', '500101')).toMatchObject({ OBS_VALUE: '', CONF_STATUS: 'C' });
    // (0.4 + 0.6 + 0.12 + 0 + 0.035 GWh) / 5.3 GWh = 1.155 / 5.3 = 21.79…%, status P.
    expect(at('DC_RENEWABLE_RATE', '500000')).toMatchObject({ OBS_STATUS: 'P', CONF_STATUS: 'F' });
    expect(Number(at('DC_RENEWABLE_RATE', '500000').OBS_VALUE)).toBeCloseTo(21.79245283, 6);
  });

  it('JSON-stat lays the cells out indicator × region × year with units, decimals and statuses', async () => {
    const res = await get('/export/indicators.jsonstat.json?codes=DC_PUE&regions=500000,500101&years=2023-2024');
    expect(res.status).toBe(200);
    const ds = JSON.parse(res.text) as {
      size: number[];
      id: string[];
      value: (number | null)[];
      status: (string | null)[];
      dimension: Record<string, { category: { index: string[]; unit?: Record<string, { decimals: number }> } }>;
      extension: Record<string, unknown>;
    };
    expect(ds.id).toEqual(['indicator', 'region', 'year']);
    expect(ds.size).toEqual([1, 2, 2]);
    expect(ds.dimension.year!.category.index).toEqual(['2023', '2024']);
    expect(ds.dimension.indicator!.category.unit).toEqual({ DC_PUE: { label: 'ratio', decimals: 2 } });
    // Cell (0, 500000, 2024) is entry (0 × 2 + 0) × 2 + 1 = 1; 2023 has no meter readings in the fixtures: missing.
    expect(ds.value[1]).toBe(1.325);
    expect(ds.value[0]).toBeNull();
    expect(ds.status[0]).toBe('M');
    expect(ds.extension.CONF_STATUS).toEqual(['F', 'F', expect.any(String), 'C']);
  });
});

describe('refused exports', () => {
  it.each([
    ['/export/indicators.csv?years=2024', 'MISSING_PARAMETER', 'regions'],
    ['/export/indicators.csv?regions=500000', 'MISSING_PARAMETER', 'years'],
    ['/export/indicators.csv?regions=5000&years=2024', 'INVALID_REGION_CODE', 'regions'],
    ['/export/indicators.csv?regions=500000&years=24', 'INVALID_YEAR', 'years'],
    ['/export/indicators.csv?regions=500000&years=2025-2020', 'INVALID_YEAR', 'years'],
    ['/export/indicators.csv?regions=500000&years=2024&asOf=2026-03-31', 'INVALID_AS_OF', 'asOf'],
    ['/export/indicators.csv?regions=500000&years=2024&code=DC_PUE', 'UNKNOWN_PARAMETER', 'code'],
    ['/export/indicators.csv?regions=500000&years=2024&codes=dc-pue', 'INVALID_INDICATOR_CODE', 'codes'],
  ])('%s answers 400 %s naming the parameter', async (path, code, parameter) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: { code, parameter, message: expect.any(String) } });
  });

  it.each([
    ['an unknown indicator', 'codes=NO_SUCH_INDICATOR&regions=500000&years=2024', 'UNKNOWN_INDICATOR', 'codes'],
    ['an unknown region', 'regions=500001&years=2024', 'UNKNOWN_REGION', 'regions'],
    ['a year not served', 'regions=500000&years=2019', 'YEAR_OUT_OF_RANGE', 'years'],
  ])('passes on the API’s own refusal of %s as 400 with its code and the parameter at fault', async (_what, query, code, parameter) => {
    const res = await get(`/export/indicators.csv?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: { code, parameter, message: expect.any(String) } });
  });

  it('exports the whole grid the API serves in one request, which the per-cell API refused as too costly', async () => {
    // Every indicator (31, costing 1 + their inputs: 81 a region-year) × 57 regions × 11 years (2020-2030) = 19,437
    // cells, under the 20,000 of GRID_TOO_LARGE. Through indicatorValues that costs 81 × 627 = 50,787, over
    // QUERY_MAX_COST's 30,000; the exports read the cube, whose cells weigh a fifth: 10,157.
    const regions = REGION_CODES.map((r) => r.code).join(',');
    const res = await get(`/export/indicators.csv?regions=${regions}&years=2020-2030`);
    expect(res.status).toBe(200);
    expect(rows(res.text)).toHaveLength(19_437);
    const graphql = await fed.query(
      `query($r: [ID!]!) { indicatorValues(regions: $r, years: [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]) { value } }`,
      {
        r: REGION_CODES.map((r) => r.code),
      },
    );
    expect(graphql.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses a bad token as GraphQL does (401), and an unknown export path with 404', async () => {
    expect((await get('/export/indicators.csv?regions=500000&years=2024', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const unknown = await get('/export/indicators.xml?regions=500000&years=2024');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.code).toBe('UNKNOWN_FORMAT');
  });
});
