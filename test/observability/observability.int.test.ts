import { PassThrough } from 'node:stream';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanKind } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../db/demo/world.ts';
import { setLogDestination } from '../../lib/observability/logger.ts';
import { addSpanProcessor } from '../../lib/observability/tracing.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer, readerHeaders } from '../support/tokens.ts';

// Spans go to memory and log lines to a stream read back here: the services' own exporters stay off.
const spans = new InMemorySpanExporter();
addSpanProcessor(new SimpleSpanProcessor(spans));
const logStream = new PassThrough();
const logLines: Record<string, unknown>[] = [];
logStream.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
});
setLogDestination(logStream);

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ world: buildWorld() });
});
afterAll(() => fed?.stop());

const ops = (url: string, path: string) => fetch(url.replace(/\/graphql$/, path));
/** The value of one Prometheus sample whose labels include `labels` (prom-client orders labels its own way). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(match[3]);
  }
  return undefined;
}
// Reads bigdata (data centres) and energy (their PUE, @requires the data centres): two subgraph fetches at least.
const QUERY = '{ dataCenters(first: 2) { nodes { id years(from: 2024, to: 2024) { pue } } } }';

describe('observability', () => {
  it('echoes the caller’s request id and sends it on to every subgraph the request fetches from', async () => {
    const response = await fetch(fed.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-0042', ...(await readerHeaders()) },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-test-0042');
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    const services = logLines.filter((l) => l.reqId === 'req-test-0042' && l.msg === 'graphql request').map((l) => l.service);
    expect(services).toContain('gateway');
    expect(services).toContain('bigdata');
    expect(services).toContain('energy');
  });

  it('makes one trace per request: the gateway’s span, a client span per subgraph fetch, the subgraphs’ spans and their SQL statements', async () => {
    spans.reset();
    const res = await fed.query(QUERY);
    expect(res.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    const finished = spans.getFinishedSpans();
    const gatewaySpan = finished.find((s) => s.kind === SpanKind.SERVER && s.attributes['service.role'] === 'gateway')!;
    expect(gatewaySpan).toBeDefined();
    const traceId = gatewaySpan.spanContext().traceId;
    const inTrace = finished.filter((s) => s.spanContext().traceId === traceId);
    const fetches = inTrace.filter((s) => s.kind === SpanKind.CLIENT && s.name.startsWith('subgraph '));
    expect(fetches.map((s) => s.name)).toEqual(expect.arrayContaining(['subgraph bigdata', 'subgraph energy']));
    // Each subgraph's server span is the child of the gateway's fetch span that called it.
    for (const fetchSpan of fetches) {
      const served = inTrace.filter((s) => s.kind === SpanKind.SERVER && s.parentSpanContext?.spanId === fetchSpan.spanContext().spanId);
      expect(served, fetchSpan.name).toHaveLength(1);
      expect(served[0]!.attributes['service.role']).toBe(fetchSpan.name.replace('subgraph ', ''));
    }
    const sql = inTrace.filter((s) => s.name.startsWith('sql '));
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((s) => typeof s.attributes['db.query.text'] === 'string')).toBe(true);
    // The whole request is one trace: every span of it shares the gateway's trace id, and no other trace was started.
    expect(new Set(finished.filter((s) => s.kind === SpanKind.SERVER).map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
  });

  it('traces and logs a bulk ingestion as one request: the gateway’s span, the subgraph’s as its child, one request id', async () => {
    spans.reset();
    const url = fed.gateway.url.replace(/\/graphql$/, '/ingest/energy/observations');
    // A dry run of one reading of a registered data centre: nothing is written.
    const body = '{"metric":"DC_TOTAL_ENERGY_KWH","subjectKind":"DATA_CENTER","subjectId":"DC-500120-001","period":"2024-06","value":1300000}\n';
    const response = await fetch(`${url}?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'x-request-id': 'ingest-test-7', ...(await bearer('energy', ['writer'])) },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('ingest-test-7');
    await response.text();
    await new Promise((r) => setTimeout(r, 50));
    const served = spans.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
    const gatewaySpan = served.find((s) => s.attributes['service.role'] === 'gateway')!;
    expect(gatewaySpan.name).toBe('POST /ingest/energy/observations');
    const energySpan = served.find((s) => s.attributes['service.role'] === 'energy')!;
    expect(energySpan.name).toBe('POST /ingest/observations');
    expect(energySpan.spanContext().traceId).toBe(gatewaySpan.spanContext().traceId);
    const logged = logLines.filter((l) => l.reqId === 'ingest-test-7' && l.msg === 'ingest request').map((l) => [l.service, l.status]);
    expect(logged).toEqual(
      expect.arrayContaining([
        ['gateway', 200],
        ['energy', 200],
      ]),
    );
  });

  it('serves Prometheus metrics on every service: requests, subgraph fetches, errors and pool use', async () => {
    await fed.query('{ nope }');
    const gateway = await (await ops(fed.gateway.url, '/metrics')).text();
    expect(sample(gateway, 'graphql_request_duration_seconds_count', { service: 'gateway', status: '200', route: 'graphql' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'graphql_request_duration_seconds_count', { service: 'gateway', status: '200', route: 'ingest' })).toBe(1);
    expect(sample(gateway, 'subgraph_fetch_duration_seconds_count', { service: 'gateway', subgraph: 'bigdata', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'graphql_errors_total', { service: 'gateway', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    const energy = await (await ops(fed.subgraphs.energy.url, '/metrics')).text();
    expect(sample(energy, 'graphql_request_duration_seconds_count', { service: 'energy', status: '200' })).toBeGreaterThanOrEqual(2);
    // PGlite: one connection; Postgres: the test pool's. Idle between requests.
    expect(sample(energy, 'db_pool_size', { service: 'energy' })).toBe(fed.databases.energy.poolSize);
    expect(sample(energy, 'db_statements_in_flight', { service: 'energy' })).toBe(0);
    expect(energy).toMatch(/process_cpu_seconds_total/);
  });

  it('reports ready when the database answers, and the gateway when its subgraphs are: degraded with one down, not ready with none', async () => {
    const subgraph = await ops(fed.subgraphs.comms.url, '/ready');
    expect(subgraph.status).toBe(200);
    expect(await subgraph.json()).toMatchObject({ status: 'ready', service: 'comms', database: fed.databases.comms.kind });
    const gateway = await ops(fed.gateway.url, '/ready');
    expect(gateway.status).toBe(200);
    expect(await gateway.json()).toMatchObject({
      status: 'ready',
      subgraphs: { comms: 'ready', econ: 'ready', bigdata: 'ready', energy: 'ready', indicators: 'ready' },
    });
    expect((await ops(fed.gateway.url, '/health')).status).toBe(200);

    // One agency down: the gateway still serves the other four, so a load balancer must keep it.
    await fed.subgraphs.energy.stop();
    const degraded = await ops(fed.gateway.url, '/ready');
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      reason: 'subgraphs not ready: energy unreachable',
      subgraphs: { comms: 'ready', energy: 'unreachable' },
    });

    for (const name of ['comms', 'econ', 'bigdata', 'indicators'] as const) await fed.subgraphs[name]!.stop();
    const down = await ops(fed.gateway.url, '/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'not ready', reason: expect.stringMatching(/^no subgraph is ready: .*energy unreachable/) });
    // Alive all the same: /health is liveness.
    expect((await ops(fed.gateway.url, '/health')).status).toBe(200);
  });
});
