import { currentRequest, REQUEST_ID_HEADER } from './http.ts';
import { injectContext, withSubgraphFetchSpan } from './tracing.ts';

/** The part of an Apollo gateway data source this wraps. */
interface DataSource<O, R> {
  process(options: O): Promise<R>;
}

/**
 * Wraps a gateway data source (HTTP or in-process) so each fetch is a client span in the request's trace and
 * counts in the gateway's `subgraph_fetch_duration_seconds` and `subgraph_fetch_errors_total`.
 */
export function observedDataSource<D extends DataSource<O, R>, O, R>(subgraph: string, source: D): D {
  const process = source.process.bind(source);
  source.process = (options: O) => {
    const request = currentRequest();
    const started = performance.now();
    return withSubgraphFetchSpan(subgraph, () => process(options)).then(
      (result) => {
        request?.metrics.subgraphFetches.observe({ subgraph, outcome: 'ok' }, (performance.now() - started) / 1000);
        return result;
      },
      (error: unknown) => {
        request?.metrics.subgraphFetches.observe({ subgraph, outcome: 'error' }, (performance.now() - started) / 1000);
        request?.metrics.subgraphFetchErrors.inc({ subgraph });
        throw error;
      },
    );
  };
  return source;
}

interface HeaderSetter {
  set(name: string, value: string): void;
}

/** Adds the request id and the trace context (`traceparent`) to a subgraph fetch's headers (a Headers object or a plain record). */
export function addObservabilityHeaders(headers: unknown): void {
  const extra: Record<string, string> = {};
  injectContext(extra);
  const requestId = currentRequest()?.requestId;
  if (requestId) extra[REQUEST_ID_HEADER] = requestId;
  if (headers && typeof (headers as HeaderSetter).set === 'function') for (const [k, v] of Object.entries(extra)) (headers as HeaderSetter).set(k, v);
  else if (headers && typeof headers === 'object') Object.assign(headers, extra);
}
