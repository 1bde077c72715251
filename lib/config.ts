import path from 'node:path';
import { DEFAULT_PORTS, type Agency } from './agencies.ts';

/** Every environment variable the project reads goes through here, so the README table has one source. */
type Env = Record<string, string | undefined>;

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };

/** `<AGENCY>_DATABASE_URL` wins over `DATABASE_URL`; with neither, an embedded PGlite under `DATA_DIR`. */
export function databaseTarget(agency: Agency, env: Env = process.env): DatabaseTarget {
  const url = env[`${agency.toUpperCase()}_DATABASE_URL`] || env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: path.resolve(env.DATA_DIR || '.data', agency) };
}

export function port(service: Agency | 'indicators' | 'gateway', env: Env = process.env): number {
  const raw = env[`${service.toUpperCase()}_PORT`];
  if (raw === undefined || raw === '') return DEFAULT_PORTS[service];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${service.toUpperCase()}_PORT must be a port number, got "${raw}"`);
  }
  return value;
}

/** Where the gateway finds a subgraph: `<AGENCY>_URL`, else localhost on the subgraph's port. */
export function subgraphUrl(agency: Agency | 'indicators', env: Env = process.env): string {
  return env[`${agency.toUpperCase()}_URL`] || `http://localhost:${port(agency, env)}/graphql`;
}

export function host(env: Env = process.env): string {
  return env.HOST || '127.0.0.1';
}

/**
 * Whether the gateway runs the indicators subgraph in its own process (`INDICATORS_IN_PROCESS=true`)
 * instead of calling it at `INDICATORS_URL`; the two exclude each other.
 */
export function indicatorsInProcess(env: Env = process.env): boolean {
  const raw = (env.INDICATORS_IN_PROCESS ?? '').toLowerCase();
  if (!['', 'true', 'false'].includes(raw)) throw new Error(`INDICATORS_IN_PROCESS must be true or false, got "${env.INDICATORS_IN_PROCESS}"`);
  if (raw === 'true' && env.INDICATORS_URL)
    throw new Error(
      'INDICATORS_IN_PROCESS=true runs the indicators subgraph inside the gateway; unset INDICATORS_URL, or set INDICATORS_IN_PROCESS=false to call it there.',
    );
  return raw === 'true';
}

/** Demo data is loaded into an empty database unless `--empty` or `SEED_DEMO=false`. */
export function seedDemo(argv: readonly string[], env: Env = process.env): boolean {
  if (argv.includes('--empty')) return false;
  return !['0', 'false', 'no'].includes((env.SEED_DEMO ?? '').toLowerCase());
}

