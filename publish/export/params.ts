import { parseInstant } from '../../lib/calendar.ts';

/** Stable codes of a refused export request; clients switch on them, so never rename one. */
export const ExportErrorCode = {
  MISSING_PARAMETER: 'MISSING_PARAMETER',
  UNKNOWN_PARAMETER: 'UNKNOWN_PARAMETER',
  INVALID_INDICATOR_CODE: 'INVALID_INDICATOR_CODE',
  INVALID_REGION_CODE: 'INVALID_REGION_CODE',
  INVALID_YEAR: 'INVALID_YEAR',
  INVALID_AS_OF: 'INVALID_AS_OF',
  /** A rendering option with a value it does not take, or for a format it does not apply to. */
  INVALID_OPTION: 'INVALID_OPTION',
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
} as const;
export type ExportErrorCode = (typeof ExportErrorCode)[keyof typeof ExportErrorCode];

/** A request the caller can fix: HTTP 400 (unless said otherwise) with the code, the parameter and what to change. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly parameter?: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** What an export asks the API for: the arguments of `indicatorValues`. */
export interface ExportRequest {
  codes?: string[];
  regions: string[];
  years: number[];
  asOf?: string;
}

const KNOWN = new Set(['codes', 'regions', 'years', 'asOf', 'bom']);
const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const REGION_CODE = /^\d{6}$/;
const YEAR = /^\d{4}$/;
const YEAR_RANGE = /^(\d{4})-(\d{4})$/;
// More years than a plan period spans is a typo (2020-20250), not a request.
const MAX_YEAR_SPAN = 50;

/** `a,b` and repeated parameters (`codes=a&codes=b`) both list values; empty items are dropped. */
function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function years(params: URLSearchParams): number[] {
  const items = list(params, 'years');
  if (items.length === 0)
    throw new ExportError(
      ExportErrorCode.MISSING_PARAMETER,
      'Parameter `years` is required: list years (`years=2024,2025`) or give a range (`years=2020-2025`).',
      'years',
    );
  const out = new Set<number>();
  for (const item of items) {
    const range = YEAR_RANGE.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from || to - from > MAX_YEAR_SPAN)
        throw new ExportError(
          ExportErrorCode.INVALID_YEAR,
          `Year range "${item}" in \`years\` must run forwards over at most ${MAX_YEAR_SPAN} years, e.g. 2020-2025.`,
          'years',
        );
      for (let y = from; y <= to; y += 1) out.add(y);
    } else if (YEAR.test(item)) out.add(Number(item));
    else throw new ExportError(ExportErrorCode.INVALID_YEAR, `"${item}" in \`years\` is not a four-digit year or a range such as 2020-2025.`, 'years');
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * `bom=true`: start the file with a UTF-8 byte-order mark, which Excel needs to read the Chinese names of a CSV (without
 * one it guesses the system's code page). Off by default: most CSV readers take the mark for part of the first header.
 */
export function wantsByteOrderMark(params: URLSearchParams): boolean {
  const bom = params.get('bom');
  if (bom === null || bom === 'false') return false;
  if (bom === 'true') return true;
  throw new ExportError(ExportErrorCode.INVALID_OPTION, '`bom` is true or false.', 'bom');
}

/** Reads and checks an export's query string; the API then checks the codes against the catalog and the code list. */
export function parseExportRequest(params: URLSearchParams): ExportRequest {
  for (const name of params.keys()) {
    if (!KNOWN.has(name))
      throw new ExportError(
        ExportErrorCode.UNKNOWN_PARAMETER,
        `Unknown parameter \`${name}\`: an export takes ${[...KNOWN].map((k) => `\`${k}\``).join(', ')}.`,
        name,
      );
  }
  const regions = list(params, 'regions');
  if (regions.length === 0)
    throw new ExportError(ExportErrorCode.MISSING_PARAMETER, 'Parameter `regions` is required: GB/T 2260 codes, e.g. `regions=500000,500112`.', 'regions');
  const badRegion = regions.find((r) => !REGION_CODE.test(r));
  if (badRegion !== undefined)
    throw new ExportError(ExportErrorCode.INVALID_REGION_CODE, `"${badRegion}" in \`regions\` is not a six-digit GB/T 2260 code such as 500000.`, 'regions');
  const codes = list(params, 'codes');
  const badCode = codes.find((c) => !INDICATOR_CODE.test(c));
  if (badCode !== undefined)
    throw new ExportError(
      ExportErrorCode.INVALID_INDICATOR_CODE,
      `"${badCode}" in \`codes\` is not an indicator code (capitals, digits and _, e.g. DC_RACK_UTILISATION; see the \`indicators\` query).`,
      'codes',
    );
  // A query string reads an unencoded `+` as a space: `…T16:00:00+08:00` typed into a URL arrives as `…T16:00:00 08:00`.
  const asOf = params.get('asOf')?.replace(/ (\d{2}:\d{2})$/, '+$1') ?? undefined;
  // An instant with its zone, as the API's DateTime takes: a date alone would be ambiguous by a day.
  if (asOf !== undefined && parseInstant(asOf) === null) {
    throw new ExportError(ExportErrorCode.INVALID_AS_OF, `\`asOf\` "${asOf}" is not an ISO 8601 instant with its zone, e.g. 2026-03-31T16:00:00Z.`, 'asOf');
  }
  return {
    ...(codes.length > 0 ? { codes: [...new Set(codes)] } : {}),
    regions: [...new Set(regions)],
    years: years(params),
    ...(asOf !== undefined ? { asOf } : {}),
  };
}
