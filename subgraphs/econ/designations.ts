import { catalog } from '../../lib/indicators/catalog.ts';
import { NATIONAL } from '../../lib/regions/codes.ts';
import { PLACED_DESIGNATIONS } from './indicator-facts.ts';
import type { Loaders } from './loaders.ts';

/** Designations as aligned columns (entry i of every list is one designation), as bigdata reads them. */
export interface DesignationList {
  metrics: string[];
  dataCenterIds: string[];
  years: number[];
  regionCodes: string[];
}

/** The indicators among `codes` that read a metric bigdata places from econ's designations. */
export const placedIndicators = (codes: readonly string[]): string[] =>
  codes.filter((code) =>
    catalog()
      .indicators.get(code)
      ?.regionMetrics.some((metric) => PLACED_DESIGNATIONS[metric] !== undefined),
  );

/**
 * The designations bigdata counts for the placed metrics (`placedBy`) of some indicators, awarded by the end of
 * `lastYear`, from econ's whole register as it stood at `asOf`: where the data centre lies is bigdata's to say,
 * so econ cannot narrow the list to a region.
 */
export async function placedDesignations(indicatorCodes: readonly string[], lastYear: number, asOf: string, loaders: Loaders): Promise<DesignationList> {
  const { indicators } = catalog();
  const kinds = new Map<string, string>();
  for (const code of indicatorCodes)
    for (const metric of indicators.get(code)?.regionMetrics ?? []) if (PLACED_DESIGNATIONS[metric]) kinds.set(PLACED_DESIGNATIONS[metric], metric);
  const list: DesignationList = { metrics: [], dataCenterIds: [], years: [], regionCodes: [] };
  if (kinds.size === 0) return list;
  const rows = await loaders.designationsInRegion.load({ regionCode: NATIONAL, asOf });
  for (const row of rows) {
    const metric = kinds.get(row.kind);
    if (!metric || row.dataCenterId === null || row.year > lastYear) continue;
    list.metrics.push(metric);
    list.dataCenterIds.push(row.dataCenterId);
    list.years.push(row.year);
    list.regionCodes.push(row.regionCode);
  }
  return list;
}
