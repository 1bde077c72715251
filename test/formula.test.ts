import { describe, expect, it } from 'vitest';
import { evaluate, FormulaError, parseFormula, ratioParts, references, type EvaluationScope, type UnknownReason } from '../lib/indicators/formula.ts';

type Unit = Record<string, number | null>;

function scope(
  values: Record<string, Record<number, number | null>>,
  units: Record<number, Unit[]> = {},
  year = 2025,
): EvaluationScope<Unit> & { reasons: UnknownReason[] } {
  const reasons: UnknownReason[] = [];
  return {
    year,
    baselineYear: 2020,
    reasons,
    scalar: (name, y) => values[name]?.[y] ?? null,
    units: (y) => units[y] ?? [],
    unitValue: (u, m) => u[m] ?? null,
    unknown: (r) => reasons.push(r),
  };
}

describe('formulas', () => {
  it('computes a baseline decrease as one minus the ratio of this year over 2020', () => {
    const f = parseFormula('1 - (E / T) / baseline(E / T)');
    // 2020: 100 tce / 1,000 GB = 0.1; 2025: 120 / 2,000 = 0.06; 1 − 0.06 / 0.1 = 0.4.
    const s = scope({ E: { 2020: 100, 2025: 120 }, T: { 2020: 1000, 2025: 2000 } });
    expect(evaluate(f, s)).toBeCloseTo(0.4, 12);
  });

  it('gives null and names the missing baseline input instead of treating it as zero', () => {
    const s = scope({ E: { 2025: 120 }, T: { 2020: 1000, 2025: 2000 } });
    expect(evaluate(parseFormula('1 - (E / T) / baseline(E / T)'), s)).toBeNull();
    expect(s.reasons).toEqual([{ kind: 'MISSING_INPUT', name: 'E', year: 2020 }]);
  });

  it('sums a ratio of sums over the population, not a mean of ratios', () => {
    // Two data centres: PUE 2.0 (200/100) and 1.2 (1200/1000). Σ total / Σ IT = 1400 / 1100.
    const s = scope(
      {},
      {
        2025: [
          { TOTAL: 200, IT: 100 },
          { TOTAL: 1200, IT: 1000 },
        ],
      },
    );
    expect(evaluate(parseFormula('sum(TOTAL) / sum(IT)'), s)).toBeCloseTo(1400 / 1100, 12);
  });

  it('treats comparisons as 1 or 0 so coverage can be written as sums', () => {
    const units = {
      2025: [
        { A: 1, TCE: 5000 },
        { A: 0, TCE: 7000 },
        { A: 1, TCE: 4999 },
      ],
    };
    // Enterprises at or above 5,000 tce: two; audited among them: one.
    expect(evaluate(parseFormula('sum(A * (TCE >= 5000)) / sum(TCE >= 5000)'), scope({}, units))).toBe(0.5);
  });

  it('reports how many units miss an input inside sum()', () => {
    const s = scope({}, { 2025: [{ X: 1 }, { X: null }, { X: null }] });
    expect(evaluate(parseFormula('sum(X) / count()'), s)).toBeNull();
    expect(s.reasons).toEqual([{ kind: 'MISSING_INPUT', name: 'X', year: 2025, units: 2 }]);
  });

  it('gives null with a reason when the denominator is zero', () => {
    const s = scope({ A: { 2025: 0 }, B: { 2025: 0 } });
    expect(evaluate(parseFormula('A / B'), s)).toBeNull();
    expect(s.reasons).toEqual([{ kind: 'ZERO_DENOMINATOR', year: 2025 }]);
  });

  it('splits a ratio into numerator and denominator', () => {
    const parts = ratioParts(parseFormula('sum(A) / sum(B)'));
    expect(parts?.numerator).toEqual({ kind: 'sum', arg: { kind: 'ref', name: 'A' } });
    expect(ratioParts(parseFormula('1 - A / B'))).toBeNull();
  });

  it('lists region-level and unit-level names separately', () => {
    const refs = references(parseFormula('sum(X * (Y > 1)) / baseline(Z) + W'));
    expect([...refs.unit].sort()).toEqual(['X', 'Y']);
    expect([...refs.scalar].sort()).toEqual(['W', 'Z']);
    expect(refs.usesBaseline && refs.usesPopulation).toBe(true);
  });

  it.each(['process.exit()', 'a.b', 'a ? b : c', '"text"', 'x = 1', 'a && b', 'max(a, b)', 'sum(a, b)', '1 +'])('refuses %s', (source) => {
    expect(() => parseFormula(source)).toThrow(FormulaError);
  });
});
