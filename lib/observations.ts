import DataLoader from 'dataloader';
import { and, sql, type SQL } from 'drizzle-orm';
import { anyInt, anyText } from '../db/any.ts';
import { selectJsonRows, type Db } from '../db/connection.ts';
import { readingColumns, visibleObservations, type ObservationReading, type ObservationTable, type SubjectKind } from '../db/observation-table.ts';
import type { Agency } from './agencies.ts';
import { catalog, observedMetrics } from './indicators/catalog.ts';
import type { RegionLevel } from './regions/codes.ts';

/**
 * How a metric combines over time within a year: flows (kWh, traffic) add up their months;
 * stocks (racks, sites) take the last period reported in the year.
 */
export type TimeAggregation = 'FLOW' | 'STOCK';

/** MONTHLY metrics use periods `YYYY-MM`, ANNUAL ones `YYYY`. */
export type Periodicity = 'ANNUAL' | 'MONTHLY';

/**
 * What one metric in an agency's observation table means (each agency's metrics.ts lists its own):
 * what its submit mutation accepts, and how readers add it up over time and space.
 */
export interface ObservationMetric {
  code: string;
  unit: string;
  subjectKind: SubjectKind;
  /** For REGION subjects: the only level values may be reported at; without it, any level (a region's own figure, DOMAIN.md semantics 9). */
  subjectLevel?: RegionLevel;
  aggregation: TimeAggregation;
  periodicity: Periodicity;
  /** Whole numbers only (racks, roofs). */
  integer?: boolean;
  /**
   * The largest plausible value of one observation (`ABOVE_MAXIMUM` beyond it): bounds what sums over
   * every unit and period can reach, so reads never overflow.
   */
  max?: number;
  descriptionZh: string;
  descriptionEn: string;
  /** Seed document and clause that asks for the figure. */
  source?: string;
}

/**
 * An agency's write-side metric table, built from the catalog's `observation` blocks (catalog/metrics.yaml
 * is the one list of metrics). `codes` only gives the table its TypeScript keys: a code the catalog does
 * not give this agency, or a catalog metric left out, fails at load, so the two cannot disagree.
 */
export function metricTable<const C extends string>(agency: Agency, codes: readonly C[]): { readonly [K in C]: ObservationMetric & { code: K } } {
  const observed = observedMetrics(agency);
  const inCatalog = observed.map((m) => m.code).sort();
  if (JSON.stringify([...codes].sort()) !== JSON.stringify(inCatalog)) {
    throw new Error(
      `${agency}'s metric codes [${[...codes].sort().join(', ')}] differ from the metrics catalog/metrics.yaml gives it an \`observation\` for [${inCatalog.join(', ')}].`,
    );
  }
  const table: Record<string, ObservationMetric> = {};
  for (const m of observed) {
    const o = m.observation!;
    table[m.code] = {
      code: m.code,
      unit: m.unit,
      subjectKind: m.subject,
      ...(o.subjectLevel ? { subjectLevel: o.subjectLevel } : {}),
      aggregation: m.aggregation,
      periodicity: o.periodicity,
      ...(o.integer ? { integer: true } : {}),
      max: o.max,
      descriptionZh: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      ...(o.source ? { source: o.source } : {}),
    };
  }
  return table as { readonly [K in C]: ObservationMetric & { code: K } };
}

export interface SubjectYear {
  subjectId: string;
  year: number;
  /** An as-of key (see `asOfInstant`); the current revisions when absent. */
  asOf?: string;
}

/**
 * The bounds every read applies, from the catalog's `observation` blocks: a value from 0 to the metric's
 * `max`, whole for integer metrics. Writes refuse anything else (lib/writes/fields.ts), but a database
 * written before the bounds existed may still hold it (1.7e308 kWh overflows a sum; 3e9 racks is no GraphQL
 * Int): such a row is read as no figure, so the unit counts as not reporting instead of breaking the read.
 * NaN fails `<= max` too (Postgres orders NaN above every number).
 */
function boundsCondition(value: SQL, metric: SQL): SQL {
  const cases = [...catalog().metrics.values()].flatMap((m) => {
    if (!m.observation) return [];
    const whole = m.observation.integer ? sql` and ${value} = trunc(${value})` : sql``;
    return [sql`when ${sql.raw(`'${m.code.replace(/'/g, "''")}'`)} then ${value} <= ${sql.raw(m.observation.max.toExponential())}${whole}`];
  });
  return sql`(${value} >= 0 and case ${metric} ${sql.join(cases, sql` `)} else ${value} < 'Infinity'::float8 end)`;
}

