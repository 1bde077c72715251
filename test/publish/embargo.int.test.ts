import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportCli } from '../../publish/report/cli.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';
import { writeFixtures } from '../indicators/fixtures.ts';

// The shared fixtures' Chongqing data centres, racks in use of design racks: 2023 A 2,000/4,000, B 3,000/12,000,
// C 700/800, D 800/2,000; 2024 A 3,000, B 6,000, C 700, D 1,000; 2025 C has not reported. A and B are in the cluster.
let fed: TestFederation;
let scratch: string;
const FUTURE = '2099-01-01T00:00:00Z';
const releases = (asOf: string) =>
  'releases:\n' +
  `  - { name: cq-2024-embargoed, title: "2024 report, embargoed", region: "500000", year: 2024, asOf: "${asOf}", embargoUntil: "${FUTURE}" }\n` +
  `  - { name: sh-2024-lifted, title: "2024 report, embargo over", region: "310000", year: 2024, asOf: "${asOf}", embargoUntil: "2020-01-01T00:00:00Z" }\n`;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'embargo-'));
  // The indicators subgraph reads the release register when it starts, as it reads the catalog.
  process.env.RELEASES_FILE = path.join(scratch, 'releases.yaml');
  writeFileSync(process.env.RELEASES_FILE, releases('2026-01-01T00:00:00Z'));
  fed = await startTestFederation();
  await writeFixtures(fed);
  // The report pins the instant after the fixtures were written (the embargo itself does not depend on it).
  writeFileSync(process.env.RELEASES_FILE, releases(new Date().toISOString()));
});
afterAll(async () => {
  delete process.env.RELEASES_FILE;
  rmSync(scratch, { recursive: true, force: true });
  await fed?.stop();
});

interface Cell {
  indicatorCode: string;
  scopeId: string;
  year: number;
  value: number | null;
  numerator: number | null;
  change: number | null;
  inputs: { value: number | null }[];
  missing: { metric: string; message: string }[];
}

async function grid(headers: Record<string, string>, asOf?: string): Promise<Cell[]> {
  const res = await fed.query<{ indicatorValues: Cell[] }>(
    `query($asOf: DateTime) { indicatorValues(codes: ["DC_RACK_UTILISATION"], regions: ["500000", "500112", "310000"], years: [2023, 2024, 2025], asOf: $asOf) {
       indicatorCode scopeId year value numerator change inputs { value } missing { metric message } } }`,
    asOf ? { asOf } : {},
    headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicatorValues;
}
const at = (cells: Cell[], scopeId: string, year: number) => cells.find((c) => c.scopeId === scopeId && c.year === year)!;

describe('release embargoes', () => {
  it('before its embargo, a release’s figures are withheld from a caller without the reader role, at any as-of instant', async () => {
    for (const headers of [ANONYMOUS_HEADERS, await bearer('comms', ['writer'])]) {
      for (const asOf of [undefined, new Date().toISOString()]) {
        const cells = await grid(headers, asOf);
        // Chongqing and its district 500112 in 2024: embargoed, with every figure that would give the value away.
        for (const scope of ['500000', '500112']) {
          const cell = at(cells, scope, 2024);
          expect([cell.value, cell.numerator, cell.change]).toEqual([null, null, null]);
          expect(cell.inputs.every((i) => i.value === null)).toBe(true);
          expect(cell.missing[0]!.metric).toBe('EMBARGOED');
          expect(cell.missing[0]!.message).toContain('release "cq-2024-embargoed"');
        }
        // 2023 is not the release's year: (2,000 + 3,000 + 700 + 800) / 18,800 = 6,500 / 18,800.
        expect(at(cells, '500000', 2023).value).toBeCloseTo(6_500 / 18_800, 12);
        // 2025 is published, 11,700 / 18,000 = 65% over the units that reported, but its change on 2024 would give 2024 away.
        expect(at(cells, '500000', 2025).value).toBeCloseTo(0.65, 12);
        expect(at(cells, '500000', 2025).change).toBeNull();
      }
    }
  });

  it('a reader sees the embargoed figures, and an embargo that has ended withholds nothing', async () => {
    const cells = await grid(await readerHeaders());
    // (3,000 + 6,000 + 700 + 1,000) / 18,800 = 10,700 / 18,800; change on 2023: (10,700 − 6,500) / 18,800.
    expect(at(cells, '500000', 2024).value).toBeCloseTo(10_700 / 18_800, 12);
    expect(at(cells, '500000', 2024).change).toBeCloseTo(4_200 / 18_800, 12);
    expect(at(cells, '500000', 2024).missing.map((m) => m.metric)).not.toContain('EMBARGOED');
    // Shanghai's 2024 release was embargoed until 2020: anyone sees its figures.
    const shanghai = await fed.query<{ indicatorValues: { value: number | null; missing: { metric: string }[] }[] }>(
      '{ indicatorValues(codes: ["DC_CLUSTER_SHARE"], regions: ["310000"], years: [2024]) { value missing { metric } } }',
      {},
      ANONYMOUS_HEADERS,
    );
    // None of Shanghai's five data centres is in a cluster: 0 / 5.
    expect(shanghai.data!.indicatorValues[0]).toEqual({ value: 0, missing: [] });
  });

  it('the cube withholds the embargoed cells the same way', async () => {
    const res = await fed.query<{ indicatorCube: { values: (number | null)[]; confidentiality: string[] } }>(
      '{ indicatorCube(codes: ["DC_CLUSTER_SHARE"], regions: ["500000"], years: [2023, 2024]) { values confidentiality } }',
      {},
      ANONYMOUS_HEADERS,
    );
    expect(res.errors).toBeUndefined();
    // 2023: A and B of the four data centres in service are in the cluster, 2 / 4; 2024 embargoed.
    expect(res.data!.indicatorCube.values).toEqual([0.5, null]);
  });

  it('the report generator refuses an embargoed release without the reader role and marks it for a reader', async () => {
    const out = (dir: string) => path.join(scratch, dir);
    await expect(runReportCli(['--gateway', fed.gateway.url, '--out', out('anonymous'), '--quiet', '--no-pdf', '--release', 'cq-2024-embargoed'])).rejects.toThrow(
      /^Not generated: Embargoed until 2099-01-01T00:00:00.000Z: release "cq-2024-embargoed"/,
    );
    expect(existsSync(out('anonymous'))).toBe(false);

    const token = (await readerHeaders()).authorization!.replace(/^Bearer /, '');
    await runReportCli(['--gateway', fed.gateway.url, '--token', token, '--out', out('reader'), '--quiet', '--no-pdf', '--release', 'cq-2024-embargoed']);
    const md = readFileSync(path.join(out('reader'), 'report.md'), 'utf8');
    expect(md).toContain(`- **Embargoed until 发布前保密至:** ${FUTURE}: not to be published before then`);
    // 10,700 / 18,800 = 56.9%.
    expect(md.split('\n').find((l) => l.startsWith('| DC_RACK_UTILISATION |'))!.split(' | ')[3]).toBe('56.9');
  });
});
