import DataLoader from 'dataloader';
import { and, eq, sql } from 'drizzle-orm';
import { anyText } from '../../db/any.ts';
import { selectJsonRows, type Db } from '../../db/connection.ts';
import { visibleObservations, type ObservationTable } from '../../db/observation-table.ts';
import { perAsOf } from '../observations.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { catalog } from './catalog.ts';
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
}

/**
 * The metrics an agency contributes to an indicator value and the years the value reads. Region facts
 * are for region values only, unless the agency can sum them over any scope (`anyScope`: bigdata, over
 * a cluster's or a data centre's own data centres).
 */
export function ownFacts(key: IndicatorValueKey, agency: string, { anyScope = false } = {}): { metrics: string[]; years: number[] } {
  const { indicators, metrics } = catalog();
  const indicator = indicators.get(key.indicatorCode);
  if (!indicator || (!anyScope && key.scopeKind !== 'REGION')) return { metrics: [], years: [] };
  return {
    metrics: indicator.regionMetrics.filter((code) => metrics.get(code)?.owner === agency),
    years: yearsNeeded(key.year, indicator.baselineYear),
  };
}

/** A region whose county observations are wanted, as they stood at an as-of key (`latest` for now). */
export interface RegionAsOf {
  regionCode: string;
  asOf: string;
}

/** One county's reported figure of a metric in a year, reduced in SQL: the sum of its periods. */
export interface CountyYear {
  subjectId: string;
  metric: string;
  year: number;
  sum: number;
  provisional: boolean;
  /** When its latest revision was recorded, in epoch milliseconds. */
  updatedAt: number;
}

/**
 * Region-level observations (reported per county) of every county under each requested region, reduced to
 * county-years: one statement for a whole batch of indicator values (per distinct as-of).
 */
export function countyYearsLoader(db: Db, table: ObservationTable, regions: RegionDirectory, metricCodes: readonly string[]) {
  return new DataLoader<RegionAsOf, CountyYear[], string>(
    async (keys) => {
      const subtrees = new Map<RegionAsOf, Set<string>>(keys.map((k) => [k, new Set(regions.find(k.regionCode) ? regions.selfAndDescendants(k.regionCode) : [])]));
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
             where ${and(eq(table.subjectKind, 'REGION'), anyText(table.metric, metricCodes), anyText(table.subjectId, all), visibleObservations(table, asOf))}
             group by ${table.subjectId}, ${table.metric}, ${table.year}`,
        );
      });
      return keys.map((k) => (rowsByAsOf.get(k.asOf) ?? []).filter((r) => subtrees.get(k)!.has(r.subjectId)));
    },
    { cacheKeyFn: (k) => `${k.regionCode}|${k.asOf}` },
  );
}

// A region's county-years are summed once per indicator value that reads them; group them once.
const indexes = new WeakMap<readonly CountyYear[], Map<string, CountyYear[]>>();
function byMetricYear(rows: readonly CountyYear[]): Map<string, CountyYear[]> {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (const row of rows) {
      const key = metricYearKey(row.metric, row.year);
      const list = index.get(key);
      if (list) list.push(row);
      else index.set(key, [row]);
    }
    indexes.set(rows, index);
  }
  return index;
}

/**
 * Sums a flow over the counties of a region. Every county must have reported: a province total
 * with a county missing is unknown, not smaller (missing is not zero).
 */
function sumOverCounties(rows: readonly CountyYear[], metric: string, year: number, counties: number): RegionFact {
  // One county-year per county: the rows reported are the counties reported.
  const matching = byMetricYear(rows).get(metricYearKey(metric, year)) ?? [];
  if (matching.length === 0 || matching.length < counties) return { metric, year, value: null, status: null, updatedAt: null };
  return {
    metric,
    year,
    value: matching.reduce((sum, r) => sum + r.sum, 0),
    status: matching.some((r) => r.provisional) ? 'PROVISIONAL' : 'FINAL',
    updatedAt: new Date(matching.reduce((latest, r) => Math.max(latest, r.updatedAt), 0)).toISOString(),
  };
}

/** A count from an agency's own register: final by nature, and a year with nothing registered is a known zero. */
export const registerFact = (metric: string, year: number, value: number): RegionFact => ({ metric, year, value, status: 'FINAL', updatedAt: null });

/**
 * An agency's region facts for one indicator value: a count from its register where it keeps one for the
 * metric (`fromRegister` returns the count for a year), otherwise the sum of its county observations.
 */
export function regionFactsOf(metrics: readonly string[], years: readonly number[], observed: readonly CountyYear[], counties: number, fromRegister: (metric: string) => ((year: number) => number) | undefined): RegionFact[] {
  return years.flatMap((year) =>
    metrics.map((metric) => {
      const count = fromRegister(metric);
      return count ? registerFact(metric, year, count(year)) : sumOverCounties(observed, metric, year, counties);
    }),
  );
}

/** Number of county-level units in a region's subtree (the region itself if it is a county). */
export function countiesUnder(regions: RegionDirectory, code: string): number {
  return regions.selfAndDescendants(code).filter((c) => regions.find(c)?.level === 'COUNTY').length;
}
