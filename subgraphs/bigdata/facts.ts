import type { ScopeContents } from './scopes.ts';

/**
 * bigdata's region-level metrics (catalog/metrics.yaml, owner bigdata, subject REGION), each
 * computed from the register rows inside a scope. A test checks every such metric is here.
 */
export const REGION_METRICS: Record<string, (scope: ScopeContents, year: number) => number> = {
  RACKS_RETIRED_SINCE_2021: (scope, year) => scope.retirements.filter((r) => r.year >= 2021 && r.year <= year).reduce((sum, r) => sum + r.racks, 0),
};
