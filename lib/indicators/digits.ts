/**
 * A computed figure to the 15 significant digits a double always holds (DBL_DIG). The digits beyond are binary
 * arithmetic's noise, not precision: summed, 107.9513 MW comes out as 107.95129999999999 and 669,030.6 tce as
 * 669030.5999999997, which BI tools and JSON readers would show as they are. Null and non-finite values pass.
 */
export function significant(value: number): number;
export function significant(value: number | null): number | null;
export function significant(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? value : Number(value.toPrecision(15));
}