/** True for a row whose value lies within its metric's bounds (see `boundsCondition`). */
export const withinBounds = (table: ObservationTable): SQL => boundsCondition(sql`${table.value}`, sql`${table.metric}`);

/** The revisions a reader computes figures from: `visibleObservations`, within the metric's bounds. */
export function readableObservations(table: ObservationTable, asOf?: Date | null): SQL {
  return and(visibleObservations(table, asOf), withinBounds(table))!;
}

/** Entity keys carry as-of as a string: `latest`, or the ISO instant a report asked for. */
export const LATEST = 'latest';

export function asOfInstant(asOf: string | undefined): Date | null {
  return asOf === undefined || asOf === LATEST ? null : new Date(asOf);
}

const subjectYearKey = (k: SubjectYear) => `${k.subjectId}|${k.year}|${k.asOf ?? LATEST}`;

/**
 * Runs one fetch per distinct as-of among a batch's keys (one statement for the usual single-as-of
 * request) and returns each as-of key's rows.
 */
export async function perAsOf<K extends { asOf?: string }, R>(
  keys: readonly K[],
  fetch: (keys: K[], asOf: Date | null) => Promise<R[]>,
): Promise<Map<string, R[]>> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const group = groups.get(key.asOf ?? LATEST);
    if (group) group.push(key);
    else groups.set(key.asOf ?? LATEST, [key]);
  }
  return new Map(await Promise.all([...groups].map(async ([asOf, group]) => [asOf, await fetch(group, asOfInstant(asOf))] as const)));
}

/**
 * A child-list loader whose keys carry an as-of: one fetch per distinct as-of in the batch (one
 * statement for the usual single-as-of request), rows grouped back to their keys.
 */
