import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import type { SubgraphName } from '../lib/subgraphs.ts';
import type { ObservedRoute } from '../lib/http.ts';
import { addObservabilityHeaders } from '../lib/observability/subgraphs.ts';
import { INGEST_PATH, refuseIngest } from '../lib/writes/ingest-route.ts';

const PATH = /^\/ingest\/([a-z]+)\/observations$/;
const agent = new http.Agent({ keepAlive: true });
const secureAgent = new https.Agent({ keepAlive: true });
// What the subgraph needs from the caller's request; nothing else (cookies, forwarding headers) is passed on.
const FORWARDED = ['authorization', 'content-type', 'content-length', 'transfer-encoding', 'x-request-id'];

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(`${JSON.stringify({ error: { code, message } })}\n`);
}

/**
 * `POST /ingest/<agency>/observations`: the public address of each agency's bulk ingestion, served as an
 * observed route (lib/http.ts): the gateway's admission (the per-client rate limit, one budget with GraphQL)
 * decides first, and the request has its span, log line and metrics as a GraphQL request does. The body
 * streams through to the agency's subgraph (`/ingest/observations`, lib/writes/ingest-route.ts), which
 * verifies the caller's token itself, as it does for the batch mutation; the answer streams back. Null for
 * other paths.
 */
export function ingestProxy(urls: Partial<Record<SubgraphName, string>>, maxBytes: number) {
  return (url: URL): ObservedRoute | null => {
    if (!url.pathname.startsWith('/ingest/')) return null;
    return { name: 'ingest', serve: (req, res) => forward(req, res, url, urls, maxBytes), refuse: (_req, res, admitted) => refuseIngest(res, admitted) };
  };
}

function forward(req: IncomingMessage, res: ServerResponse, url: URL, urls: Partial<Record<SubgraphName, string>>, maxBytes: number): void {
  const agency = PATH.exec(url.pathname)?.[1];
  if (!agency || !isAgency(agency)) {
    req.resume();
    refuse(res, 404, 'UNKNOWN_AGENCY', `No bulk ingestion at ${url.pathname}: use /ingest/<agency>/observations with one of ${AGENCIES.join(', ')}.`);
    return;
  }
  const base = urls[agency];
  if (!base) {
    req.resume();
    refuse(res, 503, 'SUBGRAPH_UNAVAILABLE', `The ${agency} subgraph is not part of this gateway.`);
    return;
  }
  const target = new URL(INGEST_PATH + url.search, base);
  const headers: Record<string, string | string[]> = {};
  for (const name of FORWARDED) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  // The request id the gateway answered with and the trace context: the subgraph's span joins the gateway's trace.
  addObservabilityHeaders(headers);
  const secure = target.protocol === 'https:';
  const upstream = (secure ? https : http).request(target, { method: req.method, headers, agent: secure ? secureAgent : agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, {
      'content-type': answer.headers['content-type'] ?? 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    answer.pipe(res);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // The subgraph's address stays out of the answer; the code says what happened.
    console.error(`bulk ingestion to ${agency} failed: ${error.code ?? error.message}`);
    if (!res.headersSent) refuse(res, 503, 'SUBGRAPH_UNAVAILABLE', `The "${agency}" subgraph is unavailable; nothing was written.`);
    else if (!res.writableEnded) res.destroy();
  });
  // The gateway's own body limit (MAX_REQUEST_BYTES), counted as the body streams through.
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBytes) return;
    req.unpipe(upstream);
    upstream.destroy();
    req.resume();
    if (!res.headersSent) refuse(res, 413, 'BODY_TOO_LARGE', `The body is larger than ${maxBytes} bytes; split it into several batches.`);
  });
  req.pipe(upstream);
}
