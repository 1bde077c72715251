import { catalog, type IndicatorDefinition, type MetricDefinition, type TargetDefinition } from '../../lib/indicators/catalog.ts';
import { evaluate, ratioParts, type EvaluationScope, type FormulaNode, type UnknownReason } from '../../lib/indicators/formula.ts';
import { FactIndex, metricYearKey, type RegionFact } from '../../lib/indicators/region-facts.ts';
import { regionAncestry, type ScopeKind } from '../../lib/indicators/scope.ts';
import type { Agency } from '../../lib/agencies.ts';
import { agenciesRead, unavailableInput, unavailableInValue } from './unavailable.ts';

type Status = 'PROVISIONAL' | 'FINAL';

type Unit = Record<string, unknown> & { year: number };

/** What one agency contributes to a value (null when the indicator reads nothing of it). */
interface AgencyInputs {
  facts?: RegionFact[] | null;
}

/** The entity representation the gateway sends: key fields plus every @requires input. */
export interface IndicatorValueRepresentation {
  indicatorCode: string;
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  asOf: string;
  bigdataInputs?: (AgencyInputs & { scopeRegionCode?: string | null; scopeClusterId?: string | null }) | null;
  commsInputs?: (AgencyInputs & { coreMachineRooms?: Unit[] | null }) | null;
  econInputs?: (AgencyInputs & { enterprises?: Unit[] | null }) | null;
  energyInputs?: AgencyInputs | null;
  /** Data-centre units as aligned columns (`dataCenterIds[i]` in `years[i]`), each named as the unit field it carries. */
  dataCenterPopulation?: (Record<string, unknown[]> & { dataCenterIds: string[]; years: number[] }) | null;
  /** The previous year's value with its own inputs, present when `change` was asked for. */
  priorYear?: IndicatorValueRepresentation | null;
}

/** Where a scope lies, for the target it inherits: bigdata knows for clusters and data centres. */
export interface ScopeLocation {
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  scopeRegionCode?: string | null;
  scopeClusterId?: string | null;
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
  flags(nameUnits: boolean): { code: string; message: string }[];
}

const weakest = (statuses: (Status | null | undefined)[]): Status | null =>
  statuses.some((s) => s === 'PROVISIONAL') ? 'PROVISIONAL' : statuses.some((s) => s === 'FINAL') ? 'FINAL' : null;

const NO_UNITS: Unit[] = [];

// Values over the same population (a cube's PUE, rack utilisation and renewable share) share its columns: convert them once.
const unitsByColumns = new WeakMap<object, Unit[]>();
function unitsOfColumns(columns: IndicatorValueRepresentation['dataCenterPopulation']): Unit[] {
  // No member list: bigdata was unavailable (the value is then null, see `unavailable`).
  if (!columns?.dataCenterIds) return NO_UNITS;
  let units = unitsByColumns.get(columns);
  if (!units) unitsByColumns.set(columns, (units = toUnits(columns)));
  return units;
}

/** Units from aligned columns: unit i carries entry i of every column, `dataCenterId` and `year` included. */
function toUnits(columns: NonNullable<IndicatorValueRepresentation['dataCenterPopulation']>): Unit[] {
  const { dataCenterIds, years } = columns;
  const named = Object.entries(columns).filter(([field, column]) => field !== 'dataCenterIds' && field !== 'years' && Array.isArray(column));
  return dataCenterIds.map((dataCenterId, i) => {
    const unit: Unit = { dataCenterId, year: years[i]! };
    for (const [field, column] of named) unit[field] = column[i];
    return unit;
  });
}

// A population's units by year, and their statuses by metric: values over one population (a cube's PUE,
// rack utilisation and renewable share of a region-year) share them instead of each filtering its units again.
const unitsByYear = new WeakMap<readonly Unit[], Map<number, Unit[]>>();
const statusesOfUnits = new WeakMap<readonly Unit[], Map<MetricDefinition, Status | null>>();

function unitsInYear(population: readonly Unit[], year: number): Unit[] {
  let byYear = unitsByYear.get(population);
  if (!byYear) unitsByYear.set(population, (byYear = new Map()));
  let units = byYear.get(year);
  if (!units) byYear.set(year, (units = population.filter((u) => u.year === year)));
  return units;
}

/** The weakest status of a unit metric over a population. A metric read from a register (no `statusField`) is final by nature. */
function unitStatus(units: readonly Unit[], metric: MetricDefinition): Status | null {
  let byMetric = statusesOfUnits.get(units);
  if (!byMetric) statusesOfUnits.set(units, (byMetric = new Map()));
  let status = byMetric.get(metric);
  if (status === undefined) {
    const { statusField } = metric;
    byMetric.set(metric, (status = weakest(units.map((u) => (statusField ? ((u[statusField] ?? null) as Status | null) : 'FINAL')))));
  }
  return status;
}

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

