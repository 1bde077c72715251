import { CatalogDocument, type CatalogQuery } from '../client/generated/graphql.ts';
import { gridReader, type GridValue } from '../client/grid.ts';
import { request, type Transport } from '../client/request.ts';
import { toDisplay } from '../format.ts';
import type { ExportRequest } from './params.ts';

export type CatalogIndicator = NonNullable<CatalogQuery['indicators']>[number];

/** One observation of an export: the API's value and its indicator's catalog entry. */
export interface ExportCell {
  indicator: CatalogIndicator;
  source: GridValue;
  /** The value in display units (×100 for %); null when unknown or withheld. */
  value: number | null;
  targetValue: number | null;
}

/** An indicator grid as the API answered it, with the labels of its three axes. */
export interface ExportTable {
  /** `latest`, or the instant the figures were read as of. */
  asOf: string;
  indicators: CatalogIndicator[];
  regions: { code: string; nameZh: string; nameEn: string }[];
  years: number[];
  cells: ExportCell[];
}

/** Asks the public API for the grid and the catalog (through the caller's own credentials) and joins them. */
export async function fetchExportTable(transport: Transport, wanted: ExportRequest): Promise<ExportTable> {
  const [values, catalog] = await Promise.all([gridReader(transport)(wanted), request(transport, CatalogDocument, {})]);
  const byCode = new Map((catalog.indicators ?? []).map((i) => [i.code, i]));
  const cells: ExportCell[] = [];
  const regions = new Map<string, ExportTable['regions'][number]>();
  const indicators = new Map<string, CatalogIndicator>();
  for (const source of values) {
    const indicator = byCode.get(source.indicatorCode);
    if (!indicator) continue; // the grid only names catalog indicators; a mismatch would be a gateway fault
    indicators.set(indicator.code, indicator);
    if (!regions.has(source.scopeId))
      regions.set(source.scopeId, { code: source.scopeId, nameZh: source.region?.nameZh ?? '', nameEn: source.region?.nameEn ?? '' });
    cells.push({ indicator, source, value: toDisplay(source.value, indicator), targetValue: toDisplay(source.target?.value, indicator) });
  }
  return {
    asOf: values[0]?.asOf ?? wanted.asOf ?? 'latest',
    indicators: [...indicators.values()],
    regions: [...regions.values()],
    years: [...new Set(values.map((v) => v.year))].sort((a, b) => a - b),
    cells,
  };
}
