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
  status: string | null;
  inputs: { value: number | null }[];
  missing: { metric: string; message: string }[];
}

async function grid(headers: Record<string, string>, asOf?: string): Promise<Cell[]> {
  const res = await fed.query<{ indicatorValues: Cell[] }>(
    `query($asOf: DateTime) { indicatorValues(codes: ["DC_RACK_UTILISATION"], regions: ["500000", "500112", "310000"], years: [2023, 2024, 2025], asOf: $asOf) {
       indicatorCode scopeId year value numerator change status inputs { value } missing { metric message } } }`,
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
          expect([cell.value, cell.numerator, cell.change, cell.status]).toEqual([null, null, null, null]);
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
    const res = await fed.query<{
      indicatorCube: {
        values: (number | null)[];
        statuses: (string | null)[];
        confidentiality: string[];
        cells: {
          year: number;
          value: number | null;
          status: string | null;
          meetsTarget: boolean | null;
          gapToTarget: number | null;
          missing: { metric: string }[];
        }[];
      };
    }>(
      '{ indicatorCube(codes: ["DC_CLUSTER_SHARE"], regions: ["500000"], years: [2023, 2024]) { values statuses confidentiality cells { year value status meetsTarget gapToTarget missing { metric } } } }',
      {},
      ANONYMOUS_HEADERS,
    );
    expect(res.errors).toBeUndefined();
    // 2023: A and B of the four data centres in service are in the cluster, 2 / 4; 2024 embargoed, with no status either.
    expect(res.data!.indicatorCube.values).toEqual([0.5, null]);
    expect(res.data!.indicatorCube.statuses).toEqual(['FINAL', null]);
    // The rows withhold the same cell, its gap to Chongqing's ≥ 80 % too, and say why.
    const [shown, embargoed] = res.data!.indicatorCube.cells;
    expect(shown).toMatchObject({ year: 2023, value: 0.5, status: 'FINAL' });
    expect(shown!.gapToTarget).toBeCloseTo(0.5 - 0.8, 12);
    expect(embargoed).toEqual({ year: 2024, value: null, status: null, meetsTarget: null, gapToTarget: null, missing: [{ metric: 'EMBARGOED' }] });
  });

  it('the report generator refuses an embargoed release without the reader role and marks it for a reader', async () => {
    const out = (dir: string) => path.join(scratch, dir);
    await expect(
      runReportCli(['--gateway', fed.gateway.url, '--out', out('anonymous'), '--quiet', '--no-pdf', '--release', 'cq-2024-embargoed']),
    ).rejects.toThrow(/^Not generated: Embargoed until 2099-01-01T00:00:00Z: release "cq-2024-embargoed"/);
    expect(existsSync(out('anonymous'))).toBe(false);

    const token = (await readerHeaders()).authorization!.replace(/^Bearer /, '');
    await runReportCli(['--gateway', fed.gateway.url, '--token', token, '--out', out('reader'), '--quiet', '--no-pdf', '--release', 'cq-2024-embargoed']);
    const md = readFileSync(path.join(out('reader'), 'report.md'), 'utf8');
    expect(md).toContain(`- **Embargoed until 发布前保密至:** ${FUTURE}: not to be published before then`);
    // 10,700 / 18,800 = 56.9%.
    expect(
      md
        .split('\n')
        .find((l) => l.startsWith('| DC_RACK_UTILISATION |'))!
        .split(' | ')[3],
    ).toBe('56.9');
  });
});

interface Fact {
  metric: string;
  year: number;
  value: number | null;
}
interface Inputs {
  indicatorCode: string;
  scopeId: string;
  commsInputs: { facts: Fact[] } | null;
  econInputs: { facts: Fact[] } | null;
  bigdataInputs: { facts: Fact[] } | null;
  energyInputs: { facts: Fact[] } | null;
  dataCenterPopulation: {
    commsSums: { year: number; terms: (number | null)[] }[] | null;
    energySums: { year: number; terms: (number | null)[] }[] | null;
  } | null;
}

