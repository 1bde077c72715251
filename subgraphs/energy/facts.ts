import type { ObservationReading } from '../../db/observation-table.ts';
import { valueInYear, type MetricYear } from '../../lib/observations.ts';
import { METRICS, type MetricCode } from './metrics.ts';

/** An energy metric's value in a subject-year, combined over the year as the metric's definition says. */
export const yearly = (year: readonly MetricYear[], code: MetricCode): number | null => valueInYear(year, code, METRICS[code].aggregation);

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
 * A facility-year's PUE as Σ total ÷ Σ IT (never a mean of monthly ratios), over the months where both
 * meters were reported: a month with one meter missing would otherwise count the other as zero and
 * could push PUE below 1. The meters' own yearly sums come from `metricYears`.
 */
export function pairedPue(rows: readonly ObservationReading[], meters: FacilityMetrics): number | null {
  const paired = readings(rows, meters).filter((r) => r.totalEnergyKwh !== null && r.itEnergyKwh !== null);
  if (paired.length === 0) return null;
  return pue(
    paired.reduce((s, r) => s + r.totalEnergyKwh!, 0),
    paired.reduce((s, r) => s + r.itEnergyKwh!, 0),
  );
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