function positiveInteger(name: string, fallback: number, env: Env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Most rows one write batch may carry (`WRITE_BATCH_LIMIT`, default 10,000). */
export function writeBatchLimit(env: Env = process.env): number {
  return positiveInteger('WRITE_BATCH_LIMIT', 10_000, env);
}

/** Observations for periods before this year are refused (`EARLIEST_PERIOD_YEAR`, default 2020, the baseline year). */
export function earliestPeriodYear(env: Env = process.env): number {
  return positiveInteger('EARLIEST_PERIOD_YEAR', 2020, env);
}

/**
 * Fewest units an aggregate of unit-level data needs to be published (`DISCLOSURE_MIN_UNITS`, default
 * 3, the usual threshold rule of statistical disclosure control); 1 publishes every aggregate.
 */
export function disclosureMinUnits(env: Env = process.env): number {
  return positiveInteger('DISCLOSURE_MIN_UNITS', 3, env);
}

/** Shape limits on the gateway's public operations, checked before planning (see gateway/query-limits.ts). */
export interface QueryLimits {
  /** Deepest field nesting (`QUERY_MAX_DEPTH`, default 12; introspection is exempt). */
  maxDepth: number;
  /** Most aliased fields (`QUERY_MAX_ALIASES`, default 30). */
  maxAliases: number;
  /** Most lexical tokens in a document (`QUERY_MAX_TOKENS`, default 5,000). */
  maxTokens: number;
}

export function queryLimits(env: Env = process.env): QueryLimits {
  return {
    maxDepth: positiveInteger('QUERY_MAX_DEPTH', 12, env),
    maxAliases: positiveInteger('QUERY_MAX_ALIASES', 30, env),
    maxTokens: positiveInteger('QUERY_MAX_TOKENS', 5_000, env),
  };
}

function flag(name: string, fallback: boolean, env: Env): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** `NODE_ENV=production`: the safe defaults below apply. */
export function productionMode(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** What every service tells a client about its schema and its failures (see lib/safe-defaults.ts). */
export interface DisclosurePolicy {
  /** `__schema` / `__type` queries (`GRAPHQL_INTROSPECTION`; default: off in production, on otherwise). */
  introspection: boolean;
  /** "Did you mean …?" in validation errors (`GRAPHQL_SUGGESTIONS`; default: off in production, on otherwise). */
  suggestions: boolean;
  /** Unexpected errors as they are (development) or as a generic message with their code (production). */
  detailedErrors: boolean;
}

export function disclosurePolicy(env: Env = process.env): DisclosurePolicy {
  const production = productionMode(env);
  return {
    introspection: flag('GRAPHQL_INTROSPECTION', !production, env),
    suggestions: flag('GRAPHQL_SUGGESTIONS', !production, env),
    detailedErrors: !production,
  };
}

/**
 * Browser origins allowed to call the services (`CORS_ORIGINS`, comma-separated, e.g.
 * `https://dashboard.example.gov.cn`; `*` for any). None by default: browsers then only reach the
 * GraphiQL page served from the same origin.
 */
export function corsOrigins(env: Env = process.env): readonly string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`CORS_ORIGINS entries must be origins such as https://dashboard.example.org (or *), got "${origin}"`);
  }
  return origins;
}

/**
 * Most an operation may cost at the gateway, computed before any fetch (`QUERY_MAX_COST`, default 30,000;
 * see gateway/cost.ts): a grid costs its cells × (1 + the inputs each reads), a cube a fifth of that, a page
 * its size times what each entry asks for.
 */
export function queryMaxCost(env: Env = process.env): number {
  return positiveInteger('QUERY_MAX_COST', 30_000, env);
}

/** Requests one client (token subject, else address) may send the gateway per minute (`RATE_LIMIT_PER_MINUTE`, default 600; 0 turns it off). */
export function rateLimitPerMinute(env: Env = process.env): number {
  const raw = env.RATE_LIMIT_PER_MINUTE;
  if (raw === '0') return 0;
  return positiveInteger('RATE_LIMIT_PER_MINUTE', 600, env);
}

/**
 * Largest request body each service reads. The gateway takes clients' requests (`MAX_REQUEST_BYTES`, default
 * 20 MB: a 10,000-row write batch is about 1.5 MB); a subgraph takes the gateway's fetches, whose entity
 * representations grow with the grid the gateway accepted (`SUBGRAPH_MAX_BODY_BYTES`, default 128 MB).
 */
export function maxBodyBytes(service: 'gateway' | 'subgraph', env: Env = process.env): number {
  return service === 'gateway'
    ? positiveInteger('MAX_REQUEST_BYTES', 20 * 1024 * 1024, env)
    : positiveInteger('SUBGRAPH_MAX_BODY_BYTES', 128 * 1024 * 1024, env);
}

/** Heap sizes of each service `npm start` supervises (lib/supervisor/heap.ts turns them into V8's settings). */
export interface ServiceHeap {
  /**
   * Largest old generation (`SERVICE_MAX_HEAP_MB`, default 2048): a service that needs more ends alone (out of memory)
   * and is restarted, instead of growing until the machine runs out of memory for all of them, which six threads of one
   * process otherwise could.
   */
  maxOldMb: number;
  /**
   * Young generation's semi-space (`SERVICE_SEMI_SPACE_MB`, default 64; V8's own is 16), where each request's objects
   * are born: a dashboard grid's thousands of entries filled V8's default several times per request, and every
   * scavenge copied what was still alive.
   */
  semiSpaceMb: number;
}

export function serviceHeap(env: Env = process.env): ServiceHeap {
  return { maxOldMb: positiveInteger('SERVICE_MAX_HEAP_MB', 2048, env), semiSpaceMb: positiveInteger('SERVICE_SEMI_SPACE_MB', 64, env) };
}
