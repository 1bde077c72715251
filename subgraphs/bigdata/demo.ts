import type { Db } from '../../db/connection.ts';
import { stampPublication } from '../../db/demo/publication.ts';
import { insertChunked } from '../../db/insert.ts';
import { Random } from '../../db/demo/random.ts';
import type { DemoWorld } from '../../db/demo/world.ts';
import { bigdataMetrics } from './metrics.ts';
import { cluster, dataCenter, observation, zone } from './tables.ts';

const { RACKS_RETIRED } = bigdataMetrics;

/**
 * The register as the Big Data Bureau would hold it, plus racks retired since 2021 by older centres,
 * as RACKS_RETIRED observations (the last demo year still provisional).
 */
export async function seedDemo(db: Db, world: DemoWorld): Promise<void> {
  const random = new Random(world.seed, 'bigdata');
  await insertChunked(
    db,
    cluster,
    world.clusters.map(({ countyCodes: _, ...c }) => c),
  );
  await insertChunked(
    db,
    zone,
    world.zones.filter((z) => world.clusters.some((c) => c.id === z.clusterId)).map(({ countyCode, ...z }) => ({ ...z, regionCode: countyCode })),
  );
  await insertChunked(
    db,
    dataCenter,
    world.dataCenters.map(({ profile: _, ...dc }) => dc),
  );
  const retirements: (typeof observation.$inferInsert)[] = world.dataCenters
    .filter((dc) => dc.buildType === 'EXISTING')
    .flatMap((dc) =>
      world.years
        .filter((year) => year >= 2021 && random.chance(0.25))
        .map((year) => ({
          metric: RACKS_RETIRED.code,
          subjectKind: RACKS_RETIRED.subjectKind,
          subjectId: dc.id,
          period: String(year),
          year,
          value: Math.max(1, Math.round(dc.designRacks * random.float(0.01, 0.08))),
          status: year === world.years.at(-1) ? ('PROVISIONAL' as const) : ('FINAL' as const),
        })),
    );
  await insertChunked(db, observation, retirements, 5000);
  await stampPublication(db, observation);
}
