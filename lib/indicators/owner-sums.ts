import type { Agency } from '../agencies.ts';
import { catalog, UNIT_ID_FIELD, type IndicatorDefinition, type MetricDefinition, type UnitSubject } from './catalog.ts';
import { evaluate, sumTerms, type UnknownReason } from './formula.ts';
import { inServiceFields, monthlyInputs, monthsMissing, serviceSpan } from './months-in-service.ts';

/**
 * The owner's aggregate (data minimisation): the agency that owns an indicator's confidential unit-level
 * metrics (`unitLevelOwner`) adds them up over the matched units itself, and only totals, a count and the
 * (public) ids of the units that lacked an input leave it. Public register attributes it needs from others
 * (design racks) arrive through `@requires`. Pure: the owners' resolvers and the tests call it alike.
 */

type Status = 'PROVISIONAL' | 'FINAL';

/** One unit-year as the owner sees it: the register id, the year and the fields the catalog names. */
export type Unit = Record<string, unknown> & { year: number };

/** An owner's totals for one indicator over one population in one year (`UnitSums` in the SDL). */
export interface OwnerSums {
  indicatorCode: string;
  /** The cell's region, for a cube's entries (whose populations are per region); null for one value's population. */
  regionCode: string | null;
  year: number;
  /** Units that reported every unit input (the matched units). */
  units: number;
  /**
   * For each unit input of the indicator (`unitInputs`, by code): the ids of the units that lacked it, or lacked it for a
   * month another of its monthly inputs was reported for (`monthsDiffer`). Register ids are public.
   */
  lacking: string[][];
  /** Units that reported the indicator's monthly inputs (`monthMatchedInputs`) for different months, so were not matched; each is in `lacking` too. */
  monthsDiffer: string[];
  /**
   * Units whose monthly inputs (the same months of each, else they are in `monthsDiffer`) miss a month they were in
   * service (lib/indicators/months-in-service.ts), so were not matched; each is in `lacking` too, under those inputs.
   */
  monthsIncomplete: string[];
  /** The months (1–12) each unit of `monthsIncomplete` lacks, aligned with it. */
  monthsMissing: number[][];
  /** Σ of each sum() term of the formula over the matched units, in formula order (`sumTerms`); nulls when withheld. */
  terms: (number | null)[];
  /** Σ of each unit input over the matched units (what `inputs` shows); nulls when withheld. */
  inputSums: (number | null)[];
  /** Weakest status of each unit input over the matched units. */
  inputStatuses: (Status | null)[];
  /** True when disclosure control withheld the totals from this caller: 1 to `minUnits - 1` matched units. */
  withheld: boolean;
  /** Latest revision (ISO 8601) among the owner's observations of the matched units in the year; null without one. */
  updatedAt: string | null;
}

/** The unit field an owner puts its latest revision of the unit-year in (epoch milliseconds; `revisedInYear`). */
export const REVISED_AT_FIELD = 'revisedAt';

/** The unit field an owner puts the months of the year it holds each metric for in: masks by metric code (`monthsInYear`). */
export const MONTHS_FIELD = 'monthsReported';

/**
 * The unit inputs (indices into `unitInputs`) whose months must agree for a unit to be matched: an indicator's MONTHLY FLOW
 * unit inputs, when its formula sums two or more (the PUE family: total ÷ IT over the same months). A ratio of sums over
 * different months is not comparable (January's total over February's IT energy can put PUE below 1), so statistics
 * offices match the periods before they divide. Empty for every other indicator.
 */
export function monthMatchedInputs(indicator: IndicatorDefinition): number[] {
  const monthly = monthlyInputs(indicator);
  return monthly.length >= 2 ? monthly : [];
}

/**
 * The month-matched inputs (indices) a unit reported for fewer months than the others together: empty when their months
 * agree, when the unit lacks one of them altogether (it is then lacking anyway), or when the owner did not say the months.
 */
function monthsShort(unit: Unit, indicator: IndicatorDefinition, monthly: readonly number[]): number[] {
  if (monthly.length === 0) return [];
  const reported = unit[MONTHS_FIELD] as Record<string, number> | null | undefined;
  if (!reported) return [];
  const masks = monthly.map((i) => (unitValue(unit, indicator.unitInputs[i]!) === null ? undefined : reported[indicator.unitInputs[i]!.code]));
  if (masks.some((mask) => mask === undefined)) return [];
  const all = masks.reduce((union, mask) => union! | mask!, 0)!;
  return monthly.filter((_, k) => masks[k] !== all);
}

