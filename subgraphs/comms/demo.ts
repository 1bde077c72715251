import type { Db } from '../../db/connection.ts';
import { stampPublication } from '../../db/demo/publication.ts';
import { insertChunked } from '../../db/insert.ts';
import { nationalFigures } from '../../db/demo/national.ts';
import { Random } from '../../db/demo/random.ts';
import type { DemoDataCenter, DemoWorld } from '../../db/demo/world.ts';
import { commsMetrics } from './metrics.ts';
import { coreRoom, observation, operator, site5g, tower } from './tables.ts';

type ObservationInsert = typeof observation.$inferInsert;

/** The last demo year is still provisional; earlier years are published. */
const statusOf = (year: number, world: DemoWorld): 'PROVISIONAL' | 'FINAL' => (year === world.years.at(-1) ? 'PROVISIONAL' : 'FINAL');

/** Share of new 5G sites per basic operator, roughly as the national roll-out went. */
const SITE_OPERATOR_WEIGHTS: Record<string, number> = { CHINA_MOBILE: 0.42, CHINA_TELECOM: 0.26, CHINA_UNICOM: 0.24, CHINA_BROADNET: 0.08 };

/** Base stations per physical site, averaging 3 (the 300% utilisation target of seed 004 annex #4). */
const BASE_STATIONS = [1, 2, 2, 3, 3, 3, 4, 4, 5] as const;

/** A few IDC reports go unfiled, so the indicator engine has real "missing input" cases. */
const MISSING_REPORT_CHANCE = 0.004;

function weightedPick(random: Random, weights: Record<string, number>): string {
  const entries = Object.entries(weights);
  let r = random.float(
    0,
    entries.reduce((sum, [, w]) => sum + w, 0),
  );
  for (const [id, w] of entries) {
    r -= w;
    if (r < 0) return id;
  }
  return entries.at(-1)![0];
}

/** New 5G sites and towers per county and year: about ten sites and six towers each, ~80% / ~75% built by sharing. */
function siteRegisters(world: DemoWorld, random: Random) {
  const sites: (typeof site5g.$inferInsert)[] = [];
  const towers: (typeof tower.$inferInsert)[] = [];
  for (const county of world.regions.filter((r) => r.level === 'COUNTY')) {
    const siteSharing = random.float(0.72, 0.9);
    const towerSharing = random.float(0.65, 0.85);
    for (const year of world.years) {
      const siteCount = random.int(5, 15);
      for (let n = 1; n <= siteCount; n++) {
        sites.push({
          id: `5G-${county.code}-${year}-${String(n).padStart(4, '0')}`,
          operatorId: weightedPick(random, SITE_OPERATOR_WEIGHTS),
          regionCode: county.code,
          builtYear: year,
          builtBySharing: random.chance(siteSharing),
          baseStations: random.pick(BASE_STATIONS),
        });
      }
      const towerCount = random.int(3, 9);
      for (let n = 1; n <= towerCount; n++) {
        towers.push({
          id: `TWR-${county.code}-${year}-${String(n).padStart(3, '0')}`,
          regionCode: county.code,
          builtYear: year,
          shared: random.chance(towerSharing),
        });
      }
    }
  }
  return { sites, towers };
}

const inService = (dc: DemoDataCenter, year: number) => Number(dc.commissionedOn.slice(0, 4)) <= year && (dc.closedYear === null || dc.closedYear >= year);

/** Yearly racks in use per data centre in service: its utilisation hint times a small random walk, capped at design racks. */
function rackUsage(world: DemoWorld, random: Random): ObservationInsert[] {
  const rows: ObservationInsert[] = [];
  for (const dc of world.dataCenters) {
    let drift = 1;
    for (const year of world.years) {
      // Draw every year, in service or not, so one centre's history does not shift the next one's.
      drift *= random.float(0.97, 1.03);
      const missing = random.chance(MISSING_REPORT_CHANCE);
      if (!inService(dc, year) || missing) continue;
      const racks = Math.min(dc.designRacks, Math.round(dc.designRacks * dc.profile.utilisation * drift));
      rows.push({
        metric: commsMetrics.RACKS_IN_USE.code,
        subjectKind: 'DATA_CENTER',
        subjectId: dc.id,
        period: String(year),
        year,
        value: racks,
        status: statusOf(year, world),
      });
    }
  }
  return rows;
}

/**
 * County flows from plausible 2020 levels (a Shanghai district carries a few hundred million GB a
 * year), each growing 20–30% a year; 5G starts as 6–14% of all traffic.
 */
function regionFlows(world: DemoWorld, random: Random): ObservationInsert[] {
  const rows: ObservationInsert[] = [];
  for (const county of world.regions.filter((r) => r.level === 'COUNTY')) {
    const traffic = random.float(3e7, 4e8);
    const base: Record<string, number> = {
      [commsMetrics.INFORMATION_TRAFFIC_GB.code]: traffic,
      [commsMetrics.TELECOM_BUSINESS_VOLUME_10K_CNY.code]: random.float(1.5e5, 1.5e6),
      [commsMetrics.TRAFFIC_5G_GB.code]: traffic * random.float(0.06, 0.14),
    };
    for (const [metric, level2020] of Object.entries(base)) {
      let value = level2020;
      for (const year of world.years) {
        if (year > world.years[0]!) value *= 1 + random.float(0.2, 0.3);
        rows.push({
          metric,
          subjectKind: 'REGION',
          subjectId: county.code,
          period: String(year),
          year,
          value: Math.round(value),
          status: statusOf(year, world),
        });
      }
    }
  }
  return rows;
}

/** The Communications Administration's registers and reports, drawn from the shared demo world. */
export async function seedDemo(db: Db, world: DemoWorld): Promise<void> {
  const random = new Random(world.seed, 'comms');
  await insertChunked(db, operator, world.operators);
  await insertChunked(
    db,
    coreRoom,
    world.coreRooms.map(({ profile: _, ...room }) => room),
  );
  const { sites, towers } = siteRegisters(world, random);
  // Larger chunks than the default: these are the big tables at national scale, and every chunk stays under 65,535 parameters.
  await insertChunked(db, site5g, sites, 5000);
  await insertChunked(db, tower, towers, 5000);
  const national = nationalFigures(world, 'comms', Object.keys(commsMetrics)).map((r) => ({
    ...r,
    subjectKind: 'REGION' as const,
    period: String(r.year),
    status: statusOf(r.year, world),
  }));
  await insertChunked(db, observation, [...rackUsage(world, random), ...regionFlows(world, random), ...national], 5000);
  await stampPublication(db, observation);
}
