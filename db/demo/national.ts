import { NATIONAL } from '../../lib/regions/codes.ts';
import { Random } from './random.ts';
import type { DemoWorld } from './world.ts';

/**
 * National figures, reported for the nation (000000) as the national statistics of the ministry and the energy
 * administration are: the nation's own figure, not the sum of the provinces the demo holds (two of 31), so
 * national targets (seed 002) are judged on a national value. A figure reported for a region wins over the sum
 * of its parts (DOMAIN.md semantics 9). Synthetic magnitudes of the right order for China around 2020, and
 * growth rates like the counties' (traffic 20–30 % a year, telecom energy about 3 %, 5G electricity about 15 %).
 */
const NATIONAL_FIGURES: Record<string, { level2020: [number, number]; growth: [number, number] }> = {
  INFORMATION_TRAFFIC_GB: { level2020: [1.5e11, 1.8e11], growth: [0.2, 0.3] },
  TELECOM_BUSINESS_VOLUME_10K_CNY: { level2020: [1.4e9, 1.6e9], growth: [0.2, 0.3] },
  TRAFFIC_5G_GB: { level2020: [1.0e10, 2.0e10], growth: [0.35, 0.45] },
  TELECOM_ENERGY_TCE: { level2020: [2.5e7, 3.5e7], growth: [0.02, 0.04] },
  BS_5G_ELECTRICITY_KWH: { level2020: [1.5e10, 2.5e10], growth: [0.12, 0.18] },
};

/** One agency's national figures for every demo year, for those of `metrics` the table has, from their own random stream. */
export function nationalFigures(
  world: DemoWorld,
  agency: string,
  metrics: readonly string[],
): { metric: string; subjectId: string; year: number; value: number }[] {
  const random = new Random(world.seed, `${agency}-national`);
  const rows: { metric: string; subjectId: string; year: number; value: number }[] = [];
  for (const metric of metrics) {
    const figure = NATIONAL_FIGURES[metric];
    if (!figure) continue;
    let value = random.float(...figure.level2020);
    for (const year of world.years) {
      if (year > world.years[0]!) value *= 1 + random.float(...figure.growth);
      rows.push({ metric, subjectId: NATIONAL, year, value: Math.round(value) });
    }
  }
  return rows;
}
