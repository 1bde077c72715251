import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../publish/chromium.ts';
import { formatValue } from '../../publish/format.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS } from '../support/tokens.ts';
import { USABLE_ROOFS, writeFixtures } from '../indicators/fixtures.ts';
import { observationRow } from '../support/observations.ts';
import { csvRecords } from '../support/csv.ts';
import { observation as econObservation } from '../../subgraphs/econ/tables.ts';

// Screenshots of each view are kept as artefacts (git-ignored) for a human to look at.
const ARTEFACTS = path.resolve('test-artifacts/dashboard');
const chromium = chromiumPath();

let fed: TestFederation;
let browser: Browser;
let page: Page;
// What the page got wrong on the way: console errors and requests answered with an error (a missing favicon included).
const pageErrors: string[] = [];
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-dashboard.mjs', '--if-stale'], { stdio: 'pipe' });
  mkdirSync(ARTEFACTS, { recursive: true });
  fed = await startTestFederation();
  await writeFixtures(fed);
  // Usable roofs for 2021 as well (the fixtures have 2023 and 2024), none for 2022: a trend with a hole in the middle.
  await fed.databases.econ.db.insert(econObservation).values(USABLE_ROOFS.map(([uscc, n]) => observationRow('USABLE_ROOFS', 'ENTERPRISE', uscc, '2021', n)));
  browser = await launchChromium(chromium!);
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
  page.on('pageerror', (error) => void pageErrors.push(error.message));
  page.on('response', (response) => void (response.status() >= 400 && pageErrors.push(`${response.status()} ${response.url()}`)));
});
afterAll(async () => {
  await browser?.close();
  await fed?.stop();
});

interface Cell {
  indicatorCode: string;
  year: number;
  value: number | null;
}

