/** A CSV cell: text, a number, a flag, or empty. */
export type CsvValue = string | number | boolean | null;

// RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. Lines end in CRLF.
function csvField(value: CsvValue): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows as RFC 4180 CSV (a header row first, by the caller's choice). Ten lines do not need a library. */
export const toCsvText = (rows: readonly (readonly CsvValue[])[]): string => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
