import { writeBatchLimit } from '../config.ts';
import { ErrorCode, UserInputError } from '../errors.ts';
import type { BatchArgs, WriteStrategy } from './batch.ts';
import type { ObservationRow } from './observations.ts';

// The bulk path's body formats (`POST /ingest/<agency>/observations`): NDJSON (one ObservationInput object a
// line) or CSV (a header naming ObservationInput's fields, then one row a line). Reading only turns lines into
// the rows the batch mutation takes; every check of a row is the mutation's own (lib/writes/observations.ts),
// down to a missing, mistyped or unknown field, so a body is refused as a whole only where it cannot be read.

export type BulkFormat = 'ndjson' | 'csv';

/** The body format from the request's content type; null for one the path does not read. */
export function bulkFormat(contentType: string | undefined): BulkFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === 'text/csv') return 'csv';
  return null;
}

/** A body the path cannot read as rows (not JSON, not an object, a broken CSV line): the request fails as a whole (HTTP 400), naming the line. */
export class MalformedBody extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

/**
 * Splits a byte stream into its lines (LF or CRLF, the CR dropped), decoding UTF-8 across chunk boundaries. Yields
 * the lines of each chunk together, blank ones included so the caller can number them: one await per chunk, and
 * no object per line.
 */
async function* lines(body: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  for await (const chunk of body) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const end = pending.lastIndexOf('\n');
    if (end === -1) continue;
    const found = pending.slice(0, end).split('\n');
    pending = pending.slice(end + 1);
    for (let i = 0; i < found.length; i++) if (found[i]!.endsWith('\r')) found[i] = found[i]!.slice(0, -1);
    yield found;
  }
  pending += decoder.decode();
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending !== '') yield [pending];
}

const blank = (line: string) => line === '' || line.trim() === '';

/** One CSV record of one line (RFC 4180 quoting; a field cannot hold a line break, which no row field may carry anyway). */
function csvFields(text: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw new MalformedBody(line, 'a quoted field is not closed.');
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (i < text.length && text[i] !== ',') throw new MalformedBody(line, 'text follows a closing quote; separate fields with commas.');
    } else {
      const comma = text.indexOf(',', i);
      fields.push(text.slice(i, comma === -1 ? text.length : comma));
      i = comma === -1 ? text.length : comma;
    }
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/** Too many rows: the same refusal as the mutation's, before the rest of the body is read. */
function tooMany(limit: number): UserInputError {
  return new UserInputError(
    ErrorCode.BATCH_TOO_LARGE,
    `The body holds more than ${limit} rows; one batch takes at most ${limit}. Split it into several batches (each with its own idempotency key).`,
    {
      argument: 'rows',
    },
  );
}

/**
 * Reads a body into the rows of one batch, as the mutation's `rows` argument would carry them. Rows are
 * numbered from 0 in the order they arrive (a CSV's header is not a row), so a problem's `row` names the
 * line: NDJSON line = row + 1, CSV line = row + 2 (blank lines aside).
 */
export async function readBulkRows(body: AsyncIterable<Buffer | string>, format: BulkFormat): Promise<ObservationRow[]> {
  const limit = writeBatchLimit();
  const rows: ObservationRow[] = [];
  let header: string[] | null = null;
  let number = 0;
  for await (const chunk of lines(body))
    for (const text of chunk) {
      number++;
      if (blank(text)) continue;
      if (format === 'ndjson') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new MalformedBody(number, 'not a JSON object; send one ObservationInput object per line.');
        }
        rows.push(ndjsonRow(parsed, number));
      } else if (header === null) header = csvHeader(text, number);
      else {
        const fields = csvFields(text, number);
        if (fields.length !== header.length) throw new MalformedBody(number, `${fields.length} fields where the header names ${header.length}.`);
        rows.push(csvRow(header, fields));
      }
      if (rows.length > limit) throw tooMany(limit);
    }
  return rows;
}

/**
 * The header's column names. Naming a column twice leaves a row's field ambiguous, so the body cannot be read;
 * a column ObservationInput lacks, or a required one left out, is a problem of every row, as the NDJSON line's.
 */
function csvHeader(text: string, line: number): string[] {
  const header = csvFields(text.replace(/^\uFEFF/, ''), line).map((f) => f.trim());
  // A set, not indexOf per column: a header line may hold a hundred thousand columns.
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new MalformedBody(line, `the header names the column ${JSON.stringify(name.slice(0, 64))} twice; name each column once.`);
    seen.add(name);
  }
  return header;
}

const OPTIONAL_TEXT = new Set(['status', 'comment', 'value']);

function csvRow(header: readonly string[], fields: readonly string[]): ObservationRow {
  // fromEntries, not assignment: a column named `__proto__` stays a field (reported as unknown), not the prototype.
  return Object.fromEntries(
    // An empty optional field is the same as leaving it out (a DELETE row has no value).
    header.flatMap((name, i) => (fields[i] !== '' || !OPTIONAL_TEXT.has(name) ? [[name, fields[i]!]] : [])),
  );
}

/** ObservationInput's `ID` fields, which GraphQL also accepts as integers (its ID coercion). */
const ID_FIELDS = ['metric', 'subjectId'] as const;

/**
 * An NDJSON line's row: any JSON object; its fields are checked with the row's other checks
 * (lib/writes/observations.ts). An integer in an ID field becomes its decimal text, as GraphQL coerces the same
 * object sent as the mutation's variables, so both paths take the same rows.
 */
function ndjsonRow(parsed: unknown, line: number): ObservationRow {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new MalformedBody(line, 'not a JSON object; send one ObservationInput object per line.');
  const row = parsed as Record<string, unknown>;
  for (const field of ID_FIELDS) if (Number.isSafeInteger(row[field])) row[field] = String(row[field]);
  return row;
}

const STRATEGIES: readonly WriteStrategy[] = ['CREATE', 'UPDATE', 'UPSERT', 'DELETE'];
const OPTIONS = ['strategy', 'atomic', 'dryRun', 'idempotencyKey', 'sourceSystem'] as const;

/** The batch options from the query string (`?idempotencyKey=…&sourceSystem=…&strategy=…&atomic=false&dryRun=true`). */
export function bulkOptions(search: URLSearchParams): BatchArgs {
  for (const name of search.keys()) {
    if (!(OPTIONS as readonly string[]).includes(name))
      throw new UserInputError(ErrorCode.INVALID_ARGUMENT, `Unknown parameter \`${name}\`; the bulk path takes ${OPTIONS.join(', ')}.`, { argument: name });
  }
  const flag = (name: 'atomic' | 'dryRun'): boolean | null => {
    const value = search.get(name);
    if (value === null) return null;
    if (value !== 'true' && value !== 'false') throw new UserInputError(ErrorCode.INVALID_ARGUMENT, `\`${name}\` is true or false.`, { argument: name });
    return value === 'true';
  };
  const strategy = search.get('strategy');
  if (strategy !== null && !(STRATEGIES as readonly string[]).includes(strategy)) {
    throw new UserInputError(ErrorCode.INVALID_ARGUMENT, `\`strategy\` is one of ${STRATEGIES.join(', ')}.`, { argument: 'strategy' });
  }
  return {
    strategy: strategy as WriteStrategy | null,
    atomic: flag('atomic'),
    dryRun: flag('dryRun'),
    idempotencyKey: search.get('idempotencyKey'),
    sourceSystem: search.get('sourceSystem'),
  };
}