export function asOfListLoader<K extends { asOf?: string }, R>(
  fetch: (keys: K[], asOf: Date | null) => Promise<R[]>,
  keyOfRow: (row: R, asOf: string) => K,
  cacheKey: (key: K) => string,
): DataLoader<K, R[], string> {
  return new DataLoader<K, R[], string>(
    async (keys) => {
      const groups = new Map<string, R[]>();
      for (const [asOf, rows] of await perAsOf(keys, fetch)) {
        for (const row of rows) {
          const key = cacheKey(keyOfRow(row, asOf));
          const list = groups.get(key);
          if (list) list.push(row);
          else groups.set(key, [row]);
        }
      }
      return keys.map((key) => groups.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 5000 },
  );
}

/**
 * A batch's (subject, year) pairs as of an instant. The WHERE is a superset (subjects × years),
 * filtered back per key, which keeps the SQL two indexed array matches (`= any`).
 */
const subjectYears = (table: ObservationTable, keys: readonly SubjectYear[], asOf: Date | null) =>
  and(anyText(table.subjectId, new Set(keys.map((k) => k.subjectId))), anyInt(table.year, new Set(keys.map((k) => k.year))), readableObservations(table, asOf));

/** All observations of a batch of (subject, year) pairs. */
export function observationsLoader(db: Db, table: ObservationTable) {
  return asOfListLoader(
    (keys: SubjectYear[], asOf) =>
      db
        .select(readingColumns(table))
        .from(table)
        .where(subjectYears(table, keys, asOf)),
    (row: ObservationReading, asOf) => ({ subjectId: row.subjectId, year: row.year, asOf }),
    subjectYearKey,
  );
}

/** One metric of a subject-year, reduced in SQL: what the yearly figures of unit entities are computed from. */
export interface MetricYear {
  subjectId: string;
  year: number;
  metric: string;
  /** Σ value over the year's periods (a flow's yearly value). */
  sum: number;
  /** Value of the latest period reported in the year (a stock's yearly value); null for a flow. */
  last: number | null;
  provisional: boolean;
  /** Latest revision among the year's observations of the metric (epoch milliseconds): the stamp owners' totals carry. */
  updatedAt: number;
  /** The months reported, as a mask: bit m for month m (periods `YYYY-MM`); 0 for an annual metric's period `YYYY`. */
  months: number;
}

/**
 * Per (subject, year[, as-of]) key, each metric's yearly reduction. The database adds up the months,
 * so a grid of a thousand data-centre years reads a few thousand rows instead of every monthly reading.
 */
export function metricYearsLoader(db: Db, table: ObservationTable, metrics: readonly Pick<ObservationMetric, 'code' | 'aggregation'>[]) {
  const stocks = metrics.filter((m) => m.aggregation === 'STOCK').map((m) => m.code);
  // The latest period's value; max() over [period, value] keeps the aggregate hashable (an ordered
  // array_agg would sort every row). Periods are unique per key, so the value never decides. Built for
  // stocks only: it costs more than the sum, and a flow's never reads it.
  const last =
    stocks.length === 0
      ? sql<null>`null`
      : sql<number | null>`(max(array[${table.period}, ${table.value}::text]) filter (where ${anyText(table.metric, stocks)}))[2]::float8`;
  // As JSON: a grid's data-centre years make thousands of rows, which the driver would decode one field at a time.
  return asOfListLoader(
    (keys: SubjectYear[], asOf) =>
      selectJsonRows<MetricYear>(
        db,
        {
          subjectId: table.subjectId,
          year: table.year,
          metric: table.metric,
          sum: sql`sum(${table.value})::float8`,
          last,
          provisional: sql`bool_or(${table.status} = 'PROVISIONAL')`,
          updatedAt: sql`(extract(epoch from max(${table.updatedAt})) * 1000)::float8`,
          // Which months a flow summed: an owner matches two metrics' months before it divides their sums (`monthsInYear`).
          // `YYYY` leaves '' after the year, a null bit that bit_or skips: the cheapest form measured (no length() or case per row).
          months: sql`coalesce(bit_or(1 << nullif(substr(${table.period}, 6), '')::int), 0)`,
        },
        sql`from ${table} where ${subjectYears(table, keys, asOf)} group by ${table.subjectId}, ${table.year}, ${table.metric}`,
      ),
    (row: MetricYear, asOf) => ({ subjectId: row.subjectId, year: row.year, asOf }),
    subjectYearKey,
  );
}

/** A metric's yearly value from a subject-year's reductions; null when nothing was reported. */
export function valueInYear(years: readonly MetricYear[], metric: string, aggregation: TimeAggregation): number | null {
  const found = years.find((y) => y.metric === metric);
  if (!found) return null;
  return aggregation === 'FLOW' ? found.sum : found.last;
}

/** The months of a subject-year a metric was reported for, per metric code (masks, as `MetricYear.months`). */
export function monthsInYear(years: readonly MetricYear[]): Record<string, number> {
  const months: Record<string, number> = {};
  for (const y of years) months[y.metric] = y.months;
  return months;
}

/** Latest revision among a subject-year's observations (epoch milliseconds), or null when it has none. */
export function revisedInYear(years: readonly MetricYear[]): number | null {
  return years.length === 0 ? null : Math.max(...years.map((y) => y.updatedAt));
}

/** Weakest status of a subject-year's observations, of one metric or of all: PROVISIONAL if any is. */
export function statusInYear(years: readonly MetricYear[], metric?: string): 'PROVISIONAL' | 'FINAL' | null {
  const matching = metric === undefined ? years : years.filter((y) => y.metric === metric);
  if (matching.length === 0) return null;
  return matching.some((y) => y.provisional) ? 'PROVISIONAL' : 'FINAL';
}

/** The yearly value of one metric from a subject-year's observations; null when nothing was reported. */
export function yearValue(rows: readonly ObservationReading[], metric: string, aggregation: TimeAggregation): number | null {
  const matching = rows.filter((r) => r.metric === metric);
  if (matching.length === 0) return null;
  if (aggregation === 'FLOW') return matching.reduce((sum, r) => sum + r.value, 0);
  return matching.reduce((latest, r) => (r.period > latest.period ? r : latest)).value;
}

/** "PROVISIONAL" if any contributing observation is provisional: the weakest status wins. */
export function yearStatus(rows: readonly ObservationReading[], metric: string): 'PROVISIONAL' | 'FINAL' | null {
  const matching = rows.filter((r) => r.metric === metric);
  if (matching.length === 0) return null;
  return matching.some((r) => r.status === 'PROVISIONAL') ? 'PROVISIONAL' : 'FINAL';
}
