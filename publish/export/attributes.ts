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

/**
 * The observation attributes every format carries, in column order. One row per attribute: coverage, when the
 * indicator path publishes it, is its field in the IndicatorGrid operation and one row here.
 */
export const OBSERVATION_ATTRIBUTES: readonly ObservationAttribute[] = [
  {
    csv: 'status',
    sdmx: 'OBS_STATUS',
    plain: (c) => text(c.source.status),
    // A value that is not there is missing (M), whatever the status of the inputs that were.
    coded: (c) => (c.value === null && c.source.confidentiality !== 'CONFIDENTIAL' ? 'M' : (OBS_STATUS[text(c.source.status)] ?? text(c.source.status))),
  },
  { csv: 'confidentiality', sdmx: 'CONF_STATUS', plain: (c) => c.source.confidentiality, coded: (c) => CONF_STATUS[c.source.confidentiality] ?? c.source.confidentiality },
];