/** Each agency's own inputs to indicator values, as the gateway relays them (not the values the indicators subgraph withholds). */
async function agencyInputs(headers: Record<string, string>, regions: string[], clusters: string[] = []): Promise<Inputs[]> {
  const facts = 'facts { metric year value }';
  const fields = `indicatorCode scopeId commsInputs { ${facts} } econInputs { ${facts} } bigdataInputs { ${facts} } energyInputs { ${facts} }
    dataCenterPopulation { commsSums { year terms } energySums { year terms } }`;
  const res = await fed.query<{ indicatorValues: Inputs[]; clusterIndicatorValues: Inputs[] }>(
    `query($regions: [ID!]!, $clusters: [ID!]!) {
       indicatorValues(codes: ["ICT_TRAFFIC_ENERGY_DECREASE", "SCENARIO_RESIDENT_COUNT", "DC_RACKS_RETIRED", "DC_PUE", "DC_RACK_UTILISATION"], regions: $regions, years: [2024]) { ${fields} }
       clusterIndicatorValues(codes: ["DC_PUE"], clusters: $clusters, years: [2024]) { ${fields} } }`,
    { regions, clusters },
    headers,
  );
  expect(res.errors).toBeUndefined();
  return [...res.data!.indicatorValues, ...res.data!.clusterIndicatorValues];
}
const fact = (cells: Inputs[], code: string, scopeId: string, agency: 'commsInputs' | 'econInputs' | 'bigdataInputs' | 'energyInputs', metric: string) =>
  cells.find((c) => c.indicatorCode === code && c.scopeId === scopeId)![agency]!.facts.find((f) => f.metric === metric && f.year === 2024)!.value;
const sums = (cells: Inputs[], code: string, scopeId: string, owner: 'commsSums' | 'energySums') =>
  cells.find((c) => c.indicatorCode === code && c.scopeId === scopeId)!.dataCenterPopulation![owner]!.find((s) => s.year === 2024)!.terms;

/** The figures of 2024 each agency publishes for Chongqing's 500112 and for the Chongqing cluster, by agency, as one caller sees them. */
async function chongqing2024(headers: Record<string, string>) {
  const cells = await agencyInputs(headers, ['500000', '500112'], ['CQ_CLUSTER']);
  const regionYear = await fed.query<{ region: { year: { informationTrafficGb: number | null; telecomEnergyTce: number | null } } }>(
    '{ region(code: "500112") { year(year: 2024) { informationTrafficGb telecomEnergyTce } } }',
    {},
    headers,
  );
  const observations = await fed.query<{
    commsObservations: { nodes: { subjectId: string; value: number }[] };
    energyObservations: { nodes: { subjectId: string; value: number }[] };
  }>(
    `{ commsObservations(metric: "INFORMATION_TRAFFIC_GB", subjectKind: REGION, year: 2024) { nodes { subjectId value } }
       energyObservations(metric: "TELECOM_ENERGY_TCE", year: 2024) { nodes { subjectId value } } }`,
    {},
    headers,
  );
  expect(observations.errors).toBeUndefined();
  return {
    comms: [
      fact(cells, 'ICT_TRAFFIC_ENERGY_DECREASE', '500112', 'commsInputs', 'INFORMATION_TRAFFIC_GB'),
      regionYear.data!.region.year.informationTrafficGb,
      observations.data!.commsObservations.nodes.map((n) => n.value),
    ],
    energy: [
      fact(cells, 'ICT_TRAFFIC_ENERGY_DECREASE', '500112', 'energyInputs', 'TELECOM_ENERGY_TCE'),
      regionYear.data!.region.year.telecomEnergyTce,
      observations.data!.energyObservations.nodes.map((n) => n.value),
    ],
    econ: fact(cells, 'SCENARIO_RESIDENT_COUNT', '500000', 'econInputs', 'SCENARIOS_RESIDENT_SINCE_2021'),
    bigdata: fact(cells, 'DC_RACKS_RETIRED', '500000', 'bigdataInputs', 'RACKS_RETIRED_SINCE_2021'),
    commsSums: sums(cells, 'DC_RACK_UTILISATION', '500000', 'commsSums'),
    energySums: [sums(cells, 'DC_PUE', '500000', 'energySums'), sums(cells, 'DC_PUE', 'CQ_CLUSTER', 'energySums')],
  };
}

