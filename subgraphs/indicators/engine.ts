import { catalog, type IndicatorDefinition, type MetricDefinition, type TargetDefinition } from '../../lib/indicators/catalog.ts';
import { evaluate, ratioParts, type EvaluationScope, type FormulaNode, type UnknownReason } from '../../lib/indicators/formula.ts';
import { regionAncestry, type ScopeKind } from '../../lib/indicators/scope.ts';

type Status = 'PROVISIONAL' | 'FINAL';

/** A region-level fact as an agency reports it for one IndicatorValue. */
export interface RegionFact {
  metric: string;
  year: number;
  value: number | null;
  status: Status | null;
  updatedAt: string | null;
}

type Unit = Record<string, unknown> & { year: number };

/** The entity representation the gateway sends: key fields plus every @requires input. */
export interface IndicatorValueRepresentation {
  indicatorCode: string;
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  asOf: string;
  scopeRegionCode?: string | null;
  scopeClusterId?: string | null;
  dataCenters?: Unit[] | null;
  coreMachineRooms?: Unit[] | null;
  enterprises?: Unit[] | null;
  commsFacts?: RegionFact[] | null;
  econFacts?: RegionFact[] | null;
  bigdataFacts?: RegionFact[] | null;
  energyFacts?: RegionFact[] | null;
  /** The previous year's value with its own inputs, present when `change` was asked for. */
  priorYear?: IndicatorValueRepresentation | null;
}

export interface InputValue {
  metric: MetricDefinition;
  year: number;
  value: number | null;
  status: Status | null;
  updatedAt: string | null;
  units: number | null;
}

export interface MissingInput {
  metric: string;
  agency: string | null;
  year: number;
  units: number | null;
  message: string;
}

export interface ApplicableTarget extends TargetDefinition {
  /** Stored units (fraction for %), converted from the catalog's display units. */
  storedValue: number;
  inherited: boolean;
}

export interface IndicatorResult {
  indicator: IndicatorDefinition;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  inputs: InputValue[];
  missing: MissingInput[];
  status: Status | null;
  target: ApplicableTarget | null;
  flags: { code: string; message: string }[];
}

const POPULATION_FIELD = { DATA_CENTER: 'dataCenters', CORE_ROOM: 'coreMachineRooms', ENTERPRISE: 'enterprises' } as const;
const FACTS_FIELD = { comms: 'commsFacts', econ: 'econFacts', bigdata: 'bigdataFacts', energy: 'energyFacts' } as const;
const weakest = (statuses: (Status | null | undefined)[]): Status | null =>
  statuses.some((s) => s === 'PROVISIONAL') ? 'PROVISIONAL' : statuses.some((s) => s === 'FINAL') ? 'FINAL' : null;

function unitValue(unit: Unit, metric: MetricDefinition): number | null {
  const raw = unit[metric.field!];
  if (raw === null || raw === undefined) return null;
  return typeof raw === 'boolean' ? (raw ? 1 : 0) : Number(raw);
}

function describe(reason: UnknownReason, metrics: Map<string, MetricDefinition>): MissingInput {
  if (reason.kind === 'ZERO_DENOMINATOR') return { metric: 'ZERO_DENOMINATOR', agency: null, year: reason.year, units: null, message: `The denominator is zero in ${reason.year} (nothing to divide by).` };
  if (reason.kind === 'NO_BASELINE_YEAR') return { metric: 'BASELINE_YEAR', agency: null, year: 0, units: null, message: 'The indicator has no baseline year.' };
  const metric = metrics.get(reason.name);
  const agency = metric?.owner ?? null;
  const what = metric ? `${metric.nameEn} (${metric.code})` : reason.name;
  const message =
    reason.units === undefined
      ? `${what} for ${reason.year} has not been reported by ${agency ?? 'its owner'}.`
      : `${what} for ${reason.year} has not been reported by ${agency ?? 'its owner'} for ${reason.units} unit(s) of the population.`;
  return { metric: reason.name, agency, year: reason.year, units: reason.units ?? null, message };
}

