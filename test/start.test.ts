import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL } from './support/federation.ts';

// A folder that does not exist yet, as ./.data on a fresh clone.
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'gict-start-')), 'not', 'yet', 'there');
const emptyDir = mkdtempSync(path.join(tmpdir(), 'gict-empty-'));
afterAll(() => [path.resolve(dataDir, '../../..'), emptyDir].forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `npm start` as a user would, on scratch ports and a scratch data directory. */
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...extraArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/ready in [\d.]+ s/.test(output)) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => output, gatewayUrl: `http://127.0.0.1:${base}/graphql` };
}

describe('npm start', () => {
  it('starts four subgraphs and the gateway on PGlite with demo data, reuses the data on restart, and stops cleanly on SIGINT', async () => {
    const first = start(dataDir);
    await first.ready;
    expect(first.output()).toMatch(/gateway\s+http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(first.output().match(/demo data loaded/g)).toHaveLength(4);
    const res = await postGraphQL<{ dataCenters: { totalCount: number } }>(first.gatewayUrl, '{ dataCenters(region: "500000") { totalCount } }');
    expect(res.data!.dataCenters.totalCount).toBeGreaterThan(0);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');

    const second = start(dataDir);
    await second.ready;
    expect(second.output().match(/existing data/g)).toHaveLength(4);
    const again = await postGraphQL<{ dataCenters: { totalCount: number } }>(second.gatewayUrl, '{ dataCenters(region: "500000") { totalCount } }');
    expect(again.data!.dataCenters.totalCount).toBe(res.data!.dataCenters.totalCount);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('starts with the code list but no demo data when given --empty', async () => {
    const empty = start(emptyDir, ['--empty']);
    await empty.ready;
    const res = await postGraphQL<{ dataCenters: { totalCount: number }; regions: unknown[] }>(empty.gatewayUrl, '{ dataCenters { totalCount } regions(parent: "500000") { code } }');
    expect(res.data).toEqual({ dataCenters: { totalCount: 0 }, regions: expect.arrayContaining([{ code: '500112' }]) });
    expect(res.data!.regions).toHaveLength(38);
    empty.child.kill('SIGINT');
    expect(await empty.exited).toBe(0);
  }, 120_000);
});