/**
 * The monthly inputs (indices) a unit reported that miss a month it was in service, and those months: none when it covers
 * them, for an input it did not report at all (it is lacking anyway), or when the owner did not say the months.
 */
function monthsShortOfService(
  unit: Unit,
  indicator: IndicatorDefinition,
  monthly: readonly number[],
  now: Date,
): { inputs: number[]; months: number[] } | null {
  const reported = unit[MONTHS_FIELD] as Record<string, number> | null | undefined;
  if (monthly.length === 0 || !reported) return null;
  const span = serviceSpan(unit, indicator.population!.subject, unit.year, now);
  const inputs: number[] = [];
  const months = new Set<number>();
  for (const i of monthly) {
    const metric = indicator.unitInputs[i]!;
    const mask = reported[metric.code];
    if (unitValue(unit, metric) === null || mask === undefined) continue;
    const missing = monthsMissing(mask, span);
    if (missing.length === 0) continue;
    inputs.push(i);
    for (const m of missing) months.add(m);
  }
  return inputs.length === 0 ? null : { inputs, months: [...months].sort((a, b) => a - b) };
}

function latestRevision(units: readonly Unit[]): string | null {
  let latest: number | null = null;
  for (const unit of units) {
    const at = unit[REVISED_AT_FIELD];
    if (typeof at === 'number' && (latest === null || at > latest)) latest = at;
  }
  return latest === null ? null : new Date(latest).toISOString();
}

/** A unit's figure of a unit metric: booleans count 1 or 0; null when not reported. */
export function unitValue(unit: Unit, metric: MetricDefinition): number | null {
  const raw = unit[metric.field!];
  if (raw === null || raw === undefined) return null;
  return typeof raw === 'boolean' ? (raw ? 1 : 0) : Number(raw);
}

/** The weakest status of a unit metric over units. A metric read from a register (no `statusField`) is final by nature. */
export function unitStatus(units: readonly Unit[], metric: MetricDefinition): Status | null {
  const { statusField } = metric;
  if (!statusField) return units.length > 0 ? 'FINAL' : null;
  let final = false;
  for (const unit of units) {
    const status = unit[statusField];
    if (status === 'PROVISIONAL') return status;
    if (status === 'FINAL') final = true;
  }
  return final ? 'FINAL' : null;
}

/** The indicators an agency aggregates over a kind of unit: those whose unit-level metrics it owns. */
export function ownedIndicators(agency: Agency, subject: UnitSubject): IndicatorDefinition[] {
  return [...catalog().indicators.values()].filter((i) => i.unitLevelOwner === agency && i.population?.subject === subject);
}

/**
 * The unit fields an owner needs from other agencies to aggregate its indicators over a kind of unit: the fields of
 * their public (not unit-level) unit inputs, in catalog order. Never another agency's confidential figure (the catalog
 * rule behind `unitLevelOwner`).
 */
export function foreignUnitFields(agency: Agency, subject: UnitSubject): string[] {
  const fields: string[] = [];
  for (const indicator of ownedIndicators(agency, subject)) {
    for (const metric of indicator.unitInputs) {
      if (metric.owner === agency || metric.unitLevel) continue;
      for (const field of [metric.field, metric.statusField]) if (field && !fields.includes(field)) fields.push(field);
    }
  }
  // A monthly flow must cover the months the unit was in service: the register's commissioning day and closing year.
  if (ownedIndicators(agency, subject).some((indicator) => monthlyInputs(indicator).length > 0))
    for (const field of inServiceFields(subject)) if (!fields.includes(field)) fields.push(field);
  return fields;
}

/**
 * The owner's totals for one indicator over one year's units. `mayRead`: whether the caller may read the units'
 * figures (its own token, as `@unitLevel` judges it); if not, totals over 1 to `minUnits - 1` matched units are
 * withheld (the threshold rule), since they would be those units' own figures. `now`: the instant the months in service
 * are judged at (a value's as-of, else the clock): in its year, only the months ended by then are due.
 */
