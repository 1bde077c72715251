import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { buildWorld } from '../../db/demo/world.ts';
import { catalog } from '../../lib/indicators/catalog.ts';
import { REGION_CODES } from '../../lib/regions/codes.ts';
import { SUBGRAPHS } from '../../lib/subgraphs.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// Subgraphs nobody listens on: a refusal that reached any of them would show as SUBGRAPH_UNAVAILABLE.
const DEAD = Object.fromEntries(SUBGRAPHS.map((s) => [s, 'http://127.0.0.1:9/graphql']));
const gatewayWith = (options: { maxCost?: number; rateLimitPerMinute?: number }) =>
  startGateway({ supergraphSdl: readSupergraph(), urls: DEAD, port: 0, host: '127.0.0.1', ...options });

type Errors = { errors?: { message: string; extensions: Record<string, unknown> }[] };
const post = async (url: string, query: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Errors & { data?: unknown } };
};

describe('the cost limit, computed at the gateway before any fetch', () => {
  // With a limit of 1 every operation is refused, and the refusal reports the cost it computed.
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ maxCost: 1, rateLimitPerMinute: 0 });
  });
  afterAll(() => gateway?.stop());

  const refusal = async (query: string) => {
    const { status, body } = await post(gateway.url, query);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', max: 1 });
    return body.errors![0]!.extensions.cost;
  };

  it('costs a grid its cells × (1 + the inputs each reads)', async () => {
    // DC_PUE reads two data-centre inputs (total and IT kWh): (1 + 2) × 2 regions × 2 years = 12.
    expect(await refusal('{ indicatorValues(codes: ["DC_PUE"], regions: ["500000", "310000"], years: [2024, 2025]) { value } }')).toBe(12);
  });

  it('costs a cube a fifth of that, rounded up', async () => {
    // 12 ÷ 5 = 2.4 → 3.
    expect(await refusal('{ indicatorCube(codes: ["DC_PUE"], regions: ["500000", "310000"], years: [2024, 2025]) { values } }')).toBe(3);
  });

  it('costs a page its size times what each entry asks for, with the schema’s default size', async () => {
    // 50 × (1 for the connection + nodes: 1 × (1 + id: 1)) = 50 × 3 = 150.
    expect(await refusal('{ dataCenters(first: 50) { nodes { id } } }')).toBe(150);
    // first defaults to 100: 100 × (1 + totalCount: 1) = 200.
    expect(await refusal('{ dataCenters { totalCount } }')).toBe(200);
  });

  it('says what to do, and nothing was fetched', async () => {
    const { body } = await post(gateway.url, '{ indicatorValues(regions: ["500000"], years: [2024]) { value } }');
    expect(body.errors![0]!.message).toMatch(/QUERY_MAX_COST.*fewer cells/s);
    expect(JSON.stringify(body)).not.toContain('SUBGRAPH_UNAVAILABLE');
  });
});

describe('dates and instants, checked at the gateway before any fetch', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ rateLimitPerMinute: 0 });
  });
  afterAll(() => gateway?.stop());

  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as Errors };
  };
  const cube = 'indicatorCube(codes: ["DC_PUE"], regions: ["500000"], years: [2024], asOf: $asOf) { values }';

  it.each([
    ['a literal', `query { ${cube.replace('$asOf', '"yesterday"')} }`, {}],
    ['a variable', `query($asOf: DateTime) { ${cube} }`, { asOf: '2024-03-31' }],
    ['a number', `query { ${cube.replace('$asOf', '20240331')} }`, {}],
  ])('refuses an instant that is not one, as %s, with 400 INVALID_ARGUMENT naming the argument', async (_, query, variables) => {
    const res = await send(query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: expect.stringContaining('Argument `asOf`: A DateTime is an ISO 8601 instant with a zone'),
        extensions: { code: 'INVALID_ARGUMENT', argument: 'asOf' },
      },
    ]);
  });

  it('lets a well-formed instant through to the subgraphs (down here, so the fields are unavailable)', async () => {
    const res = await send(`query($asOf: DateTime) { ${cube} }`, { asOf: '2024-03-31T16:00:00Z' });
    expect(res.body.errors?.[0]?.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});

describe('request bodies the gateway does not read', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    vi.stubEnv('MAX_REQUEST_BYTES', '1000');
    gateway = await gatewayWith({ rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await gateway?.stop();
  });

  const send = async (body: string) => {
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Errors };
  };

  it('answers as GraphQL answers errors, with a stable code: a body over MAX_REQUEST_BYTES (413), and one that is not JSON (400)', async () => {
    const large = await send(JSON.stringify({ query: `{ regions(parent: "${'5'.repeat(1_000)}") { code } }` }));
    expect(large).toMatchObject({ status: 413, type: expect.stringContaining('application/json') });
    expect(large.body.errors).toEqual([{ message: expect.stringContaining('1000 bytes'), extensions: { code: 'BODY_TOO_LARGE' } }]);
    const broken = await send('{"query": "{ regions { code }');
    expect(broken).toMatchObject({ status: 400, type: expect.stringContaining('application/json') });
    expect(broken.body.errors).toEqual([{ message: expect.stringContaining('not JSON'), extensions: { code: 'MALFORMED_BODY' } }]);
  });
});

