import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

interface SharedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

// Apollo Gateway sends `JSON.stringify({ query, variables, operationName })`, so a subgraph query's body
// starts with its operation. Only bodies positively recognised as queries are shared: never a mutation.
const isQueryBody = (body: unknown): body is string => typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));

// Responses with these statuses cannot be constructed with a body.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Identical subgraph queries in flight at the same time (eight people opening the same dashboard) share
 * one round trip, as Hive Gateway and Apollo Router (`deduplicate_query`) do. Requests are identical when
 * URL, headers (the caller's token among them) and body are; each waiter gets its own Response to parse,
 * so no two operations share result objects. Nothing is kept once the response has arrived.
 */
export function sharingInFlightQueries(fetcher: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<SharedResponse>>();
  return async (url, init) => {
    if (!isQueryBody(init?.body)) return fetcher(url, init);
    const key = `${url}\n${JSON.stringify(init.headers ?? {})}\n${init.body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init)
        .then(async (response) => ({ status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    const { status, statusText, headers, body } = await shared;
    return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers }) as unknown as Awaited<ReturnType<Fetcher>>;
  };
}
