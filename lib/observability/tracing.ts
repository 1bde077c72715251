import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { Context as OtelContext } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing for every service: one trace per client request, from the gateway's server span through a
 * client span per subgraph fetch (W3C `traceparent` on the fetch) to each subgraph's server span and a span per SQL
 * statement (db/tracing.ts). Spans leave the process only when an operator names a collector with
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); the OTLP exporter reads the other OTEL_*
 * variables itself. Without one, spans are made (trace ids still propagate) and dropped.
 */
let provider: NodeTracerProvider | undefined;
const extraProcessors: SpanProcessor[] = [];

/** Hands spans to processors added later (tests' in-memory exporter); the SDK fixes its list at construction. */
class AddedProcessors implements SpanProcessor {
  onStart(span: Span, parent: OtelContext): void {
    for (const p of extraProcessors) p.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    for (const p of extraProcessors) p.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(extraProcessors.map((p) => p.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(extraProcessors.map((p) => p.shutdown()));
  }
}

export function tracesExported(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Registers the process's tracer provider once (the first service to start names the process). */
export function initTracing(serviceName: string): void {
  if (provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new AddedProcessors()],
  });
  provider.register();
  // The exporter is loaded only when configured: every service process would otherwise load it for nothing.
  if (tracesExported()) {
    void import('@opentelemetry/exporter-trace-otlp-http').then(({ OTLPTraceExporter }) =>
      extraProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter())),
    );
  }
}

/** Adds a span processor (tests: an in-memory exporter). */
export function addSpanProcessor(processor: SpanProcessor): void {
  initTracing('green-ict-federation');
  extraProcessors.push(processor);
}

/** Exports what is buffered (on shutdown). */
export async function flushTraces(): Promise<void> {
  await provider?.forceFlush();
}

const tracer = () => trace.getTracer('green-ict-federation');

/** The trace context a request arrived with (`traceparent`), or none. */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers);
}

/** Sets `traceparent` (and `tracestate`) for the active span on an outgoing request's headers. */
export function injectContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

/** A client span around one fetch from the gateway to a subgraph; the fetch inside it carries its context. */
export function withSubgraphFetchSpan<T>(subgraph: string, run: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': subgraph } }, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { tracer };
