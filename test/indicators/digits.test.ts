import { describe, expect, it } from 'vitest';
import { significant } from '../../lib/indicators/digits.ts';
import { IndicatorEvaluation, type IndicatorValueRepresentation } from '../../subgraphs/indicators/engine.ts';

describe('figures to the digits a double holds', () => {
  it('drops binary arithmetic’s noise and keeps every digit that means something', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(significant(0.1 + 0.2)).toBe(0.3);
    expect(significant(107.95129999999999)).toBe(107.9513);
    expect(significant(669030.5999999997)).toBe(669030.6);
    // A ratio keeps 15 significant digits: 7,300 ÷ 9,500 = 0.768421052631578 9…
    expect(significant(7_300 / 9_500)).toBe(0.768421052631579);
    expect(significant(null)).toBeNull();
  });

  it('an indicator over a summed region figure answers the figure as reported, not as the sum came out', () => {
    // Energy summed two installations of 0.1 and 0.2 MW into Chongqing's PV capacity since 2022: 0.30000000000000004 in binary.
    const rep: IndicatorValueRepresentation = {
      indicatorCode: 'NEW_PV_CAPACITY',
      scopeKind: 'REGION',
      scopeId: '500000',
      year: 2024,
      asOf: 'latest',
      energyInputs: { facts: [{ metric: 'PV_CAPACITY_SINCE_2022_MW', year: 2024, value: 0.1 + 0.2, status: 'FINAL', updatedAt: null }] },
    };
    const evaluation = new IndicatorEvaluation(rep);
    expect(evaluation.value).toBe(0.3);
    expect(evaluation.inputs.map((i) => i.value)).toEqual([0.3]);
  });
});