describe('release embargoes at the agencies', () => {
  it('every agency withholds its own 2024 figures of an embargoed region from an anonymous caller and shows them to a reader', async () => {
    expect(await chongqing2024(ANONYMOUS_HEADERS)).toEqual({
      comms: [null, null, []],
      energy: [null, null, []],
      econ: null,
      bigdata: null,
      commsSums: [null, null],
      energySums: [
        [null, null],
        [null, null],
      ],
    });
    expect(await chongqing2024(await readerHeaders())).toEqual({
      // 500112's own reports: 2,000 GB of traffic, 120 tce; 500101's 1,500 GB and 80 tce (energy lists by subject id).
      comms: [2_000, 2_000, [2_000, 1_500]],
      energy: [120, 120, [80, 120]],
      // SC4, selected in 2024 in 500101: one scenario since 2021.
      econ: 1,
      // C retired 100 racks in 2021 and 50 in 2024 (the 2020 ones predate 2021): 150.
      bigdata: 150,
      // Racks in use of A, B, C, D: 3,000 + 6,000 + 700 + 1,000 = 10,700 over 4,000 + 12,000 + 800 + 2,000 = 18,800 design racks.
      commsSums: [10_700, 18_800],
      energySums: [
        // kWh total / IT: A 1.3M / 1M, B 2.4M / 2M, C 0.9M / 0.5M, D 0.7M / 0.5M; the cluster holds A and B.
        [5_300_000, 4_000_000],
        [3_700_000, 3_000_000],
      ],
    });
  });

  it('a cube’s region facts are withheld the same way: the embargoed year only', async () => {
    const trafficOf500112 = async (headers: Record<string, string>) => {
      const res = await fed.query<{ indicatorCube: { commsFacts: { metrics: string[]; years: number[]; values: (number | null)[] } } }>(
        '{ indicatorCube(codes: ["ICT_TRAFFIC_ENERGY_DECREASE"], regions: ["500112"], years: [2024]) { commsFacts { metrics years values } } }',
        {},
        headers,
      );
      expect(res.errors).toBeUndefined();
      const { metrics, years, values } = res.data!.indicatorCube.commsFacts;
      const m = metrics.indexOf('INFORMATION_TRAFFIC_GB');
      // One region: entry m × Y + y.
      return Object.fromEntries(years.map((year, y) => [year, values[m * years.length + y]]));
    };
    // 500112's traffic: 1,000 GB in the 2020 baseline, 2,000 GB in 2024.
    expect(await trafficOf500112(ANONYMOUS_HEADERS)).toMatchObject({ 2020: 1_000, 2024: null });
    expect(await trafficOf500112(await readerHeaders())).toMatchObject({ 2020: 1_000, 2024: 2_000 });
  });

  it('a cube’s region facts name their provisional entries only where the value is shown', async () => {
    const provisionalOf500112 = async (headers: Record<string, string>) => {
      const res = await fed.query<{ indicatorCube: { commsFacts: { metrics: string[]; years: number[]; values: (number | null)[]; provisional: number[] } } }>(
        '{ indicatorCube(codes: ["ICT_BUSINESS_ENERGY_DECREASE"], regions: ["500112"], years: [2024]) { commsFacts { metrics years values provisional } } }',
        {},
        headers,
      );
      expect(res.errors).toBeUndefined();
      const { metrics, years, values, provisional } = res.data!.indicatorCube.commsFacts;
      // One region: entry m × Y + y.
      return provisional.map((i) => [metrics[Math.floor(i / years.length)], years[i % years.length], values[i]]);
    };
    // 500112's business volume in 2024, 800 (10k CNY), is provisional; the embargo of 2024 withholds it, status and all.
    expect(await provisionalOf500112(await readerHeaders())).toEqual([['TELECOM_BUSINESS_VOLUME_10K_CNY', 2024, 800]]);
    expect(await provisionalOf500112(ANONYMOUS_HEADERS)).toEqual([]);
  });

  it('a cube’s owner totals are withheld the same way: the terms of the embargoed region and year', async () => {
    const pueOf500000 = async (headers: Record<string, string>) => {
      const res = await fed.query<{
        indicatorCube: { dataCenterEnergySums: { years: number[]; units: (number | null)[]; terms: ((number | null)[] | null)[] } };
      }>('{ indicatorCube(codes: ["DC_PUE"], regions: ["500000"], years: [2024]) { dataCenterEnergySums { years units terms } } }', {}, headers);
      expect(res.errors).toBeUndefined();
      return res.data!.indicatorCube.dataCenterEnergySums;
    };
    // A, B, C and D (four data centres: no small aggregate): 5,300,000 kWh total over 4,000,000 IT.
    expect(await pueOf500000(ANONYMOUS_HEADERS)).toEqual({ years: [2024], units: [4], terms: [[null, null]] });
    expect(await pueOf500000(await readerHeaders())).toEqual({ years: [2024], units: [4], terms: [[5_300_000, 4_000_000]] });
  });

  it('the nation’s figures of the embargoed year are withheld too: less Shanghai’s published ones, they would be Chongqing’s', async () => {
    const national = async (headers: Record<string, string>) => {
      const cells = await agencyInputs(headers, ['000000']);
      const values = await fed.query<{ indicatorValues: { year: number; value: number | null; missing: { metric: string }[]; qualityFlags: unknown[] }[] }>(
        '{ indicatorValues(codes: ["DC_PUE"], regions: ["000000"], years: [2023, 2024]) { year value missing { metric } qualityFlags { code } } }',
        {},
        headers,
      );
      expect(values.errors).toBeUndefined();
      return { energySums: sums(cells, 'DC_PUE', '000000', 'energySums'), values: values.data!.indicatorValues };
    };
    const anonymous = await national(ANONYMOUS_HEADERS);
    expect(anonymous.energySums).toEqual([null, null]);
    expect(anonymous.values.find((v) => v.year === 2024)).toEqual({ year: 2024, value: null, missing: [{ metric: 'EMBARGOED' }], qualityFlags: [] });
    // 2023 is not the release's year.
    expect(anonymous.values.find((v) => v.year === 2023)!.missing.map((m) => m.metric)).not.toContain('EMBARGOED');
    // A reader: Chongqing's A–D (5,300,000 kWh over 4,000,000) and Shanghai's S1–S4 (741,000 over 400,000).
    expect((await national(await readerHeaders())).energySums).toEqual([6_041_000, 4_400_000]);
  });

  it('an agency’s own token reads its own embargoed figures, not another agency’s', async () => {
    const comms = await chongqing2024(await bearer('comms', ['writer']));
    expect([comms.comms, comms.energy]).toEqual([
      [2_000, 2_000, [2_000, 1_500]],
      [null, null, []],
    ]);
  });

  it('an embargo that has ended withholds no agency figure: Shanghai 2024 is public', async () => {
    const cells = await agencyInputs(ANONYMOUS_HEADERS, ['310000']);
    // S1–S4 metered in 2024 (S5 did not): 171,000 + 170,000 + 200,000 + 200,000 kWh total over 4 × 100,000 IT.
    expect(sums(cells, 'DC_PUE', '310000', 'energySums')).toEqual([741_000, 400_000]);
  });

  it('a release added to the register while the services run takes effect without a restart, and an invalid register keeps the last good one', async () => {
    const file = process.env.RELEASES_FILE!;
    const before = readFileSync(file, 'utf8');
    const shanghaiPue = async () => {
      const cells = await agencyInputs(ANONYMOUS_HEADERS, ['310000']);
      const value = await fed.query<{ indicatorValues: { missing: { metric: string }[] }[] }>(
        '{ indicatorValues(codes: ["DC_PUE"], regions: ["310000"], years: [2024]) { missing { metric } } }',
        {},
        ANONYMOUS_HEADERS,
      );
      return { sums: sums(cells, 'DC_PUE', '310000', 'energySums'), missing: value.data!.indicatorValues[0]!.missing.map((m) => m.metric) };
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200)); // the register's file is checked at most once a second
    try {
      writeFileSync(
        file,
        `${before}  - { name: sh-2024-late, title: "Shanghai 2024, embargoed later", region: "310000", year: 2024, asOf: "2026-01-01T00:00:00Z", embargoUntil: "${FUTURE}" }\n`,
      );
      await settle();
      expect(await shanghaiPue()).toEqual({ sums: [null, null], missing: ['EMBARGOED'] });

      writeFileSync(file, 'releases: [ { name: "Not A Name" } ]\n');
      await settle();
      expect(await shanghaiPue()).toEqual({ sums: [null, null], missing: ['EMBARGOED'] });

      writeFileSync(file, before);
      await settle();
      // Public again; the value itself stays unknown: S5 (300 of 2,701 design racks) did not report, 89 % coverage < 90 %.
      expect(await shanghaiPue()).toEqual({ sums: [741_000, 400_000], missing: ['DC_IT_ENERGY_KWH', 'DC_TOTAL_ENERGY_KWH'] });
    } finally {
      writeFileSync(file, before);
    }
  });
});
