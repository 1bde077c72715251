import type { ObservationReading } from '../../db/observation-table.ts';
import { yearValue } from '../../lib/observations.ts';
import { METRICS, type MetricCode } from './metrics.ts';

/** A metric's value for the year the rows belong to, combined as the metric's definition says. */
export const metricYearValue = (rows: readonly ObservationReading[], code: MetricCode): number | null => yearValue(rows, code, METRICS[code].aggregation);

/** PUE is total ÷ IT (seed 002; seed 004's annex prints it upside down). Unknown without both, or with no IT load. */
export function pue(totalKwh: number | null, itKwh: number | null): number | null {
  if (totalKwh === null || itKwh === null || itKwh === 0) return null;
  return totalKwh / itKwh;
}

/** The two meters of a facility: data centres and core rooms report the same pair under different codes. */
export interface FacilityMetrics {
  total: MetricCode;
  it: MetricCode;
}

export const DATA_CENTER_METERS: FacilityMetrics = { total: 'DC_TOTAL_ENERGY_KWH', it: 'DC_IT_ENERGY_KWH' };
export const CORE_ROOM_METERS: FacilityMetrics = { total: 'CORE_ROOM_TOTAL_ENERGY_KWH', it: 'CORE_ROOM_IT_ENERGY_KWH' };

/**
 * A facility-year: each meter summed over the year's months, and PUE as Σ total ÷ Σ IT (never a
 * mean of monthly ratios). PUE only counts months where both meters were reported: a month with
 * one meter missing would otherwise count the other as zero and could push PUE below 1.
 */
export function facilityYear(rows: readonly ObservationReading[], meters: FacilityMetrics) {
  const paired = readings(rows, meters).filter((r) => r.totalEnergyKwh !== null && r.itEnergyKwh !== null);
  const sum = (field: 'totalEnergyKwh' | 'itEnergyKwh') => (paired.length === 0 ? null : paired.reduce((s, r) => s + r[field]!, 0));
  return {
    totalEnergyKwh: metricYearValue(rows, meters.total),
    itEnergyKwh: metricYearValue(rows, meters.it),
    pue: pue(sum('totalEnergyKwh'), sum('itEnergyKwh')),
  };
}

export interface EnergyReading {
  period: string;
  totalEnergyKwh: number | null;
  itEnergyKwh: number | null;
  status: 'PROVISIONAL' | 'FINAL';
}

/** Pairs the two meters per period, oldest first; a period with one meter missing keeps a null rather than a zero. */
export function readings(rows: readonly ObservationReading[], meters: FacilityMetrics): EnergyReading[] {
  const byPeriod = new Map<string, EnergyReading>();
  for (const row of rows) {
    const field = row.metric === meters.total ? 'totalEnergyKwh' : row.metric === meters.it ? 'itEnergyKwh' : null;
    if (field === null) continue;
    const reading = byPeriod.get(row.period) ?? { period: row.period, totalEnergyKwh: null, itEnergyKwh: null, status: 'FINAL' };
    reading[field] = row.value;
    if (row.status === 'PROVISIONAL') reading.status = 'PROVISIONAL';
    byPeriod.set(row.period, reading);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Weakest status among a subject-year's observations: PROVISIONAL if any is. */
export function weakestStatus(rows: readonly ObservationReading[]): 'PROVISIONAL' | 'FINAL' | null {
  if (rows.length === 0) return null;
  return rows.some((r) => r.status === 'PROVISIONAL') ? 'PROVISIONAL' : 'FINAL';
}
