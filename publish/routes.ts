import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalGraphQL } from '../lib/http.ts';
import { dashboardRoute } from './dashboard.ts';
import { exportRoute } from './export/route.ts';

/** What the gateway serves besides /graphql and /health: the dashboard at `/`, exports for statistical tools. */
export function publishRoutes(req: IncomingMessage, res: ServerResponse, url: URL, graphql: LocalGraphQL): boolean {
  return dashboardRoute(req, res, url) || exportRoute(req, res, url, graphql);
}
