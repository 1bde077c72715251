import type { DataCenterRow, RackRetirementRow } from './repository.ts';

/** A region-level figure of bigdata's with the weakest status and the latest recording time of what it sums. */
export interface ScopeFact {
  value: number;
  status: 'PROVISIONAL' | 'FINAL';
  updatedAt: string | null;
  /** REGISTER for a count of registers (final by nature), UNITS for a sum of the data centres' figures. */
  source: 'REGISTER' | 'UNITS';
}

/** econ's designations of data centres, as aligned columns (see DataCenterDesignationList in the SDL). */
export interface DesignationList {
  metrics: string[];
  dataCenterIds: string[];
  years: number[];
  regionCodes: string[];
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
    source: 'UNITS',
  };
}

/** What bigdata knows about the data centres inside a scope, for its region-level metrics. */
export interface ScopeRecords {
  retirements: readonly RackRetirementRow[];
  /** The register's data centres inside the scope, whatever their status (a designation, once awarded, stays counted). */
  dataCenters: readonly DataCenterRow[];
  /** econ's designations the value counts; empty when it counts none. */
  designations: DesignationList;
}

/**
 * A count of econ's designations of one metric (catalog `placedBy: bigdata`) awarded by the end of the year whose
 * data centre the register places inside the scope: where it lies, not where econ recorded it.
 */
function placed(metric: string) {
  return ({ dataCenters, designations }: ScopeRecords, year: number): ScopeFact => {
    const inside = new Set(dataCenters.map((dc) => dc.id));
    const counted = new Set<string>();
    designations.metrics.forEach((m, i) => {
      if (m === metric && designations.years[i]! <= year && inside.has(designations.dataCenterIds[i]!)) counted.add(designations.dataCenterIds[i]!);
    });
    return { value: counted.size, status: 'FINAL', updatedAt: null, source: 'REGISTER' };
  };
}

/**
 * bigdata's region-level metrics (catalog/metrics.yaml, owner bigdata, subject REGION), each
 * computed from the observations of the data centres inside a scope. A test checks every such
 * metric is here.
 */
export const REGION_METRICS: Record<string, (scope: ScopeRecords, year: number) => ScopeFact> = {
  RACKS_RETIRED_SINCE_2021: (scope, year) => retired(scope.retirements.filter((r) => r.year >= 2021 && r.year <= year)),
  NATIONAL_GREEN_DCS: placed('NATIONAL_GREEN_DCS'),
};