describe('per-client rate limits', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ rateLimitPerMinute: 3 });
  });
  afterAll(() => gateway?.stop());

  it('answers a client’s fourth request in a minute with 429 and when to retry; another client is still served', async () => {
    const alice = await bearer(null, ['reader'], 'alice');
    for (let i = 0; i < 3; i++) expect((await post(gateway.url, '{ __typename }', alice)).status).toBe(200);
    const refused = await post(gateway.url, '{ __typename }', alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    expect((await post(gateway.url, '{ __typename }', await bearer(null, ['reader'], 'bob'))).status).toBe(200);
  });

  // POST /ingest/energy/observations to a subgraph nobody listens on: admitted, it answers 503 SUBGRAPH_UNAVAILABLE.
  const ingest = async (headers: Record<string, string>) => {
    const res = await fetch(gateway.url.replace(/\/graphql$/, '/ingest/energy/observations'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...headers },
      body: '{"metric":"DC_TOTAL_ENERGY_KWH","subjectKind":"DATA_CENTER","subjectId":"DC-1","period":"2024-01","value":1}\n',
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { code: string; message: string; retryAfterSeconds?: number } } };
  };

  it('counts bulk ingestion in the same budget as GraphQL: the bulk path is refused with 429 once it is spent, and so is GraphQL', async () => {
    const carol = await bearer('energy', ['writer'], 'carol');
    expect((await post(gateway.url, '{ __typename }', carol)).status).toBe(200);
    expect((await ingest(carol)).body.error?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect((await post(gateway.url, '{ __typename }', carol)).status).toBe(200);
    // 3 requests spent (GraphQL, ingest, GraphQL): the fourth, by the bulk path, is refused before reaching the subgraph.
    const refused = await ingest(carol);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    // The bulk path's envelope ({ error: { code, message, … } }, as its other refusals) with GraphQL's code, message and retry time.
    const graphql = await post(gateway.url, '{ __typename }', carol);
    expect(graphql.status).toBe(429);
    const { message, extensions } = graphql.body.errors![0]!;
    expect(refused.body).toEqual({ error: { code: 'RATE_LIMITED', message, retryAfterSeconds: extensions.retryAfterSeconds } });
    expect(extensions.code).toBe('RATE_LIMITED');
  });

  it('refuses an export once the budget is spent as GraphQL does: 429 with Retry-After and RATE_LIMITED', async () => {
    const dave = await bearer(null, ['reader'], 'dave');
    for (let i = 0; i < 3; i++) expect((await post(gateway.url, '{ __typename }', dave)).status).toBe(200);
    const refused = await fetch(gateway.url.replace(/\/graphql$/, '/export/indicators.csv?regions=500000&years=2024'), { headers: dave });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('counts an export as one request, though it runs several operations, and tells the budget left as GraphQL does', async () => {
    const erin = await bearer(null, ['reader'], 'erin');
    // The subgraphs are down, so the export fails (503) after its operations ran: the plan periods and the catalog.
    const exported = await fetch(gateway.url.replace(/\/graphql$/, '/export/indicators.csv?regions=500000&years=2024'), { headers: erin });
    expect(exported.status).toBe(503);
    expect([exported.headers.get('ratelimit-limit'), exported.headers.get('ratelimit-remaining')]).toEqual(['3', '2']);
    // Two of the three requests left.
    for (let i = 0; i < 2; i++) expect((await post(gateway.url, '{ __typename }', erin)).status).toBe(200);
    expect((await post(gateway.url, '{ __typename }', erin)).status).toBe(429);
  });

  it('records bulk ingestion as requests in the gateway’s metrics, refused ones included', async () => {
    const metrics = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    // From the test above: one ingestion admitted (503 from the dead subgraph) and one refused (429).
    expect(metrics).toMatch(/graphql_request_duration_seconds_count\{[^}]*status="429"[^}]*route="ingest"[^}]*\} 1\n/);
    expect(metrics).toMatch(/graphql_request_duration_seconds_count\{[^}]*status="503"[^}]*route="ingest"[^}]*\} 1\n/);
  });
});

describe('limits that agree end to end', () => {
  let fed: TestFederation;
  beforeAll(async () => {
    fed = await startTestFederation({ world: buildWorld() });
  });
  afterAll(() => fed?.stop());

  // The largest grid of the real code list: every indicator × the nation, 2 municipalities and 54 counties × 6 years.
  const regions = REGION_CODES.map((r) => r.code);
  const years = [2020, 2021, 2022, 2023, 2024, 2025];
  const cells = catalog().indicators.size * regions.length * years.length;

  it('carries every grid the gateway accepts through to the subgraphs (no 413 between them)', { timeout: 180_000 }, async () => {
    const args = `regions: ${JSON.stringify(regions)}, years: ${JSON.stringify(years)}`;
    const cube = await fed.query<{ indicatorCube: { values: unknown[] } }>(`{ indicatorCube(${args}) { values } }`);
    expect(cube.errors).toBeUndefined();
    expect(cube.data!.indicatorCube.values).toHaveLength(cells);
    // The same grid as one value per cell, the heaviest per-cell grid of the real code list, is within the default QUERY_MAX_COST.
    const values = await fed.query<{ indicatorValues: unknown[] }>(`{ indicatorValues(${args}) { value } }`);
    expect(values.errors).toBeUndefined();
    expect(values.data!.indicatorValues).toHaveLength(cells);
  });
});
