import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { projectPath } from '../lib/paths.ts';

/** Where `npm run build:dashboard` (run by `npm install` and `npm start`) puts the bundled dashboard. */
export const DASHBOARD_DIST = `${projectPath('dashboard', 'dist')}${path.sep}`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
// Vite names assets by content hash: one path, one content, forever.
const ASSET = /^\/assets\/[\w.-]+$/;

/** `GET /`: the dashboard's page and its bundled assets, from the package itself (no CDN). False for other paths. */
export function dashboardRoute(req: IncomingMessage, res: ServerResponse, url: URL, dist = DASHBOARD_DIST): boolean {
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  if (!isPage && !ASSET.test(url.pathname)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('The dashboard is read with GET.\n');
    return true;
  }
  const file = path.join(dist, isPage ? 'index.html' : url.pathname.slice(1));
  if (!existsSync(file)) {
    if (isPage)
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The dashboard is not built: run `npm run build:dashboard`. GraphQL is at /graphql.\n');
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return true;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': isPage ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  return true;
}
