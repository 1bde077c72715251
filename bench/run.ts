// `npm run bench -- [--scale N] [--skip-seed] [--requests N] [--ingestion-batches N] [--ingestion-only] [--in-process]`: the dashboard-grid
// benchmark of issue 3 and the ingestion benchmark of issue 4.
// Seeds a benchmark-size world on a real Postgres, then times the same grid, asked as indicatorValues, as indicatorCube and as its rows,
// through our gateway and through @graphql-hive/gateway (with its Rust query planner and no credential of ours, deploy/hive-gateway.config.ts) on the same
// supergraph and subgraphs, and as hand-written SQL (the floor). Beside them, the per-cell floor: the same number of cells
// through a federation of subgraphs that do no work (bench/per-cell-floor.ts), what any API with one object per cell pays at least.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres, { type Sql } from 'postgres';
import { build } from 'esbuild';
import { AGENCIES } from '../lib/agencies.ts';
import { authConfig } from '../lib/auth/config.ts';
import { mintToken } from '../lib/auth/tokens.ts';
import { serviceHeap } from '../lib/config.ts';
import { heapFlags } from '../lib/supervisor/heap.ts';
import { BUILD_DIR, ENTRIES, ensureServerBundle } from '../scripts/build-server.mjs';
import { CHONGQING } from '../lib/regions/codes.ts';
import { reseed } from '../lib/subgraph/boot.ts';
import { buildWorld } from '../db/demo/world.ts';
import { SUPERGRAPH_PATH } from '../gateway/supergraph.ts';
import { applyCorrections } from './corrections.ts';
import { serverCpuMs } from './cpu-time.ts';
import { benchIngestion } from './ingestion.ts';
import { measure, measureInTurns, type Timing } from './measure.ts';
import { startService, waitForGraphQL, type Service } from './processes.ts';
import { cellKey, FLOOR_INDICATORS, sqlFloorGrid, type Grid } from './sql-floor.ts';
import { PER_CELL_FLOOR_QUERY } from './per-cell-floor.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '4' },
    'skip-seed': { type: 'boolean', default: false },
    requests: { type: 'string', default: '24' },
    'ingestion-batches': { type: 'string', default: '5' },
    'ingestion-only': { type: 'boolean', default: false },
    // Our gateway runs the indicators subgraph in its own process (INDICATORS_IN_PROCESS=true); the peer keeps the stand-alone one.
    'in-process': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const requests = Number(values.requests);
const adminUrl = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = process.env.BENCH_DATABASE_URL ?? adminUrl.replace(/\/[^/]*$/, '/gict_bench');
/** The per-cell floor's name in the tables. */
const PER_CELL_FLOOR = 'per-cell floor (no-work subgraphs, @apollo/gateway)';
/** The goals the run is read against (issue 18: grid latency and throughput; issue 20: ingestion). */
const GOALS = { oursOverSqlP50: 1.5, oursOverHiveRps: 1.5, bulkOverRaw: 0.7 } as const;
/**
 * The API the grid goals judge: the one a dashboard draws its grid from. The others are timed beside it, against the
 * per-cell floor: the cube's rows (the exports and the report read them) and `indicatorValues`, a cell's drill-down,
 * which no API with one federated object per cell could bring within 1.5× the SQL floor on this grid.
 */
const GRID_API: Api = 'indicatorCube';
const PORTS = {
  gateway: 4100,
  comms: 4101,
  econ: 4102,
  bigdata: 4103,
  energy: 4104,
  indicators: 4105,
  hive: 4110,
  perCellGateway: 4120,
  perCellCells: 4121,
  perCellInputs: 4122,
};
const years = [2020, 2021, 2022, 2023, 2024, 2025];

const log = (line: string) => console.log(line);
const services: Service[] = [];
const stopAll = () => Promise.all(services.splice(0).map((s) => s.stop()));
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

async function ensureDatabase(): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = new URL(benchUrl).pathname.slice(1);
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

