import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StatementGauge } from '../../db/tracing.ts';

/** What a database tells the metrics: statements running now, and how many connections its pool may open. */
export interface PoolState {
  statements: StatementGauge;
  poolSize: number;
}

/**
 * Prometheus metrics of one service (prom-client), served at GET /metrics. Each service has its own registry,
 * so several services in one process (tests, `npm start -- --single-process`) keep their figures apart.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Histogram<'status' | 'route'>;
  readonly errors: Counter<'code'>;
  readonly subgraphFetches: Histogram<'subgraph' | 'outcome'>;
  readonly subgraphFetchErrors: Counter<'subgraph'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'graphql_request_duration_seconds',
      // The name predates bulk ingestion; its requests count here too (route="ingest"), so one histogram shows all load.
      help: 'Requests served, by HTTP status and route (graphql, ingest), and their duration.',
      labelNames: ['status', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned to callers, by error code.',
      labelNames: ['code'],
      registers: [this.registry],
    });
    this.subgraphFetches = new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Fetches from the gateway to a subgraph, by subgraph and outcome (ok, error), and their duration.',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.subgraphFetchErrors = new Counter({
      name: 'subgraph_fetch_errors_total',
      help: 'Fetches from the gateway to a subgraph that failed (unreachable, or an HTTP error).',
      labelNames: ['subgraph'],
      registers: [this.registry],
    });
  }

  /** Reports a database pool's use (services with a database). */
  watchPool(pool: PoolState): void {
    new Gauge({
      name: 'db_pool_size',
      help: 'Connections the database pool may open (PGlite: 1).',
      registers: [this.registry],
      collect() {
        this.set(pool.poolSize);
      },
    });
    new Gauge({
      name: 'db_statements_in_flight',
      help: 'SQL statements sent and not yet answered: the pool connections in use.',
      registers: [this.registry],
      collect() {
        this.set(pool.statements.inFlight);
      },
    });
  }
}
