import { withoutAddresses } from '../error-masking.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { createLogger, type Logger } from './logger.ts';
import { ServiceMetrics, type PoolState } from './metrics.ts';
import { extractContext, initTracing, tracer } from './tracing.ts';

/** The request id header: taken from the caller (the gateway, for a subgraph) or made here, echoed on the response and sent on to subgraphs. */
export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** What a request is counted under in metrics and logs: GraphQL, or the bulk ingestion served beside it. */
export type ObservedRouteName = 'graphql' | 'ingest';

interface RequestState {
  requestId: string;
  metrics: ServiceMetrics;
  logger: Logger;
}
const requests = new AsyncLocalStorage<RequestState>();

/** The request being served (its id, its service's metrics), inside a request. */
export function currentRequest(): RequestState | undefined {
  return requests.getStore();
}

/** One service's logs, metrics and readiness: what lib/http.ts serves at /metrics and /ready and records per request. */
export class Observability {
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;

  constructor(
    readonly service: string,
    /** Ready to serve: resolves with details, throws with the reason when not (HTTP 503). */
    private readonly readiness: () => Promise<Record<string, unknown>>,
    pool?: PoolState,
  ) {
    initTracing(service);
    this.metrics = new ServiceMetrics(service);
    this.logger = createLogger(service);
    if (pool) this.metrics.watchPool(pool);
  }

  /** Answers GET /metrics and GET /ready; false for any other route. */
  handleRoute(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET') return false;
    if (pathname === '/metrics') {
      this.metrics.registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text))
        .catch(() => res.writeHead(500).end());
      return true;
    }
    if (pathname === '/ready') {
      this.readiness()
        .then((details) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ready', service: this.service, ...details })),
        )
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          this.logger.warn({ reason }, 'not ready');
          // The log keeps the whole reason; the answer, which a load balancer or anyone may read, names no address.
          res
            .writeHead(503, { 'content-type': 'application/json' })
            .end(JSON.stringify({ status: 'not ready', service: this.service, reason: withoutAddresses(reason) }));
        });
      return true;
    }
    return false;
  }

  /**
   * Serves one request (GraphQL, or a route served like it such as the gateway's bulk ingestion) inside a
   * server span (child of the caller's `traceparent`) and the request's state, then logs it as one JSON line
   * and records its duration under its route.
   */
  observe(req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>, route: ObservedRouteName = 'graphql', path = '/graphql'): Promise<void> {
    const offered = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof offered === 'string' && VALID_REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    const parent = extractContext(req.headers);
    const span = tracer().startSpan(
      `${req.method ?? 'GET'} ${path}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path, 'service.role': this.service } },
      parent,
    );
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      this.metrics.requests.observe({ status: String(res.statusCode), route }, seconds);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      this.logger.info({ reqId: requestId, traceId: span.spanContext().traceId, status: res.statusCode, ms: Math.round(seconds * 1000) }, `${route} request`);
    });
    const state: RequestState = { requestId, metrics: this.metrics, logger: this.logger };
    return requests.run(state, () => context.with(trace.setSpan(parent, span), handle));
  }
}

/**
 * An error nobody raised on purpose (a failed SQL statement, a bug), as one JSON line at level error with the request's
 * id and trace beside `fields` (an incident id the client was given): the operators' log may hold its SQL and addresses,
 * no answer does. Outside a request, on stderr.
 */
export function logUnexpected(error: unknown, fields: Record<string, unknown> = {}): void {
  const request = requests.getStore();
  if (!request) {
    console.error(fields, error);
    return;
  }
  request.logger.error({ reqId: request.requestId, traceId: trace.getActiveSpan()?.spanContext().traceId, ...fields, err: error }, 'unexpected error');
}

/** Counts the errors each response carries by code, and names the operation on the request's span. */
export function observabilityPlugin<C extends BaseContext>(observability: Observability): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          if (operationName) trace.getActiveSpan()?.setAttribute('graphql.operation.name', operationName);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) observability.metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
