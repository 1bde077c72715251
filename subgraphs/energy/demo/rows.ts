import type { Db } from '../../../db/connection.ts';
import { METRICS, type MetricCode } from '../metrics.ts';
import { insertObservations, type ObservationInsert } from '../repository.ts';

export type { ObservationInsert } from '../repository.ts';

/** The last year whose figures are final; later ones are still provisional. */
export const LAST_FINAL_YEAR = 2024;

/** One observation row; kind and status follow from the metric and the year. */
export function obs(metric: MetricCode, subjectId: string, period: string, value: number): ObservationInsert {
  const year = Number(period.slice(0, 4));
  return { metric, subjectKind: METRICS[metric].subjectKind, subjectId, period, year, value, status: year <= LAST_FINAL_YEAR ? 'FINAL' : 'PROVISIONAL' };
}

export const monthPeriod = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

export const hoursIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate() * 24;

/** Summer peak (July/August) = +1, winter trough = −1: cooling load follows it. */
export const season = (month: number): number => Math.cos((2 * Math.PI * (month - 7.5)) / 12);

/**
 * Streams generated rows into the table in chunks, so a national-scale world (millions of
 * monthly readings) never sits in memory at once.
 */
export async function writeAll(db: Db, rows: Iterable<ObservationInsert>, flushAt = 20_000): Promise<number> {
  let buffer: ObservationInsert[] = [];
  let written = 0;
  for (const row of rows) {
    buffer.push(row);
    if (buffer.length >= flushAt) {
      await insertObservations(db, buffer);
      written += buffer.length;
      buffer = [];
    }
  }
  if (buffer.length > 0) await insertObservations(db, buffer);
  return written + buffer.length;
}
