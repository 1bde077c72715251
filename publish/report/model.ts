import type { CsvValue } from '../csv.ts';
import { formatPlain, formatValue, toDisplay, type DisplayRule } from '../format.ts';
import { districtBars, pueDistribution, timeSeries, type ChartSpec } from './charts.ts';
import { BASELINE_YEAR, type Indicator, type ReportData, type Value } from './data.ts';

/**
 * An indicator's figure in a table cell (a stored value with the indicator's display rule). HTML and Markdown show it
 * grouped by thousands ("15,165"); CSV, which machines read, writes it plain ("15165"); the workbook holds the number.
 * A `signed` figure is a change, shown with its sign ("+2.3") and written as a plain number ("2.3").
 */
export interface Figure {
  figure: number | null | undefined;
  rule: DisplayRule;
  signed?: boolean;
}

/** Text with figures in it, such as a target "≥ 5,000 (2025)": each output writes the figures its own way. */
export interface Phrase {
  phrase: (string | Figure)[];
}

export type ReportCell = CsvValue | Figure | Phrase;

/** A table every output shows the same way: HTML and Markdown as text, CSV and XLSX as the same cells. */
export interface ReportTable {
  /** File and sheet name. */
  id: string;
  title: string;
  columns: string[];
  rows: ReportCell[][];
}

const figure = (value: number | null | undefined, indicator: Indicator): Figure => ({ figure: value, rule: indicator });

/** A figure for readers (grouped in its decimals, a change signed) or for machines (plain). */
function figureText(f: Figure, forMachines: boolean): string {
  if (forMachines) return formatPlain(f.figure, f.rule);
  const text = formatValue(f.figure, f.rule);
  return f.signed && f.figure != null && f.figure > 0 ? `+${text}` : text;
}

const cellText = (cell: ReportCell, forMachines: boolean): CsvValue => {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('phrase' in cell) return cell.phrase.map((part) => (typeof part === 'string' ? part : figureText(part, forMachines))).join('');
  return figureText(cell, forMachines);
};

/** A cell as a reader sees it (HTML, Markdown, the workbook's text cells): figures grouped by thousands in their decimals, changes signed. */
export const shownCell = (cell: ReportCell): CsvValue => cellText(cell, false);

/** A cell as CSV carries it for machines: figures plain, in their decimals, no grouping, `.` as the decimal point. */
export const csvCell = (cell: ReportCell): CsvValue => cellText(cell, true);

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
const NOT_BINDING = 'not binding 非约束';
/** A seed's expected value (预期值, an indicative figure) is judged, but is not a binding target missed or met. */
const EXPECTED = 'expected 预期值';

/** Attainment as printed: met or not only where the target binds the value's scope, never for context shown from above. */
function attainment(v: { meetsTarget: boolean | null; target?: { binding: boolean; expected: boolean } | null }): string {
  if (v.target && !v.target.binding) return NOT_BINDING;
  if (v.meetsTarget == null) return '—';
  return `${ATTAINMENT[String(v.meetsTarget)]!}${v.target?.expected ? ` (${EXPECTED})` : ''}`;
}

/** Whom the target binds (JURISDICTION, SUB_REGIONS, EACH_UNIT), and whether it binds this scope. */
const scopeText = (v: { target?: { scope: string; binding: boolean } | null }): string =>
  v.target ? `${v.target.scope}${v.target.binding ? '' : `, ${NOT_BINDING}`}` : '—';

/** Share of the way from the period's baseline to the target, in percent; 100 % when reached. */
const progressText = (p: number | null | undefined): string => (p == null ? '—' : `${(p * 100).toFixed(0)} %`);

type Coverage = Value['coverage'];

/** Coverage of a value over units: its status, units reporting of units expected and their share of the weight. */
function coverageText(c: Coverage): string {
  if (!c) return '—';
  const share = c.share == null ? '' : ` (${(c.share * 100).toFixed(1)} %)`;
  return `${c.status} ${c.unitsReporting}/${c.unitsExpected}${share}`;
}

/** A change in display units with its sign ("+2.3"), in the indicator's decimals; an em dash when either end is unknown. */
function change(now: number | null | undefined, then: number | null | undefined, indicator: Indicator): Figure | string {
  if (now == null || then == null) return '—';
  return { figure: now - then, rule: indicator, signed: true };
}

