// Strict readings of ISO 8601 calendar days and instants, shared by every place that takes one (the Date and
// DateTime scalars, register rows, the release register, export and report parameters). V8's Date.parse rolls
// impossible fields over (2023-02-30 reads as 2023-03-02, T24:00 as the next midnight), which Postgres then
// refuses or, worse, which silently names another day; so a string is taken only when the date it reads as shows
// the very fields that were written.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant with its zone: minutes required, seconds and any fraction of them optional, `Z` or `±hh:mm`. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Year, month, day, hour, minute, second as written, from a pattern's captures (absent ones are 0). */
type Fields = readonly (string | undefined)[];

/** True when `at`, read in UTC, shows exactly `fields`: nothing rolled over into the next minute, day or month. */
function showsFields(at: Date, fields: Fields): boolean {
  if (Number.isNaN(at.getTime())) return false;
  const shown = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()];
  return shown.every((value, i) => value === Number(fields[i] ?? 0));
}

/** True for a day that exists, written `YYYY-MM-DD`: 2024-02-29 is one, 2023-02-29 and 2023-02-30 are not. */
export function isCalendarDate(text: string): boolean {
  const match = DAY.exec(text);
  return match !== null && showsFields(new Date(`${text}T00:00:00Z`), [match[1], match[2], match[3]]);
}

/**
 * The instant an ISO 8601 string with a zone names (`2026-03-31T16:00:00Z`, `2026-04-01T00:00+08:00`,
 * `…:00.123Z`), or null when it is not one: no zone, or a field out of range (`2024-02-30`, `T24:00`, `+05:60`).
 */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, sign, offsetHours = '0', offsetMinutes = '0'] = match;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null;
  const at = new Date(text);
  // The fields were written in the zone's local time: shift the instant back into it before comparing.
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return showsFields(new Date(at.getTime() + offset), [year, month, day, hour, minute, second]) ? at : null;
}

/** An instant as people read it in a message: ISO 8601 in UTC, without the milliseconds of a whole second. */
export const formatInstant = (at: Date): string => at.toISOString().replace(/\.000Z$/, 'Z');

/**
 * The last month of `year` that has ended by `now` (read in UTC, as periods are checked on write): 12 for a year gone
 * by, the month before today's in the current year (0 in its January), 0 for a year not begun. A monthly flow can be
 * complete only through this month.
 */
export function lastEndedMonth(year: number, now: Date = new Date()): number {
  const current = now.getUTCFullYear();
  if (year < current) return 12;
  return year === current ? now.getUTCMonth() : 0;
}
