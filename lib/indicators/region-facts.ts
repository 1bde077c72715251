import DataLoader from 'dataloader';
import { and, eq, sql } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import { selectJsonRows, type Db } from '../../db/connection.ts';
import type { ObservationTable } from '../../db/observation-table.ts';
import { perAsOf, readableObservations } from '../observations.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { catalog, factProvider } from './catalog.ts';
import { yearsNeeded, type IndicatorValueKey } from './scope.ts';

/** How facts and observations are looked up by metric and year. */
export const metricYearKey = (metric: string, year: number): string => `${metric}|${year}`;

/** Facts by metric and year, read with two map lookups and no key string: a grid reads them thousands of times. */
export class FactIndex<F extends { metric: string; year: number }> {
  private readonly byMetric = new Map<string, Map<number, F>>();

  constructor(facts: Iterable<F> = []) {
    for (const fact of facts) this.add(fact);
  }

  add(fact: F): void {
    let byYear = this.byMetric.get(fact.metric);
    if (!byYear) this.byMetric.set(fact.metric, (byYear = new Map()));
    byYear.set(fact.year, fact);
  }

  get(metric: string, year: number): F | undefined {
    return this.byMetric.get(metric)?.get(year);
  }
}

export interface RegionFact {
  metric: string;
  year: number;
  value: number | null;
  status: 'PROVISIONAL' | 'FINAL' | null;
  updatedAt: string | null;
  /** Where the value comes from: the region's own report, the sum of its parts' figures, or an agency's register. */
  source?: FactSource | null;
  /** The sum of the parts' figures (the regions directly below), when every part has one: what a region's own figure is checked against. */
  partsValue?: number | null;
  /** Parts with a figure of the metric, of the parts the region has (coverage over the descendants). */
  partsReporting?: number | null;
  partsExpected?: number | null;
  /** Codes of the parts without a figure. */
  partsMissing?: string[] | null;
}

export type FactSource = 'REPORTED' | 'SUM_OF_PARTS' | 'REGISTER' | 'UNITS';

/**
 * The metrics an agency contributes to an indicator value (those it computes: see `factProvider`) and the years the value reads. Region facts
 * are for region values only, unless the agency can sum them over any scope (`anyScope`: bigdata, over
 * a cluster's or a data centre's own data centres).
 */
export function ownFacts(key: IndicatorValueKey, agency: string, { anyScope = false } = {}): { metrics: string[]; years: number[] } {
  const { indicators, metrics } = catalog();
  const indicator = indicators.get(key.indicatorCode);
  if (!indicator || (!anyScope && key.scopeKind !== 'REGION')) return { metrics: [], years: [] };
  return {
    metrics: indicator.regionMetrics.filter((code) => {
      const metric = metrics.get(code);
      return metric !== undefined && factProvider(metric) === agency;
    }),
    years: yearsNeeded(key.year, indicator.baselineYear),
  };
}

/** A region whose reported figures (its own and those of every region below it) are wanted, as they stood at an as-of key (`latest` for now). */
export interface RegionAsOf {
  regionCode: string;
  asOf: string;
}

/** One region's reported figure of a metric in a year, reduced in SQL: the sum of its periods. */
export interface CountyYear {
  subjectId: string;
  metric: string;
  year: number;
  sum: number;
  provisional: boolean;
  /** When its latest revision was recorded, in epoch milliseconds. */
  updatedAt: number;
}

/** The figures reported for a region and every region below it, by region, metric and year: built once per region and request by the loader. */
export class ReportedFigures {
  private readonly byKey = new Map<string, CountyYear>();

  constructor(rows: readonly CountyYear[] = []) {
    for (const row of rows) this.byKey.set(`${row.subjectId}|${metricYearKey(row.metric, row.year)}`, row);
  }

  get(regionCode: string, metric: string, year: number): CountyYear | undefined {
    return this.byKey.get(`${regionCode}|${metricYearKey(metric, year)}`);
  }
}

export const NO_FIGURES = new ReportedFigures();

/**
 * Region-level observations of each requested region and every region below it (a metric may be reported
 * at any level), reduced to region-years: one statement for a whole batch of indicator values (per distinct as-of).
 */
