import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalError, type ObservedRoute, type Refusal } from '../http.ts';
import { GraphQLError } from 'graphql';
import type { RequestAuth } from '../auth/tokens.ts';
import { requireWriter } from '../auth/viewer.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import type { Db } from '../../db/connection.ts';
import type { ImportBatchTable } from '../../db/write-tables.ts';
import { bulkFormat, bulkOptions, MalformedBody, readBulkRows } from './bulk.ts';
import { submitObservations, type ObservationStore } from './observations.ts';
import { logUnexpected } from '../observability/http.ts';

/** Where a subgraph takes bulk observations; the gateway forwards `/ingest/<agency>/observations` here. */
export const INGEST_PATH = '/ingest/observations';

export interface IngestTarget {
  db: Db;
  regions: RegionDirectory;
  store: ObservationStore;
  batches: ImportBatchTable;
  /** Largest body read. */
  maxBodyBytes: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

const refusal = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { error: { code, message, ...extra } },
});

/** A request refused at admission (the gateway's rate limit), in the bulk path's envelope: `{ error: { code, message, … } }`. */
export function refuseIngest(res: ServerResponse, admitted: Refusal): void {
  const error = refusalError(admitted);
  send(res, admitted.status ?? 400, refusal(admitted.status ?? 400, error.code, error.message, error.details).body);
}

/** The body, refused once it grows past the limit (before the rest is read). */
async function* limited(req: IncomingMessage, maxBytes: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw Object.assign(new Error('body too large'), { tooLarge: true });
    yield chunk;
  }
}

/**
 * `POST /ingest/observations` (NDJSON or CSV; options in the query string): the agency's batch mutation
 * without GraphQL in between. The same writer token, the same checks per row (row, field, code), revisions,
 * idempotency and import summary, because it is the same function (`submitObservations`); only reading
 * the rows differs. Answers the import summary as JSON, or `{ error: { code, message } }` for a request
 * refused as a whole. Served as an observed route (lib/http.ts): the request is traced, logged and counted
 * like a GraphQL request. Null for other paths.
 */
export function ingestRoute(url: URL, target: IngestTarget): ObservedRoute | null {
  if (url.pathname !== INGEST_PATH) return null;
  return {
    name: 'ingest',
    serve: (req, res, url, authenticate) => serveIngest(req, res, url, target, authenticate),
    refuse: (_req, res, admitted) => refuseIngest(res, admitted),
  };
}

async function serveIngest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: IngestTarget,
  authenticate: (req: IncomingMessage) => Promise<RequestAuth>,
): Promise<void> {
  try {
    if (req.method !== 'POST') return send(res, 405, refusal(405, 'METHOD_NOT_ALLOWED', 'Send observations with POST.').body);
    // The caller first, by the mutation's own rule: anyone but this agency's writer is refused before its
    // content type, options or a byte of its body are looked at.
    const { viewer } = await authenticate(req);
    requireWriter(viewer, target.store.agency);
    const format = bulkFormat(req.headers['content-type']);
    if (!format) {
      return send(
        res,
        415,
        refusal(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the rows as `application/x-ndjson` (one ObservationInput object a line) or `text/csv` (a header line, then one row a line).',
        ).body,
      );
    }
    const options = bulkOptions(url.searchParams);
    const rows = await readBulkRows(limited(req, target.maxBodyBytes), format);
    const summary = await submitObservations(target.store, { db: target.db, viewer, regions: target.regions, batches: target.batches }, rows, options);
    send(res, 200, summary);
  } catch (error) {
    const answer = refusalOf(error);
    if (answer.status === 500) logUnexpected(error);
    // Drain what the caller still sends, so it reads the answer instead of a reset connection.
    req.resume();
    send(res, answer.status, answer.body);
  }
}

function refusalOf(error: unknown): { status: number; body: unknown } {
  if (error instanceof MalformedBody) return refusal(400, 'MALFORMED_BODY', error.message, { line: error.line });
  if ((error as { tooLarge?: boolean }).tooLarge)
    return refusal(413, 'BODY_TOO_LARGE', 'The body is larger than this service reads; split it into several batches.');
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const { code, http, ...details } = error.extensions as { code: string; http?: { status?: number } } & Record<string, unknown>;
    const status = http?.status ?? (code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400);
    return refusal(status, code, error.message, details);
  }
  // Anything unexpected (a failed statement, a driver error) is logged, never shown: it may hold SQL or addresses.
  return refusal(500, 'INTERNAL_SERVER_ERROR', 'The batch was not written; the service log has the cause.');
}