// Unit metrics in a stable order, per indicator: the order `inputs` lists them in.
const sortedUnitRefs = new WeakMap<IndicatorDefinition, string[]>();
const unitRefsOf = (indicator: IndicatorDefinition): string[] => {
  let refs = sortedUnitRefs.get(indicator);
  if (!refs) sortedUnitRefs.set(indicator, (refs = [...indicator.refs.unit].sort()));
  return refs;
};

/** Region facts by metric and year. */
export type RegionFacts = Pick<FactIndex<RegionFact>, 'get'>;

/** The facts a representation carries from every agency. */
export function factsOf(rep: IndicatorValueRepresentation): RegionFacts {
  const facts = new FactIndex<RegionFact>();
  for (const inputs of [rep.bigdataInputs, rep.commsInputs, rep.econInputs, rep.energyInputs]) for (const f of inputs?.facts ?? []) facts.add(f);
  return facts;
}

/**
 * One indicator value evaluated from the inputs the federation gathered into its representation.
 * Pure: no I/O, so every IndicatorValue costs CPU only. Each part is computed when first read, so a
 * grid asking only for values does not pay for numerators, inputs or quality flags.
 */
export class IndicatorEvaluation implements IndicatorResult {
  readonly indicator: IndicatorDefinition;
  private readonly facts: RegionFacts;
  private readonly population: Unit[];
  /** Agencies the value reads whose subgraph was unavailable: then the value is null and `missing` names them. */
  private readonly unavailable: Agency[];
  private core?: { value: number | null; missing: MissingInput[] };
  private parts?: { numerator: number | null; denominator: number | null };
  private inputList?: InputValue[];
  private applicable?: ApplicableTarget | null;

  /**
   * `facts` and `units` (the population, every year's) may be shared by many values, as a cube's cells share
   * their region's facts and populations; without them they are read from the representation.
   */
  constructor(
    private readonly rep: IndicatorValueRepresentation,
    facts?: RegionFacts,
    units?: Unit[],
    unavailable?: readonly Agency[],
  ) {
    const indicator = catalog().indicators.get(rep.indicatorCode);
    if (!indicator) throw new Error(`unknown indicator ${rep.indicatorCode}`);
    this.indicator = indicator;
    const read = agenciesRead(indicator);
    this.unavailable = (unavailable ?? unavailableInValue(rep, indicator)).filter((agency) => read.has(agency));
    this.facts = facts ?? factsOf(rep);
    const subject = indicator.population?.subject;
    this.population =
      units ??
      (subject === 'DATA_CENTER' ? unitsOfColumns(rep.dataCenterPopulation) : subject === 'CORE_ROOM' ? (rep.commsInputs?.coreMachineRooms ?? NO_UNITS) : subject === 'ENTERPRISE' ? (rep.econInputs?.enterprises ?? NO_UNITS) : NO_UNITS);
  }

  unitsOf(year: number): Unit[] {
    return unitsInYear(this.population, year);
  }

  private run(node: FormulaNode, year: number, reasons: UnknownReason[], code = this.indicator.code): number | null {
    return evaluate(node, new ValueScope(this, year, catalog().indicators.get(code)!.baselineYear, reasons));
  }

  /** A region-level metric, or another indicator's value for the same scope. */
  scalar(name: string, year: number, reasons: UnknownReason[]): number | null {
    const { indicators, metrics } = catalog();
    if (metrics.has(name)) return this.facts.get(name, year)?.value ?? null;
    const other = indicators.get(name);
    return other ? this.run(other.ast, year, reasons, name) : null;
  }

