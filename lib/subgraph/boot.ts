import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { AGENCIES, type Agency } from '../agencies.ts';
import { databaseTarget, host, port } from '../config.ts';
import type { RunningServer } from '../http.ts';
import { loadSubgraph } from './registry.ts';
import { prepareDatabase, startSubgraph } from './runtime.ts';
import { currentSnapshot } from './snapshot.ts';
import { openDatabase, type Database } from '../../db/connection.ts';
import type { DemoWorld } from '../../db/demo/world.ts';

export interface BootedSubgraph {
  agency: Agency;
  server: RunningServer;
  database: Database;
  /** Whether demo data was loaded into a new database: generated, or from the committed snapshot. */
  seeded: false | 'demo data loaded' | 'demo snapshot loaded';
  stop(): Promise<void>;
}

/**
 * Opens the agency's configured database, migrates (and seeds a new one), then listens. A new PGlite
 * database that is to hold the default demo world starts from the committed snapshot when it is current
 * (lib/subgraph/snapshot.ts); otherwise the world is generated (`world` as a function: only then).
 */
export async function bootSubgraph(
  agency: Agency,
  options: { world?: DemoWorld | (() => DemoWorld) | undefined; /** `world` is the default demo world, which the snapshot holds. */ snapshot?: boolean } = {},
): Promise<BootedSubgraph> {
  const module = await loadSubgraph(agency);
  const target = databaseTarget(agency);
  const fresh = target.kind === 'pglite' && target.dataDir !== undefined && !existsSync(target.dataDir);
  let snapshot: Blob | null = null;
  if (fresh && options.world !== undefined && options.snapshot) {
    const current = currentSnapshot();
    if (current.stale) console.warn(`${current.stale}; generating the demo data instead (npm run snapshot refreshes it)`);
    snapshot = current.blob;
  }
  const database = await openDatabase(target, snapshot ? { loadDataDir: snapshot } : {});
  try {
    // The snapshot holds every agency's schema; this database keeps only its own.
    if (snapshot) for (const other of AGENCIES.filter((a) => a !== agency)) await resetAgency(database, other);
    const prepared = await prepareDatabase(module, database, { world: options.world });
    const seeded = snapshot ? 'demo snapshot loaded' : prepared.seeded ? 'demo data loaded' : false;
    const { regions } = prepared;
    const server = await startSubgraph(module, { database, regions, port: port(agency), host: host() });
    return {
      agency,
      server,
      database,
      seeded,
      stop: async () => {
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Drops an agency's schema and migration history, for `npm run seed` to rebuild it. */
export async function resetAgency(database: Database, agency: Agency): Promise<void> {
  await database.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${agency}" CASCADE`));
  await database.db.execute(sql.raw(`DROP TABLE IF EXISTS "drizzle"."${agency}_migrations"`));
}

/** Drops and rebuilds each agency's database with the given demo world (npm run seed, npm run bench). */
export async function reseed(agencies: readonly Agency[], world: DemoWorld, log: (line: string) => void = console.log): Promise<void> {
  for (const agency of agencies) {
    const started = performance.now();
    const database = await openDatabase(databaseTarget(agency));
    try {
      await resetAgency(database, agency);
      await prepareDatabase(await loadSubgraph(agency), database, { world });
    } finally {
      await database.close();
    }
    log(`  ${agency.padEnd(8)} seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
