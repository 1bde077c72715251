import { AGENCIES, type Agency } from '../../lib/agencies.ts';
import type { RunningServer } from '../../lib/http.ts';
import { loadSubgraph } from '../../lib/subgraph/registry.ts';
import { prepareDatabase, startSubgraph } from '../../lib/subgraph/runtime.ts';
import type { Database } from '../../db/connection.ts';
import { DEFAULT_SEED, type DemoWorld } from '../../db/demo/world.ts';
import { composeSupergraph } from '../../gateway/compose.ts';
import { startGateway } from '../../gateway/server.ts';
import { indicatorRegions, startIndicators } from '../../subgraphs/indicators/server.ts';
import { Kind, type DocumentNode } from 'graphql';
import { subgraphTypeDefs, type SubgraphName } from '../../lib/subgraphs.ts';
import { createTestDatabaseServer } from './databases.ts';
import { resetAgency } from '../../lib/subgraph/boot.ts';
import { currentSnapshot } from '../../lib/subgraph/snapshot.ts';
import { readerHeaders } from './tokens.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Without `headers` the request carries a government reader's token, so tests may read unit-level data;
 * pass headers to choose the caller (`{}` for an anonymous one, see test/support/tokens.ts).
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ?? (await readerHeaders())) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export interface TestFederation {
  gateway: RunningServer;
  subgraphs: Record<Agency, RunningServer> & { indicators?: RunningServer };
  databases: Record<Agency, Database>;
  /** Query through the gateway. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** SQL statements sent by all subgraphs' drivers since the last reset. */
  statements(): number;
  resetStatements(): void;
  /** GraphQL requests the subgraphs have received since start: the gateway's subgraph fetches. */
  subgraphFetches(): number;
  stop(): Promise<void>;
}

/**
 * The fields a subgraph's SDL declares, as `Type.field`: those it marks `@external` (read from another subgraph,
 * through `@requires` or a key) or those it resolves itself.
 */
function declaredFields(doc: DocumentNode, external: boolean): Set<string> {
  const fields = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeExternal = def.directives?.some((d) => d.name.value === 'external') ?? false;
    for (const field of def.fields ?? []) {
      if ((typeExternal || (field.directives?.some((d) => d.name.value === 'external') ?? false)) === external)
        fields.add(`${def.name.value}.${field.name.value}`);
    }
  }
  return fields;
}

/**
 * Whom each agency composes only with: the agencies that resolve a field its SDL marks `@external` (comms and energy
 * add up their figures over bigdata's data centres, energy over comms' core rooms and econ's enterprises, bigdata counts
 * econ's designations, and the registers check the units other agencies' figures name). Read from the SDL, so a new
 * `@requires` brings its owner into every test federation that needs it.
 */
function composePartners(): Map<Agency, readonly Agency[]> {
  const docs = new Map(AGENCIES.map((a) => [a, subgraphTypeDefs(a)]));
  const resolved = new Map(AGENCIES.map((a) => [a, declaredFields(docs.get(a)!, false)]));
  return new Map(
    AGENCIES.map((a) => {
      const external = declaredFields(docs.get(a)!, true);
      return [a, AGENCIES.filter((b) => b !== a && [...external].some((f) => resolved.get(b)!.has(f)))];
    }),
  );
}
const COMPOSES_WITH = composePartners();

/** The agencies asked for and every agency they compose only with, in AGENCIES order. */
function withComposePartners(requested: readonly Agency[]): readonly Agency[] {
  const needed = new Set<Agency>();
  const add = (agency: Agency): void => {
    if (needed.has(agency)) return;
    needed.add(agency);
    COMPOSES_WITH.get(agency)!.forEach(add);
  };
  requested.forEach(add);
  return AGENCIES.filter((a) => needed.has(a));
}

/**
 * Supergraphs composed in this worker, by their subgraphs' names. The SDL files do not change during a run and a worker
 * keeps its modules across test files (vitest `isolate: false`), so each set is composed once per worker, not per file.
 */
const supergraphs = new Map<string, string>();

function supergraphOf(names: readonly SubgraphName[]): string {
  const key = names.join(' ');
  let sdl = supergraphs.get(key);
  if (sdl === undefined) supergraphs.set(key, (sdl = composeSupergraph(names)));
  return sdl;
}

/**
 * The real thing, in one process: each subgraph on its own HTTP port over its own schema in a
 * fresh database, and the gateway in front, composed from the current SDL (once per worker).
 */
export async function startTestFederation(
  options: { agencies?: readonly Agency[]; world?: DemoWorld; indicators?: boolean; disclosureMinUnits?: number } = {},
): Promise<TestFederation> {
  const agencies = withComposePartners(options.agencies ?? AGENCIES);
  // The indicators subgraph needs every agency's types to compose, so it joins only a full federation.
  const withIndicators = options.indicators ?? agencies.length === AGENCIES.length;
  // The default demo world is in the committed snapshot (when current): loading it costs a fraction of seeding.
  const snapshot = options.world?.seed === DEFAULT_SEED && options.world.scale === 1 && process.env.TEST_DB !== 'postgres' ? currentSnapshot().blob : null;
  const server = await createTestDatabaseServer({ loadDataDir: snapshot });
  if (snapshot) {
    const database = await server.open();
    for (const agency of AGENCIES.filter((a) => !agencies.includes(a))) await resetAgency(database, agency);
  }
  const databases = {} as Record<Agency, Database>;
  const subgraphs = {} as TestFederation['subgraphs'];
  for (const agency of agencies) {
    const module = await loadSubgraph(agency);
    const database = await server.open();
    const { regions } = await prepareDatabase(module, database, { world: options.world });
    databases[agency] = database;
    subgraphs[agency] = await startSubgraph(module, { database, regions, port: 0, host: '127.0.0.1' });
  }
  if (withIndicators)
    subgraphs.indicators = await startIndicators({
      port: 0,
      host: '127.0.0.1',
      regions: indicatorRegions(options.world?.scale ?? 1),
      disclosureMinUnits: options.disclosureMinUnits,
    });
  const names: SubgraphName[] = withIndicators ? [...agencies, 'indicators'] : [...agencies];
  const gateway = await startGateway({
    supergraphSdl: supergraphOf(names),
    urls: Object.fromEntries(names.map((a) => [a, subgraphs[a]!.url])),
    port: 0,
    host: '127.0.0.1',
    // One test client sends more than a reader would; the limit itself is tested in test/gateway/abuse-limits.
    rateLimitPerMinute: 0,
  });
  const all = () => agencies.map((a) => databases[a]);
  return {
    gateway,
    subgraphs,
    databases,
    query: (query, variables, headers) => postGraphQL(gateway.url, query, variables, headers),
    statements: () => all().reduce((sum, d) => sum + d.statements.count, 0),
    resetStatements: () => all().forEach((d) => (d.statements.count = 0)),
    subgraphFetches: () => names.reduce((sum, n) => sum + subgraphs[n]!.requests(), 0),
    stop: async () => {
      await gateway.stop();
      await Promise.all(names.map((a) => subgraphs[a]!.stop()));
      await server.close();
    },
  };
}