const targetText = (v: Value, indicator: Indicator): Phrase | string =>
  v.target
    ? {
        phrase: [
          `${v.target.symbol} `,
          figure(v.target.value, indicator),
          ` (${v.target.year}${v.target.inherited ? `, ${v.target.jurisdiction}` : ''}${v.target.expected ? `, ${EXPECTED}` : ''})`,
        ],
      }
    : '—';

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
        figure(v.value, indicator),
        targetText(v, indicator),
        scopeText(v),
        attainment(v),
        progressText(v.progress),
        y > BASELINE_YEAR ? change(v.value, prior?.value, indicator) : '—',
        y > BASELINE_YEAR ? change(v.value, base?.value, indicator) : '—',
        coverageText(v.coverage),
        v.status ?? '—',
        v.confidentiality,
        notes(v),
      ];
    });
  return {
    id: 'indicators',
    title: `Indicators of ${data.jurisdiction.nameZh} ${data.jurisdiction.nameEn}, ${y}`,
    columns: [
      'code',
      'indicator',
      'unit',
      `value ${y}`,
      'target',
      'target scope',
      'attainment',
      'progress',
      `change on ${y - 1}`,
      `change since ${BASELINE_YEAR}`,
      'coverage',
      'status',
      'confidentiality',
      'notes',
    ],
    rows,
  };
}

/** What the scope, progress and coverage columns mean, and which of this year's values stand on partial coverage. */
function indicatorNotes(data: ReportData, byCode: Map<string, Indicator>): string[] {
  const partial = data.series.filter((v) => v.year === data.year && v.value != null && v.coverage?.status === 'PARTIAL');
  return [
    `Target scope says whom a target binds: JURISDICTION (the jurisdiction's own figure only), SUB_REGIONS (also each district, cluster or zone inside it) or EACH_UNIT (each unit, hence every aggregate). A target set for a jurisdiction above this one that does not bind it is shown as context, marked "${NOT_BINDING}", and never judged met or not. Progress is the share of the way from the plan period's baseline (2020 for the 14th plan) to the target, 100 % when reached; shown only for binding targets.`,
    "Coverage applies to values over units (data centres, core rooms, enterprises): COMPLETE when every registered unit reported, PARTIAL when the value is computed over the units that reported and they hold at least the indicator's minimum share of the population's weight (an estimate, SDMX status E), INSUFFICIENT below that minimum (no value), NOT_APPLICABLE when no unit is registered. The column gives units reporting / units expected and their share of the weight." +
      (partial.length
        ? ` In ${data.year}, ${partial.length} value(s) stand on partial coverage: ${partial.map((v) => `${v.indicatorCode} (${v.coverage!.unitsReporting} of ${v.coverage!.unitsExpected} units, ${((v.coverage!.share ?? 0) * 100).toFixed(1)} % of ${label(byCode.get(v.indicatorCode)!)}'s weight)`).join('; ')}.`
        : ` In ${data.year}, no value stands on partial coverage.`),
  ];
}

/** Districts ranked per indicator: best first by the indicator's direction, ties sharing a rank. */
function rankingTable(data: ReportData, byCode: Map<string, Indicator>): ReportTable {
  const names = new Map(data.jurisdiction.children.map((c) => [c.code, `${c.nameZh} ${c.nameEn}`]));
  const rows: ReportCell[][] = [];
  for (const indicator of data.catalog) {
    const known = data.districts.filter((v) => v.indicatorCode === indicator.code && v.value != null);
    if (known.length === 0) continue;
    const sign = indicator.direction === 'LOWER_IS_BETTER' ? 1 : -1;
    known.sort((a, b) => sign * (a.value! - b.value!) || a.scopeId.localeCompare(b.scopeId));
    let rank = 0;
    known.forEach((v, i) => {
      if (i === 0 || formatValue(v.value, indicator) !== formatValue(known[i - 1]!.value, indicator)) rank = i + 1;
      rows.push([
        indicator.code,
        label(byCode.get(indicator.code)!),
        rank,
        v.scopeId,
        names.get(v.scopeId) ?? v.scopeId,
        figure(v.value, indicator),
        indicator.unit,
        v.status ?? '—',
        v.confidentiality,
      ]);
    });
  }
  return {
    id: 'district-ranking',
    title: `Districts ranked, ${data.year}`,
    columns: ['code', 'indicator', 'rank', 'district code', 'district', 'value', 'unit', 'status', 'confidentiality'],
    rows,
  };
}

function clusterTable(data: ReportData, byCode: Map<string, Indicator>): ReportTable {
  const names = new Map(
    data.clusters.flatMap((c) => [
      [c.id, `${c.nameZh} ${c.nameEn}`] as const,
      ...c.zones.map((z) => [z.id, `${z.nameZh ?? z.id} ${z.nameEn ?? ''}`.trim()] as const),
    ]),
  );
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
        figure(v.value, indicator),
        figure(whole.get(v.indicatorCode), indicator),
        indicator.unit,
        v.target ? { phrase: [`${v.target.symbol} `, figure(v.target.value, indicator)] } : '—',
        scopeText(v),
        attainment(v),
        progressText(v.progress),
        coverageText(v.coverage),
        v.status ?? '—',
      ];
    });
  return {
    id: 'clusters',
    title: `Inside the clusters and their zones against the whole jurisdiction, ${data.year}`,
    columns: [
      'scope',
      'cluster or zone',
      'code',
      'indicator',
      'value inside',
      `value of ${data.jurisdiction.nameEn}`,
      'unit',
      'target',
      'target scope',
      'attainment',
      'progress',
      'coverage',
      'status',
    ],
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
  const rows = [...byAgency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agency, e]) => [agency, [...e.indicators].sort().join(' '), [...e.seeds].sort().join('; ')]);
  return {
    id: 'sources',
    title: 'Data sources by agency',
    columns: ['agency', 'indicators it supplies inputs to', 'policy sources of those indicators'],
    rows,
  };
}