export function countyYearsLoader(db: Db, table: ObservationTable, regions: RegionDirectory, metricCodes: readonly string[]) {
  return new DataLoader<RegionAsOf, ReportedFigures, string>(
    async (keys) => {
      const subtrees = new Map<RegionAsOf, Set<string>>(
        keys.map((k) => [k, new Set(regions.find(k.regionCode) ? regions.selfAndDescendants(k.regionCode) : [])]),
      );
      const rowsByAsOf = await perAsOf(keys, (group, asOf) => {
        const all = new Set(group.flatMap((k) => [...subtrees.get(k)!]));
        if (all.size === 0) return Promise.resolve([]);
        return selectJsonRows<CountyYear>(
          db,
          {
            subjectId: table.subjectId,
            metric: table.metric,
            year: table.year,
            sum: sql`sum(${table.value})::float8`,
            provisional: sql`bool_or(${table.status} = 'PROVISIONAL')`,
            updatedAt: sql`(extract(epoch from max(${table.updatedAt})) * 1000)::float8`,
          },
          sql`from ${table}
             where ${and(eq(table.subjectKind, 'REGION'), anyText(table.metric, metricCodes), anyText(table.subjectId, all), readableObservations(table, asOf))}
             group by ${table.subjectId}, ${table.metric}, ${table.year}`,
        );
      });
      return keys.map((k) => new ReportedFigures((rowsByAsOf.get(k.asOf) ?? []).filter((r) => subtrees.get(k)!.has(r.subjectId))));
    },
    { cacheKeyFn: (k) => `${k.regionCode}|${k.asOf}` },
  );
}

/** A region's figure with the weakest status and latest recording time of what it was read from. */
interface Figure {
  value: number;
  provisional: boolean;
  updatedAt: number;
}

const added = (sum: Figure | null, figure: Figure): Figure =>
  sum ? { value: sum.value + figure.value, provisional: sum.provisional || figure.provisional, updatedAt: Math.max(sum.updatedAt, figure.updatedAt) } : figure;

/** A region's figure as its parent reads it: its own report, else the sum of its parts' when every part has one; null when unknown. */
function figureOf(figures: ReportedFigures, regions: RegionDirectory, code: string, metric: string, year: number): Figure | null {
  const own = figures.get(code, metric, year);
  if (own) return { value: own.sum, provisional: own.provisional, updatedAt: own.updatedAt };
  const parts = regions.children(code);
  let sum: Figure | null = null;
  for (const part of parts) {
    const figure = figureOf(figures, regions, part.code, metric, year);
    if (!figure) return null;
    sum = added(sum, figure);
  }
  return sum;
}

/**
 * A region's figure of a flow or stock in a year (GB/T 2260 semantics 9 of DOMAIN.md): the figure reported
 * for the region itself when there is one; otherwise the sum of its parts' figures (the regions directly below,
 * each found the same way), known only when every part has one: a province total with a county missing is
 * unknown, not smaller. The parts are summed in both cases, so a reported figure can be checked against them.
 * Only this region's fact is built (with its time as ISO text); the regions below are read as figures.
 */
function regionFigure(figures: ReportedFigures, regions: RegionDirectory, code: string, metric: string, year: number): RegionFact {
  const own = figures.get(code, metric, year);
  const parts = regions.children(code);
  let partsSum: Figure | null = null;
  const partsMissing: string[] = [];
  for (const part of parts) {
    const figure = figureOf(figures, regions, part.code, metric, year);
    if (figure) partsSum = added(partsSum, figure);
    else partsMissing.push(part.code);
  }
  const complete = parts.length > 0 && partsMissing.length === 0 ? partsSum : null;
  const coverage =
    parts.length > 0
      ? { partsValue: complete?.value ?? null, partsReporting: parts.length - partsMissing.length, partsExpected: parts.length, partsMissing }
      : {};
  const figure: Figure | null = own ? { value: own.sum, provisional: own.provisional, updatedAt: own.updatedAt } : complete;
  if (!figure) return { metric, year, value: null, status: null, updatedAt: null, source: null, ...coverage };
  return {
    metric,
    year,
    value: figure.value,
    status: figure.provisional ? 'PROVISIONAL' : 'FINAL',
    updatedAt: new Date(figure.updatedAt).toISOString(),
    source: own ? 'REPORTED' : 'SUM_OF_PARTS',
    ...coverage,
  };
}

/** A count from an agency's own register: final by nature, and a year with nothing registered is a known zero. */
export const registerFact = (metric: string, year: number, value: number): RegionFact => ({
  metric,
  year,
  value,
  status: 'FINAL',
  updatedAt: null,
  source: 'REGISTER',
});

/**
 * An agency's region facts for one indicator value: a count from its register where it keeps one for the
 * metric (`fromRegister` returns the count for a year), otherwise the region's reported figure or the sum of its parts'.
 */
export function regionFactsOf(
  metrics: readonly string[],
  years: readonly number[],
  observed: ReportedFigures,
  scope: { regions: RegionDirectory; regionCode: string },
  fromRegister: (metric: string) => ((year: number) => number) | undefined,
): RegionFact[] {
  return years.flatMap((year) =>
    metrics.map((metric) => {
      const count = fromRegister(metric);
      return count ? registerFact(metric, year, count(year)) : regionFigure(observed, scope.regions, scope.regionCode, metric, year);
    }),
  );
}
