import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './connection.ts';

/** A value as COPY's text format carries it. */
export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // JavaScript prints the shortest decimal that reads back as the same double, which is what float8 parses.
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/** Characters of COPY text sent at a time. */
const COPY_CHUNK = 64 * 1024;

interface CopyClient {
  unsafe(query: string): { writable(): Promise<Writable> };
}

/** The postgres.js client under a drizzle transaction on Postgres; null on PGlite, whose client has no COPY FROM STDIN. */
function copyClient(tx: Db): CopyClient | null {
  const client = (tx as unknown as { session?: { client?: Partial<CopyClient> } }).session?.client;
  return client && typeof client.unsafe === 'function' ? (client as CopyClient) : null;
}

/**
 * Appends rows with `COPY … FROM STDIN` (text format) where the driver supports it: for thousands of rows
 * Postgres parses and inserts them faster than a multi-row INSERT or an INSERT … SELECT FROM unnest, and the
 * client builds one string instead of bind parameters. Returns false, writing nothing, where it does not
 * (PGlite); the caller then inserts as usual. Runs inside the caller's transaction. `shared` are the values of
 * the last columns, the same for every row.
 */
export async function copyRows(
  tx: Db,
  table: PgTable,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
  shared: readonly CopyValue[] = [],
): Promise<boolean> {
  const client = copyClient(tx);
  if (!client) return false;
  const { schema, name } = getTableConfig(table);
  const target = `${schema ? `"${schema}".` : ''}"${name}"`;
  const stream = await client.unsafe(`copy ${target} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`).writable();
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', () => resolve());
  });
  // The last columns every row shares (a batch's stamp) are encoded once; each row carries only its own.
  const tail = shared.length === 0 ? '\n' : `\t${shared.map(field).join('\t')}\n`;
  // Sent in chunks as they are built: Postgres parses the first rows while the next are encoded, and no
  // megabyte-long string is flattened and copied whole.
  let text = '';
  for (const row of rows) {
    text += field(row[0]!);
    for (let i = 1; i < row.length; i++) text += '\t' + field(row[i]!);
    text += tail;
    if (text.length < COPY_CHUNK) continue;
    const more = stream.write(text);
    text = '';
    // A failed COPY ends the wait too (`finished` rejects), so an error never leaves this waiting for 'drain'.
    if (!more) await Promise.race([once(stream, 'drain'), finished]);
  }
  stream.end(text);
  await finished;
  return true;
}
