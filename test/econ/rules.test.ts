import { describe, expect, it } from 'vitest';
import { coveredInYear, meetsMinimumDomains, retrofitRequiredShare } from '../../subgraphs/econ/rules.ts';

describe('audit and diagnosis coverage', () => {
  it('covers the completion year and every year after it, with no expiry (seed 003 sets none)', () => {
    expect(coveredInYear([2022], 2021)).toBe(false);
    expect(coveredInYear([2022], 2022)).toBe(true);
    expect(coveredInYear([2022], 2025)).toBe(true);
  });

  it('is covered by any one of several assessments', () => {
    expect(coveredInYear([2018, 2023], 2017)).toBe(false);
    expect(coveredInYear([2018, 2023], 2021)).toBe(true);
    expect(coveredInYear([], 2023)).toBe(false);
  });
});

describe('carbon-peak pilot minimum domains (seed 001 §四.3)', () => {
  it('requires five domains of a comprehensive region: four is one short', () => {
    expect(meetsMinimumDomains('REGION', ['ENERGY', 'TRANSPORT', 'CARBON_SINK', 'CIRCULAR_ECONOMY', 'MECHANISM_INNOVATION'])).toBe(true);
    expect(meetsMinimumDomains('REGION', ['ENERGY', 'TRANSPORT', 'CARBON_SINK', 'CIRCULAR_ECONOMY'])).toBe(false);
  });

  it('requires four of parks and communities and three of buildings and enterprises', () => {
    expect(meetsMinimumDomains('PARK', ['ENERGY', 'TRANSPORT', 'CARBON_SINK', 'CIRCULAR_ECONOMY'])).toBe(true);
    expect(meetsMinimumDomains('COMMUNITY', ['ENERGY', 'TRANSPORT', 'CARBON_SINK'])).toBe(false);
    expect(meetsMinimumDomains('BUILDING', ['ENERGY', 'TRANSPORT', 'CARBON_SINK'])).toBe(true);
    expect(meetsMinimumDomains('ENTERPRISE', ['ENERGY', 'TRANSPORT'])).toBe(false);
  });

  it('counts a domain listed twice once', () => {
    expect(meetsMinimumDomains('ENTERPRISE', ['ENERGY', 'ENERGY', 'TRANSPORT'])).toBe(false);
  });
});

describe('retrofit schedule (seed 003 §四.4)', () => {
  it('requires 20, 50, 80 and 100 percent completed by the end of 2022, 2023, 2024 and 2025', () => {
    expect([2021, 2022, 2023, 2024, 2025, 2026].map(retrofitRequiredShare)).toEqual([0, 0.2, 0.5, 0.8, 1, 1]);
  });
});
