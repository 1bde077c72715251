import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../publish/chromium.ts';
import { runReportCli, UsageError } from '../../publish/report/cli.ts';
import { gatherReportData } from '../../publish/report/data.ts';
import { httpTransport, type Transport } from '../../publish/client/request.ts';
import { csvRecords } from '../support/csv.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer, readerHeaders } from '../support/tokens.ts';
import { writeFixtures } from '../indicators/fixtures.ts';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { ObservationTable } from '../../db/observation-table.ts';
import { observation as commsObservation } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';

// The shared fixtures' Chongqing data centres, racks in use of design racks: 2023 A 2,000/4,000, B 3,000/12,000,
// C 700/800, D 800/2,000; 2024 A 3,000, B 6,000, C 700, D 1,000 (A in 500120, B in 500112, C and D in 500101).
let fed: TestFederation;
let scratch: string;
let token: string;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  scratch = mkdtempSync(path.join(tmpdir(), 'report-'));
  token = (await readerHeaders()).authorization!.replace(/^Bearer /, '');
  // A release pinned at this instant, in a releases file of the test's own.
  const asOf = new Date().toISOString();
  writeFileSync(
    path.join(scratch, 'releases.yaml'),
    `releases:\n  - { name: cq-2024, title: "2024 annual report, as published", region: "500000", year: 2024, asOf: "${asOf}" }\n`,
  );
  process.env.RELEASES_FILE = path.join(scratch, 'releases.yaml');
  await new Promise((r) => setTimeout(r, 20));
});
afterAll(async () => {
  delete process.env.RELEASES_FILE;
  rmSync(scratch, { recursive: true, force: true });
  await fed?.stop();
});

const run = (out: string, ...args: string[]) =>
  runReportCli(['--gateway', fed.gateway.url, '--token', token, '--out', path.join(scratch, out), '--quiet', ...args]);

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

const mdRow = (md: string, code: string) =>
  md
    .split('\n')
    .find((l) => l.startsWith(`| ${code} |`))
    ?.split(' | ');

describe('what a report asks the gateway', () => {
  it('asks for the plan periods once, though it reads several grids', async () => {
    const operations: string[] = [];
    const http = httpTransport(fed.gateway.url, `Bearer ${token}`);
    const counting: Transport = (body) => {
      operations.push(/^\s*query\s+(\w+)/.exec(body.query)?.[1] ?? '?');
      return http(body);
    };
    await gatherReportData({ transport: counting, region: '500000', year: 2024, asOf: new Date(Date.now() - 1000).toISOString() });
    // The jurisdiction's series and its districts' year: two grids, one reader.
    expect(operations.filter((o) => o === 'IndicatorGrid')).toHaveLength(2);
    expect(operations.filter((o) => o === 'PlanPeriods')).toHaveLength(1);
  });
});

