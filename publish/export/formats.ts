import { toCsvText as csv } from '../csv.ts';
import { OBSERVATION_ATTRIBUTES } from './attributes.ts';
import type { ExportCell, ExportTable } from './table.ts';

/** The dataflow an SDMX-CSV row names (agency:id(version)). */
export const SDMX_DATAFLOW = 'GREEN_ICT:DF_ICT_INDICATORS(1.0)';

const missingText = (cell: ExportCell): string => cell.source.missing.map((m) => m.message).join('; ');

/** A tidy table: one row per indicator, region and year, values in display units, every attribute in words. */
export function toCsv(table: ExportTable): string {
  const header = ['indicator', 'indicator_name_zh', 'indicator_name_en', 'region', 'region_name_zh', 'region_name_en', 'year', 'value', 'unit', 'decimals'];
  const tail = ['target_symbol', 'target_value', 'meets_target', 'missing', 'as_of'];
  const rows = table.cells.map((c) => {
    const region = table.regions.find((r) => r.code === c.source.scopeId);
    return [
      c.indicator.code,
      c.indicator.nameZh,
      c.indicator.nameEn,
      c.source.scopeId,
      region?.nameZh ?? '',
      region?.nameEn ?? '',
      c.source.year,
      c.value,
      c.indicator.unit,
      c.indicator.decimals,
      ...OBSERVATION_ATTRIBUTES.map((a) => a.plain(c)),
      c.source.target?.symbol ?? '',
      c.targetValue,
      c.source.meetsTarget,
      missingText(c),
      c.source.asOf,
    ];
  });
  return csv([[...header, ...OBSERVATION_ATTRIBUTES.map((a) => a.csv), ...tail], ...rows]);
}

/** SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION, the dimensions, OBS_VALUE, then the attributes as codes. */
export function toSdmxCsv(table: ExportTable): string {
  const header = [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    'INDICATOR',
    'REF_AREA',
    'TIME_PERIOD',
    'OBS_VALUE',
    'UNIT_MEASURE',
    'DECIMALS',
    ...OBSERVATION_ATTRIBUTES.map((a) => a.sdmx),
  ];
  const rows = table.cells.map((c) => [
    'dataflow',
    SDMX_DATAFLOW,
    'I',
    c.indicator.code,
    c.source.scopeId,
    String(c.source.year),
    c.value,
    c.indicator.unit,
    c.indicator.decimals,
    ...OBSERVATION_ATTRIBUTES.map((a) => a.coded(c)),
  ]);
  return csv([header, ...rows]);
}

/**
 * JSON-stat 2.0: one dataset over indicator × region × year (row-major, the last dimension fastest), values in
 * display units, units and decimals on the indicator categories, OBS_STATUS codes as `status`, the other
 * attributes in `extension`.
 */
export function toJsonStat(table: ExportTable): Record<string, unknown> {
  const I = table.indicators.length;
  const R = table.regions.length;
  const Y = table.years.length;
  const at = new Map<string, number>();
  table.indicators.forEach((ind, i) =>
    table.regions.forEach((reg, r) => table.years.forEach((year, y) => at.set(`${ind.code} ${reg.code} ${year}`, (i * R + r) * Y + y))),
  );
  const value: (number | null)[] = new Array<number | null>(I * R * Y).fill(null);
  const status: (string | null)[] = new Array<string | null>(I * R * Y).fill(null);
  const [statusAttribute, ...others] = OBSERVATION_ATTRIBUTES;
  const extra = Object.fromEntries(others.map((a) => [a.sdmx, new Array<string | null>(I * R * Y).fill(null)]));
  for (const c of table.cells) {
    const k = at.get(`${c.indicator.code} ${c.source.scopeId} ${c.source.year}`);
    if (k === undefined) continue;
    value[k] = c.value;
    if (statusAttribute) status[k] = statusAttribute.coded(c);
    for (const a of others) extra[a.sdmx]![k] = a.coded(c);
  }
  return {
    version: '2.0',
    class: 'dataset',
    label: 'Green-ICT indicators',
    source: 'Green-ICT statistics federation',
    ...(table.asOf !== 'latest' ? { updated: table.asOf } : {}),
    id: ['indicator', 'region', 'year'],
    size: [I, R, Y],
    role: { metric: ['indicator'], geo: ['region'], time: ['year'] },
    dimension: {
      indicator: {
        label: 'indicator',
        category: {
          index: table.indicators.map((i) => i.code),
          label: Object.fromEntries(table.indicators.map((i) => [i.code, i.nameEn])),
          unit: Object.fromEntries(table.indicators.map((i) => [i.code, { label: i.unit, decimals: i.decimals }])),
        },
      },
      region: {
        label: 'region',
        category: { index: table.regions.map((r) => r.code), label: Object.fromEntries(table.regions.map((r) => [r.code, r.nameEn || r.nameZh])) },
      },
      year: { label: 'year', category: { index: table.years.map(String) } },
    },
    value,
    status,
    extension: { asOf: table.asOf, ...extra },
  };
}

/** Every format an export serves, by the name its URL ends in. */
export const EXPORT_FORMATS: Record<string, { contentType: string; render: (table: ExportTable) => string; text: 'csv' | 'json' }> = {
  'indicators.csv': { contentType: 'text/csv; charset=utf-8; header=present', render: toCsv, text: 'csv' },
  'indicators.sdmx.csv': { contentType: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8', render: toSdmxCsv, text: 'csv' },
  'indicators.jsonstat.json': { contentType: 'application/json; charset=utf-8', render: (t) => JSON.stringify(toJsonStat(t)), text: 'json' },
};
