import { describe, expect, it } from 'vitest';
import { ExportError, parseExportRequest } from '../../publish/export/params.ts';

const parse = (query: string) => parseExportRequest(new URLSearchParams(query));

describe('export parameters', () => {
  it('takes comma lists and repeated parameters, drops duplicates and sorts the years', () => {
    expect(parse('codes=DC_PUE,DC_PUE&codes=DC_RACK_UTILISATION&regions=500000,500112&years=2025,2024')).toEqual({
      codes: ['DC_PUE', 'DC_RACK_UTILISATION'],
      regions: ['500000', '500112'],
      years: [2024, 2025],
    });
  });

  it('expands a year range, both ends included', () => {
    // 2020-2023 is four years: 2020, 2021, 2022, 2023.
    expect(parse('regions=500000&years=2020-2023').years).toEqual([2020, 2021, 2022, 2023]);
  });

  it('leaves codes out when none are given, so the API picks every region-level indicator', () => {
    expect(parse('regions=500000&years=2024')).toEqual({ regions: ['500000'], years: [2024] });
  });

  it('takes an as-of instant with a zone offset, and refuses a date without a time', () => {
    expect(parse('regions=500000&years=2024&asOf=2026-03-31T16:00:00%2B08:00').asOf).toBe('2026-03-31T16:00:00+08:00');
    // The same typed into a URL unencoded: the query string turns its + into a space.
    expect(parse('regions=500000&years=2024&asOf=2026-03-31T16:00:00+08:00').asOf).toBe('2026-03-31T16:00:00+08:00');
    expect(() => parse('regions=500000&years=2024&asOf=2026-03-31')).toThrow(
      expect.objectContaining({ code: 'INVALID_AS_OF', parameter: 'asOf' }) as ExportError,
    );
  });

  it('refuses an as-of whose day or hour does not exist, which Date.parse would roll over', () => {
    // Date.parse reads these as 2024-03-01T00:00Z and 2024-01-02T00:00Z.
    for (const asOf of ['2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z'])
      expect(() => parse(`regions=500000&years=2024&asOf=${asOf}`)).toThrow(
        expect.objectContaining({ code: 'INVALID_AS_OF', parameter: 'asOf', status: 400 }) as ExportError,
      );
    expect(parse('regions=500000&years=2024&asOf=2024-02-29T00:00:00Z').asOf).toBe('2024-02-29T00:00:00Z');
  });

  it('refuses a year range of more than fifty years as a typo', () => {
    expect(() => parse('regions=500000&years=2020-2080')).toThrow(expect.objectContaining({ code: 'INVALID_YEAR', status: 400 }) as ExportError);
  });
});
