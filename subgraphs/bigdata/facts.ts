import type { RackRetirementRow } from './repository.ts';

/** A region-level figure of bigdata's with the weakest status and the latest recording time of what it sums. */
export interface ScopeFact {
  value: number;
  status: 'PROVISIONAL' | 'FINAL';
  updatedAt: string | null;
}

/**
 * Racks retired are reported when retired: a data centre without a RACKS_RETIRED observation for a
 * year retired none, so an empty sum is a known 0 (FINAL), unlike a missing meter reading.
 */
function retired(rows: readonly RackRetirementRow[]): ScopeFact {
  return {
    value: rows.reduce((sum, r) => sum + r.racks, 0),
    status: rows.some((r) => r.status === 'PROVISIONAL') ? 'PROVISIONAL' : 'FINAL',
    updatedAt: rows.length === 0 ? null : rows.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), rows[0]!.updatedAt).toISOString(),
  };
}

/** What bigdata knows about the data centres inside a scope, for its region-level metrics. */
export interface ScopeRecords {
  retirements: readonly RackRetirementRow[];
}

/**
 * bigdata's region-level metrics (catalog/metrics.yaml, owner bigdata, subject REGION), each
 * computed from the observations of the data centres inside a scope. A test checks every such
 * metric is here.
 */
export const REGION_METRICS: Record<string, (scope: ScopeRecords, year: number) => ScopeFact> = {
  RACKS_RETIRED_SINCE_2021: (scope, year) => retired(scope.retirements.filter((r) => r.year >= 2021 && r.year <= year)),
};
