import { describe, expect, it } from 'vitest';
import { catalog, type IndicatorDefinition, type TargetDefinition } from '../../lib/indicators/catalog.ts';
import { yearRange } from '../../lib/indicators/grid.ts';
import { findTarget, gapToTarget, meetsTarget, periodOf, progress, type ScopeLocation } from '../../subgraphs/indicators/targets.ts';

const indicator = (code: string): IndicatorDefinition => catalog().indicators.get(code)!;
const region = (scopeId: string, year: number): ScopeLocation => ({ scopeKind: 'REGION', scopeId, year });
const cluster = (scopeId: string, year: number, scopeClusterId: string | null, scopeRegionCode: string): ScopeLocation => ({
  scopeKind: 'CLUSTER',
  scopeId,
  year,
  scopeClusterId,
  scopeRegionCode,
});

describe('targets bind their jurisdiction and scope', () => {
  it('a count target binds its city only: Pudong is shown Shanghai’s 30 zero-carbon factories as context, not judged by it', () => {
    // Seed 003 三 表 第4行: 创建零碳工厂30家 — a city count (scope JURISDICTION).
    const shanghai = findTarget(indicator('ZERO_CARBON_FACTORY_COUNT'), region('310000', 2025))!;
    expect(shanghai).toMatchObject({ jurisdiction: '310000', value: 30, scope: 'JURISDICTION', inherited: false, binding: true });
    expect(meetsTarget(31, shanghai)).toBe(true);
    const pudong = findTarget(indicator('ZERO_CARBON_FACTORY_COUNT'), region('310115', 2025))!;
    expect(pudong).toMatchObject({ jurisdiction: '310000', inherited: true, binding: false });
    // Pudong's 12 factories neither "fail" 30 nor have a gap to it.
    expect([meetsTarget(12, pudong), gapToTarget(12, pudong), progress(12, pudong, 0)]).toEqual([null, null, null]);
  });

  it('no district is judged against Shanghai’s 5,000 racks retired or 1,000 MW of PV, nor Chongqing’s cluster share', () => {
    for (const [code, district] of [
      ['DC_RACKS_RETIRED', '310115'],
      ['NEW_PV_CAPACITY', '310115'],
      ['DC_CLUSTER_SHARE', '500112'],
      ['DC_CLUSTER_SHARE', '500101'],
      ['NATIONAL_GREEN_DC_COUNT', '500112'],
      ['SCENARIO_INDUSTRY_COUNT', '500112'],
    ] as const) {
      const target = findTarget(indicator(code), region(district, 2025))!;
      expect({ code, binding: target.binding, inherited: target.inherited }).toEqual({ code, binding: false, inherited: true });
      // 500112 at 100% share would have "met" ≥80%, 500101 at 0% "failed" it: both are now unjudged.
      expect(meetsTarget(1, target)).toBeNull();
      expect(meetsTarget(0, target)).toBeNull();
    }
  });

  it('Shanghai is not judged against the national ten scenarios', () => {
    // Seed 002 附件 指标7 [10] is the nation's; Shanghai has no scenario target of its own.
    const target = findTarget(indicator('SCENARIO_INDUSTRY_COUNT'), region('310000', 2025))!;
    expect(target).toMatchObject({ jurisdiction: '000000', value: 10, binding: false });
    expect(meetsTarget(12, target)).toBeNull();
  });

  it('a new large data centre’s PUE ceiling binds each centre, so every district and zone inside the jurisdiction is judged', () => {
    // Seed 004 附件 指标6: <1.3 city-wide, ≤1.25 inside the cluster (scope EACH_UNIT).
    const district = findTarget(indicator('NEW_LARGE_DC_PUE'), region('500112', 2025))!;
    expect(district).toMatchObject({ jurisdiction: '500000', comparator: '<', binding: true, inherited: true });
    expect(meetsTarget(1.2, district)).toBe(true);
    expect(meetsTarget(1.3, district)).toBe(false); // 1.3 does not meet "< 1.3"
    const zone = findTarget(indicator('NEW_LARGE_DC_PUE'), cluster('CQ_BISHAN', 2025, 'CQ_CLUSTER', '500000'))!;
    expect(zone).toMatchObject({ jurisdiction: 'CQ_CLUSTER', comparator: '<=', binding: true, inherited: true });
    expect(meetsTarget(1.25, zone)).toBe(true); // 1.25 meets "≤ 1.25"
    expect(meetsTarget(1.3, zone)).toBe(false);
  });

  it('a data centre is judged only by a target that binds each unit', () => {
    const dc: ScopeLocation = { scopeKind: 'DATA_CENTER', scopeId: 'DC-500112-001', year: 2025, scopeClusterId: 'CQ_CLUSTER', scopeRegionCode: '500112' };
    // Seed 004 附件 指标6 binds each new large centre in the cluster; 指标12's renewable share is the city's.
    expect(findTarget(indicator('NEW_LARGE_DC_PUE'), dc)).toMatchObject({ jurisdiction: 'CQ_CLUSTER', binding: true });
    expect(findTarget(indicator('DC_RENEWABLE_RATE'), dc)).toMatchObject({ jurisdiction: '500000', binding: false });
  });

  it('every target of the catalog names its scope, measure, period and seed clause', () => {
    for (const i of catalog().indicators.values()) {
      for (const t of i.targets) {
        expect(t.source.length, `${i.code} ${t.jurisdiction}`).toBeGreaterThan(10);
        expect(catalog().periods.has(t.period)).toBe(true);
      }
    }
  });
});

