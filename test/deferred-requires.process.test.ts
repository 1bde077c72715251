import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../lib/subgraphs.ts';
import { BUILD_DIR } from '../scripts/build-server.mjs';

// The modules scripts/build-server.mjs defers: @apollo/gateway's usage telemetry for Apollo.
const TELEMETRY = ['@opentelemetry/exporter-metrics-otlp-http', '@opentelemetry/resource-detector-aws', '@opentelemetry/sdk-metrics'];

/** Runs the bundled gateway (as `npm start` does) under test/fixtures/outbound-guard.mjs; what it refused and loaded. */
async function bundledGateway(env: Record<string, string>): Promise<{ answer: unknown; refused: string[]; loaded: string[] }> {
  const dead = Object.fromEntries(SUBGRAPHS.map((s) => [`${s.toUpperCase()}_URL`, 'http://127.0.0.1:9/graphql']));
  const child = spawn(process.execPath, ['--import', './test/fixtures/outbound-guard.mjs', path.join(BUILD_DIR, 'gateway.js')], {
    env: { ...process.env, ...dead, GATEWAY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /gateway ready at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    }, 50);
    void exited.then(() => reject(new Error(`the gateway exited:\n${output}`))).finally(() => clearInterval(timer));
  });
  const answer = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).json();
  // Apollo's cloud probes start with the gateway; give them time to show.
  await new Promise((r) => setTimeout(r, 1_000));
  child.kill('SIGUSR2');
  await exited;
  const report = /GUARD (.*)/.exec(output);
  if (!report) throw new Error(`no report from the guard:\n${output}`);
  return { answer, ...(JSON.parse(report[1]!) as { refused: string[]; loaded: string[] }) };
}

describe("the server bundle defers @apollo/gateway's usage telemetry", () => {
  it('leaves its modules out of the bundle and unloaded while telemetry is off (the default); nothing is sent', async () => {
    // esbuild marks each bundled module with a `// <path>` comment line (our trace exporter's own copies, nested
    // under it and loaded only when an endpoint is configured, are another matter).
    const chunks = readdirSync(BUILD_DIR)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(BUILD_DIR, f), 'utf8'));
    const bundled = TELEMETRY.filter((m) => chunks.some((text) => new RegExp(`^// node_modules/${m}/`, 'm').test(text)));
    expect(bundled).toEqual([]);
    const { answer, refused, loaded } = await bundledGateway({});
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    expect(loaded.filter((m) => TELEMETRY.includes(m))).toEqual([]);
    expect(refused).toEqual([]);
  });

  it('loads them, from beside @apollo/gateway, when an operator turns telemetry on', async () => {
    const { answer, refused, loaded } = await bundledGateway({ APOLLO_TELEMETRY_DISABLED: 'false' });
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    expect(loaded).toEqual(expect.arrayContaining(TELEMETRY));
    // The cloud resource detectors ran (their probes were refused here): the deferred modules work, not just load.
    expect(refused).toEqual(expect.arrayContaining(['169.254.169.254']));
  });
});
