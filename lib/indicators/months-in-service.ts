import { lastEndedMonth } from '../calendar.ts';
import { UNIT_KINDS } from '../unit-kinds.ts';
import type { IndicatorDefinition, UnitSubject } from './catalog.ts';

/**
 * Months in service: a unit's monthly flow (a data centre's total energy) counts as reported for a year only when it
 * covers every month the unit was in service that year. One January does not stand for a year: summed, it understates
 * the year's energy, and over it a ratio to an annual figure (renewable ÷ total) overstates. Pure: the owner's aggregate
 * (lib/indicators/owner-sums.ts) calls it, and bench/sql-floor.ts applies the same rule in SQL.
 */

/** The months of a year a unit must have reported a monthly flow for: `from` through `through`, both 1–12. */
export interface ServiceSpan {
  from: number;
  /** The last month required; `LAST_REPORTED` in the year the register says the unit closed (it keeps no closing month). */
  through: number | 'LAST_REPORTED';
}

/** The unit inputs (indices into `unitInputs`) that are monthly flows: what must cover the months in service. */
export function monthlyInputs(indicator: IndicatorDefinition): number[] {
  return indicator.unitInputs.flatMap((m, i) => (m.aggregation === 'FLOW' && m.observation?.periodicity === 'MONTHLY' ? [i] : []));
}

/** The register's public fields of a kind of unit that say when it was in service (commissioning day, closing year); none for a kind without them. */
export function inServiceFields(subject: UnitSubject): string[] {
  const fields = UNIT_KINDS[subject].inService;
  return fields ? [fields.since, fields.closedYear] : [];
}

/**
 * The months of `year` a unit was in service, as far as they have ended at `now`: from its commissioning month if it
 * was commissioned that year (else January), through December, or through the last month it reported in the year the
 * register says it closed, or through the last month ended before `now`'s in the current year. A unit without the
 * register's dates (a core room: comms keeps none) is in service all year.
 */
export function serviceSpan(unit: Record<string, unknown>, subject: UnitSubject, year: number, now: Date): ServiceSpan {
  const fields = UNIT_KINDS[subject].inService;
  const since = fields ? unit[fields.since] : null;
  const closedYear = fields ? unit[fields.closedYear] : null;
  const from = typeof since === 'string' && Number(since.slice(0, 4)) === year ? Number(since.slice(5, 7)) : 1;
  if (closedYear !== null && closedYear !== undefined && Number(closedYear) === year) return { from, through: 'LAST_REPORTED' };
  return { from, through: lastEndedMonth(year, now) };
}

/** The last month set in a mask of months (bit m for month m), 0 for none. */
const lastMonth = (mask: number): number => (mask === 0 ? 0 : 31 - Math.clz32(mask));

/** The months of a span a mask of reported months (bit m for month m) lacks, ascending: none when it covers them. */
export function monthsMissing(mask: number, span: ServiceSpan): number[] {
  const through = span.through === 'LAST_REPORTED' ? lastMonth(mask) : span.through;
  const missing: number[] = [];
  for (let month = span.from; month <= through; month++) if ((mask & (1 << month)) === 0) missing.push(month);
  return missing;
}

/** Months as people read them in a message: `2024-02…2024-12` for a run, commas between runs. */
export function formatMonths(year: number, months: readonly number[]): string {
  const label = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  const runs: [number, number][] = [];
  for (const m of months) {
    const run = runs.at(-1);
    if (run && run[1] === m - 1) run[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? label(a) : b === a + 1 ? `${label(a)}, ${label(b)}` : `${label(a)}…${label(b)}`)).join(', ');
}
