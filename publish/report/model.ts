import type { CsvValue } from '../csv.ts';
import { formatValue, toDisplay } from '../format.ts';
import { districtBars, timeSeries, type ChartSpec } from './charts.ts';
import { BASELINE_YEAR, type Indicator, type ReportData, type Value } from './data.ts';

/** A table every output shows the same way: HTML and Markdown as text, CSV and XLSX as the same cells. */
export interface ReportTable {
  /** File and sheet name. */
  id: string;
  title: string;
  columns: string[];
  rows: CsvValue[][];
}

export interface ReportChart {
  id: string;
  title: string;
  spec: ChartSpec;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
  charts: ReportChart[];
}

/** The report's content, independent of its output format. */
export interface ReportModel {
  title: string;
  /** Label and value lines under the title: jurisdiction, year, as-of, release. */
  meta: [string, string][];
  sections: ReportSection[];
}

const ATTAINMENT: Record<string, string> = { true: 'met 达标', false: 'not met 未达标' };

/** A change in display units with its sign ("+2.3"), in the indicator's decimals; an em dash when either end is unknown. */
function change(now: number | null | undefined, then: number | null | undefined, indicator: Indicator): string {
  if (now == null || then == null) return '—';
  const text = formatValue(now - then, indicator);
  return now - then > 0 ? `+${text}` : text;
}

const targetText = (v: Value, indicator: Indicator): string =>
  v.target ? `${v.target.symbol} ${formatValue(v.target.value, indicator)} (${v.target.year}${v.target.inherited ? `, ${v.target.jurisdiction}` : ''})` : '—';

const notes = (v: Value): string => v.missing.map((m) => m.message).join(' ');

const label = (i: Indicator): string => `${i.nameZh} ${i.nameEn}`;

function indicatorTable(data: ReportData, byCode: Map<string, Indicator>): ReportTable {
  const at = new Map(data.series.map((v) => [`${v.indicatorCode} ${v.year}`, v]));
  const y = data.year;
  const rows = data.series
    .filter((v) => v.year === y)
    .map((v) => {
      const indicator = byCode.get(v.indicatorCode)!;
      const prior = at.get(`${v.indicatorCode} ${y - 1}`);
      const base = at.get(`${v.indicatorCode} ${BASELINE_YEAR}`);
      return [
        v.indicatorCode,
        label(indicator),
        indicator.unit,
        formatValue(v.value, indicator),
        targetText(v, indicator),
        v.meetsTarget == null ? '—' : ATTAINMENT[String(v.meetsTarget)]!,
        y > BASELINE_YEAR ? change(v.value, prior?.value, indicator) : '—',
        y > BASELINE_YEAR ? change(v.value, base?.value, indicator) : '—',
        v.status ?? '—',
        v.confidentiality,
        notes(v),
      ];
    });
  return {
    id: 'indicators',
    title: `Indicators of ${data.jurisdiction.nameZh} ${data.jurisdiction.nameEn}, ${y}`,
    columns: ['code', 'indicator', 'unit', `value ${y}`, 'target', 'attainment', `change on ${y - 1}`, `change since ${BASELINE_YEAR}`, 'status', 'confidentiality', 'notes'],
    rows,
  };
}

/** Districts ranked per indicator: best first by the indicator's direction, ties sharing a rank. */
function rankingTable(data: ReportData, byCode: Map<string, Indicator>): ReportTable {
  const names = new Map(data.jurisdiction.children.map((c) => [c.code, `${c.nameZh} ${c.nameEn}`]));
  const rows: CsvValue[][] = [];
  for (const indicator of data.catalog) {
    const known = data.districts.filter((v) => v.indicatorCode === indicator.code && v.value != null);
    if (known.length === 0) continue;
    const sign = indicator.direction === 'LOWER_IS_BETTER' ? 1 : -1;
    known.sort((a, b) => sign * (a.value! - b.value!) || a.scopeId.localeCompare(b.scopeId));
    let rank = 0;
    known.forEach((v, i) => {
      if (i === 0 || formatValue(v.value, indicator) !== formatValue(known[i - 1]!.value, indicator)) rank = i + 1;
      rows.push([indicator.code, label(byCode.get(indicator.code)!), rank, v.scopeId, names.get(v.scopeId) ?? v.scopeId, formatValue(v.value, indicator), indicator.unit, v.status ?? '—']);
    });
  }
  return { id: 'district-ranking', title: `Districts ranked, ${data.year}`, columns: ['code', 'indicator', 'rank', 'district code', 'district', 'value', 'unit', 'status'], rows };
}