/** The grid asked three ways: one IndicatorValue object per cell, one IndicatorCube of columns, or the cube's rows. */
const API = {
  indicatorValues: {
    query: `query Grid($codes: [ID!], $regions: [ID!]!, $years: [Int!]!) {
  indicatorValues(codes: $codes, regions: $regions, years: $years) { indicatorCode scopeId year value status meetsTarget }
}`,
    read: (data: { indicatorValues?: { indicatorCode: string; scopeId: string; year: number; value: number | null }[] | null }): Grid | undefined =>
      data.indicatorValues ? new Map(data.indicatorValues.map((v) => [cellKey(v.indicatorCode, v.scopeId, v.year), v.value])) : undefined,
  },
  indicatorCube: {
    query: `query Cube($codes: [ID!], $regions: [ID!]!, $years: [Int!]!) {
  indicatorCube(codes: $codes, regions: $regions, years: $years) { indicatorCodes regionCodes years values statuses meetsTarget }
}`,
    read: (data: {
      indicatorCube?: { indicatorCodes: string[]; regionCodes: string[]; years: number[]; values: (number | null)[] } | null;
    }): Grid | undefined => {
      const cube = data.indicatorCube;
      if (!cube) return undefined;
      const grid: Grid = new Map();
      let at = 0;
      for (const code of cube.indicatorCodes)
        for (const region of cube.regionCodes) for (const year of cube.years) grid.set(cellKey(code, region, year), cube.values[at++] ?? null);
      return grid;
    },
  },
  // The cube's rows: a record per cell, as indicatorValues gives, through the cube's plan.
  'indicatorCube.cells': {
    query: `query Rows($codes: [ID!], $regions: [ID!]!, $years: [Int!]!) {
  indicatorCube(codes: $codes, regions: $regions, years: $years) { cells { indicatorCode regionCode year value status meetsTarget } }
}`,
    read: (data: {
      indicatorCube?: { cells: { indicatorCode: string; regionCode: string; year: number; value: number | null }[] | null } | null;
    }): Grid | undefined => {
      const cells = data.indicatorCube?.cells;
      return cells ? new Map(cells.map((c) => [cellKey(c.indicatorCode, c.regionCode, c.year), c.value])) : undefined;
    },
  },
} as const;
type Api = keyof typeof API;

async function gridVia(url: string, api: Api, regions: string[], years: number[], authorization: string): Promise<Grid> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: API[api].query, variables: { codes: FLOOR_INDICATORS, regions, years } }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  const grid = body.data ? API[api].read(body.data as never) : undefined;
  if (body.errors?.length || !grid) throw new Error(`${url}: ${JSON.stringify(body.errors?.slice(0, 3))}`);
  return grid;
}

/** The grid's cells through the per-cell floor: checked for their number, since its figures are made up. */
async function perCellFloorGrid(regions: string[], years: number[]): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORTS.perCellGateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PER_CELL_FLOOR_QUERY, variables: { codes: FLOOR_INDICATORS, regions, years } }),
  });
  const body = (await res.json()) as { data?: { grid?: unknown[] } };
  const cells = FLOOR_INDICATORS.length * regions.length * years.length;
  if (body.data?.grid?.length !== cells) throw new Error(`the per-cell floor answered ${JSON.stringify(body).slice(0, 300)}`);
}

function differences(a: Grid, b: Grid): string[] {
  const out: string[] = [];
  for (const [key, x] of a) {
    const y = b.get(key);
    const same = x === null || y === null || y === undefined ? x === y : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
    if (!same) out.push(`${key}: ${x} vs ${y}`);
  }
  if (b.size !== a.size) out.push(`cell counts differ: ${a.size} vs ${b.size}`);
  return out;
}

/** What a request cost the subgraphs: fetches, SQL statements and the bytes of the fetches' request and response bodies. */
interface Cost {
  fetches: number;
  statements: number;
  bytes: number;
}

async function counters(): Promise<{ requests: number; statements: number; bytes: number }> {
  let requests = 0;
  let statements = 0;
  let bytes = 0;
  for (const name of [...AGENCIES, 'indicators'] as const) {
    const health = (await (await fetch(`http://127.0.0.1:${PORTS[name]}/health`)).json()) as {
      requests: number;
      statements?: number;
      bodyBytes: { received: number; sent: number };
    };
    requests += health.requests;
    statements += health.statements ?? 0;
    bytes += health.bodyBytes.received + health.bodyBytes.sent;
  }
  // With --in-process, our gateway's fetches to the indicators subgraph count like any other.
  const gateway = (await (await fetch(`http://127.0.0.1:${PORTS.gateway}/health`)).json()) as { inProcess?: { indicators?: { requests: number } } };
  // (Its in-process fetches hand objects over: no bytes.)
  return { requests: requests + (gateway.inProcess?.indicators?.requests ?? 0), statements, bytes };
}

