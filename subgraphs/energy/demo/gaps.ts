import { SHANGHAI } from '../../../lib/regions/codes.ts';
import type { DemoWorld } from '../../../db/demo/world.ts';

/**
 * Holes the demo data has on purpose, chosen by rule rather than by id so that tests of the
 * indicator engine can ask the generator where they are:
 *
 * - `dataCenterMissingMonth`: the first data centre in world order that is in service for the
 *   whole of 2023 (commissioned 2022 or earlier, never closed) has no 2023-07 reading, neither
 *   meter. Its 2023 sums cover eleven months; its PUE is still the ratio of those sums.
 * - `countyLate2025`: the highest-coded Shanghai district (崇明) has not reported its 2025
 *   BS_5G_ELECTRICITY_KWH or TELECOM_ENERGY_TCE yet (a late unit, not a missing one: the other
 *   districts have). Every district has its 2020 baseline, so Shanghai's baseline indicators exist
 *   for 2021–2024 (Chongqing's, which the dashboard benchmark reads, stay complete).
 * - `enterpriseWithout2025`: the first enterprise in world order has not reported its 2025
 *   energy use yet.
 */
export interface DemoGaps {
  dataCenterMissingMonth: { dataCenterId: string; period: string } | null;
  countyLate2025: string | null;
  enterpriseWithout2025: string | null;
}

export function demoGaps(world: DemoWorld): DemoGaps {
  const dc = world.dataCenters.find((d) => Number(d.commissionedOn.slice(0, 4)) <= 2022 && d.closedYear === null);
  const shanghaiDistricts = world.regions
    .filter((r) => r.level === 'COUNTY' && r.parentCode === SHANGHAI)
    .map((r) => r.code)
    .sort();
  return {
    dataCenterMissingMonth: dc ? { dataCenterId: dc.id, period: '2023-07' } : null,
    countyLate2025: shanghaiDistricts.at(-1) ?? null,
    enterpriseWithout2025: world.enterprises[0]?.uscc ?? null,
  };
}
