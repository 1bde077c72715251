import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL } from './support/federation.ts';

// A folder that does not exist yet, as ./.data on a fresh clone.
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'gict-start-')), 'not', 'yet', 'there');
const emptyDir = mkdtempSync(path.join(tmpdir(), 'gict-empty-'));
afterAll(() => [path.resolve(dataDir, '../../..'), emptyDir].forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Runs `npm start` as a user would, on scratch ports and a scratch data directory, and outside
 * NODE_ENV=test (vitest sets it; Apollo Server installs its own signal handlers only without it).
 */
function start(dir: string, extraArgs: string[] = []) {
  const base = 14_000 + Math.floor(Math.random() * 500) * 10;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dir,
    GATEWAY_PORT: String(base),
    COMMS_PORT: String(base + 1),
    ECON_PORT: String(base + 2),
    BIGDATA_PORT: String(base + 3),
    ENERGY_PORT: String(base + 4),
    INDICATORS_PORT: String(base + 5),
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  // As `npm start` runs it: the launcher, from the server bundle (test/support/global-setup.ts keeps it current).
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'start', ...extraArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          resolve(match);
        }
      }, 100);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${code} before printing ${pattern}:\n${output}`));
      });
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready: waitFor(/ready in [\d.]+ s/), waitFor, exited, output: () => output, gatewayUrl: `http://127.0.0.1:${base}/graphql` };
}

const DATA_CENTRES = '{ dataCenters(region: "500000") { totalCount } }';
const PV = '{ pvInstallations(first: 1) { totalCount } }';

/** Writes one energy reading with the writer token `npm start` printed; resolves when the gateway acknowledged it. */
async function writeReading(run: ReturnType<typeof start>, subjectId: string): Promise<void> {
  const [, token] = run.output().match(/energy writer\s+(\S+)/)!;
  const res = await postGraphQL<{ submitEnergyObservations: { applied: boolean } }>(
    run.gatewayUrl,
    `mutation($rows: [ObservationInput!]!) { submitEnergyObservations(rows: $rows) { applied } }`,
    { rows: [{ metric: 'DC_TOTAL_ENERGY_KWH', subjectKind: 'DATA_CENTER', subjectId, period: '2025-12', value: 4242 }] },
    { authorization: `Bearer ${token}` },
  );
  expect(res.data).toEqual({ submitEnergyObservations: { applied: true } });
}

/** The readings of the given data centres that the restarted federation holds. */
async function readingsOf(run: ReturnType<typeof start>, ids: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const subjectId of ids) {
    const res = await postGraphQL<{ energyObservations: { nodes: { subjectId: string; value: number }[] } }>(
      run.gatewayUrl,
      `{ energyObservations(metric: "DC_TOTAL_ENERGY_KWH", subjectId: "${subjectId}", year: 2025) { nodes { subjectId value } } }`,
    );
    found.push(...res.data!.energyObservations.nodes.filter((n) => n.value === 4242).map((n) => n.subjectId));
  }
  return found;
}

