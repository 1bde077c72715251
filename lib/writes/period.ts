import type { Periodicity } from '../observations.ts';

export type PeriodCheck = { ok: true; year: number } | { ok: false; code: 'INVALID_PERIOD' | 'PERIOD_IN_FUTURE' | 'PERIOD_OUT_OF_RANGE'; message: string };

const ANNUAL = /^(\d{4})$/;
const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A period is accepted when it has the metric's shape, has started by `now`, and is not before
 * `earliestYear`. The current year or month is allowed: provisional figures come in during it.
 */
export function checkPeriod(period: string, periodicity: Periodicity, now: Date, earliestYear: number): PeriodCheck {
  // One pattern per shape, chosen by length: a bulk batch checks 10,000 periods.
  const annual = period.length === 4 ? ANNUAL.exec(period) : null;
  const monthly = period.length === 7 ? MONTHLY.exec(period) : null;
  if (!annual && !monthly) return { ok: false, code: 'INVALID_PERIOD', message: `"${period}" is not a period; write YYYY for a year or YYYY-MM for a month.` };
  if (periodicity === 'ANNUAL' && !annual)
    return { ok: false, code: 'INVALID_PERIOD', message: `"${period}" is monthly but this metric is annual; write the year as YYYY.` };
  if (periodicity === 'MONTHLY' && !monthly)
    return { ok: false, code: 'INVALID_PERIOD', message: `"${period}" is a year but this metric is monthly; send each month as YYYY-MM.` };
  const year = Number((annual ?? monthly)![1]);
  const month = monthly ? Number(monthly[2]) : 1;
  if (year < earliestYear)
    return { ok: false, code: 'PERIOD_OUT_OF_RANGE', message: `${period} is before ${earliestYear}, the earliest year this federation accepts.` };
  const currentYear = now.getUTCFullYear();
  const currentMonth = now.getUTCMonth() + 1;
  if (year > currentYear || (monthly && year === currentYear && month > currentMonth)) {
    return { ok: false, code: 'PERIOD_IN_FUTURE', message: `${period} has not started yet (today is ${now.toISOString().slice(0, 10)}).` };
  }
  return { ok: true, year };
}
