// Numbers as a reader sees them: stored fractions times the catalog's display factor, in its decimals.

/** How the catalog says to show an indicator's figures. */
export interface DisplayRule {
  displayFactor: number;
  decimals: number;
}

/**
 * A stored value in display units (×100 for %), to 12 significant digits: enough for any statistic, and
 * free of binary noise such as 0.753 × 100 = 75.30000000000001.
 */
export function toDisplay(value: number | null | undefined, rule: DisplayRule): number | null {
  if (value == null || !Number.isFinite(value)) return null;
  return Number((value * rule.displayFactor).toPrecision(12));
}

/** A stored value as printed text in the indicator's decimals, grouped by thousands; an em dash when unknown. */
export function formatValue(value: number | null | undefined, rule: DisplayRule, unknown = '—'): string {
  const shown = toDisplay(value, rule);
  if (shown === null) return unknown;
  return shown.toLocaleString('en-US', { minimumFractionDigits: rule.decimals, maximumFractionDigits: rule.decimals });
}

/**
 * A stored value as a machine reads it (CSV): the same rounding as `formatValue` to the indicator's decimals, but no
 * thousands separator and `.` as the decimal point ("15165", "1.33"); an em dash when unknown.
 */
export function formatPlain(value: number | null | undefined, rule: DisplayRule, unknown = '—'): string {
  const shown = toDisplay(value, rule);
  if (shown === null) return unknown;
  return shown.toLocaleString('en-US', { minimumFractionDigits: rule.decimals, maximumFractionDigits: rule.decimals, useGrouping: false });
}
