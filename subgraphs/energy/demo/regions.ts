import { CHONGQING, SHANGHAI } from '../../../lib/regions/codes.ts';
import type { DemoWorld } from '../../../db/demo/world.ts';
import type { Random } from '../../../db/demo/random.ts';
import { KGCE_PER_KWH_EQUIVALENT } from '../metrics.ts';
import type { DemoGaps } from './gaps.ts';
import { obs, type ObservationInsert } from './rows.ts';

/** 2020 5G base-station electricity of a county, kWh: Shanghai's districts are densest. */
function bs5gBaseline(random: Random, provinceCode: string | null): number {
  if (provinceCode === SHANGHAI) return random.float(20e6, 60e6);
  if (provinceCode === CHONGQING) return random.float(8e6, 40e6);
  return random.float(2e6, 15e6);
}

/**
 * County-level yearly 5G base-station electricity and telecom comprehensive energy. 5G electricity
 * grows about 15 % a year and telecom energy about 3 %, well below traffic growth, so the
 * traffic-per-energy indicators (seed 002 #1, #2, #6) improve against 2020. The telecom total is
 * 4–7 times the 5G electricity's coal equivalent in 2020 (0.1229 kgce/kWh, GB/T 2589).
 */
export function* countyObservations(world: DemoWorld, random: Random, gaps: DemoGaps): Generator<ObservationInsert> {
  for (const county of world.regions.filter((r) => r.level === 'COUNTY')) {
    let bs5g = bs5gBaseline(random, county.parentCode);
    let telecom = ((bs5g * KGCE_PER_KWH_EQUIVALENT) / 1000) * random.float(4, 7);
    const bsGrowth = random.normal(0.15, 0.03);
    const telecomGrowth = random.normal(0.03, 0.01);
    for (const year of world.years) {
      if (year > world.years[0]!) {
        bs5g *= 1 + bsGrowth + random.normal(0, 0.02);
        telecom *= 1 + telecomGrowth + random.normal(0, 0.01);
      }
      if (year === 2025 && county.code === gaps.countyLate2025) continue;
      const period = String(year);
      yield obs('BS_5G_ELECTRICITY_KWH', county.code, period, Math.round(bs5g));
      yield obs('TELECOM_ENERGY_TCE', county.code, period, Math.round(telecom * 10) / 10);
    }
  }
}

/** Each enterprise's yearly comprehensive energy use: the 2020 profile value compounded by its drift, to 0.1 tce. */
export function* enterpriseObservations(world: DemoWorld, gaps: DemoGaps): Generator<ObservationInsert> {
  for (const enterprise of world.enterprises) {
    for (const year of world.years) {
      if (year === 2025 && enterprise.uscc === gaps.enterpriseWithout2025) continue;
      const tce = enterprise.profile.energyTce2020 * (1 + enterprise.profile.drift) ** (year - 2020);
      yield obs('ENTERPRISE_ENERGY_TCE', enterprise.uscc, String(year), Math.round(tce * 10) / 10);
    }
  }
}
