import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

interface SharedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

// Apollo Gateway sends `JSON.stringify({ query, variables, operationName })`, so a subgraph query's body
// starts with its operation. Only bodies positively recognised as queries are shared: never a mutation.
const isQueryBody = (body: unknown): body is string => typeof body === 'string' && (body.startsWith('{"query":"query') || body.startsWith('{"query":"{'));

/**
 * A response whose body has already been read, as RemoteGraphQLDataSource reads it. A WHATWG Response
 * would stream the body again through web streams before parsing it, which cost the gateway more than
 * JSON.parse itself on a grid's 150 KB answers.
 */
class ReadResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly headers: Headers;

  constructor(
    readonly url: string,
    private readonly shared: SharedResponse,
  ) {
    this.headers = new Headers(shared.headers);
  }

  get status(): number {
    return this.shared.status;
  }

  get statusText(): string {
    return this.shared.statusText;
  }

  get ok(): boolean {
    return this.shared.status >= 200 && this.shared.status < 300;
  }

  async text(): Promise<string> {
    return this.shared.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.shared.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.shared.body).buffer;
  }

  clone(): ReadResponse {
    return new ReadResponse(this.url, this.shared);
  }
}

/**
 * Identical subgraph queries in flight at the same time (eight people opening the same dashboard) share
 * one round trip, as Hive Gateway and Apollo Router (`deduplicate_query`) do. Requests are identical when
 * URL, headers (the caller's token among them) and body are; each waiter parses the body itself, so no
 * two operations share result objects. Nothing is kept once the response has arrived.
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
    return new ReadResponse(url, await shared);
  };
}