describe('the annual report', () => {
  it('regenerating a release after a correction gives byte-identical files', async () => {
    const first = await run('first', '--release', 'cq-2024', '--no-pdf');
    const corrected = await fed.query(
      `mutation($rows: [ObservationInput!]!) { submitCommsObservations(rows: $rows, idempotencyKey: "report-correction", sourceSystem: "test") { applied rejected } }`,
      { rows: [{ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'A', period: '2024', value: 3500 }] },
      await bearer('comms', ['writer']),
    );
    expect(corrected.errors).toBeUndefined();
    await run('second', '--release', 'cq-2024', '--no-pdf');
    const files = filesOf(path.join(scratch, 'first'));
    expect(files).toEqual(expect.arrayContaining(['report.html', 'report.md', 'report.xlsx', 'tables/indicators.csv', 'tables/district-ranking.csv']));
    expect(files.some((f) => f.startsWith('charts/') && f.endsWith('.svg'))).toBe(true);
    expect(filesOf(path.join(scratch, 'second'))).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(scratch, 'second', f)).equals(readFileSync(path.join(scratch, 'first', f))), f).toBe(true);
    expect(first.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The release kept 10,700 / 18,800 = 56.9%; read now, A's correction to 3,500 gives 11,200 / 18,800 = 59.6%.
    const published = readFileSync(path.join(scratch, 'first', 'report.md'), 'utf8');
    await run('latest', '--year', '2024', '--region', '500000', '--no-pdf');
    const latest = readFileSync(path.join(scratch, 'latest', 'report.md'), 'utf8');
    expect(mdRow(published, 'DC_RACK_UTILISATION')?.[3]).toBe('56.9');
    expect(mdRow(latest, 'DC_RACK_UTILISATION')?.[3]).toBe('59.6');

    // Each input's revision stamp as the API stood at the report's instant, no later than the instant it was read at:
    // region figures and the owners' sums over units (racks in use); bigdata's design racks are a register attribute.
    const stamps = (dir: string) =>
      new Map(
        readFileSync(path.join(scratch, dir, 'tables', 'input-revisions.csv'), 'utf8')
          .trimEnd()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(','))
          .map((r) => [`${r[0]} ${r[1]}`, { latest: r[r.length - 2]!, asOf: r[r.length - 1]! }] as const),
      );
    const pinned = stamps('first');
    expect(pinned.get('comms RACKS_IN_USE')!.latest).toMatch(/^\d{4}-/);
    expect(pinned.get('bigdata DESIGN_RACKS')).toEqual({
      latest: "none: summed from the units' public fields (unstamped) or no unit reported",
      asOf: first.asOf,
    });
    // Read now, A's correction is the latest revision of racks in use.
    expect(Date.parse(stamps('latest').get('comms RACKS_IN_USE')!.latest)).toBeGreaterThan(Date.parse(first.asOf));
    const stamped = [...pinned.values()].filter((s) => /^\d{4}-/.test(s.latest));
    expect(stamped.length).toBeGreaterThan(0);
    for (const s of stamped) expect(Date.parse(s.latest)).toBeLessThanOrEqual(Date.parse(first.asOf));
  });

  it('shows each indicator in its unit and decimals with target, change on the previous year and since 2020, and the as-of instant', async () => {
    await run('content', '--release', 'cq-2024', '--no-pdf');
    const md = readFileSync(path.join(scratch, 'content', 'report.md'), 'utf8');
    expect(md).toContain('# 2024 annual report, as published');
    expect(md).toMatch(/Figures as of 数据截至:\*\* \d{4}-\d{2}-\d{2}T/);
    const racks = mdRow(md, 'DC_RACK_UTILISATION')!;
    // 2023: (2,000 + 3,000 + 700 + 800) / (4,000 + 12,000 + 800 + 2,000) = 6,500 / 18,800 = 34.574…%;
    // 2024 − 2023 = 56.915 − 34.574 = +22.3 points. No rack figures for 2020: no change since then.
    expect(racks.slice(2, 4)).toEqual(['%', '56.9']);
    expect(racks[8]).toBe('+22.3');
    // Chongqing's target: ≥ 75% (a fraction of 0.75 in stored units) by 2025, binding Chongqing's own figure. A 2025
    // target judges 2025 and the seed sets no milestone before it, so 2024 is shown the target but not judged; no
    // 2020 rack figures, so no progress from the baseline either.
    expect(racks.slice(4, 8)).toEqual(['≥ 75.0 (2025)', 'JURISDICTION', '—', '—']);
    expect(racks[9]).toBe('—');
    // Every one of the four data centres reported: 18,800 of 18,800 design racks.
    expect(racks[10]).toBe('COMPLETE 4/4 (100.0 %)');
    // The national ≥ 30 green standards (seed 002 #10) binds the nation's own count: shown for Chongqing as context, never judged.
    // Chongqing's 45.5 % renewable share is an expected value (预期值, seed 004), not a binding target: the report says so.
    expect(mdRow(md, 'DC_RENEWABLE_RATE')![4]).toBe('≥ 45.5 (2025, expected 预期值)');
    const standards = mdRow(md, 'GREEN_STANDARDS_COUNT')!;
    expect(standards.slice(4, 8)).toEqual(['≥ 30 (2025, 000000)', 'JURISDICTION, not binding 非约束', 'not binding 非约束', '—']);
    // National green data centres: A designated in 2023, so 1 in 2024 against Chongqing's ≥ 10 from 0 in 2020:
    // (1 − 0) / (10 − 0) = 10 % of the way.
    expect(mdRow(md, 'NATIONAL_GREEN_DC_COUNT')!.slice(3, 8)).toEqual(['1', '≥ 10 (2025)', 'JURISDICTION', '—', '10 %']);
    const pue = mdRow(md, 'DC_PUE')!;
    // (1.3 + 2.4 + 0.9 + 0.7 GWh) / (1.0 + 2.0 + 0.5 + 0.5 GWh) = 1.325, shown in two decimals.
    expect(pue[3]).toBe('1.33');

    // Districts ranked by rack utilisation (the reader sees the one- and two-unit districts):
    // 500120 3,000 / 4,000 = 75.0%; 500101 1,700 / 2,800 = 60.7%; 500112 6,000 / 12,000 = 50.0%.
    const ranking = readFileSync(path.join(scratch, 'content', 'tables', 'district-ranking.csv'), 'utf8')
      .split('\r\n')
      .filter((l) => l.startsWith('DC_RACK_UTILISATION,'))
      .map((l) => l.split(','));
    // 500120 (A) and 500112 (B) hold one data centre each, 500101 two (C, D): each under the three disclosure
    // control asks for, so marked, and the report says at the top that it is not for publication as it stands.
    expect(ranking.map((r) => [r[2], r[3], r[5], r[8]])).toEqual([
      ['1', '500120', '75.0', 'CONFIDENTIAL'],
      ['2', '500101', '60.7', 'CONFIDENTIAL'],
      ['3', '500112', '50.0', 'CONFIDENTIAL'],
    ]);
    expect(md).toMatch(/Confidential figures 保密数据:\*\* \d+ figure\(s\) marked CONFIDENTIAL .* not to be published as they stand/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(scratch, 'content', 'report.xlsx'));
    const sheet = workbook.getWorksheet('indicators')!;
    const rowNumber = sheet.getSheetValues().findIndex((r) => Array.isArray(r) && r[1] === 'DC_RACK_UTILISATION');
    // A number a spreadsheet can add up, the published 56.9 (not 56.914…), shown in the indicator's one decimal;
    // its change on 2023 likewise, signed by the format (+22.3).
    const [value, change] = [sheet.getRow(rowNumber).getCell(4), sheet.getRow(rowNumber).getCell(9)];
    expect([value.value, value.numFmt]).toEqual([56.9, '#,##0.0']);
    expect([change.value, change.numFmt]).toEqual([22.3, '+#,##0.0;-#,##0.0;#,##0.0']);
    expect(sheet.getRow(rowNumber).getCell(3).value).toBe('%');

    const html = readFileSync(path.join(scratch, 'content', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('shows data-centre PUE by category, inside the cluster, and its distribution by band without naming a data centre', async () => {
    await run('pue', '--release', 'cq-2024', '--no-pdf');
    const rows = readFileSync(path.join(scratch, 'pue', 'tables', 'pue-by-category.csv'), 'utf8')
      .split('\r\n')
      .map((l) => l.split(','));
    const row = (code: string) => rows.find((r) => r[0] === code)!;
    // 2024 meters (total / IT kWh): A 1.3 / 1.0 M, B 2.4 / 2.0 M, C 0.9 / 0.5 M, D 0.7 / 0.5 M; A and B in the cluster.
    // All: 5.3 / 4.0 = 1.325; in the cluster A + B: 3.7 / 3.0 = 1.233.
    expect(row('DC_PUE').slice(2, 4)).toEqual(['1.33', '1.23']);
    // New (A, B, D): 4.4 / 3.5 = 1.257; in the cluster A + B again.
    expect(row('NEW_DC_PUE').slice(2, 4)).toEqual(['1.26', '1.23']);
    // Large and hyper-large (A 4,000 and B 12,000 design racks): 3.7 / 3.0 = 1.233.
    expect(row('LARGE_DC_PUE').slice(2, 4)).toEqual(['1.23', '1.23']);
    // No existing data centre was retrofitted: nothing to measure, not a zero.
    expect(row('RETROFITTED_DC_PUE')[3]).toBe('—');
    // The reader's distribution: B 1.2, A 1.3, D 1.4, C 1.8 (each band's lower bound inclusive).
    const bands = readFileSync(path.join(scratch, 'pue', 'tables', 'pue-distribution.csv'), 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(bands).toEqual([
      ['< 1.2', '0'],
      ['1.2–1.3', '1'],
      ['1.3–1.4', '1'],
      ['1.4–1.5', '1'],
      ['1.5–1.7', '0'],
      ['> 1.7', '1'],
      ['no PUE reported', '0'],
    ]);
    expect(existsSync(path.join(scratch, 'pue', 'charts', 'pue-distribution.svg'))).toBe(true);

    // Anonymous: the categories (aggregates) stay, the distribution (read from each data centre's PUE) is left out, and why.
    await runReportCli(['--gateway', fed.gateway.url, '--out', path.join(scratch, 'pue-anonymous'), '--quiet', '--release', 'cq-2024', '--no-pdf']);
    const anonymous = readFileSync(path.join(scratch, 'pue-anonymous', 'report.md'), 'utf8');
    expect(anonymous).toContain('The distribution of data-centre PUE is not shown');
    // Disclosure control withheld the confidential figures from this edition: nothing to warn about.
    expect(anonymous).not.toContain('Confidential figures');
    expect(existsSync(path.join(scratch, 'pue-anonymous', 'tables', 'pue-distribution.csv'))).toBe(false);
    expect(existsSync(path.join(scratch, 'pue-anonymous', 'tables', 'pue-by-category.csv'))).toBe(true);
  });

  it('marks a value over the units that reported with its coverage, and judges the target year with its progress', async () => {
    await run('coverage', '--year', '2025', '--region', '500000', '--no-pdf');
    const md = readFileSync(path.join(scratch, 'coverage', 'report.md'), 'utf8');
    // 2025: C (800 of 18,800 design racks) has not reported; A, B and D hold 18,000 / 18,800 = 95.7% ≥ the 90% minimum,
    // so the value is published over them: 11,700 / 18,000 = 65.0%, below the ≥ 75% Chongqing set for 2025.
    const racks = mdRow(md, 'DC_RACK_UTILISATION')!;
    expect([racks[3], racks[6], racks[10]]).toEqual(['65.0', 'not met 未达标', 'PARTIAL 3/4 (95.7 %)']);
    expect(md).toContain('In 2025, 1 value(s) stand on partial coverage: DC_RACK_UTILISATION (3 of 4 units, 95.7 %');
    // B designated in 2025: 2 national green data centres, (2 − 0) / (10 − 0) = 20 % of the way, not met.
    expect(mdRow(md, 'NATIONAL_GREEN_DC_COUNT')!.slice(3, 8)).toEqual(['2', '≥ 10 (2025)', 'JURISDICTION', 'not met 未达标', '20 %']);
  });

  it('shows what changed between two releases: the figures a correction in between moved', async () => {
    const releases = path.join(scratch, 'releases.yaml');
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const corrected = await fed.query(
      `mutation($rows: [ObservationInput!]!) { submitCommsObservations(rows: $rows, idempotencyKey: "report-diff-correction", sourceSystem: "test") { applied rejected } }`,
      { rows: [{ metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'B', period: '2024', value: 6600 }] },
      await bearer('comms', ['writer']),
    );
    expect(corrected.errors).toBeUndefined();
    // And a correction below the published precision: A's June total energy 1,300,000 → 1,300,400 kWh.
    const slight = await fed.query(
      `mutation($rows: [ObservationInput!]!) { submitEnergyObservations(rows: $rows, idempotencyKey: "report-diff-slight", sourceSystem: "test") { applied rejected } }`,
      { rows: [{ metric: 'DC_TOTAL_ENERGY_KWH', subjectKind: 'DATA_CENTER', subjectId: 'A', period: '2024-06', value: 1_300_400 }] },
      await bearer('energy', ['writer']),
    );
    expect(slight.data).toEqual({ submitEnergyObservations: { applied: true, rejected: 0 } });
    const after = new Date().toISOString();
    writeFileSync(
      releases,
      readFileSync(releases, 'utf8') +
        `  - { name: diff-a, title: "a", region: "500000", year: 2024, asOf: "${before}" }\n  - { name: diff-b, title: "b", region: "500000", year: 2024, asOf: "${after}" }\n`,
    );
    await run('diff', '--release', 'diff-b', '--compare-with', 'diff-a', '--no-pdf');
    const changes = readFileSync(path.join(scratch, 'diff', 'tables', 'changes.csv'), 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    // B's racks in use went from 6,000 to 6,600 (A's earlier correction to 3,500 is in both releases):
    // Chongqing (3,500 + 6,000 + 700 + 1,000) / 18,800 = 59.6% → (3,500 + 6,600 + 700 + 1,000) / 18,800 = 62.8%;
    // B's district 500112: 6,000 / 12,000 = 50.0% → 6,600 / 12,000 = 55.0%. Nothing else reads B's racks.
    // A's 400 kWh move every figure that reads its energy by less than the decimal shown, so none is listed:
    // PUE (5.3 → 5.3004 GWh) / 4.0 = 1.3250 → 1.3251 (1.33); A's district 500120 1.3000 → 1.3004 (1.30); new data
    // centres (A, B, D) 4.4 → 4.4004 / 3.5 = 1.2571 → 1.2573 (1.26); large and new large (A, B) 3.7 → 3.7004 / 3.0 =
    // 1.2333 → 1.2335 (1.23); renewables 1.155 / 5.3 → 5.3004 GWh = 21.792 → 21.791% (21.8), in 500120 0.4 / 1.3 → 1.3004
    // = 30.769 → 30.760% (30.8).
    expect(changes.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['DC_RACK_UTILISATION', '500000', '2024', '59.6', '62.8'],
      ['DC_RACK_UTILISATION', '500112', '2024', '50.0', '55.0'],
    ]);
    // Status and confidentiality stayed as they were: final on both sides; 500112 holds one data centre (B), so its
    // figure is confidential both times (the report's reader sees it).
    expect(changes.map((r) => r.slice(7))).toEqual([
      ['FINAL', 'FINAL', 'FREE', 'FREE'],
      ['FINAL', 'FINAL', 'CONFIDENTIAL', 'CONFIDENTIAL'],
    ]);
    expect(readFileSync(path.join(scratch, 'diff', 'report.md'), 'utf8')).toContain('## Changes since the compared release');
  });

  it('writes figures plain in its CSV tables, with no thousands separator, while HTML and Markdown group them', async () => {
    const retired = await fed.query(
      `mutation($rows: [ObservationInput!]!) { submitBigdataObservations(rows: $rows, idempotencyKey: "report-plain-csv", sourceSystem: "test") { applied rejected } }`,
      { rows: [{ metric: 'RACKS_RETIRED', subjectKind: 'DATA_CENTER', subjectId: 'B', period: '2024', value: 1200 }] },
      await bearer('bigdata', ['writer']),
    );
    expect(retired.errors).toBeUndefined();
    // A report without --as-of reads as of the start of its second: let the write fall in an earlier one.
    await new Promise((r) => setTimeout(r, 1100));
    await run('plain', '--year', '2024', '--region', '500000', '--no-pdf');
    // Racks retired from 2021 through the year, Chongqing: 2020 none (0); 2023 C's 100 of 2021; 2024 100 + C's 50 + B's 1,200 = 1,350.
    // Change on 2023: 1,350 − 100 = 1,250; since 2020: 1,350 − 0 = 1,350.
    const shown = mdRow(readFileSync(path.join(scratch, 'plain', 'report.md'), 'utf8'), 'DC_RACKS_RETIRED')!;
    expect([shown[3], shown[8], shown[9]]).toEqual(['1,350', '+1,250', '+1,350']);
    expect(readFileSync(path.join(scratch, 'plain', 'report.html'), 'utf8')).toContain('<td>1,350</td>');
    const tables = path.join(scratch, 'plain', 'tables');
    const indicators = csvRecords(readFileSync(path.join(tables, 'indicators.csv'), 'utf8'));
    const retiredRow = indicators.find((r) => r[0] === 'DC_RACKS_RETIRED')!;
    expect([retiredRow[3], retiredRow[8], retiredRow[9]]).toEqual(['1350', '1250', '1350']);
    // Other figures keep their decimals, with a point: renewables (0.4 + 0.6 + 0.12 + 0 + 0.035 GWh) over data centres'
    // energy (1.3 + 2.4 + 0.9 + 0.7 GWh) = 1.155 / 5.3 = 21.8%; PUE 5.3 / 4.0 = 1.325 → 1.33.
    expect(indicators.find((r) => r[0] === 'DC_RENEWABLE_RATE')![3]).toBe('21.8');
    expect(indicators.find((r) => r[0] === 'DC_PUE')![3]).toBe('1.33');
    // Districts by racks retired: 500112 (B) 1,200 first, then 500101 (C) 100 + 50 = 150.
    const ranking = csvRecords(readFileSync(path.join(tables, 'district-ranking.csv'), 'utf8')).filter((r) => r[0] === 'DC_RACKS_RETIRED');
    expect(ranking.slice(0, 2).map((r) => [r[2], r[3], r[5]])).toEqual([
      ['1', '500112', '1200'],
      ['2', '500101', '150'],
    ]);
    // No table writes a figure grouped by thousands, nor a change with a sign.
    for (const file of readdirSync(tables)) {
      for (const field of csvRecords(readFileSync(path.join(tables, file), 'utf8')).flat())
        expect(field, file).not.toMatch(/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$|^\+\d/);
    }
  });

  it.skipIf(!chromiumPath())(
    'prints the HTML to PDF with headless Chromium',
    async () => {
      const result = await run('pdf', '--year', '2024', '--region', '500000');
      expect(result.pdfSkipped).toBeNull();
      expect(
        readFileSync(path.join(scratch, 'pdf', 'report.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      // Starting Chromium and printing some fifty charts takes a while on a busy two-core machine.
    },
    180_000,
  );

  it('says which gateway it could not reach, and why, rather than “fetch failed”', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const gateway = `http://127.0.0.1:${port}/graphql`;
    const unreachable = runReportCli(['--gateway', gateway, '--out', path.join(scratch, 'x'), '--quiet', '--year', '2024', '--region', '500000']);
    await expect(unreachable).rejects.toThrow(`Cannot reach the gateway at ${gateway} (ECONNREFUSED): is it running?`);
    expect(existsSync(path.join(scratch, 'x'))).toBe(false);
  });

  it('refuses --as-of together with --release, and an unknown release', async () => {
    await expect(run('x', '--release', 'cq-2024', '--as-of', '2025-01-01T00:00:00Z')).rejects.toThrow(/not both/);
    await expect(run('x', '--release', 'no-such')).rejects.toThrow(/No release "no-such": known are cq-2024/);
    expect(existsSync(path.join(scratch, 'x'))).toBe(false);
  });

  it('tells a command line it cannot run from (the usage helps) from a refusal (it does not), and names the region asked for', async () => {
    await expect(run('x', '--year', 'twenty', '--region', '500000')).rejects.toBeInstanceOf(UsageError);
    await expect(run('x', '--year', '2024', '--region', '500000', '--colour')).rejects.toBeInstanceOf(UsageError);
    await expect(run('x', '--release', 'no-such')).rejects.not.toBeInstanceOf(UsageError);
    // 500199 is well formed but names no district: the API's refusal names its own argument (`province`), the report the region.
    const unknown = run('x', '--year', '2024', '--region', '500199');
    await expect(unknown).rejects.toThrow(/^Unknown region "500199": the federation's code list has no region with this code\.$/);
    await expect(unknown).rejects.not.toBeInstanceOf(UsageError);
    expect(existsSync(path.join(scratch, 'x'))).toBe(false);
  });

  it('refuses an --as-of or --compare-with instant whose day does not exist, which Date.parse would read as 1 March', async () => {
    await expect(run('x', '--year', '2024', '--region', '500000', '--as-of', '2024-02-30T00:00:00Z')).rejects.toThrow(/--as-of must be an ISO 8601 instant/);
    await expect(run('x', '--release', 'cq-2024', '--compare-with', '2024-02-30T00:00:00Z')).rejects.toThrow(/No release "2024-02-30T00:00:00Z"/);
    expect(existsSync(path.join(scratch, 'x'))).toBe(false);
  });

  it('stamps each input summed over units with the latest revision of the observations its owner summed', async () => {
    // Revision instants set by hand on the current rows: racks in use (comms) 2 January 2026 but A's 2024 figure 15 March,
    // B's 1 February, D's 6 January; every data-centre reading of energy 10 January but C's September IT reading 20 February.
    const stamp = (db: Db, table: ObservationTable, instant: string, where?: SQL) =>
      db
        .update(table)
        .set({ updatedAt: new Date(instant) })
        .where(and(isNull(table.supersededAt), eq(table.subjectKind, 'DATA_CENTER'), where));
    await stamp(fed.databases.comms.db, commsObservation, '2026-01-02T00:00:00Z', eq(commsObservation.metric, 'RACKS_IN_USE'));
    const racks2024 = (id: string) => and(eq(commsObservation.metric, 'RACKS_IN_USE'), eq(commsObservation.year, 2024), eq(commsObservation.subjectId, id));
    await stamp(fed.databases.comms.db, commsObservation, '2026-03-15T08:30:00Z', racks2024('A'));
    await stamp(fed.databases.comms.db, commsObservation, '2026-02-01T00:00:00Z', racks2024('B'));
    await stamp(fed.databases.comms.db, commsObservation, '2026-01-06T00:00:00Z', racks2024('D'));
    await stamp(fed.databases.energy.db, energyObservation, '2026-01-10T00:00:00Z');
    await stamp(
      fed.databases.energy.db,
      energyObservation,
      '2026-02-20T12:00:00Z',
      and(eq(energyObservation.subjectId, 'C'), eq(energyObservation.period, '2024-09'), eq(energyObservation.metric, 'DC_IT_ENERGY_KWH')),
    );

    const res = await fed.query<{
      indicatorValues: { indicatorCode: string; scopeId: string; inputs: { metric: { code: string }; updatedAt: string | null }[] }[];
    }>(
      '{ indicatorValues(codes: ["DC_RACK_UTILISATION", "DC_PUE"], regions: ["500000", "500101", "500112"], years: [2024]) { indicatorCode scopeId inputs { metric { code } updatedAt } } }',
    );
    expect(res.errors).toBeUndefined();
    const stamps = Object.fromEntries(
      res.data!.indicatorValues.map((v) => [`${v.indicatorCode} ${v.scopeId}`, Object.fromEntries(v.inputs.map((i) => [i.metric.code, i.updatedAt]))]),
    );
    expect(stamps).toEqual({
      // The latest of the data centres summed: A, B, C, D in Chongqing; C and D in 500101; B in 500112. Design racks are bigdata's register.
      'DC_RACK_UTILISATION 500000': { RACKS_IN_USE: '2026-03-15T08:30:00.000Z', DESIGN_RACKS: null },
      'DC_RACK_UTILISATION 500101': { RACKS_IN_USE: '2026-01-06T00:00:00.000Z', DESIGN_RACKS: null },
      'DC_RACK_UTILISATION 500112': { RACKS_IN_USE: '2026-02-01T00:00:00.000Z', DESIGN_RACKS: null },
      'DC_PUE 500000': { DC_TOTAL_ENERGY_KWH: '2026-02-20T12:00:00.000Z', DC_IT_ENERGY_KWH: '2026-02-20T12:00:00.000Z' },
      'DC_PUE 500101': { DC_TOTAL_ENERGY_KWH: '2026-02-20T12:00:00.000Z', DC_IT_ENERGY_KWH: '2026-02-20T12:00:00.000Z' },
      'DC_PUE 500112': { DC_TOTAL_ENERGY_KWH: '2026-01-10T00:00:00.000Z', DC_IT_ENERGY_KWH: '2026-01-10T00:00:00.000Z' },
    });

    await run('stamps', '--year', '2024', '--region', '500000', '--no-pdf');
    const table = readFileSync(path.join(scratch, 'stamps', 'tables', 'input-revisions.csv'), 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const latest = (agency: string, code: string) => table.find((r) => r[0] === agency && r[1] === code)!.at(-2);
    expect([latest('comms', 'RACKS_IN_USE'), latest('energy', 'DC_IT_ENERGY_KWH'), latest('bigdata', 'DESIGN_RACKS')]).toEqual([
      '2026-03-15T08:30:00.000Z',
      '2026-02-20T12:00:00.000Z',
      "none: summed from the units' public fields (unstamped) or no unit reported",
    ]);
  });
});
