import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access for browsers, for the origins configured (`CORS_ORIGINS`; none by default). Adds the
 * headers to a response for an allowed origin; answers a preflight (`OPTIONS`) itself, with 204 and, for an
 * origin not allowed, no `Access-Control-Allow-*` headers, so the browser refuses the request. Returns true
 * when the request has been answered.
 */
export function handleCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && (origins.includes('*') || origins.includes(origin));
  res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('access-control-expose-headers', 'retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.writeHead(204).end();
  return true;
}