/** The target for a scope: its own, else the nearest jurisdiction above it (marked inherited). */
export function applicableTarget(
  indicator: IndicatorDefinition,
  rep: Pick<IndicatorValueRepresentation, 'scopeKind' | 'scopeId' | 'year' | 'scopeRegionCode' | 'scopeClusterId'>,
): ApplicableTarget | null {
  // A zone or data centre inherits from its cluster before its region: the cluster's target is the stricter, local one.
  const chain =
    rep.scopeKind === 'REGION'
      ? regionAncestry(rep.scopeId)
      : [rep.scopeId, ...(rep.scopeClusterId ? [rep.scopeClusterId] : []), ...(rep.scopeRegionCode ? regionAncestry(rep.scopeRegionCode) : [])];
  for (const jurisdiction of chain) {
    const candidates = indicator.targets.filter((t) => t.jurisdiction === jurisdiction && t.year >= rep.year).sort((a, b) => a.year - b.year);
    const target = candidates[0];
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

/**
 * Evaluates one indicator value from the inputs the federation gathered into its representation.
 * Pure: no I/O, so every IndicatorValue costs CPU only.
 */
export function computeIndicatorValue(rep: IndicatorValueRepresentation): IndicatorResult {
  const { indicators, metrics } = catalog();
  const indicator = indicators.get(rep.indicatorCode);
  if (!indicator) throw new Error(`unknown indicator ${rep.indicatorCode}`);

  const facts = new Map<string, RegionFact>();
  for (const field of Object.values(FACTS_FIELD)) for (const f of rep[field] ?? []) facts.set(`${f.metric}|${f.year}`, f);
  const population = indicator.population ? ((rep[POPULATION_FIELD[indicator.population.subject]] ?? []) as Unit[]) : [];
  const unitsOf = (year: number) => population.filter((u) => u.year === year);

  const run = (node: FormulaNode, year: number, reasons: UnknownReason[], code = indicator.code): number | null => {
    const definition = indicators.get(code)!;
    const scope: EvaluationScope = {
      year,
      baselineYear: definition.baselineYear,
      scalar: (name, y) => (metrics.has(name) ? (facts.get(`${name}|${y}`)?.value ?? null) : indicators.has(name) ? run(indicators.get(name)!.ast, y, reasons, name) : null),
      units: (y) => unitsOf(y).map((u) => ({ value: (metric: string) => unitValue(u, metrics.get(metric)!) })),
      unknown: (reason) => reasons.push(reason),
    };
    return evaluate(node, scope);
  };

  const reasons: UnknownReason[] = [];
  const value = run(indicator.ast, rep.year, reasons);
  const parts = ratioParts(indicator.ast);
  const numerator = parts ? run(parts.numerator, rep.year, []) : null;
  const denominator = parts ? run(parts.denominator, rep.year, []) : null;

  const inputYears = [rep.year, ...(indicator.baselineYear !== undefined && indicator.baselineYear !== rep.year ? [indicator.baselineYear] : [])];
  const inputs: InputValue[] = [];
  for (const year of inputYears) {
    for (const code of indicator.regionMetrics) {
      const fact = facts.get(`${code}|${year}`);
      inputs.push({ metric: metrics.get(code)!, year, value: fact?.value ?? null, status: fact?.status ?? null, updatedAt: fact?.updatedAt ?? null, units: null });
    }
    if (year !== rep.year) continue;
    for (const code of [...indicator.refs.unit].sort()) {
      const metric = metrics.get(code)!;
      const units = unitsOf(year);
      const values = units.map((u) => unitValue(u, metric));
      inputs.push({
        metric,
        year,
        value: values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0),
        // Register facts (bigdata, econ) carry no status field: they are final by nature.
        status: weakest(units.map((u) => (`${metric.owner}Status` in u ? (u[`${metric.owner}Status`] as Status | null) : 'FINAL'))),
        updatedAt: null,
        units: units.length,
      });
    }
  }

  const flags: IndicatorResult['flags'] = [];
  if (indicator.population?.subject === 'DATA_CENTER') {
    const over = unitsOf(rep.year).filter((u) => typeof u.racksInUse === 'number' && typeof u.designRacks === 'number' && u.racksInUse > u.designRacks);
    if (over.length > 0) {
      flags.push({ code: 'RACKS_IN_USE_ABOVE_REGISTERED', message: `${over.length} data centre(s) report more racks in use (comms) than bigdata registered: ${over.map((u) => u.dataCenterId).join(', ')}.` });
    }
  }

  const seen = new Set<string>();
  const missing = reasons.map((r) => describe(r, metrics)).filter((m) => {
    const key = `${m.metric}|${m.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    indicator,
    value,
    numerator,
    denominator,
    inputs,
    missing,
    status: weakest(inputs.map((i) => i.status)),
    target: applicableTarget(indicator, rep),
    flags,
  };
}
