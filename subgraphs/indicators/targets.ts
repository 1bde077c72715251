import type { IndicatorDefinition, TargetDefinition } from '../../lib/indicators/catalog.ts';
import { regionAncestry, type ScopeKind } from '../../lib/indicators/scope.ts';

/** Where a scope lies, for the target it inherits: bigdata knows for clusters and data centres. */
export interface ScopeLocation {
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  scopeRegionCode?: string | null;
  scopeClusterId?: string | null;
}

export interface ApplicableTarget extends TargetDefinition {
  /** Stored units (fraction for %), converted from the catalog's display units. */
  storedValue: number;
  inherited: boolean;
}

// Each indicator's targets by jurisdiction, earliest year first: built once, read for every cell.
const targetsByJurisdiction = new WeakMap<IndicatorDefinition, Map<string, TargetDefinition[]>>();
function targetsOf(indicator: IndicatorDefinition): Map<string, TargetDefinition[]> {
  let index = targetsByJurisdiction.get(indicator);
  if (!index) {
    index = new Map();
    for (const target of [...indicator.targets].sort((a, b) => a.year - b.year)) {
      const list = index.get(target.jurisdiction);
      if (list) list.push(target);
      else index.set(target.jurisdiction, [target]);
    }
    targetsByJurisdiction.set(indicator, index);
  }
  return index;
}

// Each indicator's applicable targets by scope, then year: a grid reads the same few for thousands of cells.
const applicableByScope = new WeakMap<IndicatorDefinition, Map<string, Map<number, ApplicableTarget | null>>>();

/** The target for a scope: its own, else the nearest jurisdiction above it (marked inherited). */
export function applicableTarget(indicator: IndicatorDefinition, rep: ScopeLocation): ApplicableTarget | null {
  if (indicator.targets.length === 0) return null;
  let memo = applicableByScope.get(indicator);
  if (!memo) applicableByScope.set(indicator, (memo = new Map()));
  // A region is its own key (no string built per cell); a cluster or data centre also carries where it lies.
  const scope = rep.scopeKind === 'REGION' ? rep.scopeId : `${rep.scopeKind}|${rep.scopeId}|${rep.scopeClusterId ?? ''}|${rep.scopeRegionCode ?? ''}`;
  let byYear = memo.get(scope);
  if (!byYear) memo.set(scope, (byYear = new Map()));
  let target = byYear.get(rep.year);
  if (target === undefined) byYear.set(rep.year, (target = findTarget(indicator, targetsOf(indicator), rep)));
  return target;
}

function findTarget(indicator: IndicatorDefinition, byJurisdiction: Map<string, TargetDefinition[]>, rep: ScopeLocation): ApplicableTarget | null {
  // A zone or data centre inherits from its cluster before its region: the cluster's target is the stricter, local one.
  const chain =
    rep.scopeKind === 'REGION'
      ? regionAncestry(rep.scopeId)
      : [rep.scopeId, ...(rep.scopeClusterId ? [rep.scopeClusterId] : []), ...(rep.scopeRegionCode ? regionAncestry(rep.scopeRegionCode) : [])];
  for (const jurisdiction of chain) {
    const target = byJurisdiction.get(jurisdiction)?.find((t) => t.year >= rep.year);
    if (target) return { ...target, storedValue: target.value / indicator.displayFactor, inherited: jurisdiction !== rep.scopeId };
  }
  return null;
}

export function meetsTarget(value: number | null, target: ApplicableTarget | null): boolean | null {
  if (value === null || target === null) return null;
  switch (target.comparator) {
    case '<':
      return value < target.storedValue;
    case '<=':
      return value <= target.storedValue;
    case '>=':
      return value >= target.storedValue;
    case '>':
      return value > target.storedValue;
  }
}