export function ownerSums(
  indicator: IndicatorDefinition,
  units: readonly Unit[],
  year: number,
  { mayRead, minUnits, regionCode = null, now = new Date() }: { mayRead: boolean; minUnits: number; regionCode?: string | null; now?: Date },
): OwnerSums {
  const idField = UNIT_ID_FIELD[indicator.population!.subject];
  const inYear = units.filter((u) => u.year === year);
  const monthly = monthMatchedInputs(indicator);
  const short = new Map<Unit, number[]>();
  for (const u of inYear) {
    const inputs = monthsShort(u, indicator, monthly);
    if (inputs.length > 0) short.set(u, inputs);
  }
  // A unit whose months differ is named for that alone; the others must cover their months in service.
  const serviceMonthly = monthlyInputs(indicator);
  const incomplete = new Map<Unit, { inputs: number[]; months: number[] }>();
  for (const u of inYear) {
    const gap = short.has(u) ? null : monthsShortOfService(u, indicator, serviceMonthly, now);
    if (gap) incomplete.set(u, gap);
  }
  const lacking = indicator.unitInputs.map((metric, i) =>
    inYear.filter((u) => unitValue(u, metric) === null || short.get(u)?.includes(i) || incomplete.get(u)?.inputs.includes(i)).map((u) => String(u[idField])),
  );
  const matched = inYear.filter((u) => !short.has(u) && !incomplete.has(u) && indicator.unitInputs.every((metric) => unitValue(u, metric) !== null));
  const withheld = !mayRead && matched.length > 0 && matched.length < minUnits;
  const terms = sumTerms(indicator.ast);
  const reasons: UnknownReason[] = [];
  const scope = {
    year,
    baselineYear: indicator.baselineYear,
    scalar: () => null,
    units: () => matched,
    unitValue: (unit: Unit, code: string) => unitValue(unit, catalog().metrics.get(code)!),
    unknown: (reason: UnknownReason) => void reasons.push(reason),
  };
  return {
    indicatorCode: indicator.code,
    regionCode,
    year,
    units: matched.length,
    lacking,
    monthsDiffer: [...short.keys()].map((u) => String(u[idField])),
    monthsIncomplete: [...incomplete.keys()].map((u) => String(u[idField])),
    monthsMissing: [...incomplete.values()].map((gap) => gap.months),
    terms: withheld ? terms.map(() => null) : terms.map((term) => evaluate(term, scope)),
    inputSums: indicator.unitInputs.map((metric) => (withheld ? null : matched.reduce((s, u) => s + unitValue(u, metric)!, 0))),
    inputStatuses: indicator.unitInputs.map((metric) => unitStatus(matched, metric)),
    withheld,
    updatedAt: latestRevision(matched),
  };
}

/** The distinct years of units, ascending. */
export const unitYears = (units: readonly Unit[]): number[] => [...new Set(units.map((u) => u.year))].sort((a, b) => a - b);

/** Units from aligned columns: unit i carries entry i of every column, under its field name, with its id and year. */
export function unitsFromColumns(
  subject: UnitSubject,
  ids: readonly string[],
  years: readonly number[],
  columns: Record<string, readonly unknown[] | null | undefined>,
): Unit[] {
  const idField = UNIT_ID_FIELD[subject];
  const named = Object.entries(columns);
  return ids.map((id, i) => {
    const unit: Unit = { [idField]: id, year: years[i]! };
    for (const [field, column] of named) unit[field] = column?.[i] ?? null;
    return unit;
  });
}

/** Who asks, for the threshold rule: whether the caller's own token may read an indicator's unit-level inputs, and the threshold. */
export interface Disclosure {
  mayRead(indicator: IndicatorDefinition): boolean;
  minUnits: number;
}

/**
 * An owner's totals for every indicator it aggregates over one population's units (each year they cover), among
 * `indicatorCodes` (the indicators the population stands for).
 */
export function populationSums(
  agency: Agency,
  subject: UnitSubject,
  indicatorCodes: ReadonlySet<string>,
  units: readonly Unit[],
  disclosure: Disclosure,
  { regionCode = null, now = new Date() }: { regionCode?: string | null; now?: Date } = {},
): OwnerSums[] {
  const years = unitYears(units);
  return ownedIndicators(agency, subject)
    .filter((indicator) => indicatorCodes.has(indicator.code))
    .flatMap((indicator) => {
      const mayRead = disclosure.mayRead(indicator);
      return years.map((year) => ownerSums(indicator, units, year, { mayRead, minUnits: disclosure.minUnits, regionCode, now }));
    });
}