describe('targets judge their year; earlier years show milestones and progress', () => {
  it('the 2020 baseline is judged by no target', () => {
    // 2020 is the 14th plan's baseline, in no plan period (FYP14 = 2021–2025).
    expect(periodOf(2020)).toBeNull();
    expect(findTarget(indicator('DC_RACK_UTILISATION'), region('500000', 2020))).toBeNull();
  });

  it('a 2025 target judges 2025 and leaves 2023 unjudged where the seed sets no milestone, with progress from 2020', () => {
    const rack = indicator('DC_RACK_UTILISATION');
    const y2023 = findTarget(rack, region('500000', 2023))!;
    expect(y2023).toMatchObject({ year: 2025, comparand: null, binding: true });
    expect(meetsTarget(0.6, y2023)).toBeNull();
    // Level: 2020 at 50%, 2023 at 60%, target 75%: (0.60 − 0.50) / (0.75 − 0.50) = 0.10 / 0.25 = 0.4.
    expect(progress(0.6, y2023, 0.5)).toBeCloseTo(0.4, 12);
    const y2025 = findTarget(rack, region('500000', 2025))!;
    expect(y2025.comparand).toBeCloseTo(0.75, 12);
    expect(meetsTarget(0.74, y2025)).toBe(false);
    expect(meetsTarget(0.75, y2025)).toBe(true);
  });

  it('a five-year change starts at zero in the baseline year', () => {
    // Seed 004 附件 指标1 [>20]: a 2023 decrease of 12% covers 0.12 / 0.20 = 0.6 of the way; no 2020 value is read.
    const target = findTarget(indicator('ICT_TRAFFIC_ENERGY_DECREASE'), region('500000', 2023))!;
    expect(target.measure).toBe('CHANGE');
    expect(progress(0.12, target, null)).toBeCloseTo(0.6, 12);
    // Seed 000 二: 5,000 racks over 2021–2025; 2,000 retired by 2023 is 2,000 / 5,000 = 0.4 of the way.
    expect(progress(2000, findTarget(indicator('DC_RACKS_RETIRED'), region('310000', 2023))!, null)).toBeCloseTo(0.4, 12);
  });

  it('a level needs the baseline year’s value for progress, and has none when the baseline already meets the target', () => {
    const target = findTarget(indicator('DC_RACK_UTILISATION'), region('500000', 2024))!;
    expect(progress(0.7, target, null)).toBeNull();
    expect(progress(0.8, target, 0.76)).toBeNull(); // 76% in 2020 already meets ≥ 75%
    // A ceiling: PUE 1.50 in 2020, 1.40 in 2024, target < 1.3: (1.40 − 1.50) / (1.30 − 1.50) = 0.5.
    const pue = findTarget(indicator('NEW_LARGE_DC_PUE'), region('500000', 2024))!;
    expect(progress(1.4, pue, 1.5)).toBeCloseTo(0.5, 12);
  });

  it('milestone years are judged against the milestone, in stored units', () => {
    // The retrofit schedule of seed 003 四.4 as milestones of a 100% target: cumulative 20 / 50 / 80 % by 2022–2024.
    const schedule: TargetDefinition = {
      jurisdiction: '310000',
      comparator: '>=',
      value: 100,
      year: 2025,
      period: 'FYP14',
      scope: 'SUB_REGIONS',
      measure: 'LEVEL',
      expected: false,
      milestones: [
        { year: 2022, value: 20 },
        { year: 2023, value: 50 },
        { year: 2024, value: 80 },
      ],
      source: '003 四.4',
    };
    const retrofit: IndicatorDefinition = { ...indicator('ENERGY_AUDIT_COVERAGE'), code: 'RETROFIT_TEST', targets: [schedule] };
    const y2023 = findTarget(retrofit, region('310115', 2023))!;
    expect(y2023).toMatchObject({ binding: true, milestone: { year: 2023, value: 50 } });
    expect(y2023.comparand).toBeCloseTo(0.5, 12);
    expect(meetsTarget(0.49, y2023)).toBe(false);
    expect(meetsTarget(0.5, y2023)).toBe(true);
    expect(findTarget(retrofit, region('310115', 2021))!.comparand).toBeNull(); // no milestone for 2021
  });
});

describe('plan periods', () => {
  it('an indicator carries targets of two plan periods, each judging its own years', () => {
    // Seed 000 二: new data centres ≤1.3 in the 14th plan, <1.25 in the 15th.
    const newDc = indicator('NEW_DC_PUE');
    expect(findTarget(newDc, region('310000', 2025))).toMatchObject({ period: 'FYP14', comparator: '<=', value: 1.3 });
    const y2026 = findTarget(newDc, region('310000', 2026))!;
    expect(y2026).toMatchObject({ period: 'FYP15', comparator: '<', value: 1.25, year: 2030, comparand: null });
    expect(y2026.planPeriod.baselineYear).toBe(2025);
    expect(meetsTarget(1.24, findTarget(newDc, region('310000', 2030)))).toBe(true);
    expect(meetsTarget(1.25, findTarget(newDc, region('310000', 2030)))).toBe(false);
    expect(findTarget(indicator('RETROFITTED_DC_PUE'), region('310000', 2030))).toMatchObject({ comparator: '<=', value: 1.4 });
  });

  it('years run to the later of today and the last plan period, not a constant', () => {
    // Periods end in 2030 (FYP15); in December 2026 that is 2020–2030; in 2032 it is 2020–2032.
    expect(yearRange({}, new Date('2026-12-05T00:00:00Z'))).toEqual({ first: 2020, last: 2030 });
    expect(yearRange({}, new Date('2032-01-01T00:00:00Z'))).toEqual({ first: 2020, last: 2032 });
    expect(yearRange({ EARLIEST_PERIOD_YEAR: '2018' }, new Date('2026-12-05T00:00:00Z')).first).toBe(2018);
  });
});
