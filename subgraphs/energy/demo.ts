import type { Db } from '../../db/connection.ts';
import { stampPublication } from '../../db/demo/publication.ts';
import { insertChunked } from '../../db/insert.ts';
import { nationalFigures } from '../../db/demo/national.ts';
import { Random } from '../../db/demo/random.ts';
import type { DemoWorld } from '../../db/demo/world.ts';
import { coreRoomObservations, dataCenterObservations } from './demo/facilities.ts';
import { demoGaps } from './demo/gaps.ts';
import { pvInstallations } from './demo/pv.ts';
import { countyObservations, enterpriseObservations } from './demo/regions.ts';
import { obs, writeAll } from './demo/rows.ts';
import { METRICS, type MetricCode } from './metrics.ts';
import { observation, pvInstallation } from './tables.ts';

export { demoGaps, type DemoGaps } from './demo/gaps.ts';

/**
 * The Energy Bureau's slice of the demo world: monthly meters of data centres and core rooms,
 * yearly county and enterprise figures, renewables and the PV register. 2020–2024 are FINAL,
 * 2025 PROVISIONAL. The deliberate gaps are documented in demo/gaps.ts and queryable with
 * `demoGaps(world)`.
 */
export async function seedDemo(db: Db, world: DemoWorld): Promise<void> {
  const random = new Random(world.seed, 'energy');
  const gaps = demoGaps(world);
  await writeAll(db, dataCenterObservations(world, random, gaps));
  await writeAll(db, coreRoomObservations(world, random));
  await writeAll(db, countyObservations(world, random, gaps));
  await writeAll(db, enterpriseObservations(world, gaps));
  await writeAll(
    db,
    nationalFigures(world, 'energy', Object.keys(METRICS)).map((r) => obs(r.metric as MetricCode, r.subjectId, String(r.year), r.value)),
  );
  await insertChunked(db, pvInstallation, pvInstallations(world, random));
  await stampPublication(db, observation);
}