  private evaluated(): { value: number | null; missing: MissingInput[] } {
    if (!this.core && this.unavailable.length > 0) this.core = { value: null, missing: this.unavailable.map((agency) => unavailableInput(agency, this.rep.year)) };
    if (!this.core) {
      const reasons: UnknownReason[] = [];
      const value = this.run(this.indicator.ast, this.rep.year, reasons);
      if (reasons.length === 0) return (this.core = { value, missing: [] });
      const { metrics } = catalog();
      const seen = new Set<string>();
      const missing = reasons.map((r) => describe(r, metrics)).filter((m) => {
        const key = metricYearKey(m.metric, m.year);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      this.core = { value, missing };
    }
    return this.core;
  }

  get value(): number | null {
    return this.evaluated().value;
  }

  get missing(): MissingInput[] {
    return this.evaluated().missing;
  }

  private ratio(): { numerator: number | null; denominator: number | null } {
    if (!this.parts) {
      const parts = ratioParts(this.indicator.ast);
      this.parts = parts && this.unavailable.length === 0 ? { numerator: this.run(parts.numerator, this.rep.year, []), denominator: this.run(parts.denominator, this.rep.year, []) } : { numerator: null, denominator: null };
    }
    return this.parts;
  }

  get numerator(): number | null {
    return this.ratio().numerator;
  }

  get denominator(): number | null {
    return this.ratio().denominator;
  }

  /** The value's year, then its baseline year if it has one. */
  private inputYears(): number[] {
    const { baselineYear } = this.indicator;
    return baselineYear !== undefined && baselineYear !== this.rep.year ? [this.rep.year, baselineYear] : [this.rep.year];
  }

  get inputs(): InputValue[] {
    if (this.inputList) return this.inputList;
    const { metrics } = catalog();
    const { indicator, rep } = this;
    const inputs: InputValue[] = [];
    for (const year of this.inputYears()) {
      for (const code of indicator.regionMetrics) {
        const fact = this.facts.get(code, year);
        inputs.push({ metric: metrics.get(code)!, year, value: fact?.value ?? null, status: fact?.status ?? null, updatedAt: fact?.updatedAt ?? null, units: null });
      }
      if (year !== rep.year) continue;
      const units = this.unitsOf(year);
      for (const code of unitRefsOf(indicator)) {
        const metric = metrics.get(code)!;
        const values = units.map((u) => unitValue(u, metric));
        inputs.push({
          metric,
          year,
          value: values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0),
          status: unitStatus(units, metric),
          updatedAt: null,
          units: units.length,
        });
      }
    }
    return (this.inputList = inputs);
  }

  /** The weakest status among `inputs`, read without adding up their values (or listing them: a grid reads thousands). */
  get status(): Status | null {
    if (this.unavailable.length > 0) return null;
    if (this.inputList) return weakest(this.inputList.map((i) => i.status));
    let final = false;
    for (const year of this.inputYears()) {
      for (const code of this.indicator.regionMetrics) {
        const status = this.facts.get(code, year)?.status;
        if (status === 'PROVISIONAL') return status;
        if (status === 'FINAL') final = true;
      }
    }
    const unitRefs = unitRefsOf(this.indicator);
    if (unitRefs.length > 0) {
      const { metrics } = catalog();
      const units = this.unitsOf(this.rep.year);
      for (const code of unitRefs) {
        const status = unitStatus(units, metrics.get(code)!);
        if (status === 'PROVISIONAL') return status;
        if (status === 'FINAL') final = true;
      }
    }
    return final ? 'FINAL' : null;
  }

  get target(): ApplicableTarget | null {
    if (this.applicable === undefined) {
      const { scopeKind, scopeId, year, bigdataInputs } = this.rep;
      this.applicable = applicableTarget(this.indicator, { scopeKind, scopeId, year, scopeRegionCode: bigdataInputs?.scopeRegionCode ?? null, scopeClusterId: bigdataInputs?.scopeClusterId ?? null });
    }
    return this.applicable;
  }

  /** Units of the population in each year the value reads; empty when it sums over none. */
  get unitsPerYear(): { year: number; units: number }[] {
    return this.indicator.population ? this.inputYears().map((year) => ({ year, units: this.unitsOf(year).length })) : [];
  }

  /** Quality flags; `nameUnits` lists the data centres concerned, whose racks in use are unit-level data. */
  flags(nameUnits: boolean): { code: string; message: string }[] {
    if (this.indicator.population?.subject !== 'DATA_CENTER') return [];
    const over = this.unitsOf(this.rep.year).filter((u) => typeof u.racksInUse === 'number' && typeof u.designRacks === 'number' && u.racksInUse > u.designRacks);
    if (over.length === 0) return [];
    const which = nameUnits ? `: ${over.map((u) => u.dataCenterId).join(', ')}` : '';
    return [{ code: 'RACKS_IN_USE_ABOVE_REGISTERED', message: `${over.length} data centre(s) report more racks in use (comms) than bigdata registered${which}.` }];
  }
}

/** What a formula reads, for one value in one year: a class, not closures, since a grid evaluates thousands. */
class ValueScope implements EvaluationScope<Unit> {
  constructor(
    private readonly evaluation: IndicatorEvaluation,
    readonly year: number,
    readonly baselineYear: number | undefined,
    private readonly reasons: UnknownReason[],
  ) {}

  scalar(name: string, year: number): number | null {
    return this.evaluation.scalar(name, year, this.reasons);
  }

  units(year: number): Unit[] {
    return this.evaluation.unitsOf(year);
  }

  unitValue(unit: Unit, metric: string): number | null {
    return unitValue(unit, catalog().metrics.get(metric)!);
  }

  unknown(reason: UnknownReason): void {
    this.reasons.push(reason);
  }
}
