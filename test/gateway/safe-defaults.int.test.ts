import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { SUBGRAPHS } from '../../lib/subgraphs.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';

// Subgraphs nobody listens on (port 9, discard): the gateway starts from the static supergraph without them.
const DEAD = Object.fromEntries(SUBGRAPHS.map((s) => [s, 'http://127.0.0.1:9/graphql']));

/** Starts a gateway with the environment changed for its start only (the services read it then). */
async function gatewayWith(env: Record<string, string | undefined>): Promise<RunningGateway> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    return await startGateway({ supergraphSdl: readSupergraph(), urls: DEAD, port: 0, host: '127.0.0.1' });
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('usage reporting to Apollo', () => {
  it('is off by default: starting, serving and stopping the gateway attempts no connection off the machine', async () => {
    const attempts: string[] = [];
    const connect = net.Socket.prototype.connect;
    // Every TCP connection (http, https, fetch) goes through Socket#connect, with the host before any DNS lookup.
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
      const target = typeof first === 'object' && first !== null ? (first as { host?: string; path?: string }) : { host: String(args[1] ?? 'localhost') };
      attempts.push(target.path ?? target.host ?? 'localhost');
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    try {
      const gateway = await gatewayWith({ APOLLO_TELEMETRY_DISABLED: undefined });
      expect((await (await post(gateway.url, { query: '{ __typename }' })).json()) as unknown).toEqual({ data: { __typename: 'Query' } });
      // Apollo's probes (cloud metadata endpoints) start with the gateway; give them time to show.
      await new Promise((r) => setTimeout(r, 1_000));
      await gateway.stop();
    } finally {
      net.Socket.prototype.connect = connect;
    }
    expect(attempts.filter((host) => !['127.0.0.1', 'localhost', '::1'].includes(host))).toEqual([]);
  });
});

describe('production mode (NODE_ENV=production)', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-bytes',
      GRAPHQL_INTROSPECTION: undefined,
      GRAPHQL_SUGGESTIONS: undefined,
    });
  });
  afterAll(() => gateway?.stop());

  it('refuses introspection', async () => {
    const res = await post(gateway.url, { query: '{ __schema { types { name } } }' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]!.message).toMatch(/introspection/i);
  });

  it('names no field a misspelt one might have meant', async () => {
    const body = (await (await post(gateway.url, { query: '{ dataCentr { id } }' })).json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain('Cannot query field "dataCentr"');
    expect(body.errors[0]!.message).not.toMatch(/did you mean|dataCenters/i);
  });

  it('tells of an unavailable subgraph without its address or a stack trace', async () => {
    const body = (await (await post(gateway.url, { query: '{ telecomOperators { id } }' })).json()) as {
      data: unknown;
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.data).toEqual({ telecomOperators: null });
    expect(body.errors[0]!.extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|localhost|:9\/|stacktrace|at [A-Za-z.]+ \(/);
  });

  it('answers a document of two operations without operationName with 400, not 500', async () => {
    const res = await post(gateway.url, { query: 'query A { __typename } query B { __typename }' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });

  it('still introspects when the operator enables it (GRAPHQL_INTROSPECTION=true)', async () => {
    const open = await gatewayWith({ NODE_ENV: 'production', JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-bytes', GRAPHQL_INTROSPECTION: 'true' });
    try {
      const body = (await (await post(open.url, { query: '{ __type(name: "DataCenter") { name } }' })).json()) as unknown;
      expect(body).toEqual({ data: { __type: { name: 'DataCenter' } } });
    } finally {
      await open.stop();
    }
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://dashboard.example.gov.cn';
  let closed: RunningGateway;
  let open: RunningGateway;
  beforeAll(async () => {
    closed = await gatewayWith({ CORS_ORIGINS: undefined });
    open = await gatewayWith({ CORS_ORIGINS: `${ALLOWED}, https://other.example.org` });
  });
  afterAll(async () => {
    await closed?.stop();
    await open?.stop();
  });

  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('allows no origin by default: the preflight is answered without permission', async () => {
    const res = await preflight(closed.url, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(closed.url, { query: '{ __typename }' }, { origin: ALLOWED })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of a configured origin with the methods and headers it may send', async () => {
    const res = await preflight(open.url, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await post(open.url, { query: '{ __typename }' }, { origin: ALLOWED })).headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('gives an origin not in the list no permission', async () => {
    const res = await preflight(open.url, 'https://evil.example.com');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the audit fields of observation revisions', () => {
  let fed: TestFederation;
  beforeAll(async () => {
    fed = await startTestFederation({ agencies: ['comms'] });
  });
  afterAll(() => fed?.stop());

  const AUDITED = '{ commsObservations(subjectKind: REGION) { nodes { value author idempotencyKey batchId } } }';

  it('are refused to an anonymous caller, as the change log is', async () => {
    const res = await fed.query<{ commsObservations: unknown }>(AUDITED, {}, { ...ANONYMOUS_HEADERS });
    expect(res.data?.commsObservations ?? null).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toContain('author');
    // Both tokens that may read them are named: a reader's, and the agency's own.
    expect(res.errors![0]!.message).toMatch(
      /only a government reader or comms itself may read this; send a bearer token with the "reader" role, or one of comms\.$/,
    );
    // Audit fields are confidential, not unit-level data (the regional figures beside them are public).
    expect(res.errors![0]!.message).not.toContain('unit-level');
  });

  it('are refused to another agency’s writer', async () => {
    const res = await fed.query(AUDITED, {}, await bearer('energy', ['writer']));
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/has neither the "reader" role nor agency comms\.$/);
  });

  it('are given to a reader and to the agency’s own token; the regional figures stay public', async () => {
    expect((await fed.query(AUDITED, {}, await readerHeaders())).errors).toBeUndefined();
    expect((await fed.query(AUDITED, {}, await bearer('comms', ['writer']))).errors).toBeUndefined();
    expect((await fed.query('{ commsObservations(subjectKind: REGION) { nodes { value period } } }', {}, { ...ANONYMOUS_HEADERS })).errors).toBeUndefined();
  });
});