async function perRequest(run: () => Promise<unknown>): Promise<Cost> {
  const before = await counters();
  await run();
  const after = await counters();
  return { fetches: after.requests - before.requests, statements: after.statements - before.statements, bytes: after.bytes - before.bytes };
}

const kilobytes = (bytes: number) => (bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0);

/** The peer gateway; once it fails a grid it is stopped, so it neither competes for the CPU nor is asked again. */
interface Peer {
  url: string;
  service: Service;
  stoppedBecause: string | null;
}

interface GridSpec {
  title: string;
  regions: string[];
  years: number[];
  requests: number;
  /** A government reader's: the SQL floor withholds nothing, so neither may the gateways (disclosure control). */
  authorization: string;
}

/** A grid's answers checked against the SQL floor, then timed: the floor, and each API through each gateway (one that disagrees or fails is reported, not timed). */
async function gridBenchmark(sql: Sql, ours: string, peer: Peer, spec: GridSpec): Promise<{ markdown: string; json: Record<string, unknown> }> {
  const { regions, years, requests, authorization } = spec;
  log(
    `${spec.title}: ${FLOOR_INDICATORS.length} indicators × ${regions.length} regions × ${years.length} years = ${FLOOR_INDICATORS.length * regions.length * years.length} cells`,
  );

  const floor = await sqlFloorGrid(sql, regions, years);
  const known = [...floor.values()].filter((v) => v !== null).length;
  const gateways = (api: Api) =>
    [
      [`our gateway, ${api}`, ours],
      [`hive gateway, ${api}`, peer.url],
    ] as const;
  const candidates = (Object.keys(API) as Api[]).flatMap((api) =>
    gateways(api).map(([name, url]) => ({ name, run: () => gridVia(url, api, regions, years, authorization), peer: url === peer.url })),
  );
  const problems: Record<string, string> = {};
  for (const { name, run, peer: isPeer } of candidates) {
    if (isPeer && peer.stoppedBecause) {
      problems[name] = `not run: ${peer.stoppedBecause}`;
      continue;
    }
    try {
      const diff = differences(floor, await run());
      if (diff.length > 0) problems[name] = `disagrees with the SQL floor in ${diff.length} of ${floor.size} cells, e.g. ${diff.slice(0, 3).join('; ')}`;
    } catch (error) {
      problems[name] = `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    }
    if (!isPeer && problems[name]) throw new Error(`${name} ${problems[name]}`);
    if (problems[name]) log(`${name} ${problems[name]}: not timed`);
  }
  log(`our gateway and the SQL floor agree on all ${floor.size} cells (${known} with a value), through every API`);
  if (!peer.stoppedBecause && candidates.filter((c) => c.peer).every((c) => problems[c.name])) {
    // It would only compete for the CPU.
    peer.stoppedBecause = `stopped after the ${spec.title.toLowerCase()}, where it gave no right answer`;
    await peer.service.stop();
  }

  await perCellFloorGrid(regions, years);
  const targets: Record<string, () => Promise<unknown>> = {
    'SQL floor': () => sqlFloorGrid(sql, regions, years),
    [PER_CELL_FLOOR]: () => perCellFloorGrid(regions, years),
  };
  for (const { name, run } of candidates) if (!problems[name]) targets[name] = run;
  // The per-cell floor's subgraphs count nothing: its costs are left blank.
  const costs: Record<string, Cost | null> = { 'SQL floor': { fetches: 0, statements: 6, bytes: 0 }, [PER_CELL_FLOOR]: null };
  for (const name of Object.keys(targets).filter((n) => !(n in costs))) costs[name] = await perRequest(targets[name]!);
  // CPU milliseconds per request of every server process (gateways, subgraphs, Postgres) at one client.
  const servers = () => services.map((s) => s.child.pid!).filter(Boolean);
  const oneClient = await measureInTurns(targets, requests, 3, () => serverCpuMs(servers()));
  const timings: Record<string, Timing[]> = {};
  const cpu: Record<string, number | null> = {};
  for (const [name, run] of Object.entries(targets)) {
    cpu[name] = oneClient[name]!.cpuMsPerRequest;
    // At least four rounds of 8 concurrent requests: one round measures its slowest request, not throughput.
    timings[name] = [oneClient[name]!.timing, await measure(run, 8, Math.max(32, requests * 2), 2)];
    log(
      `${name}: ${timings[name].map((t) => `c=${t.concurrency} p50 ${t.p50Ms.toFixed(1)} ms, ${t.rps.toFixed(1)} req/s`).join('; ')}${cpu[name] === null ? '' : `; ${cpu[name]!.toFixed(0)} ms of server CPU per request`}`,
    );
  }
  const f = timings['SQL floor']!;
  const rows = Object.entries(timings).map(
    ([name, [c1, c8]]) =>
      `| ${name} | ${c1!.p50Ms.toFixed(1)} | ${c1!.p95Ms.toFixed(1)} | ${c1!.rps.toFixed(2)} | ${c8!.p50Ms.toFixed(1)} | ${c8!.p95Ms.toFixed(1)} | ${c8!.rps.toFixed(2)} | ${cpu[name] === null ? 'n/a' : cpu[name]!.toFixed(0)} | ${costs[name]?.fetches ?? ''} | ${costs[name]?.statements ?? ''} | ${costs[name] ? kilobytes(costs[name].bytes) : ''} |`,
  );
  for (const [name, problem] of Object.entries(problems))
    rows.push(`| ${name} | ${problem.startsWith('not run') ? '' : 'not timed: '}${problem.replace(/\|/g, '/')} | | | | | | | | | |`);
  const ratios = Object.fromEntries(
    (Object.keys(API) as Api[]).map((api) => {
      const [[oursName], [hiveName]] = gateways(api);
      const [o, h] = [timings[oursName], timings[hiveName]];
      const [oursCpu, floorCpu] = [cpu[oursName], cpu['SQL floor']];
      return [
        api,
        {
          oursOverSqlP50: o![0]!.p50Ms / f[0]!.p50Ms,
          oursOverSqlCpu: oursCpu && floorCpu ? oursCpu / floorCpu : null,
          oursOverHiveRps: h ? o![1]!.rps / h[1]!.rps : null,
          oursOverHiveP50: h ? o![0]!.p50Ms / h[0]!.p50Ms : null,
          oursOverPerCellFloorP50: o![0]!.p50Ms / timings[PER_CELL_FLOOR]![0]!.p50Ms,
        },
      ];
    }),
  );
  const ratioLines = Object.entries(ratios).map(
    ([api, r]) =>
      `- ${api}: ours ÷ SQL p50 (c=1) = ${r.oursOverSqlP50.toFixed(2)}${api === GRID_API ? ` (goal ≤ ${GOALS.oursOverSqlP50})` : ''}` +
      (r.oursOverSqlCpu === null ? '' : `; ours ÷ SQL server CPU per request = ${r.oursOverSqlCpu.toFixed(2)}`) +
      (r.oursOverHiveRps === null
        ? '; ours ÷ hive: no comparison, the peer did not answer correctly.'
        : `; ours ÷ hive throughput (c=8) = ${r.oursOverHiveRps.toFixed(2)}${api === GRID_API ? ` (goal ≥ ${GOALS.oursOverHiveRps})` : ''}; ours ÷ hive p50 (c=1) = ${r.oursOverHiveP50!.toFixed(2)}`) +
      `; ours ÷ per-cell floor p50 (c=1) = ${r.oursOverPerCellFloorP50.toFixed(2)}.`,
  );
  const perCellOverSql = timings[PER_CELL_FLOOR]![0]!.p50Ms / f[0]!.p50Ms;
  ratioLines.push(
    `- per-cell floor ÷ SQL p50 (c=1) = ${perCellOverSql.toFixed(2)}: the least any API with one object per cell pays here through @apollo/gateway, with subgraphs that do no work.`,
  );
  const markdown = [
    `${spec.title}: ${FLOOR_INDICATORS.length} Chongqing-relevant indicators × ${regions.length} regions × ${years.length} years (${floor.size} cells, ${known} with a value), demo scale ${scale}, Postgres, our gateway with the indicators subgraph ${values['in-process'] ? 'in process' : 'over HTTP'}, ${new Date().toISOString()}.`,
    '',
    '| target | c=1 p50 ms | c=1 p95 ms | c=1 req/s | c=8 p50 ms | c=8 p95 ms | c=8 req/s | server CPU ms/req (c=1) | subgraph fetches/req | SQL statements/req | subgraph fetch bodies KB/req |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Ratios:',
    '',
    ...ratioLines,
  ].join('\n');
  return { markdown, json: { title: spec.title, cells: floor.size, known, timings, serverCpuMsPerRequest: cpu, costs, ratios, perCellOverSql, problems } };
}

try {
  await ensureDatabase();
  process.env.DATABASE_URL = benchUrl;
  if (!values['skip-seed']) {
    const world = buildWorld({ scale });
    log(`seeding scale ${scale}: ${world.dataCenters.length} data centres, ${world.regions.length} regions, ${world.enterprises.length} enterprises`);
    await reseed(AGENCIES, world, log);
  }

  // Every process runs as in production: NODE_ENV=production (graphql-js skips its development checks), a secret of
  // this run's own (production refuses the public development secret), and the heap sizes `npm start` gives our
  // services, the peer's Node process included (SERVICE_SEMI_SPACE_MB & co.).
  const nodeOptions = [process.env.NODE_OPTIONS, ...heapFlags(serviceHeap())].filter(Boolean).join(' ');
  const production = { NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), NODE_OPTIONS: nodeOptions };
  process.env.JWT_SECRET = production.JWT_SECRET; // the bench's own tokens (ingestion, the peer's credential)
  const env = { ...production, DATABASE_URL: benchUrl, DEMO_SCALE: String(scale), SEED_DEMO: 'false', HOST: '127.0.0.1' };
  const ports = Object.fromEntries(Object.entries(PORTS).map(([k, v]) => [`${k.toUpperCase()}_PORT`, String(v)]));
  const inProcess = values['in-process'];
  const gatewayServes = inProcess ? AGENCIES : ([...AGENCIES, 'indicators'] as const);
  const urls = Object.fromEntries(gatewayServes.map((a) => [`${a.toUpperCase()}_URL`, `http://127.0.0.1:${PORTS[a]}/graphql`]));
  // One process per subgraph, as they would be deployed, each running the server bundle `npm start` and the image run.
  await ensureServerBundle();
  const bundled = (entry: keyof typeof ENTRIES) => path.join(BUILD_DIR, `${entry}.js`);
  for (const name of [...AGENCIES, 'indicators']) {
    services.push(await startService(name, process.execPath, [bundled('subgraph'), name], { ...env, ...ports }, /subgraph ready at/));
  }
  services.push(
    await startService(
      'gateway',
      process.execPath,
      [bundled('gateway')],
      { ...production, ...ports, ...urls, DEMO_SCALE: String(scale), INDICATORS_IN_PROCESS: String(inProcess), RATE_LIMIT_PER_MINUTE: '0' },
      /gateway ready at/,
    ),
  );
  const hiveSupergraph = path.join('bench', 'results', 'supergraph.hive.local.graphql');
  mkdirSync(path.dirname(hiveSupergraph), { recursive: true });
  writeFileSync(
    hiveSupergraph,
    readFileSync(SUPERGRAPH_PATH, 'utf8').replace(/http:\/\/localhost:400(\d)\/graphql/g, (_, d: string) => `http://127.0.0.1:410${d}/graphql`),
  );
  const authorization = `Bearer ${await mintToken({ subject: 'bench-dashboard', agency: null, roles: ['reader'] }, authConfig({ ...process.env, ...production }))}`;
  const hiveService = await startService(
    'hive-gateway',
    path.join('node_modules', '.bin', 'hive-gateway'),
    ['supergraph', hiveSupergraph, '--config-path', path.join('deploy', 'hive-gateway.config.ts'), '--port', String(PORTS.hive), '--host', '127.0.0.1'],
    { NODE_ENV: 'production', NODE_OPTIONS: nodeOptions },
    /./,
  );
  services.push(hiveService);
  // Compiled as our services are, so neither side runs under tsx; into node_modules' cache, where its packages resolve
  // and no type check or lint reads it.
  const perCellScript = path.join('node_modules', '.cache', 'gict-bench', 'per-cell-floor.js');
  await build({ entryPoints: ['bench/per-cell-floor.ts'], outfile: perCellScript, bundle: true, platform: 'node', format: 'esm', packages: 'external' });
  const perCell = (role: string, port: number, ...urls: string[]) =>
    startService(`per-cell ${role}`, process.execPath, [perCellScript, role, String(port), ...urls], production, /ready at/);
  services.push(await perCell('cells', PORTS.perCellCells), await perCell('inputs', PORTS.perCellInputs));
  services.push(
    await perCell('gateway', PORTS.perCellGateway, `http://127.0.0.1:${PORTS.perCellCells}/graphql`, `http://127.0.0.1:${PORTS.perCellInputs}/graphql`),
  );
  const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
  const peer: Peer = { url: `http://127.0.0.1:${PORTS.hive}/graphql`, service: hiveService, stoppedBecause: null };
  await waitForGraphQL(peer.url);

  const sql = postgres(benchUrl, { max: 8, onnotice: () => {} });
  if (!values['skip-seed']) {
    const { corrected, withdrawn } = await applyCorrections(sql, ours);
    log(`corrections through our gateway: ${corrected} observations revised, ${withdrawn} withdrawn`);
  }
  // Fresh planner statistics and no dead rows, as a maintained production database has (autovacuum may not
  // have run since seeding or since an earlier run's ingestion rows were deleted).
  await sql`vacuum analyze`;
  const districts = ((await sql`select code from bigdata.region where parent_code = ${CHONGQING} order by code`) as { code: string }[]).map((r) => r.code);
  const grids = values['ingestion-only']
    ? []
    : [
        // A small grid first: it shows per-request overhead, where the dashboard grid shows per-cell cost.
        await gridBenchmark(sql, ours, peer, {
          title: 'Peer grid',
          regions: [CHONGQING],
          years: [2024, 2025],
          requests: Math.max(16, requests),
          authorization,
        }),
        await gridBenchmark(sql, ours, peer, { title: 'Dashboard grid', regions: [CHONGQING, ...districts], years, requests, authorization }),
      ];
  const ingestion = await benchIngestion(sql, ours, Number(values['ingestion-batches']));
  log(
    `ingestion: ${ingestion.bulkRowsPerSecond.toFixed(0)} rows/s bulk, ${ingestion.gatewayRowsPerSecond.toFixed(0)} rows/s GraphQL, ${ingestion.rawInsertRowsPerSecond.toFixed(0)} rows/s raw INSERT (medians)`,
  );
  await sql.end();

  const markdown = [
    ...grids.flatMap((g) => [g.markdown, '']),
    `Ingestion: ${ingestion.batches} batches of ${ingestion.rowsPerBatch.toLocaleString('en')} energy observations per writer, after one warm-up batch each; the writers take turns batch by batch.`,
    '',
    '| writer | rows/s (median of batches) |',
    '|---|---|',
    `| bulk path \`POST /ingest/energy/observations\` (NDJSON) through our gateway (validation, revisions, idempotency record) | ${ingestion.bulkRowsPerSecond.toFixed(0)} |`,
    `| submitEnergyObservations through our gateway (the same) | ${ingestion.gatewayRowsPerSecond.toFixed(0)} |`,
    `| plain multi-row INSERT, postgres driver | ${ingestion.rawInsertRowsPerSecond.toFixed(0)} |`,
    '',
    `Ratios to raw, median of the per-turn ratios: bulk ${ingestion.bulkRatio.toFixed(2)} (goal ≥ ${GOALS.bulkOverRaw}), GraphQL mutation ${ingestion.ratio.toFixed(2)}; per turn: ${ingestion.turns.map((t) => (t.bulk / t.raw).toFixed(2)).join(', ')} (bulk).`,
  ].join('\n');
  console.log(`\n${markdown}\n`);
  // An ingestion-only run has no grids: it gets its own record instead of replacing the full run's.
  const results = `bench/results/latest${values['ingestion-only'] ? '-ingestion' : ''}${inProcess ? '-in-process' : ''}`;
  writeFileSync(`${results}.md`, `${markdown}\n`);
  writeFileSync(`${results}.json`, `${JSON.stringify({ scale, indicatorsInProcess: inProcess, grids: grids.map((g) => g.json), ingestion }, null, 2)}\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  for (const s of services) console.error(`--- ${s.name} output (tail) ---\n${s.output().slice(-2000)}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
