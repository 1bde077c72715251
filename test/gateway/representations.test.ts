import { describe, expect, it } from 'vitest';
import { deduplicate, flatKey } from '../../gateway/representations.ts';

const dcYear = (dataCenterId: string, year: number) => ({ __typename: 'DataCenterYear', dataCenterId, year, asOf: 'latest' });

describe('entity representations sent to a subgraph', () => {
  it('sends each distinct key once and maps every occurrence to it', () => {
    const reps = [dcYear('DC-1', 2024), dcYear('DC-2', 2024), dcYear('DC-1', 2024), dcYear('DC-1', 2025), dcYear('DC-2', 2024)];
    const result = deduplicate(reps);
    expect(result?.unique).toEqual([dcYear('DC-1', 2024), dcYear('DC-2', 2024), dcYear('DC-1', 2025)]);
    expect(result?.slot).toEqual([0, 1, 0, 2, 1]);
  });

  it('keeps null, the string "null" and numbers apart', () => {
    const keys = [{ a: null }, { a: 'null' }, { a: 1 }, { a: '1' }].map(flatKey);
    expect(new Set(keys).size).toBe(4);
  });

  it("compares lists of scalars (a population's members) by their items", () => {
    const population = (ids: string[]) => ({ __typename: 'DataCenterPopulation', scopeId: '500000', dataCenterIds: ids });
    expect(deduplicate([population(['A', 'B']), population(['A', 'B']), population(['A']), population(['A,B'])])?.slot).toEqual([0, 0, 1, 2]);
  });

  it('leaves representations carrying nested @requires inputs alone', () => {
    const cell = { __typename: 'IndicatorValue', indicatorCode: 'DC_PUE', dataCenters: [dcYear('DC-1', 2024)] };
    expect(flatKey(cell)).toBeUndefined();
    expect(deduplicate([cell, cell])).toBeUndefined();
  });

  it('does nothing when no representation repeats', () => {
    expect(deduplicate([dcYear('DC-1', 2024), dcYear('DC-2', 2024)])).toBeUndefined();
  });
});
