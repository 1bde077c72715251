import path from 'node:path';
import { DEFAULT_PORTS, type Agency } from './agencies.ts';

/** Every environment variable the project reads goes through here, so the README table has one source. */
type Env = Record<string, string | undefined>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

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

/** Demo data is loaded into an empty database unless `--empty` or `SEED_DEMO=false`. */
export function seedDemo(argv: readonly string[], env: Env = process.env): boolean {
  if (argv.includes('--empty')) return false;
  return !['0', 'false', 'no'].includes((env.SEED_DEMO ?? '').toLowerCase());
}
