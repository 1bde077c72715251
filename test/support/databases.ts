import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, fromPglite, fromPostgresUrl, type Database } from '../../db/connection.ts';

/**
 * A database server for one test file. Under the `postgres` project (TEST_DATABASE_URL set) it is
 * a fresh database on that server, dropped afterwards; otherwise an in-memory PGlite. Agencies
 * share it, each in its own schema, as they may in production.
 */
export interface TestDatabaseServer {
  mode: 'pglite' | 'postgres';
  open(): Promise<Database>;
  close(): Promise<void>;
}

/**
 * PGlite instances started from the template that earlier test files of this worker have closed, emptied again (a worker
 * keeps its modules across files: vitest `isolate: false`). Starting one costs a second or two of CPU, emptying its
 * tables some 50 ms.
 */
const idle: PGlite[] = [];

/** Empties every table the migrations made, and restarts their identity sequences: the data the template holds, none. */
async function emptied(client: PGlite): Promise<PGlite> {
  const { rows } = await client.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema', 'drizzle')`,
  );
  if (rows.length > 0) await client.exec(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
  return client;
}

/** `loadDataDir`: under PGlite, start from this data directory (a `dumpDataDir` tar) instead of an empty database. */
export async function createTestDatabaseServer(options: { loadDataDir?: Blob | null } = {}): Promise<TestDatabaseServer> {
  const adminUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  const opened: Database[] = [];
  if (!adminUrl) {
    // Without a data directory of its own, the migrated template (test/support/global-setup.ts), loaded once per worker:
    // loading it costs a fraction of initdb and the migrations.
    const own = options.loadDataDir ?? null;
    const client = own
      ? await createPglite({ loadDataDir: own })
      : (idle.pop() ?? (await createPglite({ loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]) })));
    return {
      mode: 'pglite',
      open: async () => {
        const database = fromPglite(client, { ownsClient: false });
        opened.push(database);
        return database;
      },
      close: async () => {
        if (own) return client.close();
        try {
          idle.push(await emptied(client));
        } catch (error) {
          await client.close();
          throw error;
        }
      },
    };
  }
  const name = `gict_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const template = inject('postgresTemplate');
  await admin.unsafe(`CREATE DATABASE ${name}${template ? ` TEMPLATE "${template}"` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    mode: 'postgres',
    open: async () => {
      const database = fromPostgresUrl(url.toString(), { max: 4 });
      opened.push(database);
      return database;
    },
    close: async () => {
      await Promise.all(opened.map((d) => d.close()));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
