import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { AGENCIES } from '../../lib/agencies.ts';
import { projectPath } from '../../lib/paths.ts';
import { migrateAgency } from '../../db/migrate.ts';
import { filesUnder, pgliteVersion } from '../../lib/subgraph/snapshot.ts';
import { createPglite, fromPglite, fromPostgresUrl } from '../../db/connection.ts';

/**
 * Migrated, empty databases that test files start from, made once and not per file: a PGlite data directory (a tar
 * in node_modules/.cache, kept across runs) and a Postgres template database. Both are named by a hash of the
 * migrations and PGlite's version, so a new migration makes new ones.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  const dir = projectPath('db', 'migrations');
  for (const file of filesUnder(dir).sort()) hash.update(path.relative(dir, file)).update(readFileSync(file));
  hash.update(pgliteVersion());
  return hash.digest('hex').slice(0, 16);
}

/** Path of the migrated PGlite data directory (uncompressed tar: loading skips the gunzip), made if missing. */
export async function pgliteTemplate(key = templateKey()): Promise<string> {
  const dir = projectPath('node_modules', '.cache', 'green-ict');
  const file = path.join(dir, `pglite-migrated-${key}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const client = await createPglite();
  const database = fromPglite(client, { ownsClient: false });
  for (const agency of AGENCIES) await migrateAgency(database, agency);
  const tar = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  await client.close();
  // Written aside and renamed: another run reading it never sees half a file.
  await writeFile(`${file}.${process.pid}`, tar);
  renameSync(`${file}.${process.pid}`, file);
  return file;
}

/** Name of the migrated template database on the Postgres server at `adminUrl`, created if missing. */
export async function postgresTemplate(adminUrl: string, key = templateKey()): Promise<string> {
  const name = `gict_template_${key}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (found) return name;
    // Templates of earlier migrations are of no further use.
    for (const { datname } of await admin<{ datname: string }[]>`select datname from pg_database where datname like 'gict\\_template\\_%'`) {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    const building = `${name}_building`;
    await admin.unsafe(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${building}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const database = fromPostgresUrl(url.toString(), { max: 1 });
    try {
      for (const agency of AGENCIES) await migrateAgency(database, agency);
    } finally {
      await database.close();
    }
    await admin.unsafe(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    return name;
  } finally {
    await admin.end();
  }
}
