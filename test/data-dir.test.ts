import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pack } from 'tar-stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPglite } from '../db/connection.ts';
import { unpackDataDir } from '../db/data-dir.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'gict-data-dir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tar holding one file under the given name. */
async function tarWith(name: string): Promise<Blob> {
  const archive = pack();
  archive.entry({ name }, 'x');
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return new Blob([Buffer.concat(chunks)]);
}

describe('unpackDataDir', () => {
  it('writes a gzipped dumpDataDir archive to disk, where PGlite opens it with its rows', async () => {
    // The migrated test template, rather than an initdb of its own.
    const source = await createPglite({ loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]) });
    await source.exec(`create table t (id int primary key, name text); insert into t values (1, 'one'), (2, 'two')`);
    const archive = await source.dumpDataDir('gzip');
    await source.close();

    const dir = path.join(scratch, 'db');
    await unpackDataDir(archive, dir);
    const reopened = await createPglite({ dataDir: dir });
    const { rows } = await reopened.query<{ id: number; name: string }>('select id, name from t order by id');
    await reopened.close();
    expect(rows).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    expect(readdirSync(scratch).filter((f) => f.includes('unpacking'))).toEqual([]);
  });

  it('refuses an entry outside the directory and leaves nothing behind', async () => {
    const dir = path.join(scratch, 'refused');
    await expect(unpackDataDir(await tarWith('../outside'), dir)).rejects.toThrow(/outside the directory/);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(path.join(scratch, 'outside'))).toBe(false);
    expect(readdirSync(scratch).filter((f) => f.includes('unpacking'))).toEqual([]);
  });
});