/**
 * The latest revision of every input the jurisdiction's values read, per agency: when each figure was last
 * written (as the API stood at the report's as-of instant), so a reader can tell a fresh input from a stale one.
 */
function inputRevisionsTable(data: ReportData): ReportTable {
  const inputs = new Map<
    string,
    { agency: string; code: string; name: string; indicators: Set<string>; years: Set<number>; latest: string | null; overUnits: boolean }
  >();
  for (const value of data.inputRevisions) {
    for (const input of value.inputs) {
      const key = `${input.agency} ${input.metric.code}`;
      const entry = inputs.get(key) ?? {
        agency: input.agency,
        code: input.metric.code,
        name: `${input.metric.nameZh} ${input.metric.nameEn}`,
        indicators: new Set(),
        years: new Set(),
        latest: null,
        overUnits: false,
      };
      entry.indicators.add(value.indicatorCode);
      if (input.units != null) entry.overUnits = true;
      // ISO instants in one zone compare as strings.
      if (input.updatedAt) {
        entry.years.add(input.year);
        if (!entry.latest || input.updatedAt > entry.latest) entry.latest = input.updatedAt;
      }
      inputs.set(key, entry);
    }
  }
  const rows = [...inputs.values()]
    .sort((a, b) => a.agency.localeCompare(b.agency) || a.code.localeCompare(b.code))
    .map((e) => {
      const years = [...e.years].sort();
      return [
        e.agency,
        e.code,
        e.name,
        [...e.indicators].sort().join(' '),
        years.length ? `${years[0]}–${years[years.length - 1]}` : '—',
        e.latest ?? (e.overUnits ? UNIT_INPUT_UNSTAMPED : 'none stored'),
        data.asOf,
      ];
    });
  return {
    id: 'input-revisions',
    title: 'Inputs: latest revision and as-of instant',
    columns: ['agency', 'input', 'name', 'indicators', 'years with figures', 'latest revision stamp', 'read as of'],
    rows,
  };
}

/**
 * The API stamps region figures and the owners' sums over units with their latest revision; a sum of the units' public
 * fields (register attributes such as design racks or audited, public unit figures such as usable roofs) travels
 * without one, and a sum over no reporting unit has none.
 */
const UNIT_INPUT_UNSTAMPED = "none: summed from the units' public fields (unstamped) or no unit reported";

/** Data-centre PUE categories: each an indicator of the catalog (a ratio of sums over its data centres), in one table. */
const PUE_CATEGORIES: readonly { code: string; category: string }[] = [
  { code: 'DC_PUE', category: 'all data centres 全部' },
  { code: 'NEW_DC_PUE', category: 'new 新建' },
  { code: 'RETROFITTED_DC_PUE', category: 'existing, after retrofit 既有改造' },
  { code: 'LARGE_DC_PUE', category: 'large and hyper-large 大型及超大型' },
  { code: 'NEW_LARGE_DC_PUE', category: 'new large and hyper-large 新建大型及超大型' },
];

/** PUE bands of the distribution, lower bound inclusive: the seeds' targets (1.25, 1.3) and the shutdown screen's 1.7 fall on edges. */
const PUE_BANDS: readonly { band: string; below: number }[] = [
  { band: '< 1.2', below: 1.2 },
  { band: '1.2–1.3', below: 1.3 },
  { band: '1.3–1.4', below: 1.4 },
  { band: '1.4–1.5', below: 1.5 },
  { band: '1.5–1.7', below: 1.7 + 1e-12 },
  { band: '> 1.7', below: Infinity },
];