function clusterTable(data: ReportData, byCode: Map<string, Indicator>): ReportTable {
  const names = new Map(data.clusters.flatMap((c) => [[c.id, `${c.nameZh} ${c.nameEn}`] as const, ...c.zones.map((z) => [z.id, `${z.nameZh ?? z.id} ${z.nameEn ?? ''}`.trim()] as const)]));
  const whole = new Map(data.series.filter((v) => v.year === data.year).map((v) => [v.indicatorCode, v.value]));
  const rows = data.clusterValues
    .filter((v) => v.value != null || v.target)
    .map((v) => {
      const indicator = byCode.get(v.indicatorCode)!;
      return [
        v.scopeId,
        names.get(v.scopeId) ?? v.scopeId,
        v.indicatorCode,
        label(indicator),
        formatValue(v.value, indicator),
        formatValue(whole.get(v.indicatorCode), indicator),
        indicator.unit,
        v.target ? `${v.target.symbol} ${formatValue(v.target.value, indicator)}` : '—',
        v.meetsTarget == null ? '—' : ATTAINMENT[String(v.meetsTarget)]!,
        v.status ?? '—',
      ];
    });
  return {
    id: 'clusters',
    title: `Inside the clusters and their zones against the whole jurisdiction, ${data.year}`,
    columns: ['scope', 'cluster or zone', 'code', 'indicator', 'value inside', `value of ${data.jurisdiction.nameEn}`, 'unit', 'target', 'attainment', 'status'],
    rows,
  };
}

function sourcesTable(data: ReportData): ReportTable {
  const byAgency = new Map<string, { indicators: Set<string>; seeds: Set<string> }>();
  for (const indicator of data.catalog) {
    if (!data.series.some((v) => v.indicatorCode === indicator.code)) continue;
    for (const input of indicator.inputs) {
      const entry = byAgency.get(input.owner) ?? { indicators: new Set(), seeds: new Set() };
      entry.indicators.add(indicator.code);
      for (const s of indicator.sources) entry.seeds.add(`${s.seed} ${s.clause}`);
      byAgency.set(input.owner, entry);
    }
  }
  const rows = [...byAgency.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([agency, e]) => [agency, [...e.indicators].sort().join(' '), [...e.seeds].sort().join('; ')]);
  return { id: 'sources', title: 'Data sources by agency', columns: ['agency', 'indicators it supplies inputs to', 'policy sources of those indicators'], rows };
}

function shutdownSection(data: ReportData): ReportSection {
  const { screen, withheld } = data.shutdown;
  if (!screen) return { heading: 'Data-centre shutdown screen', paragraphs: [`Not shown: ${withheld ?? 'the API returned no screen'}`], tables: [], charts: [] };
  const c = screen.criteria;
  return {
    heading: 'Data-centre shutdown screen',
    paragraphs: [`Seed 003 §六.7: data centres with PUE above ${c.pueAbove}, at most ${c.racksAtMost} racks and at least ${c.yearsInOperationAtLeast} years in operation.`],
    tables: [
      {
        id: 'shutdown-screen',
        title: `Shutdown screen, ${data.year}`,
        columns: ['result', 'data centres'],
        rows: [
          ['meet all three criteria', screen.candidates.length],
          ['could not be screened (a figure is missing)', screen.unscreened.length],
        ],
      },
    ],
    charts: [],
  };
}

/** What the report compares itself with: an earlier release (or instant), read through the same operations. */
export interface Comparison {
  label: string;
  data: ReportData;
}

/**
 * Every figure of the jurisdiction's series and of its districts whose value or status differs from the
 * comparison's: corrections and late reports between two releases.
 */
