import { catalog, type IndicatorDefinition, type PeriodDefinition, type TargetDefinition } from '../../lib/indicators/catalog.ts';
import { regionAncestry, type ScopeKind } from '../../lib/indicators/scope.ts';
import { significant } from '../../lib/indicators/digits.ts';

/** Where a scope lies, for the target it inherits: bigdata knows for clusters and data centres. */
export interface ScopeLocation {
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  scopeRegionCode?: string | null;
  scopeClusterId?: string | null;
}

/**
 * The target of a value's plan period, as it applies to the value's scope and year (DOMAIN.md semantics 10):
 * found for the scope's own jurisdiction or the nearest one above it; it judges the value only where it binds
 * the scope (`binding`) and only in its target year or a milestone year the seed states (`comparand`).
 */
export interface ApplicableTarget extends TargetDefinition {
  /** Stored units (fraction for %), converted from the catalog's display units. */
  storedValue: number;
  /** `milestones` in stored units. */
  storedMilestones: { year: number; value: number }[];
  /** Set for a jurisdiction above the scope (Chongqing's target shown for a district). */
  inherited: boolean;
  /** The target binds this scope: its own jurisdiction, or a part of it where the scope reaches that far. */
  binding: boolean;
  /** The plan period the target belongs to. */
  planPeriod: PeriodDefinition;
  /** What this year is judged against, in stored units: the target in its year, a seed milestone before it, else null. */
  comparand: number | null;
  /** The milestone this year is judged against, if the year is a milestone year. */
  milestone: { year: number; value: number } | null;
}

/** A catalog target with its figures in stored units. */
export function stored(
  indicator: IndicatorDefinition,
  target: TargetDefinition,
): TargetDefinition & Pick<ApplicableTarget, 'storedValue' | 'storedMilestones'> {
  const { displayFactor } = indicator;
  return {
    ...target,
    storedValue: target.value / displayFactor,
    storedMilestones: target.milestones.map((m) => ({ year: m.year, value: m.value / displayFactor })),
  };
}

/** The plan period a year belongs to; null for a baseline year before every period, or a year after them all. */
export function periodOf(year: number): PeriodDefinition | null {
  for (const period of catalog().periods.values()) if (year >= period.from && year <= period.to) return period;
  return null;
}

// Each indicator's targets by period, then jurisdiction: built once, read for every cell.
const targetIndex = new WeakMap<IndicatorDefinition, Map<string, Map<string, TargetDefinition>>>();
function targetsOf(indicator: IndicatorDefinition): Map<string, Map<string, TargetDefinition>> {
  let index = targetIndex.get(indicator);
  if (!index) {
    index = new Map();
    for (const target of indicator.targets) {
      let byJurisdiction = index.get(target.period);
      if (!byJurisdiction) index.set(target.period, (byJurisdiction = new Map()));
      byJurisdiction.set(target.jurisdiction, target);
    }
    targetIndex.set(indicator, index);
  }
  return index;
}

// Each indicator's applicable targets by scope, then year: a grid reads the same few for thousands of cells.
const applicableByScope = new WeakMap<IndicatorDefinition, Map<string, Map<number, ApplicableTarget | null>>>();

/** The target for a scope and year: its period's, for the scope's own jurisdiction or the nearest above (marked inherited). */
export function applicableTarget(indicator: IndicatorDefinition, rep: ScopeLocation): ApplicableTarget | null {
  if (indicator.targets.length === 0) return null;
  let memo = applicableByScope.get(indicator);
  if (!memo) applicableByScope.set(indicator, (memo = new Map()));
  // A region is its own key (no string built per cell); a cluster or data centre also carries where it lies.
  const scope = rep.scopeKind === 'REGION' ? rep.scopeId : `${rep.scopeKind}|${rep.scopeId}|${rep.scopeClusterId ?? ''}|${rep.scopeRegionCode ?? ''}`;
  let byYear = memo.get(scope);
  if (!byYear) memo.set(scope, (byYear = new Map()));
  let target = byYear.get(rep.year);
  if (target === undefined) byYear.set(rep.year, (target = findTarget(indicator, rep)));
  return target;
}

/**
 * Whether a target set for `jurisdiction` binds a scope inside it. Its own jurisdiction always; a region or
 * cluster inside it when the target reaches sub-regions or units; a data centre only when it binds each unit.
 */
function binds(target: TargetDefinition, rep: ScopeLocation, inherited: boolean): boolean {
  if (!inherited) return true;
  if (rep.scopeKind === 'DATA_CENTER') return target.scope === 'EACH_UNIT';
  return target.scope !== 'JURISDICTION';
}

export function findTarget(indicator: IndicatorDefinition, rep: ScopeLocation): ApplicableTarget | null {
  const planPeriod = periodOf(rep.year);
  if (!planPeriod) return null;
  const byJurisdiction = targetsOf(indicator).get(planPeriod.code);
  if (!byJurisdiction) return null;
  // A zone or data centre inherits from its cluster before its region: the cluster's target is the stricter, local one.
  const chain =
    rep.scopeKind === 'REGION'
      ? regionAncestry(rep.scopeId)
      : [rep.scopeId, ...(rep.scopeClusterId ? [rep.scopeClusterId] : []), ...(rep.scopeRegionCode ? regionAncestry(rep.scopeRegionCode) : [])];
  for (const jurisdiction of chain) {
    const target = byJurisdiction.get(jurisdiction);
    if (!target || rep.year > target.year) continue;
    const inherited = jurisdiction !== rep.scopeId;
    const milestone = target.milestones.find((m) => m.year === rep.year) ?? null;
    const comparand = rep.year === target.year ? target.value : milestone ? milestone.value : null;
    return {
      ...stored(indicator, target),
      inherited,
      binding: binds(target, rep, inherited),
      planPeriod,
      comparand: comparand === null ? null : comparand / indicator.displayFactor,
      milestone,
    };
  }
  return null;
}

function compare(value: number, comparator: TargetDefinition['comparator'], bound: number): boolean {
  switch (comparator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
  }
}

/**
 * Whether the value meets what its year is held to: null without a value or target, where the target does not
 * bind the scope (a district is not judged by its city's total), and in years the seed sets no milestone for.
 */
export function meetsTarget(value: number | null, target: ApplicableTarget | null): boolean | null {
  if (value === null || target === null || !target.binding || target.comparand === null) return null;
  return compare(value, target.comparator, target.comparand);
}

/** Value minus the target value, where the target binds the scope; null otherwise. */
export function gapToTarget(value: number | null, target: ApplicableTarget | null): number | null {
  return value === null || target === null || !target.binding ? null : significant(value - target.storedValue);
}

/**
 * The share of the way from the period's baseline to the target covered by `value`: (value − baseline) ÷
 * (target − baseline). A CHANGE measure is zero in the baseline year by definition; a LEVEL needs the
 * baseline year's value of the same indicator and scope (`baselineValue`). Null where the target does not
 * bind the scope, a figure is unknown, or the baseline already meets the target (there is no way to cover).
 */
export function progress(value: number | null, target: ApplicableTarget | null, baselineValue: number | null): number | null {
  if (value === null || target === null || !target.binding) return null;
  const baseline = target.measure === 'CHANGE' ? 0 : baselineValue;
  if (baseline === null || compare(baseline, target.comparator, target.storedValue)) return null;
  const way = target.storedValue - baseline;
  return way === 0 ? null : significant((value - baseline) / way);
}
