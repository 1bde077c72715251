import { CHONGQING, SHANGHAI } from '../../../lib/regions/codes.ts';
import type { DemoEnterprise, DemoWorld } from '../../../db/demo/world.ts';
import type { Random } from '../../../db/demo/random.ts';
import type { pvInstallation } from '../tables.ts';

type PvInsert = typeof pvInstallation.$inferInsert;

/** Chance that one usable roof carries PV: Shanghai's 百一 plan (seed 003) pushes hardest. */
function roofChance(parentOf: ReadonlyMap<string, string | null>, enterprise: DemoEnterprise): number {
  const parent = parentOf.get(enterprise.regionCode);
  if (parent === SHANGHAI) return 0.7;
  if (parent === CHONGQING) return 0.35;
  return 0.25;
}

/** Later years weigh more: the PV push started in 2022. */
const COMMISSIONING_YEARS = [2018, 2019, 2020, 2021, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024, 2025, 2025];

const date = (random: Random): string =>
  `${random.pick(COMMISSIONING_YEARS)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

/**
 * PV on enterprises' roofs (never more rooftop installations than the enterprise has usable
 * roofs, so the rooftop ratio stays ≤ 100 %), plus a few carport or ground installations.
 * Capacity is 100–160 W per m² of roof.
 */
export function pvInstallations(world: DemoWorld, random: Random): PvInsert[] {
  const out: PvInsert[] = [];
  const perRegion = new Map<string, number>();
  const nextId = (regionCode: string): string => {
    const seq = (perRegion.get(regionCode) ?? 0) + 1;
    perRegion.set(regionCode, seq);
    return `PV-${regionCode}-${String(seq).padStart(4, '0')}`;
  };
  const parentOf = new Map(world.regions.map((r) => [r.code, r.parentCode]));
  for (const enterprise of world.enterprises) {
    if (enterprise.usableRoofs === 0) continue;
    const chance = roofChance(parentOf, enterprise);
    for (let roof = 0; roof < enterprise.usableRoofs; roof++) {
      if (!random.chance(chance)) continue;
      const area = random.float(1500, 25000);
      const surveyed = random.chance(0.9);
      out.push({
        id: nextId(enterprise.regionCode),
        regionCode: enterprise.regionCode,
        enterpriseUscc: enterprise.uscc,
        capacityKw: Math.round(area * random.float(0.1, 0.16) * 10) / 10,
        commissionedOn: date(random),
        onRoof: true,
        roofAreaM2: surveyed ? Math.round(area) : null,
      });
    }
    if (random.chance(0.1)) {
      out.push({
        id: nextId(enterprise.regionCode),
        regionCode: enterprise.regionCode,
        enterpriseUscc: enterprise.uscc,
        capacityKw: Math.round(random.float(100, 1500) * 10) / 10,
        commissionedOn: date(random),
        onRoof: false,
        roofAreaM2: null,
      });
    }
  }
  return out;
}
