import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { clientError } from './errors.ts';
import { createAuthenticator, type Authenticator, type RequestAuth } from './auth/tokens.ts';
import { corsOrigins, disclosurePolicy, maxBodyBytes } from './config.ts';
import { handleCors } from './cors.ts';
import { safeApolloOptions } from './safe-defaults.ts';
import { withoutAddresses } from './error-masking.ts';
import { logUnexpected, Observability, observabilityPlugin, type ObservedRouteName } from './observability/http.ts';
import type { PoolState } from './observability/metrics.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** GraphQL requests served since start (tests use it to count subgraph fetches). */
  requests(): number;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

export interface ServeOptions<C extends BaseContext> {
  apollo: ApolloServerOptions<C>;
  /** Builds the request's context from the verified caller; a bad token never reaches it (HTTP 401). */
  context: (req: IncomingMessage, auth: RequestAuth) => Promise<C>;
  /** Verifies tokens; default: from the environment (refuses the development secret in production). */
  authenticator?: Authenticator;
  port: number;
  host: string;
  /** Answers GET /health; throw to report unhealthy (503). */
  health?: () => Promise<Record<string, unknown>>;
  /** HTML for a browser opening /graphql (the gateway's GraphiQL); none for subgraphs. */
  landingPage?: () => Promise<string>;
  /** Routes besides /graphql and /health (the gateway's exports and dashboard, a subgraph's bulk ingestion): return true when answered. */
  routes?: (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    graphql: LocalGraphQL,
    authenticate: (req: IncomingMessage) => Promise<RequestAuth>,
  ) => boolean;
  /** Largest request body read (default: a subgraph's, `SUBGRAPH_MAX_BODY_BYTES`). */
  maxBodyBytes?: number;
  /**
   * Routes served as a GraphQL request is (the gateway's bulk ingestion, a subgraph's): through `admit`, inside
   * the request's span, metrics and log line. Return the route for a path it serves, else null.
   */
  observedRoutes?: (url: URL) => ObservedRoute | null;
  /** Decides before a request to /graphql or an observed route is read whether to serve it (the gateway's rate limit): a refusal with a status is the answer; headers are added either way. */
  admit?: ((req: IncomingMessage) => Promise<Refusal | null>) | undefined;
  /** The service's name in logs, metrics and traces (lib/observability/). */
  service?: string;
  /** Answers GET /ready: resolve when the service can serve (its database, the gateway's subgraphs answer); default `health`. */
  ready?: () => Promise<Record<string, unknown>>;
  /** The database pool whose use /metrics reports. */
  pool?: PoolState;
}

/** What `admit` answers: headers for the response, and, to refuse the request, a status and the error (each route words it in its own envelope). */
export interface Refusal {
  status?: number;
  headers?: Record<string, string>;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

/** The refusal's error, or a generic one where `admit` gave none. */
export const refusalError = (refusal: Refusal): NonNullable<Refusal['error']> => refusal.error ?? { code: 'REFUSED', message: 'The request was refused.' };

/** A refusal as GraphQL answers it: `{ errors: [{ message, extensions: { code, … } }] }`. */
export function graphQLRefusalBody(refusal: Refusal): unknown {
  const error = refusalError(refusal);
  return { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] };
}

/** A route besides /graphql that is admitted, traced and counted like it. */
export interface ObservedRoute {
  /** Counted under this name in metrics and logs. */
  name: ObservedRouteName;
  /** Answers the admitted request (the response may finish after the promise). */
  serve(req: IncomingMessage, res: ServerResponse, url: URL, authenticate: (req: IncomingMessage) => Promise<RequestAuth>): Promise<void> | void;
  /** Answers a request `admit` refused, in the route's own envelope; the refusal's status and headers are already set. */
  refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void;
}

/**
 * Runs one GraphQL operation through this server's own pipeline (the caller's headers, authentication,
 * validation rules and plugins, as a POST to /graphql would): routes that answer from the public API use it.
 * The caller's request is admitted once however many operations answer it; `headers` are the admission's
 * (the rate limit's budget), for the route's response.
 */
export type LocalGraphQL = (
  req: IncomingMessage,
  body: { query: string; variables: Record<string, unknown> },
) => Promise<{ status: number; body: string; headers: Record<string, string> }>;

/** A request to /graphql refused before Apollo sees it; answered as GraphQL answers errors, with the bulk path's codes. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJsonBody(req: IncomingMessage, maxBytes: number, bytes: { received: number }): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new HttpError(413, 'BODY_TOO_LARGE', `The request body is larger than the ${maxBytes} bytes this service reads; ask for less in one request.`);
    chunks.push(chunk as Buffer);
  }
  bytes.received += size;
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'MALFORMED_BODY', 'The request body is not JSON; send `{"query": "…", "variables": {…}}`.');
  }
}

/**
 * A plain node:http front for Apollo Server: `/graphql` and `/health`, nothing else. We do not use
 * `startStandaloneServer` because it has no health route, and we want the drain plugin wired to
 * the same server we close.
 */
