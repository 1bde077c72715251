import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

// Only the OpenTelemetry API here (db/ does not import lib/): without a registered tracer provider these spans cost nothing.
const tracer = trace.getTracer('green-ict-db');

/** Statements sent and still running, per database: what the pool is busy with (lib/observability/metrics.ts reads it). */
export interface StatementGauge {
  inFlight: number;
}

/**
 * Runs one SQL statement inside a client span named after its first keyword, with the statement text
 * (parameters are never recorded: they may be unit-level figures).
 */
export async function tracedStatement<T>(system: 'postgresql', text: string, gauge: StatementGauge, run: () => PromiseLike<T>): Promise<T> {
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  gauge.inFlight += 1;
  return tracer.startActiveSpan(
    `sql ${operation}`,
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': system, 'db.operation.name': operation, 'db.query.text': text.slice(0, 4096) } },
    async (span) => {
      try {
        return await run();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        gauge.inFlight -= 1;
        span.end();
      }
    },
  );
}

/**
 * Wraps a postgres.js client so each statement drizzle sends (`unsafe`, also inside `begin` transactions) runs
 * in a span. postgres.js queries are lazy promises: the statement is sent when awaited, so the span starts there.
 */
export function tracingPostgresClient<T extends object>(client: T, gauge: StatementGauge): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'unsafe') return (text: string, ...rest: unknown[]) => tracedPending(fn.call(target, text, ...rest) as object, text, gauge);
      if (prop === 'begin') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (tx: object) => unknown;
          return fn.call(target, ...args.slice(0, -1), (tx: object) => callback(tracingPostgresClient(tx, gauge)));
        };
      }
      return fn.bind(target);
    },
  });
}

function tracedPending<Q extends object>(query: Q, text: string, gauge: StatementGauge): Q {
  const proxy: Q = new Proxy(query, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'then') {
        return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
          tracedStatement('postgresql', text, gauge, () => new Promise((resolve, reject) => fn.call(target, resolve, reject))).then(onFulfilled, onRejected);
      }
      // Modifiers such as .values() return the query itself: keep returning the traced one.
      return (...args: unknown[]) => {
        const result = fn.apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}
