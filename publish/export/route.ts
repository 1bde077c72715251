import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalGraphQL } from '../../lib/http.ts';
import { OperationError, type GraphQLResponseBody, type Transport } from '../client/request.ts';
import { EXPORT_FORMATS } from './formats.ts';
import { ExportError, ExportErrorCode, parseExportRequest, wantsByteOrderMark } from './params.ts';
import { fetchExportTable } from './table.ts';

export const EXPORT_PREFIX = '/export/';

// Errors inside an answer the pipeline sent as 200 (a resolver's, a subgraph's) carry no status of their own: the
// codes the caller can fix are 400, auth refusals keep their status, anything else is the federation's fault.
const CALLER_CODES = new Set([
  'UNKNOWN_INDICATOR',
  'UNKNOWN_REGION',
  'INVALID_REGION_CODE',
  'YEAR_OUT_OF_RANGE',
  'GRID_TOO_LARGE',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'INVALID_ARGUMENT',
]);
const AUTH_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * A status the gateway's pipeline chose for its own refusal: 429 from the rate limit, 400 from the cost, depth,
 * alias and token limits, 401/403 for a token, 503 when tokens cannot be checked. Passed on as it is, so an export
 * is refused as the same operation over /graphql would be, from the one place that decides it.
 */
const pipelineRefusal = (status: number): boolean => (status >= 400 && status < 500) || status === 503;

function statusOf(error: OperationError): number {
  if (pipelineRefusal(error.status)) return error.status;
  if (AUTH_STATUS[error.code]) return AUTH_STATUS[error.code]!;
  if (CALLER_CODES.has(error.code)) return 400;
  return error.code === 'SUBGRAPH_UNAVAILABLE' ? 503 : 502;
}

/** When a rate-limited caller may retry (the limiter's `retryAfterSeconds`), as the `Retry-After` GraphQL answers with. */
function retryHeaders(error: OperationError): Record<string, string> {
  const seconds = error.extensions.retryAfterSeconds;
  return typeof seconds === 'number' ? { 'retry-after': String(seconds) } : {};
}

const argumentOf = (error: OperationError): string | undefined => (typeof error.extensions.argument === 'string' ? error.extensions.argument : undefined);

function sendError(res: ServerResponse, status: number, code: string, message: string, parameter?: string, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify({ error: { code, message, ...(parameter ? { parameter } : {}) } }) + '\n');
}

/**
 * The gateway's own pipeline as a transport: the export runs the public operations as the caller, under the same rules.
 * `headers` collects what the admission answered (the rate limit's budget), for the export's response.
 */
function localTransport(req: IncomingMessage, graphql: LocalGraphQL, headers: Record<string, string>): Transport {
  return async (body) => {
    const answer = await graphql(req, body);
    Object.assign(headers, answer.headers);
    return { status: answer.status, body: JSON.parse(answer.body) as GraphQLResponseBody };
  };
}

/**
 * `GET /export/indicators.csv|.sdmx.csv|.jsonstat.json?codes=…&regions=…&years=…&asOf=…`: an indicator grid for
 * statistical tools. Returns false for paths it does not serve.
 */
export function exportRoute(req: IncomingMessage, res: ServerResponse, url: URL, graphql: LocalGraphQL): boolean {
  if (!url.pathname.startsWith(EXPORT_PREFIX)) return false;
  const name = url.pathname.slice(EXPORT_PREFIX.length);
  const admitted: Record<string, string> = {};
  void (async () => {
    try {
      const format = EXPORT_FORMATS[name];
      if (!format)
        throw new ExportError(
          ExportErrorCode.UNKNOWN_FORMAT,
          `No export "${name}": ask for ${Object.keys(EXPORT_FORMATS)
            .map((f) => EXPORT_PREFIX + f)
            .join(', ')}.`,
          undefined,
          404,
        );
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new ExportError(ExportErrorCode.METHOD_NOT_ALLOWED, 'Exports are read with GET.', undefined, 405);
      const wanted = parseExportRequest(url.searchParams);
      const bom = wantsByteOrderMark(url.searchParams);
      if (bom && format.text !== 'csv') throw new ExportError(ExportErrorCode.INVALID_OPTION, '`bom` applies to the CSV exports only.', 'bom');
      const table = await fetchExportTable(localTransport(req, graphql, admitted), wanted);
      const body = (bom ? '\uFEFF' : '') + format.render(table);
      res.writeHead(200, {
        'content-type': format.contentType,
        'content-disposition': `attachment; filename="${name}"`,
        // Figures follow the caller's token (disclosure control): no shared cache may keep them.
        'cache-control': 'private, no-store',
        ...admitted,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (error instanceof ExportError) sendError(res, error.status, error.code, error.message, error.parameter);
      // The API names the argument at fault; an export's parameters carry the same names (codes, regions, years, asOf).
      else if (error instanceof OperationError)
        sendError(res, statusOf(error), error.code, error.message, argumentOf(error), { ...admitted, ...retryHeaders(error) });
      else {
        console.error(error);
        sendError(res, 500, 'INTERNAL_ERROR', 'The export failed; the gateway log has the cause.');
      }
    }
  })();
  return true;
}