function pueSection(data: ReportData, byCode: Map<string, Indicator>): ReportSection {
  const y = data.year;
  const own = new Map(data.series.filter((v) => v.year === y).map((v) => [v.indicatorCode, v]));
  const inside = new Map(data.clusterValues.filter((v) => v.year === y).map((v) => [`${v.indicatorCode} ${v.scopeId}`, v]));
  const clusters = data.clusters;
  const rows: ReportCell[][] = PUE_CATEGORIES.filter((c) => byCode.has(c.code)).map(({ code, category }) => {
    const indicator = byCode.get(code)!;
    const v = own.get(code);
    return [
      code,
      category,
      figure(v?.value, indicator),
      ...clusters.map((c) => figure(inside.get(`${code} ${c.id}`)?.value, indicator)),
      v ? targetText(v, indicator) : '—',
      v ? attainment(v) : '—',
      v ? coverageText(v.coverage) : '—',
      v ? notes(v) : '',
    ];
  });
  const table: ReportTable = {
    id: 'pue-by-category',
    title: `Data-centre PUE by category, ${y}`,
    columns: ['code', 'category', `${data.jurisdiction.nameEn}`, ...clusters.map((c) => `in ${c.nameEn}`), 'target', 'attainment', 'coverage', 'notes'],
    rows,
  };
  const paragraphs = [
    'Each category is an indicator of the catalog: total facility energy over IT energy summed across the data centres of the category (a ratio of sums, never a mean of PUEs), in the jurisdiction and inside each designated cluster.',
  ];
  const tables = [table];
  const charts: ReportChart[] = [];
  const { values, withheld } = data.pue;
  if (values === null) {
    paragraphs.push(
      `The distribution of data-centre PUE is not shown: it is read from each data centre's own PUE, which is unit-level data (the reader role), and the API publishes no count per PUE band, since a band holding one or two data centres would give their figures away. ${withheld ?? ''}`.trim(),
    );
  } else {
    const counts = PUE_BANDS.map((b) => ({ band: b.band, count: 0 }));
    let unknown = 0;
    for (const pue of values) {
      if (pue == null) unknown += 1;
      else counts[PUE_BANDS.findIndex((b) => pue < b.below)]!.count += 1;
    }
    paragraphs.push(
      `Distribution: data centres in service in ${y} by their own PUE of the year (no data centre named); ${unknown} without a PUE (a meter not reported).`,
    );
    tables.push({
      id: 'pue-distribution',
      title: `Data centres per PUE band, ${y}`,
      columns: ['PUE band', 'data centres'],
      rows: [...counts.map((c) => [c.band, c.count]), ['no PUE reported', unknown]],
    });
    charts.push({ id: 'pue-distribution', title: 'PUE distribution', spec: pueDistribution(counts, `Data centres per PUE band, ${y}`) });
  }
  return { heading: 'Data-centre PUE by category and distribution', paragraphs, tables, charts };
}