/** What the API answers an anonymous caller (the page's caller) for a jurisdiction's grid. */
async function apiGrid(region: string, codes: string[]): Promise<Cell[]> {
  const res = await fed.query<{ indicatorValues: Cell[] }>(
    'query($c: [ID!], $r: [ID!]!) { indicatorValues(codes: $c, regions: $r, years: [2020, 2021, 2022, 2023, 2024, 2025]) { indicatorCode year value } }',
    { c: codes, r: [region] },
    ANONYMOUS_HEADERS,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues;
}

const gridCell = (code: string, year: number) => page.locator(`#grid tr[data-indicator="${code}"] td[data-year="${year}"]`);

// Rack utilisation is shown ×100 in one decimal, PUE as is in two, counts as whole numbers.
const RULES: Record<string, { displayFactor: number; decimals: number }> = {
  DC_RACK_UTILISATION: { displayFactor: 100, decimals: 1 },
  DC_PUE: { displayFactor: 1, decimals: 2 },
  GREEN_STANDARDS_COUNT: { displayFactor: 1, decimals: 0 },
};

/**
 * What a trend chart draws, read from its SVG: the x axis's labels with their x positions, the line's vertices (their x
 * positions, one list per unbroken stretch of line), and the points' labels.
 */
async function trend(code: string): Promise<{ axis: { year: string; x: number }[]; stretches: number[][]; points: string[] }> {
  const svg = page.locator(`#chart-${code} svg`);
  await svg.waitFor();
  return svg.evaluate((root) => {
    const xOf = (transform: string | null) => Number(/translate\(([-\d.]+),/.exec(transform ?? '')?.[1]);
    const xAxis = root.querySelector('[aria-roledescription="axis"][aria-label^="X-axis"]')!;
    const axis = [...xAxis.querySelectorAll('.role-axis-label text')].map((t) => ({ year: t.textContent!, x: xOf(t.getAttribute('transform')) }));
    const d = root.querySelector('[aria-roledescription="line mark"]')!.getAttribute('d')!;
    const stretches = d
      .split('M')
      .filter(Boolean)
      .map((sub) => [...sub.matchAll(/([-\d.]+),[-\d.]+/g)].map((m) => Number(m[1])));
    const points = [...root.querySelectorAll('[aria-roledescription="point"]')].map((p) => p.getAttribute('aria-label')!);
    return { axis, stretches, points };
  });
}

/** The x position of each year on a chart's axis, checking that the axis holds exactly these years, evenly spaced. */
function yearPositions(axis: { year: string; x: number }[], years: number[]): Map<number, number> {
  expect(axis.map((a) => a.year)).toEqual(years.map(String));
  const step = axis[1]!.x - axis[0]!.x;
  expect(step).toBeGreaterThan(0);
  axis.forEach((a, k) => expect(a.x).toBeCloseTo(axis[0]!.x + k * step, 6));
  return new Map(axis.map((a) => [Number(a.year), a.x]));
}

async function expectGridToShow(region: string, codes: string[]): Promise<void> {
  const rules = RULES;
  for (const cell of await apiGrid(region, codes)) {
    await expect
      .poll(async () => (await gridCell(cell.indicatorCode, cell.year).textContent())?.replace(/[pce]+$/, ''))
      .toBe(formatValue(cell.value, rules[cell.indicatorCode]!));
  }
}

describe.skipIf(!chromium)('the dashboard at / in Chromium', () => {
  it('offers the jurisdictions the API lists: the provinces whose districts the code list holds', async () => {
    await page.goto(fed.gateway.url.replace(/\/graphql$/, '/'));
    const res = await fed.query<{ regions: { code: string; nameZh: string; children: { code: string }[] }[] }>(
      '{ regions(level: PROVINCE) { code nameZh children { code } } }',
      {},
      ANONYMOUS_HEADERS,
    );
    const listed = res.data!.regions.filter((r) => r.children.length > 0).map((r) => [r.code, r.nameZh]);
    // The code list: Shanghai with 16 districts and Chongqing with 38, by code.
    expect(listed).toEqual([
      ['310000', '上海市'],
      ['500000', '重庆市'],
    ]);
    const options = page.locator('#jurisdiction option');
    await expect.poll(() => options.count()).toBe(2);
    expect(await options.evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]))).toEqual(listed);
    // Chongqing is shown first.
    expect(await page.locator('#jurisdiction').inputValue()).toBe('500000');
  });

  it('shows Chongqing’s grid and charts with the values the API returns', async () => {
    await gridCell('DC_RACK_UTILISATION', 2024).waitFor();
    // (3,000 + 6,000 + 700 + 1,000) / (4,000 + 12,000 + 800 + 2,000) racks = 10,700 / 18,800 = 56.9%, which meets no 2025 target yet.
    await expect.poll(() => gridCell('DC_RACK_UTILISATION', 2024).textContent()).toBe('56.9');
    await expectGridToShow('500000', ['DC_RACK_UTILISATION', 'DC_PUE']);
    // 2025: C (800 of 18,800 design racks) has not reported: 11,700 / 18,000 = 65.0%, marked e (partial coverage).
    await expect.poll(() => gridCell('DC_RACK_UTILISATION', 2025).textContent()).toBe('65.0e');
    // Chongqing's target for rack utilisation: ≥ 75% by 2025 (catalog), shown in the indicator's one decimal.
    const racks = page.locator('#grid tr[data-indicator="DC_RACK_UTILISATION"]');
    expect(await racks.locator('td.target').textContent()).toBe('≥ 75.0 (2025)');
    // It binds Chongqing's own figure, and judges 2025: 65.0% < 75% is coloured as not met.
    expect(await racks.locator('td.scope').textContent()).toBe('本级');
    expect(await gridCell('DC_RACK_UTILISATION', 2025).getAttribute('class')).toBe('unmet');
    // Chongqing's 45.5 % renewable share is an expected value (预期值): marked so (a 2025 short of it is amber, not red).
    await page.locator('input[value="DC_RENEWABLE_RATE"]').check();
    const renewable = page.locator('#grid tr[data-indicator="DC_RENEWABLE_RATE"]');
    await expect.poll(() => renewable.locator('td.target').textContent()).toBe('≥ 45.5 (2025) （预期值）');
    // National green data centres: A designated in 2023, B in 2025: 2 of Chongqing's ≥ 10, from 0 in 2020: (2 − 0) / (10 − 0) = 20%.
    await page.locator('input[value="NATIONAL_GREEN_DC_COUNT"]').check();
    await expect.poll(() => page.locator('#grid tr[data-indicator="NATIONAL_GREEN_DC_COUNT"] td.progress').textContent()).toBe('20 %');
    // The chart plots the same figures: Vega-Lite labels each point for screen readers, in the axis format (one decimal).
    const chart = page.locator('#chart-DC_RACK_UTILISATION svg');
    await chart.waitFor();
    expect(await chart.innerHTML()).toMatch(/aria-label="year: 2024; %: 56\.9"/);
    // The districts compared: 500101 has two data centres, so its figure is withheld (c) from the page's anonymous caller.
    await expect.poll(() => page.locator('#districts tr[data-region="500101"] td').nth(2).textContent()).toBe('—c');
    // Its tooltip gives the coverage and says why, as the grid's do (the district comparison reads the same records):
    // C (800 of the district's 2,800 design racks) has not reported its racks in use for 2025: D alone, 2,000 / 2,800 = 71.4 %.
    expect(await page.locator('#districts tr[data-region="500101"] td').nth(2).getAttribute('title')).toMatch(
      /^1 \/ 2 \(71\.4 %\) Withheld \(statistical disclosure control\): 1 data centre\(s\) contribute/,
    );
    await page.screenshot({ path: path.join(ARTEFACTS, 'chongqing.png'), fullPage: true });
  });

  it('maps Chongqing’s 38 districts as tiles with the district comparison’s values', async () => {
    await page.locator('input[value="DC_CLUSTER_SHARE"]').check();
    await page.selectOption('#map-indicator', 'DC_CLUSTER_SHARE');
    await expect.poll(() => page.locator('#map .tile').count()).toBe(38);
    // 2025: 500120 has A, inside the cluster: 1 / 1 = 100%; 500101 has C and D, both outside: 0 / 2 = 0%.
    await expect.poll(() => page.locator('#map [data-region="500120"] .value').textContent()).toBe('100.0');
    expect(await page.locator('#map [data-region="500101"] .value').textContent()).toBe('0.0');
    // The same figures as the district table's column for the indicator.
    const column = (await page.locator('#districts thead th').allTextContents()).indexOf('数据中心集群内数据中心规模占比');
    expect(column).toBeGreaterThan(0);
    expect(await page.locator('#districts tr[data-region="500120"] td').nth(column).textContent()).toBe('100.0');
    await page.locator('#map').screenshot({ path: path.join(ARTEFACTS, 'chongqing-map.png') });
  });

  it('offers the grid on screen, with its districts, as the exports give it: a CSV Excel reads, SDMX-CSV, JSON-stat', async () => {
    const csv = page.locator('#download-csv');
    await csv.waitFor();
    const href = new URL((await csv.getAttribute('href'))!, page.url());
    expect(href.pathname).toBe('/export/indicators.csv');
    expect(href.searchParams.get('bom')).toBe('true');
    // Fetched as the browser would follow the link: the byte-order mark, then one row per indicator, region and year.
    const bytes = new Uint8Array(await (await page.request.get(href.toString())).body());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRecords(new TextDecoder().decode(bytes));
    const [header, ...cells] = rows;
    const at = (code: string, region: string, year: string) =>
      cells.find((r) => r[0] === code && r[header!.indexOf('region')] === region && r[header!.indexOf('year')] === year)!;
    // The grid's figure (Chongqing's 2024 rack utilisation, 56.9 %) and a district's beside it (500120: A alone is 1 unit,
    // withheld from an anonymous caller as the tile map withholds it).
    expect(Number(at('DC_RACK_UTILISATION', '500000', '2024')[header!.indexOf('value')])).toBeCloseTo((10_700 / 18_800) * 100, 8);
    expect(at('DC_RACK_UTILISATION', '500120', '2024')[header!.indexOf('value')]).toBe('');
    // Every year of the grid, 2020 to 2025, and every district.
    expect(new Set(cells.map((r) => r[header!.indexOf('year')]))).toEqual(new Set(['2020', '2021', '2022', '2023', '2024', '2025']));
    expect(new Set(cells.map((r) => r[header!.indexOf('region')])).size).toBe(39);
    for (const format of ['sdmx', 'jsonstat'])
      expect((await page.request.get(new URL((await page.locator(`#download-${format}`).getAttribute('href'))!, page.url()).toString())).status()).toBe(200);
  });

  it('keeps every asked year on a trend chart’s time axis and leaves a year without a value as a gap in the line', async () => {
    await page.selectOption('#jurisdiction', '500000');
    await page.locator('input[value="ROOFTOP_PV_RATIO"]').check();
    // Roofs with PV over usable roofs of the manufacturing and telecom enterprises (E1 2 + E2 1 + E3 1 + E5 0 = 4 roofs):
    // 2021: no PV on a roof yet (PV3 stands on the ground): 0 / 4 = 0.0%; 2023: PV1 on E1's roof: 1 / 4 = 25.0%;
    // 2024: PV1 and PV2 (E3): 2 / 4 = 50.0%. No usable roofs reported for 2020, 2022 or 2025: no value.
    await expect.poll(() => gridCell('ROOFTOP_PV_RATIO', 2024).textContent()).toBe('50.0p');
    // The table shows the missing years as "—" with the reason as a tooltip.
    expect(await gridCell('ROOFTOP_PV_RATIO', 2022).textContent()).toBe('—');
    expect(await gridCell('ROOFTOP_PV_RATIO', 2022).getAttribute('title')).not.toBe('');
    const roofs = await trend('ROOFTOP_PV_RATIO');
    // All six years stand on the axis, evenly spaced, the empty ones included (2020 before the first value).
    const at = yearPositions(roofs.axis, [2020, 2021, 2022, 2023, 2024, 2025]);
    // The line breaks at 2022: 2021 stands alone, then 2023 to 2024; nothing is drawn at 2020, 2022 or 2025.
    expect(roofs.stretches).toEqual([[at.get(2021)], [at.get(2023), at.get(2024)]]);
    expect(roofs.points).toEqual(['year: 2021; %: 0.0', 'year: 2023; %: 25.0', 'year: 2024; %: 50.0']);
    // Rack utilisation starts in 2023 (no rack reports before): 2020 to 2022 are still on the axis, empty.
    // 2023: (2,000 + 3,000 + 700 + 800) / (4,000 + 12,000 + 800 + 2,000) racks = 6,500 / 18,800 = 34.6%.
    const racks = await trend('DC_RACK_UTILISATION');
    const atRacks = yearPositions(racks.axis, [2020, 2021, 2022, 2023, 2024, 2025]);
    expect(racks.stretches).toEqual([[atRacks.get(2023), atRacks.get(2024), atRacks.get(2025)]]);
    expect(racks.points).toEqual(['year: 2023; %: 34.6', 'year: 2024; %: 56.9', 'year: 2025; %: 65.0']);
    await page.locator('#chart-ROOFTOP_PV_RATIO').screenshot({ path: path.join(ARTEFACTS, 'chongqing-gap.png') });
  });

  it('shows Shanghai’s figures after the jurisdiction changes, and English labels', async () => {
    await page.selectOption('#jurisdiction', '310000');
    await page.locator('input[value="GREEN_STANDARDS_COUNT"]').check();
    // Green standards are counted for the nation only (seed 002 #10): Shanghai's cell is empty, not zero.
    await expect.poll(() => gridCell('GREEN_STANDARDS_COUNT', 2024).textContent()).toBe('—');
    // The national ≥ 30 binds the nation's own count: shown for Shanghai as context, marked not binding, never coloured.
    const standards = page.locator('#grid tr[data-indicator="GREEN_STANDARDS_COUNT"]');
    await expect.poll(() => standards.locator('td.target').textContent()).toBe('≥ 30 (2025) （非约束，仅供参考）');
    expect(await standards.locator('td.progress').textContent()).toBe('—');
    expect(
      await page.locator('#grid td.met, #grid td.unmet').evaluateAll((cells) => cells.map((c) => c.closest('tr')!.getAttribute('data-indicator'))),
    ).not.toContain('GREEN_STANDARDS_COUNT');
    // Shanghai's PUE is unknown: S5 has no meter readings (missing is not zero).
    await expect.poll(() => gridCell('DC_PUE', 2024).textContent()).toBe('—');
    await expectGridToShow('310000', ['DC_RACK_UTILISATION', 'DC_PUE', 'GREEN_STANDARDS_COUNT']);
    // A chart is drawn only for an indicator with a figure: none for Shanghai's green standards (a national count).
    expect(await page.locator('#chart-GREEN_STANDARDS_COUNT').count()).toBe(0);
    // Shanghai's 16 districts on its own tile layout.
    await expect.poll(() => page.locator('#map .tile').count()).toBe(16);
    await page.screenshot({ path: path.join(ARTEFACTS, 'shanghai.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Green, low-carbon ICT indicators');
    await page.screenshot({ path: path.join(ARTEFACTS, 'shanghai-en.png'), fullPage: true });
  });

  it('logged no console error and asked for nothing the gateway does not serve, through every view above', () => {
    expect(pageErrors).toEqual([]);
  });
});