export async function serve<C extends BaseContext>(options: ServeOptions<C>): Promise<RunningServer> {
  // Every service verifies tokens itself, so a configuration it cannot verify with stops it before it listens.
  const authenticator = options.authenticator ?? createAuthenticator();
  const authenticate = (req: IncomingMessage): Promise<RequestAuth> => authenticator.authenticate(req.headers);
  let served = 0;
  // Bytes of GraphQL request and response bodies, on /health: the benchmark reports what crosses between gateway and subgraphs.
  const bytes = { received: 0, sent: 0 };
  // A route's request is one request to the rate limit, however many operations it runs.
  const admissions = new WeakMap<IncomingMessage, Promise<Refusal | null>>();
  const localGraphQL: LocalGraphQL = async (req, body) => {
    // The same admission (the gateway's rate limit) as a POST to /graphql: an export is a query too.
    let admission = admissions.get(req);
    if (!admission) admissions.set(req, (admission = options.admit ? options.admit(req) : Promise.resolve(null)));
    const admitted = await admission;
    const admittedHeaders = admitted?.headers ?? {};
    if (admitted?.status) return { status: admitted.status, body: JSON.stringify(graphQLRefusalBody(admitted)), headers: admittedHeaders };
    // Only what the pipeline reads from the caller: the token (and the content type of a POST).
    const headers = new HeaderMap([['content-type', 'application/json']]);
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: async () => options.context(req, await authenticate(req)),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { status: response.status ?? 200, body: text, headers: admittedHeaders };
  };
  const cors = corsOrigins();
  const bodyLimit = options.maxBodyBytes ?? maxBodyBytes('subgraph');
  const { plugins: safePlugins, formatError: maskByPolicy, ...safe } = safeApolloOptions(disclosurePolicy());
  const observability = new Observability(options.service ?? 'graphql', options.ready ?? options.health ?? (async () => ({})), options.pool);
  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (handleCors(req, res, cors)) return;
    if (observability.handleRoute(req, res, url.pathname)) return;
    if (url.pathname === '/health' && req.method === 'GET') {
      (options.health ?? (async () => ({})))()
        .then((details) => {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', requests: served, bodyBytes: bytes, ...details }));
        })
        .catch((error: unknown) => {
          console.error('health check failed:', error);
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end(JSON.stringify({ status: 'unavailable', error: withoutAddresses(String(error instanceof Error ? error.message : error)) }));
        });
      return;
    }
    if (url.pathname === '/graphql' && req.method === 'GET' && options.landingPage && !url.search && (req.headers.accept ?? '').includes('text/html')) {
      options.landingPage().then(
        (html) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
        (error: unknown) => {
          console.error('GraphiQL page failed:', error);
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('GraphiQL is unavailable');
        },
      );
      return;
    }
    const observed = url.pathname === '/graphql' ? null : (options.observedRoutes?.(url) ?? null);
    if (observed) {
      void observability.observe(
        req,
        res,
        async () => {
          try {
            const admitted = await options.admit?.(req);
            for (const [key, value] of Object.entries(admitted?.headers ?? {})) res.setHeader(key, value);
            if (admitted?.status) {
              // Drain what the caller still sends, so it reads the refusal instead of a reset connection.
              req.resume();
              res.statusCode = admitted.status;
              observed.refuse(req, res, admitted);
              return;
            }
            await observed.serve(req, res, url, authenticate);
          } catch (error) {
            logUnexpected(error);
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('Internal server error');
          }
        },
        observed.name,
        url.pathname,
      );
      return;
    }
    if (url.pathname !== '/graphql' && options.routes?.(req, res, url, localGraphQL, authenticate)) return;
    if (url.pathname === '/graphql') served += 1;
    if (url.pathname !== '/graphql') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the GraphQL endpoint is /graphql\n');
      return;
    }
    void observability.observe(req, res, async () => {
      try {
        const admitted = await options.admit?.(req);
        for (const [key, value] of Object.entries(admitted?.headers ?? {})) res.setHeader(key, value);
        if (admitted?.status) {
          res.writeHead(admitted.status, { 'content-type': 'application/json' }).end(JSON.stringify(graphQLRefusalBody(admitted)));
          return;
        }
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body: await readJsonBody(req, bodyLimit, bytes) },
          // Inside Apollo's context hook, so a refused token is a GraphQL error with its HTTP status, not a 500.
          context: async () => options.context(req, await authenticate(req)),
        });
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          bytes.sent += Buffer.byteLength(response.body.string);
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) {
          bytes.sent += Buffer.byteLength(chunk);
          res.write(chunk);
        }
        res.end();
      } catch (error) {
        const refused = error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'The request failed; the service log has the cause.');
        if (refused !== error) logUnexpected(error);
        // Drain what the caller still sends (a body over the limit), so it reads the answer instead of a reset connection.
        req.resume();
        if (res.headersSent) return void res.end();
        res
          .writeHead(refused.status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(graphQLRefusalBody({ error: { code: refused.code, message: refused.message } })));
      }
    });
  });

  // Outlive the clients' keep-alive (Node's agent keeps idle sockets 5 s, others longer) so a reused
  // socket is never closed under a request in flight.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const apollo = new ApolloServer<C>({
    // No SQL, connection string or internal address in any error a client sees: unexpected errors become an
    // incident id (lib/errors.ts), then addresses and internal extensions go as the policy says (lib/error-masking.ts).
    formatError: (formatted, error) => maskByPolicy(clientError(formatted, error, (incident, cause) => logUnexpected(cause, { incident }))),
    // Apollo's own SIGINT/SIGTERM handlers (on outside NODE_ENV=test) re-send the signal after stop(), killing
    // the process (exit 130) before its databases close; lib/shutdown.ts stops the services in order instead.
    stopOnTerminationSignals: false,
    ...options.apollo,
    // Introspection, suggestions, stack traces and error text as the disclosure policy allows (lib/safe-defaults.ts).
    ...safe,
    plugins: [
      ...safePlugins,
      ...(options.apollo.plugins ?? []),
      observabilityPlugin<C>(observability),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // Federated tracing is for Apollo's hosted studio, which we do not use.
      ApolloServerPluginInlineTraceDisabled(),
      // Cache hints would wrap every field resolver; responses are not HTTP-cached by hint.
      ApolloServerPluginCacheControlDisabled(),
    ],
  } as ApolloServerOptions<C>);
  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return { url: `http://${displayHost}:${port}/graphql`, port, requests: () => served, stop: () => apollo.stop() };
}