function shutdownSection(data: ReportData): ReportSection {
  const { screen, withheld } = data.shutdown;
  if (!screen)
    return { heading: 'Data-centre shutdown screen', paragraphs: [`Not shown: ${withheld ?? 'the API returned no screen'}`], tables: [], charts: [] };
  const c = screen.criteria;
  return {
    heading: 'Data-centre shutdown screen',
    paragraphs: [
      `Seed 003 §六.7: data centres with PUE above ${c.pueAbove}, at most ${c.racksAtMost} racks and at least ${c.yearsInOperationAtLeast} years in operation.`,
    ],
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
 * Every figure of the jurisdiction's series and of its districts whose published value, status or confidentiality
 * differs from the comparison's: corrections and late reports between two releases. Values are compared as
 * published, in the indicator's decimals, as a statistics office's revision table compares them: a correction that
 * moves a value by less than its last shown decimal (PUE 1.3250 → 1.3251, 1.33 either way) revises no published
 * figure, and a row showing 1.33 → 1.33 would only hide the real revisions.
 */
function changesSection(data: ReportData, byCode: Map<string, Indicator>, comparison: Comparison): ReportSection {
  const key = (v: Value) => `${v.indicatorCode} ${v.scopeId} ${v.year}`;
  const then = new Map([...comparison.data.series, ...comparison.data.districts].map((v) => [key(v), v]));
  const names = new Map([[data.jurisdiction.code, data.jurisdiction.nameZh], ...data.jurisdiction.children.map((c) => [c.code, c.nameZh] as const)]);
  const rows: ReportCell[][] = [];
  for (const now of [...data.series, ...data.districts]) {
    const before = then.get(key(now));
    const indicator = byCode.get(now.indicatorCode)!;
    const published = (v: Value) => formatPlain(v.value, indicator);
    if (before && published(before) === published(now) && before.status === now.status && before.confidentiality === now.confidentiality) continue;
    rows.push([
      now.indicatorCode,
      now.scopeId,
      names.get(now.scopeId) ?? now.scopeId,
      now.year,
      figure(before?.value, indicator),
      figure(now.value, indicator),
      indicator.unit,
      before?.status ?? '—',
      now.status ?? '—',
      before?.confidentiality ?? '—',
      now.confidentiality,
    ]);
  }
  return {
    heading: 'Changes since the compared release',
    paragraphs: [
      `Figures that differ from ${comparison.label}, read as of ${comparison.data.asOf}: corrections and late reports since then, as published (in each indicator's decimals; a correction smaller than the last decimal shown changes no published figure and is not listed).${rows.length ? '' : ' None.'}`,
    ],
    tables: [
      {
        id: 'changes',
        title: `Changes since ${comparison.label}`,
        columns: [
          'code',
          'region',
          'name',
          'year',
          'value then',
          'value now',
          'unit',
          'status then',
          'status now',
          'confidentiality then',
          'confidentiality now',
        ],
        rows,
      },
    ],
    charts: [],
  };
}

/** Lays the gathered figures out as the report's sections, tables and charts. */
/**
 * A report read with the reader role shows figures disclosure control withholds from the public (fewer than
 * DISCLOSURE_MIN_UNITS units): said at the top, with how many, so nobody publishes that edition as it is.
 */
function confidentialNotice(data: ReportData): [string, string][] {
  const shown = [...data.series, ...data.districts, ...data.clusterValues].filter((v) => v.value != null && v.confidentiality === 'CONFIDENTIAL').length;
  if (shown === 0) return [];
  return [
    [
      'Confidential figures 保密数据',
      `${shown} figure(s) marked CONFIDENTIAL (disclosure control) are shown because the report was read with the reader role: for internal use, not to be published as they stand 内部使用，不得按原样公开`,
    ],
  ];
}

export function buildReportModel(
  data: ReportData,
  release: { name: string; title: string; embargoUntil?: string | null } | null,
  comparison?: Comparison,
): ReportModel {
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
    return [
      {
        id: `districts-${indicator.code}`,
        title: indicator.nameEn,
        spec: districtBars(
          indicator,
          bars.map((v) => ({ district: names.get(v.scopeId) ?? v.scopeId, value: toDisplay(v.value, indicator)! })),
        ),
      },
    ];
  });
  return {
    title: release?.title ?? `Annual green-ICT industry report ${data.year}: ${j.nameZh} ${j.nameEn}`,
    meta: [
      ['Jurisdiction 行政区', `${j.nameZh} ${j.nameEn} (${j.code})`],
      ['Year 年度', String(data.year)],
      ['Figures as of 数据截至', data.asOf],
      ...(release ? ([['Release 发布版本', release.name]] as [string, string][]) : []),
      // From the register, not the clock: regenerating the release after its embargo gives the same bytes.
      ...(release?.embargoUntil
        ? ([['Embargoed until 发布前保密至', `${release.embargoUntil}: not to be published before then 此前不得公开`]] as [string, string][])
        : []),
      ...(comparison ? ([['Compared with 对比', `${comparison.label} (${comparison.data.asOf})`]] as [string, string][]) : []),
      ...confidentialNotice(data),
    ],
    sections: [
      {
        heading: 'Indicators and targets',
        paragraphs: [
          `Every figure is read from the federation's public API as it stood at ${data.asOf}: a later correction does not change this report. Values are shown in each indicator's unit and decimals; changes are in the same unit (percentage points for %).`,
          ...indicatorNotes(data, byCode),
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
      pueSection(data, byCode),
      shutdownSection(data),
      {
        heading: 'Data sources',
        paragraphs: [
          `Every input was read from its owning agency through the public API as it stood at ${data.asOf}. The revision stamp is the latest time any figure of that input (for the jurisdiction's values, ${BASELINE_YEAR}–${data.year}) was written or corrected at that instant; a later correction changes it only in a report read later.`,
        ],
        tables: [sourcesTable(data), inputRevisionsTable(data)],
        charts: [],
      },
      ...(comparison ? [changesSection(data, byCode, comparison)] : []),
    ],
  };
}
