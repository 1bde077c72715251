import { spawn, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../lib/regions/codes.ts';
import { postgresBinaries, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { bearer } from '../support/tokens.ts';

// An energy subgraph process on a Postgres cluster of this test's own, under a steady write load, while the
// cluster restarts (`pg_ctl restart -m fast`, what an operator or a minor-version upgrade does). postgres.js
// 3.4.9 ended the process with an uncaught `TypeError: Cannot read properties of null (reading 'write')`.

const bin = postgresBinaries();
/** Errors may outlast the restart command by the driver's reconnect back-off and a request in flight; no more. */
const GRACE_MS = 3_000;
const WRITERS = 4;

interface Attempt {
  batch: number;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  error?: string;
}

const counties = REGION_CODES.filter((r) => r.level === 'COUNTY').map((r) => r.code);
/** Batch i writes one 5G base-station electricity figure (kWh) for a county and year, valued i + 1 so each revision is its own. */
const batch = (i: number) => ({
  idempotencyKey: `recovery-${i}`,
  rows: [
    {
      metric: 'BS_5G_ELECTRICITY_KWH',
      subjectKind: 'REGION',
      subjectId: counties[i % counties.length]!,
      period: String(2020 + (Math.floor(i / counties.length) % 6)),
      value: i + 1,
    },
  ],
});
const SUBMIT = `mutation ($rows: [ObservationInput!]!, $idempotencyKey: String) {
  submitEnergyObservations(rows: $rows, idempotencyKey: $idempotencyKey, sourceSystem: "recovery-test") { applied rejected problems { code message } }
}`;

function waitForReady(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the subgraph did not start:\n${output.join('')}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const url = /ready at (\S+)/.exec(chunk.toString())?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', (code) => reject(new Error(`the subgraph exited with ${code}:\n${output.join('')}`)));
  });
}

describe.skipIf(!bin)('a subgraph whose Postgres restarts under write load', () => {
  let cluster: PostgresCluster;
  let child: ChildProcess;
  const output: string[] = [];
  let url: string;
  const attempts: Attempt[] = [];
  let outage: { from: number; to: number };

  beforeAll(async () => {
    cluster = await startPostgresCluster(bin!);
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-subgraph.ts', 'energy', '--empty'], {
      env: { ...process.env, DATABASE_URL: '', ENERGY_DATABASE_URL: cluster.url, ENERGY_PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    url = await waitForReady(child, output);

    const headers = { 'content-type': 'application/json', ...(await bearer('energy', ['writer'])) };
    let next = 0;
    let stopAt = Number.POSITIVE_INFINITY;
    const writer = async () => {
      while (performance.now() < stopAt) {
        const i = next++;
        const startedAt = performance.now();
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: SUBMIT, variables: batch(i) }),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await response.json()) as { data?: { submitEnergyObservations?: { applied: boolean } } | null; errors?: { message: string }[] };
          const ok = response.status === 200 && body.data?.submitEnergyObservations?.applied === true;
          attempts.push({ batch: i, startedAt, endedAt: performance.now(), ok, ...(ok ? {} : { error: JSON.stringify(body.errors ?? body) }) });
        } catch (error) {
          attempts.push({ batch: i, startedAt, endedAt: performance.now(), ok: false, error: String(error) });
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, writer));
    await new Promise((r) => setTimeout(r, 1_500));
    const from = performance.now();
    await cluster.restart();
    outage = { from, to: performance.now() };
    stopAt = outage.to + GRACE_MS + 3_000;
    await load;
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await cluster?.destroy();
  });

  it('keeps its process running through the restart', () => {
    expect(child.exitCode, output.join('')).toBeNull();
    expect(output.join('')).not.toMatch(/uncaught exception|Cannot read properties of null/);
  });

  it('writes again after the restart without being restarted itself', async () => {
    const after = attempts.filter((a) => a.startedAt > outage.to + GRACE_MS);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((a) => !a.ok)).toEqual([]);
    const health = await fetch(url.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
  });

  it('fails requests only while the database is restarting', () => {
    const failed = attempts.filter((a) => !a.ok);
    // Writes before the restart succeed; any that fail began during the outage or within the grace after it.
    for (const attempt of failed) {
      expect(attempt.startedAt, attempt.error).toBeGreaterThanOrEqual(outage.from - 1_000);
      expect(attempt.startedAt, attempt.error).toBeLessThanOrEqual(outage.to + GRACE_MS);
    }
    expect(attempts.filter((a) => a.endedAt < outage.from).every((a) => a.ok)).toBe(true);
  });

  it('loses no acknowledged write: each one is a stored revision with its value', async () => {
    const acknowledged = attempts.filter((a) => a.ok);
    expect(acknowledged.length).toBeGreaterThan(WRITERS * 2);
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<
        { key: string; value: number }[]
      >`select b.idempotency_key as key, o.value from energy.observation o join energy.import_batch b on b.id = o.batch_id where b.source_system = 'recovery-test'`;
      const stored = new Map(rows.map((r) => [r.key, Number(r.value)]));
      for (const { batch: i } of acknowledged) expect(stored.get(`recovery-${i}`), `batch ${i}`).toBe(i + 1);
    } finally {
      await sql.end();
    }
  });
});
