import { buildSubgraphSchema } from '@apollo/subgraph';
import { count } from 'drizzle-orm';
import type { GraphQLSchema } from 'graphql';
import type { Agency } from '../agencies.ts';
import { subgraphTypeDefs } from '../subgraphs.ts';
import { REGION_CODES, type RegionCode } from '../regions/codes.ts';
import { RegionDirectory } from '../regions/directory.ts';
import { AmountScalar, CalendarDayScalar, DateScalar, DateTimeScalar } from '../scalars.ts';
import { regionResolvers } from './regions.ts';
import { serve, type RunningServer } from '../http.ts';
import { maxBodyBytes } from '../config.ts';
import { ingestRoute } from '../writes/ingest-route.ts';
import type { ObservationStore } from '../writes/observations.ts';
import type { ImportBatchTable } from '../../db/write-tables.ts';
import { enforceUnitLevel } from '../auth/unit-level.ts';
import { EmbargoRegister, embargoGate, type EmbargoGate } from '../embargo.ts';
import { createLogger } from '../observability/logger.ts';
import { withholdEmbargoed, type ScopeRegion } from './embargo.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database, Db } from '../../db/connection.ts';
import { insertChunked } from '../../db/insert.ts';
import { migrateAgency } from '../../db/migrate.ts';
import type { regionTable } from '../../db/region-table.ts';
import type { DemoWorld } from '../../db/demo/world.ts';
import { RequestMemo } from '../request-memo.ts';

export interface SubgraphContext<L> {
  db: Db;
  regions: RegionDirectory;
  loaders: L;
  /** The caller, from the bearer token this subgraph verified itself (it is reachable without the gateway). */
  viewer: Viewer;
  /** Which of this agency's figures the release register's embargoes withhold from the caller (lib/embargo.ts). */
  embargo: EmbargoGate;
  /** What several resolvers of this request compute once (a cube's unit lists, a population's members). */
  memo: RequestMemo;
}

/** What each agency's folder provides; everything else about running a subgraph is shared. */
export interface SubgraphModule<L> {
  agency: Agency;
  // Resolver maps are typed by each subgraph's generated types; here only their shape matters.
  resolvers: Record<string, object>;
  regionTable: ReturnType<typeof regionTable>;
  createLoaders(db: Db, regions: RegionDirectory): L;
  /** Writes this agency's slice of the demo world. Runs inside one transaction on an empty database. */
  seedDemo(db: Db, world: DemoWorld): Promise<void>;
  /** The agency's observation store and batch log, also served as bulk ingestion (`POST /ingest/observations`). */
  observations: { store: ObservationStore; batches: ImportBatchTable };
  /** Where an indicator value's scope that is not a region lies, for embargoes; only the register that places clusters and data centres knows. */
  scopeRegion?: ScopeRegion;
}

export function subgraphSchema(module: SubgraphModule<unknown>): GraphQLSchema {
  // Merge per type, so a subgraph may add fields to the shared Region/RegionYear/Query types.
  const merged: Record<string, object> = {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Amount: AmountScalar,
    CalendarDay: CalendarDayScalar,
    ...regionResolvers,
  };
  for (const [type, fields] of Object.entries(module.resolvers)) merged[type] = { ...(merged[type] ?? {}), ...fields };
  const schema = enforceUnitLevel(buildSubgraphSchema({ typeDefs: subgraphTypeDefs(module.agency), resolvers: merged as never }), module.agency);
  return withholdEmbargoed(schema, module.scopeRegion);
}

export interface PrepareOptions {
  /** Demo world to load when the database is new (a function: built only then); undefined starts empty (the code list only). */
  world?: DemoWorld | (() => DemoWorld) | undefined;
}

/**
 * Migrates, loads the code list (and the demo world) into a new database, and reads the region
 * hierarchy into memory. A database that already has its code list is left as it is.
 */
export async function prepareDatabase(
  module: SubgraphModule<unknown>,
  database: Database,
  options: PrepareOptions = {},
): Promise<{ regions: RegionDirectory; seeded: boolean }> {
  await migrateAgency(database, module.agency);
  const [existing] = await database.db.select({ n: count() }).from(module.regionTable);
  let seeded = false;
  if ((existing?.n ?? 0) === 0) {
    const world = typeof options.world === 'function' ? options.world() : options.world;
    await database.db.transaction(async (tx) => {
      const regions: readonly RegionCode[] = world?.regions ?? REGION_CODES;
      await insertChunked(tx as unknown as Db, module.regionTable, [...regions]);
      if (world) await module.seedDemo(tx as unknown as Db, world);
    });
    seeded = options.world !== undefined;
  }
  return { regions: await loadRegions(database.db, module.regionTable), seeded };
}

export async function loadRegions(db: Db, table: ReturnType<typeof regionTable>): Promise<RegionDirectory> {
  return new RegionDirectory(await db.select().from(table));
}

export function startSubgraph<L>(
  module: SubgraphModule<L>,
  options: { database: Database; regions: RegionDirectory; port: number; host: string },
): Promise<RunningServer> {
  const { database, regions } = options;
  // Read per request (the file's stamp at most once a second): a new embargo takes effect without a restart.
  const embargoes = new EmbargoRegister(undefined, createLogger(module.agency));
  return serve<SubgraphContext<L>>({
    apollo: { schema: subgraphSchema(module as SubgraphModule<unknown>), introspection: true },
    context: async (_req, { viewer }) => ({
      db: database.db,
      regions,
      loaders: module.createLoaders(database.db, regions),
      viewer,
      embargo: embargoGate(embargoes.current(), viewer, regions, module.agency),
      memo: new RequestMemo(),
    }),
    port: options.port,
    host: options.host,
    observedRoutes: (url) => ingestRoute(url, { db: database.db, regions, ...module.observations, maxBodyBytes: maxBodyBytes('subgraph') }),
    service: module.agency,
    pool: { statements: database.inFlight, poolSize: database.poolSize },
    health: async () => {
      await database.db.select({ n: count() }).from(module.regionTable);
      return { subgraph: module.agency, database: database.kind, statements: database.statements.count };
    },
  });
}
