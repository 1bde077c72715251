import { writeBatchLimit } from '../config.ts';
import { ErrorCode, UserInputError } from '../errors.ts';
import type { BatchArgs, WriteStrategy } from './batch.ts';
import type { ObservationInput } from './observations.ts';

// The bulk path's body formats (`POST /ingest/<agency>/observations`): NDJSON (one ObservationInput object a
// line) or CSV (a header naming ObservationInput's fields, then one row a line). Reading only turns lines into
// the rows the batch mutation takes; every check of a row is the mutation's own (lib/writes/observations.ts).

export type BulkFormat = 'ndjson' | 'csv';

/** The body format from the request's content type; null for one the path does not read. */
export function bulkFormat(contentType: string | undefined): BulkFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === 'text/csv') return 'csv';
  return null;
}

/** A body the path cannot read as rows: the request fails as a whole (HTTP 400), naming the line. */
export class MalformedBody extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

const CSV_FIELDS = ['metric', 'subjectKind', 'subjectId', 'period', 'value', 'status', 'comment'] as const;
const REQUIRED_CSV_FIELDS = ['metric', 'subjectKind', 'subjectId', 'period'] as const;
const ROW_FIELDS: ReadonlySet<string> = new Set(CSV_FIELDS);

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
export async function readBulkRows(body: AsyncIterable<Buffer | string>, format: BulkFormat): Promise<ObservationInput[]> {
  const limit = writeBatchLimit();
  const rows: ObservationInput[] = [];
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
      } else if (header === null) {
        header = csvFields(text.replace(/^\uFEFF/, ''), number).map((f) => f.trim());
        const unknown = header.filter((f) => !(CSV_FIELDS as readonly string[]).includes(f));
        const missing = REQUIRED_CSV_FIELDS.filter((f) => !header!.includes(f));
        if (unknown.length > 0 || missing.length > 0 || new Set(header).size !== header.length) {
          throw new MalformedBody(
            number,
            `the header must name each column once, among ${CSV_FIELDS.join(', ')} (${REQUIRED_CSV_FIELDS.join(', ')} required).`,
          );
        }
      } else {
        const fields = csvFields(text, number);
        if (fields.length !== header.length) throw new MalformedBody(number, `${fields.length} fields where the header names ${header.length}.`);
        rows.push(csvRow(header, fields));
      }
      if (rows.length > limit) throw tooMany(limit);
    }
  return rows;
}

const OPTIONAL_TEXT = new Set(['status', 'comment', 'value']);

function csvRow(header: readonly string[], fields: readonly string[]): ObservationInput {
  const row: Record<string, string> = {};
  header.forEach((name, i) => {
    // An empty optional field is the same as leaving it out (a DELETE row has no value).
    if (fields[i] !== '' || !OPTIONAL_TEXT.has(name)) row[name] = fields[i]!;
  });
  return row as unknown as ObservationInput;
}

/** An NDJSON line as the GraphQL input type would coerce it: the row's own fields, texts as texts. */
function ndjsonRow(parsed: unknown, line: number): ObservationInput {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new MalformedBody(line, 'not a JSON object; send one ObservationInput object per line.');
  const input = parsed as Record<string, unknown>;
  for (const key in input) {
    if (!ROW_FIELDS.has(key)) throw new MalformedBody(line, `unknown field "${key}"; a row has ${CSV_FIELDS.join(', ')}.`);
  }
  for (const key of REQUIRED_CSV_FIELDS) if (typeof input[key] !== 'string') throw new MalformedBody(line, `\`${key}\` must be a string.`);
  const value = input.value;
  if (value !== undefined && value !== null && typeof value !== 'number' && typeof value !== 'string')
    throw new MalformedBody(line, '`value` must be a number or a decimal string.');
  for (const key of ['status', 'comment'] as const) {
    if (input[key] !== undefined && input[key] !== null && typeof input[key] !== 'string') throw new MalformedBody(line, `\`${key}\` must be a string.`);
  }
  return input as unknown as ObservationInput;
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
