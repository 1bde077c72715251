import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import postgres from 'postgres';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DatabaseTarget } from '../lib/config.ts';
import { unpackDataDir } from './data-dir.ts';
import { tracedStatement, tracingPostgresClient, type StatementGauge } from './tracing.ts';

export type Db = PgDatabase<PgQueryResultHKT>;

/**
 * Rows of a raw statement, as the driver parsed them (numbers, booleans, dates), whichever driver runs it:
 * postgres.js returns the rows, PGlite a result holding them. For hot reads whose columns need no ORM
 * mapping: drizzle maps every field of every row of a select, which costs more than the query on wide results.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? result;
}

/**
 * Rows of a raw select serialised by Postgres as one JSON document of columns (one array per column).
 * `columns` names each output column with its expression; `from` is the rest of the statement (from,
 * where, group by). For reads of thousands of small rows the drivers' per-row, per-column decoding
 * costs several times the query, while `JSON.parse` is native (a grid's 3,600 data-centre reductions:
 * 20 ms of Node CPU as rows, 8 ms as JSON). Columns rather than an object per row: Postgres builds them
 * about a fifth faster (no key repeated per row) and the document is less than half the size. Columns
 * must be JSON-native (text, numbers, booleans): timestamps arrive as ISO strings; float8 is printed as
 * for the driver's text protocol (every digit, under the default extra_float_digits).
 */
export async function selectJsonRows<T>(db: Db, columns: { [K in keyof T & string]: SQLWrapper }, from: SQL): Promise<T[]> {
  const names = Object.keys(columns) as (keyof T & string)[];
  const select = sql.join(
    names.map((name) => sql`${columns[name]} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const arrays = sql.join(
    names.map((name) => sql`array_agg(q.${sql.identifier(name)})`),
    sql`, `,
  );
  const [row] = await selectRows<{ columns: string }>(db, sql`select json_build_array(${arrays})::text as "columns" from (select ${select} ${from}) q`);
  // array_agg over no rows is null, not an empty array.
  const values = JSON.parse(row!.columns) as (unknown[] | null)[];
  const length = values[0]?.length ?? 0;
  const rows = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    const record: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) record[names[c]!] = values[c]![i];
    rows[i] = record as T;
  }
  return rows;
}

/** Counts statements as the driver sends them, so tests can prove batching without trusting the ORM. */
export interface StatementCounter {
  count: number;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  statements: StatementCounter;
  /** Statements running now (metrics), and how many connections the pool may open. */
  inFlight: StatementGauge;
  poolSize: number;
  close(): Promise<void>;
}

/**
 * `loadDataDir`: a PGlite data directory (tar, as `dumpDataDir` writes it) to start a new PGlite database from; with a
 * data directory on disk it is unpacked there first (db/data-dir.ts), in memory PGlite loads it itself.
 */
export async function openDatabase(target: DatabaseTarget, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (target.kind === 'postgres') return fromPostgresUrl(target.url);
  if (target.dataDir) {
    // PGlite creates its own folder but not the ones above it (./.data on a fresh clone).
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
    if (options.loadDataDir) await unpackDataDir(options.loadDataDir, target.dataDir);
    return fromPglite(await createPglite({ dataDir: target.dataDir }), { ownsClient: true });
  }
  return fromPglite(await createPglite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}), { ownsClient: true });
}

/**
 * A PGlite instance with a 16 MB buffer pool instead of Postgres's 128 MB: starting one zero-fills its pool in
 * WebAssembly, and the smaller pool costs about 0.4 s less CPU per start (pages beyond it are read from the data directory, through
 * the operating system's file cache). Every service, test and snapshot opens PGlite here.
 */
export function createPglite(options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create({ ...options, startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] });
}

/** A fragment of the query postgres.js runs once per connection to learn array types. */
const DRIVER_TYPE_LOOKUP = 'select b.oid, b.typarray';

export function fromPostgresUrl(url: string, options: { max?: number } = {}): Database {
  const statements: StatementCounter = { count: 0 };
  const inFlight: StatementGauge = { inFlight: 0 };
  const max = options.max ?? 10;
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    debug: (_connection, query) => {
      // Each new pooled connection first looks up array types; that is the driver's set-up, not ours.
      if (!query.includes(DRIVER_TYPE_LOOKUP)) statements.count += 1;
    },
  });
  return {
    kind: 'postgres',
    db: drizzlePostgres({ client: tracingPostgresClient(sql, inFlight) }) as unknown as Db,
    statements,
    inFlight,
    poolSize: max,
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * Wraps a PGlite instance. Several agencies may share one instance (each in its own schema), as
 * the tests do; only the owner closes it.
 */
export function fromPglite(client: PGlite, { ownsClient }: { ownsClient: boolean }): Database {
  const statements: StatementCounter = { count: 0 };
  const inFlight: StatementGauge = { inFlight: 0 };
  const counted = countingPglite(client, statements, inFlight);
  return {
    kind: 'pglite',
    db: drizzlePglite({ client: counted }) as unknown as Db,
    statements,
    inFlight,
    poolSize: 1,
    close: async () => {
      if (ownsClient && !client.closed) await client.close();
    },
  };
}

function countingPglite(client: PGlite, statements: StatementCounter, inFlight: StatementGauge): PGlite {
  const count = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'query' || prop === 'exec') {
          return (...args: unknown[]) => {
            statements.count += 1;
            return tracedStatement('postgresql', String(args[0]), inFlight, () => (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args));
          };
        }
        if (prop === 'transaction') {
          return (callback: (tx: object) => Promise<unknown>) =>
            (value as (cb: (tx: object) => Promise<unknown>) => Promise<unknown>).call(obj, (tx) => callback(count(tx)));
        }
        return (value as (...a: unknown[]) => unknown).bind(obj);
      },
    });
  return count(client);
}