function changesSection(data: ReportData, byCode: Map<string, Indicator>, comparison: Comparison): ReportSection {
  const key = (v: Value) => `${v.indicatorCode} ${v.scopeId} ${v.year}`;
  const then = new Map([...comparison.data.series, ...comparison.data.districts].map((v) => [key(v), v]));
  const names = new Map([[data.jurisdiction.code, data.jurisdiction.nameZh], ...data.jurisdiction.children.map((c) => [c.code, c.nameZh] as const)]);
  const rows: CsvValue[][] = [];
  for (const now of [...data.series, ...data.districts]) {
    const before = then.get(key(now));
    if (before && before.value === now.value && before.status === now.status && before.confidentiality === now.confidentiality) continue;
    const indicator = byCode.get(now.indicatorCode)!;
    rows.push([now.indicatorCode, now.scopeId, names.get(now.scopeId) ?? now.scopeId, now.year, formatValue(before?.value, indicator), formatValue(now.value, indicator), indicator.unit, before?.status ?? '—', now.status ?? '—']);
  }
  return {
    heading: 'Changes since the compared release',
    paragraphs: [`Figures that differ from ${comparison.label}, read as of ${comparison.data.asOf}: corrections and late reports since then.${rows.length ? '' : ' None.'}`],
    tables: [{ id: 'changes', title: `Changes since ${comparison.label}`, columns: ['code', 'region', 'name', 'year', 'value then', 'value now', 'unit', 'status then', 'status now'], rows }],
    charts: [],
  };
}

/** Lays the gathered figures out as the report's sections, tables and charts. */
export function buildReportModel(data: ReportData, release: { name: string; title: string } | null, comparison?: Comparison): ReportModel {
  const byCode = new Map(data.catalog.map((i) => [i.code, i]));
  const j = data.jurisdiction;
  const withSeries = data.catalog.filter((i) => data.series.some((v) => v.indicatorCode === i.code && v.value != null));
  const charts = withSeries.map((indicator) => {
    const points = data.series.filter((v) => v.indicatorCode === indicator.code).map((v) => ({ year: v.year, value: toDisplay(v.value, indicator) }));
    const target = data.series.find((v) => v.indicatorCode === indicator.code && v.year === data.year)?.target;
    return { id: `series-${indicator.code}`, title: indicator.nameEn, spec: timeSeries(indicator, points, target ? target.value : null) };
  });
  const districtCharts = data.catalog.flatMap((indicator) => {
    const bars = data.districts.filter((v) => v.indicatorCode === indicator.code && v.value != null);
    if (bars.length < 2) return [];
    const names = new Map(j.children.map((c) => [c.code, c.nameEn]));
    return [{ id: `districts-${indicator.code}`, title: indicator.nameEn, spec: districtBars(indicator, bars.map((v) => ({ district: names.get(v.scopeId) ?? v.scopeId, value: toDisplay(v.value, indicator)! }))) }];
  });
  return {
    title: release?.title ?? `Annual green-ICT industry report ${data.year}: ${j.nameZh} ${j.nameEn}`,
    meta: [
      ['Jurisdiction 行政区', `${j.nameZh} ${j.nameEn} (${j.code})`],
      ['Year 年度', String(data.year)],
      ['Figures as of 数据截至', data.asOf],
      ...(release ? ([['Release 发布版本', release.name]] as [string, string][]) : []),
      ...(comparison ? ([['Compared with 对比', `${comparison.label} (${comparison.data.asOf})`]] as [string, string][]) : []),
    ],
    sections: [
      {
        heading: 'Indicators and targets',
        paragraphs: [
          `Every figure is read from the federation's public API as it stood at ${data.asOf}: a later correction does not change this report. Values are shown in each indicator's unit and decimals; changes are in the same unit (percentage points for %).`,
        ],
        tables: [indicatorTable(data, byCode)],
        charts: [],
      },
      { heading: 'Over the years, against the target', paragraphs: [], tables: [], charts },
      { heading: 'Districts', paragraphs: [], tables: [rankingTable(data, byCode)], charts: districtCharts },
      {
        heading: 'Clusters and zones',
        paragraphs: ['Values over the data centres inside each designated cluster or zone, next to the same indicator over the whole jurisdiction.'],
        tables: [clusterTable(data, byCode)],
        charts: [],
      },
      shutdownSection(data),
      { heading: 'Data sources', paragraphs: [], tables: [sourcesTable(data)], charts: [] },
      ...(comparison ? [changesSection(data, byCode, comparison)] : []),
    ],
  };
}
