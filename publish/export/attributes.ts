import type { ExportCell } from './table.ts';

// SDMX cross-domain code lists: OBS_STATUS (A normal, P provisional, M missing), CONF_STATUS (F free, C confidential).
const OBS_STATUS: Record<string, string> = { FINAL: 'A', PROVISIONAL: 'P' };
const CONF_STATUS: Record<string, string> = { FREE: 'F', CONFIDENTIAL: 'C' };

/** An attribute of every observation, as each format names it. */
export interface ObservationAttribute {
  /** Column of the plain CSV. */
  csv: string;
  /** Concept of SDMX-CSV and key of JSON-stat's extension (OBS_STATUS goes to JSON-stat's own `status`). */
  sdmx: string;
  /** The plain CSV's text: the API's own words. */
  plain: (cell: ExportCell) => string;
  /** The SDMX code (or figure). */
  coded: (cell: ExportCell) => string;
}

const text = (v: unknown): string => (v == null ? '' : String(v));

/** A fraction as a number text, kept to 12 significant digits like the values; empty when unknown. */
const fraction = (v: number | null | undefined): string => (v == null ? '' : String(Number(v.toPrecision(12))));

/**
 * The observation attributes every format carries, in column order. One row per attribute, each a field of the
 * IndicatorGrid operation. Coverage (of a value over units: COMPLETE, PARTIAL, INSUFFICIENT, NOT_APPLICABLE, and
 * the reporting units' share of the population's weight) and progress to the target have no SDMX cross-domain
 * code list: they travel under their own concept names.
 */
export const OBSERVATION_ATTRIBUTES: readonly ObservationAttribute[] = [
  {
    csv: 'status',
    sdmx: 'OBS_STATUS',
    plain: (c) => text(c.source.status),
    // A value that is not there is missing (M), whatever the status of the inputs that were.
    coded: (c) => (c.value === null && c.source.confidentiality !== 'CONFIDENTIAL' ? 'M' : (OBS_STATUS[text(c.source.status)] ?? text(c.source.status))),
  },
  {
    csv: 'confidentiality',
    sdmx: 'CONF_STATUS',
    plain: (c) => c.source.confidentiality,
    coded: (c) => CONF_STATUS[c.source.confidentiality] ?? c.source.confidentiality,
  },
  { csv: 'coverage', sdmx: 'COVERAGE_STATUS', plain: (c) => text(c.source.coverage?.status), coded: (c) => text(c.source.coverage?.status) },
  { csv: 'coverage_share', sdmx: 'COVERAGE_SHARE', plain: (c) => fraction(c.source.coverage?.share), coded: (c) => fraction(c.source.coverage?.share) },
  { csv: 'progress', sdmx: 'TARGET_PROGRESS', plain: (c) => fraction(c.source.progress), coded: (c) => fraction(c.source.progress) },
];
