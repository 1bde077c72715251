import { sql } from 'drizzle-orm';
import type { Agency } from '../agencies.ts';
import { databaseTarget, host, port } from '../config.ts';
import type { RunningServer } from '../http.ts';
import { loadSubgraph } from './registry.ts';
import { prepareDatabase, startSubgraph } from './runtime.ts';
import { openDatabase, type Database } from '../../db/connection.ts';
import type { DemoWorld } from '../../db/demo/world.ts';

export interface BootedSubgraph {
  agency: Agency;
  server: RunningServer;
  database: Database;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Opens the agency's configured database, migrates (and seeds a new one), then listens. */
export async function bootSubgraph(agency: Agency, options: { world?: DemoWorld | undefined } = {}): Promise<BootedSubgraph> {
  const module = await loadSubgraph(agency);
  const database = await openDatabase(databaseTarget(agency));
  try {
    const { regions, seeded } = await prepareDatabase(module, database, { world: options.world });
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