describe('npm start', () => {
  it('starts each service in a worker thread of its own from the demo snapshot, reuses the data on restart, exits 0 on SIGINT, and loses no acknowledged write when killed', async () => {
    const first = start(dataDir);
    await first.ready;
    expect(first.output()).toMatch(/gateway\s+http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(first.output().match(/; demo snapshot loaded; pid \d+ thread \d+\]/g)).toHaveLength(4);
    expect(new Set([...first.output().matchAll(/pid (\d+) thread/g)].map((m) => m[1])).size).toBe(1);
    const res = await postGraphQL<{ dataCenters: { totalCount: number } }>(first.gatewayUrl, DATA_CENTRES);
    expect(res.data!.dataCenters.totalCount).toBeGreaterThan(0);
    const pv = await postGraphQL<{ pvInstallations: { totalCount: number } }>(first.gatewayUrl, PV);
    expect(pv.data!.pvInstallations.totalCount).toBeGreaterThan(0);
    await writeReading(first, 'DC-AFTER-SIGINT');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/stopped cleanly\n?$/);
    expect(first.output()).not.toMatch(/stopped with code/);

    const second = start(dataDir);
    await second.ready;
    expect(second.output().match(/; existing data; pid/g)).toHaveLength(4);
    const reread = await postGraphQL<{ dataCenters: { totalCount: number } }>(second.gatewayUrl, DATA_CENTRES);
    expect(reread.data!.dataCenters.totalCount).toBe(res.data!.dataCenters.totalCount);
    expect(await readingsOf(second, ['DC-AFTER-SIGINT'])).toEqual(['DC-AFTER-SIGINT']);

    // Killed outright, every service's thread ends with the process and no database is closed: an acknowledged write
    // must survive it all the same (Postgres recovers from its write-ahead log on the next start).
    await writeReading(second, 'DC-AFTER-SIGKILL');
    second.child.kill('SIGKILL');
    await second.exited;
    const third = start(dataDir);
    await third.ready;
    expect(await readingsOf(third, ['DC-AFTER-SIGINT', 'DC-AFTER-SIGKILL'])).toEqual(['DC-AFTER-SIGINT', 'DC-AFTER-SIGKILL']);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 300_000);

  it('in one process (--single-process) starts with the code list but no demo data when given --empty, and exits 0 on SIGINT after stopping cleanly', async () => {
    const empty = start(emptyDir, ['--empty', '--single-process']);
    await empty.ready;
    const res = await postGraphQL<{ dataCenters: { totalCount: number }; regions: unknown[] }>(
      empty.gatewayUrl,
      '{ dataCenters { totalCount } regions(parent: "500000") { code } }',
    );
    expect(res.data).toEqual({ dataCenters: { totalCount: 0 }, regions: expect.arrayContaining([{ code: '500112' }]) });
    expect(res.data!.regions).toHaveLength(38);
    empty.child.kill('SIGINT');
    expect(await empty.exited).toBe(0);
    expect(empty.output()).toContain('stopped cleanly');
  }, 240_000);

  it('with --processes runs each service in a process of its own, restarts a killed subgraph, and stops them all when the supervisor itself is killed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gict-orphans-'));
    try {
      const supervised = start(dir, ['--empty', '--processes']);
      await supervised.ready;
      const pids = () => [...supervised.output().matchAll(/\[(?:[^\]]*; )?pid (\d+)\]/g)].map((m) => Number(m[1]));
      expect(new Set(pids()).size).toBe(6);

      // A crash of one subgraph: the supervisor says so and brings it back on the same port.
      const [, pid] = supervised.output().match(/energy\s+\S+\s+\S+\s+\[[^\]]*pid (\d+)\]/)!;
      process.kill(Number(pid), 'SIGKILL');
      await supervised.waitFor(/supervisor: energy exited with signal SIGKILL; restarting in [\d.]+ s \(restart 1\)/);
      await supervised.waitFor(/supervisor: energy is back at \S+/);
      const pv = await postGraphQL<{ pvInstallations: { totalCount: number } }>(supervised.gatewayUrl, PV);
      expect(pv.data!.pvInstallations.totalCount).toBe(0);

      // SIGKILL: the supervisor cannot pass it on; each service sees its channel to the supervisor close.
      const running = [...childPids(supervised.child.pid!)];
      expect(running).toHaveLength(6);
      supervised.child.kill('SIGKILL');
      await supervised.exited;
      const alive = (p: number) => {
        try {
          process.kill(p, 0);
          return true;
        } catch {
          return false;
        }
      };
      for (let waited = 0; running.some(alive) && waited < 30_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
      expect(running.filter(alive)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** The pids of a process's children (Linux /proc), the supervised services of `npm start --processes`. */
function childPids(parent: number): Set<number> {
  const children = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid (after the command name in parentheses).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) children.add(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}
