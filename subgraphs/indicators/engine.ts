import {
  boundedMetrics,
  catalog,
  howToWrite,
  UNIT_ID_FIELD,
  type IndicatorDefinition,
  type MetricDefinition,
  type UnitSubject,
} from '../../lib/indicators/catalog.ts';
import { matchUnits, type Coverage, type MatchedUnits } from '../../lib/indicators/coverage.ts';
import { significant } from '../../lib/indicators/digits.ts';
import { evaluate, ratioParts, sumTerms, type EvaluationScope, type FormulaNode, type UnknownReason } from '../../lib/indicators/formula.ts';
import { monthMatchedInputs, unitStatus, unitValue, type OwnerSums } from '../../lib/indicators/owner-sums.ts';
import { formatMonths, monthlyInputs } from '../../lib/indicators/months-in-service.ts';
import { ownerSumsField, publicUnitFields } from '../../lib/indicators/requires.ts';
import { FactIndex, metricYearKey, type FactSource, type RegionFact } from '../../lib/indicators/region-facts.ts';
import type { ScopeKind } from '../../lib/indicators/scope.ts';
import { AGENCIES, type Agency } from '../../lib/agencies.ts';
import { populationField, UNIT_KINDS } from '../../lib/unit-kinds.ts';
import { referencedMetrics, referencesOf } from '../../lib/quality/unit-references.ts';
import { applicableTarget, type ApplicableTarget } from './targets.ts';
import { unavailableInput, unavailableInValue } from './unavailable.ts';

export { applicableTarget, meetsTarget, type ApplicableTarget, type ScopeLocation } from './targets.ts';

type Status = 'PROVISIONAL' | 'FINAL';

/** The quality flag of units whose monthly inputs cover different months (see `monthMatchedInputs`). */
const MONTHS_DIFFER = 'UNIT_MONTHS_DIFFER';
/** The quality flag of units whose monthly inputs miss a month they were in service (lib/indicators/months-in-service.ts). */
const MONTHS_INCOMPLETE = 'UNIT_MONTHS_INCOMPLETE';

type Unit = Record<string, unknown> & { year: number };

/** What one agency contributes to a value (null when the indicator reads nothing of it). */
interface AgencyInputs {
  facts?: RegionFact[] | null;
  /** A register's answer: units other agencies' figures name that it never registered (lib/quality/unit-references.ts). */
  unregisteredReports?: { agency: string; ids: string[] }[] | null;
}

/** The entity representation the gateway sends: key fields plus every @requires input. */
export interface IndicatorValueRepresentation {
  indicatorCode: string;
  scopeKind: ScopeKind;
  scopeId: string;
  year: number;
  asOf: string;
  bigdataInputs?: (AgencyInputs & { scopeRegionCode?: string | null; scopeClusterId?: string | null; unregisteredDesignations?: string[] | null }) | null;
  commsInputs?: AgencyInputs | null;
  econInputs?: AgencyInputs | null;
  energyInputs?: AgencyInputs | null;
  /**
   * Data-centre units as aligned columns (`dataCenterIds[i]` in `years[i]`) of public register fields, each named as the
   * field it carries, and each owner's totals over them (`commsSums`, `energySums`: the owner's aggregate).
   */
  dataCenterPopulation?: DataCenterPopulationInputs | null;
  /** Core-room years as comms lists them, and energy's totals over them (`energySums`); null for values over other units. */
  coreMachineRoomPopulation?: ListedPopulationInputs | null;
  /** Enterprise years as econ lists them (with energy's public figures), and energy's totals over them; null for values over other units. */
  enterprisePopulation?: ListedPopulationInputs | null;
  /** The previous year's value with its own inputs, present when `change` was asked for. */
  priorYear?: IndicatorValueRepresentation | null;
  /** The value in its plan period's baseline year with its own inputs, present when `progress` was asked for. */
  periodBaseline?: IndicatorValueRepresentation | null;
}

export interface InputValue {
  metric: MetricDefinition;
  year: number;
  value: number | null;
  status: Status | null;
  updatedAt: string | null;
  units: number | null;
  /** For region facts: where the figure comes from, and how many of the regions directly below have one. */
  source?: FactSource | null;
  partsReporting?: number | null;
  partsExpected?: number | null;
}

export interface MissingInput {
  metric: string;
  agency: string | null;
  year: number;
  units: number | null;
  /** For population inputs: the ids of the units that did not report it. */
  unitIds: string[] | null;
  message: string;
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
  /** For values over a population: the matched units' coverage of it in the value's year; null otherwise. */
  coverage: Coverage | null;
  /** Quality flags; `mayName` says whether the caller may read a metric's unit figures, and so be told which units a flag concerns. */
  flags(mayName: (metric: MetricDefinition) => boolean): { code: string; message: string }[];
}

/** What a value's population of a listed kind brings: the register's list (`UnitKind.valueList`) and each owner's totals (`<owner>Sums`). */
export type ListedPopulationInputs = Record<string, unknown>;

/** What a value's data-centre population brings: bigdata's public columns, and the owners' totals and checks. */
export type DataCenterPopulationInputs = Record<string, unknown> & {
  dataCenterIds: string[];
  years: number[];
};

/**
 * What carries a value's units of a kind and their owners' totals: its population entity of that kind
 * (`dataCenterPopulation` as columns, `coreMachineRoomPopulation.coreMachineRooms`, `enterprisePopulation.enterprises` as lists).
 */
export function unitHolder(rep: IndicatorValueRepresentation, subject: UnitSubject): Record<string, unknown> | null | undefined {
  return rep[populationField(subject) as keyof IndicatorValueRepresentation] as Record<string, unknown> | null | undefined;
}

/** Where a value's representation carries an owner's totals: beside its units (`unitHolder`). */
function ownerSumsOf(rep: IndicatorValueRepresentation, subject: UnitSubject, owner: Agency): OwnerSums[] | null | undefined {
  return unitHolder(rep, subject)?.[ownerSumsField(owner)] as OwnerSums[] | null | undefined;
}

/** A value's units of its population's kind: the data-centre population's columns, or the register's list. */
function unitsOf(rep: IndicatorValueRepresentation, subject: UnitSubject): readonly Unit[] {
  const { valueList } = UNIT_KINDS[subject];
  return valueList === null ? toUnits(rep.dataCenterPopulation) : ((unitHolder(rep, subject)?.[valueList] as Unit[] | null | undefined) ?? NO_UNITS);
}

const weakest = (statuses: (Status | null | undefined)[]): Status | null =>
  statuses.some((s) => s === 'PROVISIONAL') ? 'PROVISIONAL' : statuses.some((s) => s === 'FINAL') ? 'FINAL' : null;

const NO_UNITS: Unit[] = [];

/** A data centre's public fields, which travel as columns (the unit-level ones stay with their owners). */
const PUBLIC_DATA_CENTER_FIELDS = publicUnitFields('DATA_CENTER');

/** Units from aligned columns: unit i carries entry i of every public column, `dataCenterId` and `year` included. */
function toUnits(columns: IndicatorValueRepresentation['dataCenterPopulation']): Unit[] {
  // No member list: bigdata was unavailable (the value is then null, see `unavailable`).
  if (!columns?.dataCenterIds) return NO_UNITS;
  const { dataCenterIds, years } = columns;
  const named = PUBLIC_DATA_CENTER_FIELDS.map((field) => [field, columns[field]] as const).filter((entry): entry is readonly [string, unknown[]] =>
    Array.isArray(entry[1]),
  );
  return dataCenterIds.map((dataCenterId, i) => {
    const unit: Unit = { dataCenterId, year: years[i]! };
    for (const [field, column] of named) unit[field] = column[i];
    return unit;
  });
}

function describe(reason: UnknownReason, metrics: Map<string, MetricDefinition>): MissingInput {
  if (reason.kind === 'ZERO_DENOMINATOR')
    return {
      metric: 'ZERO_DENOMINATOR',
      agency: null,
      year: reason.year,
      units: null,
      unitIds: null,
      message: `The denominator is zero in ${reason.year} (nothing to divide by).`,
    };
  if (reason.kind === 'NO_BASELINE_YEAR')
    return { metric: 'BASELINE_YEAR', agency: null, year: 0, units: null, unitIds: null, message: 'The indicator has no baseline year.' };
  const metric = metrics.get(reason.name);
  const agency = metric?.owner ?? null;
  const what = metric ? `${metric.nameEn} (${metric.code})` : reason.name;
  // Name what the owner must send, which is not always the catalog code (DC_RENEWABLE_KWH is sent as its three parts).
  const how = metric ? ` (${agency} sends it through ${howToWrite(metric)})` : '';
  const message =
    reason.units === undefined
      ? `${what} for ${reason.year} has not been reported by ${agency ?? 'its owner'}${how}.`
      : `${what} for ${reason.year} has not been reported by ${agency ?? 'its owner'} for ${reason.units} unit(s) of the population${how}.`;
  return { metric: reason.name, agency, year: reason.year, units: reason.units ?? null, unitIds: null, message };
}

/** Region facts by metric and year. */
export type RegionFacts = Pick<FactIndex<RegionFact>, 'get'>;

/** The facts a representation carries from every agency. */
export function factsOf(rep: IndicatorValueRepresentation): RegionFacts {
  const facts = new FactIndex<RegionFact>();
  for (const agency of AGENCIES) for (const f of rep[`${agency}Inputs`]?.facts ?? []) facts.add(f);
  return facts;
}

/**
 * One indicator value evaluated from the inputs the federation gathered into its representation.
 * Pure: no I/O, so every IndicatorValue costs CPU only. Each part is computed when first read, so a
 * grid asking only for values does not pay for numerators, inputs or quality flags.
 *
 * A value over a population is computed over its matched units (those that reported every unit input the
 * formula reads), published when they cover the indicator's minimum share of the population
 * (`coverage`), null below it with the unreported units named in `missing`, and NOT_APPLICABLE when
 * nothing is registered.
 */
export class IndicatorEvaluation implements IndicatorResult {
  readonly indicator: IndicatorDefinition;
  private readonly facts: RegionFacts;
  private readonly population: readonly Unit[];
  /** The population of each year the value reads, split into matched and unreported units: this value's own memo. */
  private readonly years = new Map<number, MatchedUnits<Unit>>();
  /** Agencies the value reads whose subgraph was unavailable: then the value is null and `missing` names them. */
  private readonly unavailable: Agency[];
  private core?: { value: number | null; missing: MissingInput[] };
  private parts?: { numerator: number | null; denominator: number | null };
  private inputList?: InputValue[];
  private applicable?: ApplicableTarget | null;
  /** The owner's totals by year, when the owner of the indicator's unit-level metrics aggregated them (null: summed here). */
  private readonly owned: Map<number, OwnerSums> | null;
  /** The formula's sum() terms, in the order the owner's `terms` list their totals. */
  private readonly terms: FormulaNode[];

  /**
   * `facts` and `units` (the population, every year's) may be shared by many values, as a cube's cells share
   * their region's facts and populations; without them they are read from the representation.
   */
  constructor(
    private readonly rep: IndicatorValueRepresentation,
    facts?: RegionFacts,
    units?: readonly Unit[],
    unavailable?: readonly Agency[],
    sums?: readonly OwnerSums[] | null,
  ) {
    const indicator = catalog().indicators.get(rep.indicatorCode);
    if (!indicator) throw new Error(`unknown indicator ${rep.indicatorCode}`);
    this.indicator = indicator;
    const read = indicator.agenciesRead;
    this.unavailable = (unavailable ?? unavailableInValue(rep, indicator)).filter((agency) => read.has(agency));
    this.facts = facts ?? factsOf(rep);
    const subject = indicator.population?.subject;
    this.population = units ?? (subject ? unitsOf(rep, subject) : NO_UNITS);
    // Values over units read the totals of the owner of their unit-level figures (none: the owner did not answer, and the value says so).
    const owner = indicator.unitLevelOwner;
    const ownerList = sums !== undefined ? sums : owner && subject ? (ownerSumsOf(rep, subject, owner) ?? []) : undefined;
    this.owned = owner && ownerList ? new Map(ownerList.filter((s) => s.indicatorCode === indicator.code).map((s) => [s.year, s])) : null;
    this.terms = this.owned ? sumTerms(indicator.ast) : [];
  }

  /** The owner's total of a sum() of this indicator's formula in a year; undefined to add it up from the units here. */
  ownerTerm(code: string, node: FormulaNode, year: number): number | null | undefined {
    if (!this.owned || code !== this.indicator.code) return undefined;
    const index = this.terms.indexOf(node);
    return index < 0 ? undefined : (this.owned.get(year)?.terms[index] ?? null);
  }

  /** Whether a unit lacks a unit input: as the owner found it, or from the unit's own fields. */
  private lacks(unit: Unit, metric: MetricDefinition, index: number, year: number): boolean {
    if (!this.owned) return unitValue(unit, metric) === null;
    const owned = this.owned.get(year);
    if (!owned) return true;
    return owned.lacking[index]!.includes(String(unit[UNIT_ID_FIELD[this.indicator.population!.subject]]));
  }

  /** The population in a year, matched against the unit inputs the formula reads and weighed by the catalog's rule. */
  private matchedIn(year: number): MatchedUnits<Unit> {
    let split = this.years.get(year);
    if (!split) {
      const { unitInputs, coverageRule } = this.indicator;
      const weight = coverageRule?.weight ?? null;
      const inYear = this.population.filter((u) => u.year === year);
      split = matchUnits(
        inYear,
        (unit) => unitInputs.every((metric, i) => !this.lacks(unit, metric, i, year)),
        weight && ((unit) => unitValue(unit, weight)),
        coverageRule?.minimum ?? 1,
      );
      this.years.set(year, split);
    }
    return split;
  }

  /** The matched units of a year: those every sum and count of the formula runs over. */
  unitsOf(year: number): Unit[] {
    return this.matchedIn(year).matched;
  }

  get coverage(): Coverage | null {
    return this.indicator.population && !this.notBegun() ? this.matchedIn(this.rep.year).coverage : null;
  }

  private run(node: FormulaNode, year: number, reasons: UnknownReason[], code = this.indicator.code): number | null {
    return evaluate(node, new ValueScope(this, code, year, catalog().indicators.get(code)!.baselineYear, reasons));
  }

  /** A region-level metric, or another indicator's value for the same scope. */
  scalar(name: string, year: number, reasons: UnknownReason[]): number | null {
    const { indicators, metrics } = catalog();
    if (metrics.has(name)) return this.facts.get(name, year)?.value ?? null;
    const other = indicators.get(name);
    return other ? this.run(other.ast, year, reasons, name) : null;
  }

  /** Why a value over a population cannot be published in a year it reads: nothing registered, or too few units reported. */
  private uncovered(): MissingInput[] {
    if (!this.indicator.population) return [];
    const subject = this.indicator.population.subject;
    const missing: MissingInput[] = [];
    for (const year of this.inputYears()) {
      const { unreported, coverage } = this.matchedIn(year);
      if (coverage.status === 'NOT_APPLICABLE') {
        missing.push({
          metric: 'NOT_APPLICABLE',
          agency: null,
          year,
          units: 0,
          unitIds: [],
          message: `No ${UNIT_KINDS[subject].noun} of the population is registered in scope in ${year}: there is nothing to compute over (not a zero).`,
        });
      } else if (coverage.status === 'INSUFFICIENT') {
        const idField = UNIT_ID_FIELD[subject];
        const share = `${(coverage.share! * 100).toFixed(1)} %`;
        const minimum = `${(this.indicator.coverageRule!.minimum * 100).toFixed(1)} %`;
        for (const [i, metric] of this.indicator.unitInputs.entries()) {
          const lacking = unreported.filter((u) => this.lacks(u, metric, i, year)).map((u) => String(u[idField]));
          if (lacking.length === 0) continue;
          const differ = this.monthsDiffer(year);
          const short = lacking.filter((id) => differ.includes(id));
          const incomplete = this.monthsIncomplete(year).filter(({ id }) => lacking.includes(id));
          const months =
            (short.length === 0
              ? ''
              : `; ${short.join(', ')} reported it, but not for every month ${this.monthlyPeers(metric)} was reported for (${MONTHS_DIFFER})`) +
            (incomplete.length === 0
              ? ''
              : `; ${incomplete.map(({ id }) => id).join(', ')} reported it, but not for every month in service (${MONTHS_INCOMPLETE}: ${this.missingMonths(year, incomplete)})`);
          missing.push({
            metric: metric.code,
            agency: metric.owner,
            year,
            units: lacking.length,
            unitIds: lacking,
            message:
              `${metric.nameEn} (${metric.code}) for ${year} has not been reported by ${metric.owner} for ${lacking.length} of ${coverage.unitsExpected} ${UNIT_KINDS[subject].noun}(s): ${lacking.join(', ')}${months} (${metric.owner} sends it through ${howToWrite(metric)}). ` +
              `The ${coverage.unitsReporting} that reported every input hold ${share} of the population's ${this.weightNoun()}, below the indicator's minimum of ${minimum}.`,
          });
        }
      }
    }
    return missing;
  }

  /** Units the owner did not match in a year because they reported the monthly inputs for different months (`monthMatchedInputs`). */
  private monthsDiffer(year: number): string[] {
    return this.owned?.get(year)?.monthsDiffer ?? [];
  }

  /** Units the owner did not match in a year because their monthly inputs miss a month they were in service, with those months. */
  private monthsIncomplete(year: number): { id: string; months: number[] }[] {
    const owned = this.owned?.get(year);
    return (owned?.monthsIncomplete ?? []).map((id, i) => ({ id, months: owned!.monthsMissing[i] ?? [] }));
  }

  /** `M1 lacks 2024-02…2024-12; M5 lacks 2024-07`: the months each unit did not report. */
  private missingMonths(year: number, units: readonly { id: string; months: number[] }[]): string {
    return units.map(({ id, months }) => `${id} lacks ${formatMonths(year, months)}`).join('; ');
  }

  /** The other month-matched inputs of the formula, by code: what a unit's months of `metric` are held against. */
  private monthlyPeers(metric: MetricDefinition): string {
    return monthMatchedInputs(this.indicator)
      .map((i) => this.indicator.unitInputs[i]!.code)
      .filter((code) => code !== metric.code)
      .join(' and ');
  }

  private weightNoun(): string {
    const weight = this.indicator.coverageRule?.weight;
    return weight ? `${weight.nameEn.toLowerCase()} (${weight.code})` : 'units';
  }

  /** A year that has not begun has no figures: a register count or a stock carried forward would be taken for one. */
  private notBegun(): boolean {
    return this.rep.year > new Date().getUTCFullYear();
  }

  private evaluated(): { value: number | null; missing: MissingInput[] } {
    if (!this.core && this.notBegun()) {
      const message = `${this.rep.year} has not begun: none of its figures is known yet (its target, if any, is shown).`;
      this.core = { value: null, missing: [{ metric: 'YEAR_NOT_BEGUN', agency: null, year: this.rep.year, units: null, unitIds: null, message }] };
    }
    if (!this.core && this.unavailable.length > 0)
      this.core = { value: null, missing: this.unavailable.map((agency) => unavailableInput(agency, this.rep.year)) };
    if (!this.core) {
      const { regions } = this.indicator;
      if (regions && this.rep.scopeKind === 'REGION' && !regions.includes(this.rep.scopeId)) {
        const message = `${this.indicator.code} exists only for ${regions.join(', ')} (see the indicator's notes), not for region ${this.rep.scopeId}.`;
        return (this.core = { value: null, missing: [{ metric: 'NOT_APPLICABLE', agency: null, year: this.rep.year, units: null, unitIds: null, message }] });
      }
      const uncovered = this.uncovered();
      if (uncovered.length > 0) return (this.core = { value: null, missing: uncovered });
      const reasons: UnknownReason[] = [];
      const value = significant(this.run(this.indicator.ast, this.rep.year, reasons));
      if (reasons.length === 0) return (this.core = { value, missing: [] });
      const { metrics } = catalog();
      const seen = new Set<string>();
      const missing = reasons
        .map((r) => this.withParts(describe(r, metrics)))
        .filter((m) => {
          const key = metricYearKey(m.metric, m.year);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      this.core = { value, missing };
    }
    return this.core;
  }

  /** A missing region figure that the regions below could have summed to: which of them have none. */
  private withParts(missing: MissingInput): MissingInput {
    const fact = this.facts.get(missing.metric, missing.year);
    if (!fact?.partsExpected || !fact.partsMissing?.length) return missing;
    const { partsReporting, partsExpected, partsMissing } = fact;
    const message = `${missing.message} Nor did all the regions directly below it, whose sum would stand in: ${partsReporting} of ${partsExpected} reported; missing ${partsMissing.join(', ')}.`;
    return { ...missing, units: partsMissing.length, unitIds: partsMissing, message };
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
      // Numerator and denominator are published with the value: not over too few units, nor over none.
      const publishable = parts && !this.notBegun() && this.unavailable.length === 0 && this.uncovered().length === 0;
      this.parts = publishable
        ? { numerator: significant(this.run(parts.numerator, this.rep.year, [])), denominator: significant(this.run(parts.denominator, this.rep.year, [])) }
        : { numerator: null, denominator: null };
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
        inputs.push({
          metric: metrics.get(code)!,
          year,
          value: significant(fact?.value ?? null),
          status: fact?.status ?? null,
          updatedAt: fact?.updatedAt ?? null,
          units: null,
          source: fact?.source ?? null,
          partsReporting: fact?.partsReporting ?? null,
          partsExpected: fact?.partsExpected ?? null,
        });
      }
      if (year !== rep.year) continue;
      // Summed over the matched units, as the value is: each input counts the units it was summed over.
      const units = this.unitsOf(year);
      const publishable = this.uncovered().length === 0;
      const owned = this.owned?.get(year);
      for (const [i, metric] of indicator.unitInputs.entries()) {
        inputs.push({
          metric,
          year,
          value: significant(
            !publishable ? null : owned ? (owned.inputSums[i] ?? null) : this.owned ? null : units.reduce((s, u) => s + unitValue(u, metric)!, 0),
          ),
          status: this.unitInputStatus(units, metric, i, year),
          // The owner stamps what it summed; another agency's register attribute (design racks) has no observation revision.
          updatedAt: owned && metric.owner === this.indicator.unitLevelOwner ? owned.updatedAt : null,
          units: units.length,
        });
      }
    }
    return (this.inputList = inputs);
  }

  /**
   * The weakest status among `inputs`, read without listing them (a grid reads thousands). A value that is not known has
   * none: the status of the inputs that did arrive (a baseline, a zero denominator) would pass it off as a final figure.
   * One its owner withheld from the caller is known, and keeps its status beside its confidentiality (SDMX: OBS_STATUS
   * beside CONF_STATUS C).
   */
  get status(): Status | null {
    if (this.unavailable.length > 0) return null;
    if (this.value === null && !this.inputYears().some((year) => this.owned?.get(year)?.withheld)) return null;
    if (this.inputList) return weakest(this.inputList.map((i) => i.status));
    let final = false;
    for (const year of this.inputYears()) {
      for (const code of this.indicator.regionMetrics) {
        const status = this.facts.get(code, year)?.status;
        if (status === 'PROVISIONAL') return status;
        if (status === 'FINAL') final = true;
      }
    }
    if (this.indicator.unitInputs.length > 0) {
      const units = this.unitsOf(this.rep.year);
      for (const [i, metric] of this.indicator.unitInputs.entries()) {
        const status = this.unitInputStatus(units, metric, i, this.rep.year);
        if (status === 'PROVISIONAL') return status;
        if (status === 'FINAL') final = true;
      }
    }
    return final ? 'FINAL' : null;
  }

  private unitInputStatus(units: readonly Unit[], metric: MetricDefinition, index: number, year: number): Status | null {
    return this.owned ? (this.owned.get(year)?.inputStatuses[index] ?? null) : unitStatus(units, metric);
  }

  get target(): ApplicableTarget | null {
    if (this.applicable === undefined) {
      const { scopeKind, scopeId, year, bigdataInputs } = this.rep;
      this.applicable = applicableTarget(this.indicator, {
        scopeKind,
        scopeId,
        year,
        scopeRegionCode: bigdataInputs?.scopeRegionCode ?? null,
        scopeClusterId: bigdataInputs?.scopeClusterId ?? null,
      });
    }
    return this.applicable;
  }

  /** Units contributing to the value in each year it reads (its matched units); empty when it sums over none. */
  get unitsPerYear(): { year: number; units: number }[] {
    return this.indicator.population ? this.inputYears().map((year) => ({ year, units: this.unitsOf(year).length })) : [];
  }

  /** Quality flags; `mayName` says whether the caller may read a metric's unit figures, and so be told which units a flag concerns. */
  flags(mayName: (metric: MetricDefinition) => boolean): { code: string; message: string }[] {
    return [...this.regionTotalFlags(), ...this.boundFlags(mayName), ...this.monthsFlags(), ...this.designationFlags(), ...this.unregisteredUnitFlags(mayName)];
  }

  /**
   * Units whose owner holds the formula's monthly inputs for different months of a year it reads (total energy for January,
   * IT energy for February): a ratio of their sums is not comparable, so the owner left them out as units that did not
   * report, and the flag says why and which (register ids are public, as in `missing`), whatever the coverage.
   */
  private monthsFlags(): { code: string; message: string }[] {
    const subject = this.indicator.population?.subject;
    if (!subject || this.notBegun()) return [];
    const codes = monthMatchedInputs(this.indicator).map((i) => this.indicator.unitInputs[i]!);
    const differ = this.inputYears().flatMap((year) => {
      const ids = this.monthsDiffer(year);
      if (ids.length === 0) return [];
      const owner = codes[0]!.owner;
      return [
        {
          code: MONTHS_DIFFER,
          message:
            `${owner} holds ${codes.map((m) => m.code).join(' and ')} for different months of ${year} for ${ids.length} ${UNIT_KINDS[subject].noun}(s): ${ids.join(', ')}. ` +
            `A ratio of sums over different months is not comparable, so they count as not reporting (see coverage): ${owner} sends the months each of them lacks.`,
        },
      ];
    });
    return [...differ, ...this.incompleteFlags(subject)];
  }

  /**
   * Units whose monthly inputs miss a month of a year they were in service (from the commissioning month, through December,
   * through the last month reported in the year they closed, through the last month ended in the current year): a year's
   * flow summed over part of it is not the year's, so the owner left them out as units that did not report. The flag names
   * them and the months they lack (register ids and which months came in are public, as in `missing`).
   */
  private incompleteFlags(subject: UnitSubject): { code: string; message: string }[] {
    const monthly = monthlyInputs(this.indicator).map((i) => this.indicator.unitInputs[i]!);
    return this.inputYears().flatMap((year) => {
      const units = this.monthsIncomplete(year);
      if (units.length === 0) return [];
      const owner = monthly[0]!.owner;
      return [
        {
          code: MONTHS_INCOMPLETE,
          message:
            `${owner} holds ${monthly.map((m) => m.code).join(' and ')} of ${year} for ${units.length} ${UNIT_KINDS[subject].noun}(s) for fewer months than they were in service: ${this.missingMonths(year, units)}. ` +
            `A year's flow summed over part of it is not the year's, so they count as not reporting (see coverage): ${owner} sends the months each of them lacks.`,
        },
      ];
    });
  }

  /**
   * Figures another agency holds, of the metrics this value reads, about units the register never registered: they lie in
   * no region, so only a national value is flagged (the total that would include them). The ids are named only to callers
   * who may read those figures unit by unit; others learn how many.
   */
  private unregisteredUnitFlags(mayName: (metric: MetricDefinition) => boolean): { code: string; message: string }[] {
    return referencesOf(this.rep).flatMap((reference) => {
      const inputs = this.rep[`${reference.register}Inputs` as keyof IndicatorValueRepresentation] as AgencyInputs | null | undefined;
      const ids = inputs?.unregisteredReports?.find((r) => r.agency === reference.referrer)?.ids;
      if (!ids?.length) return [];
      const metrics = referencedMetrics(this.indicator, reference);
      const which = metrics.every(mayName) ? `: ${ids.join(', ')}` : '';
      return [
        {
          code: reference.flag,
          message:
            `${reference.referrer} holds ${reference.what} (${metrics.map((m) => m.code).join(', ')}) for ${this.rep.year} of ${ids.length} ${UNIT_KINDS[reference.kind].noun}(s) ` +
            `${reference.register} never registered${which}. They lie in no region and are counted in no value, though this national total would include them (see ${reference.referrer}DataQuality).`,
        },
      ];
    });
  }

  /** Designations econ recorded in the region naming data centres bigdata never registered: counted nowhere. Register ids are public. */
  private designationFlags(): { code: string; message: string }[] {
    const ids = this.rep.bigdataInputs?.unregisteredDesignations;
    if (!ids?.length) return [];
    return [
      {
        code: 'DESIGNATION_OF_UNREGISTERED_DATA_CENTER',
        message: `econ recorded designation(s) in ${this.rep.scopeId} by ${this.rep.year} naming ${ids.length} data centre(s) bigdata never registered: ${ids.join(', ')}. They are counted nowhere (see econDataQuality).`,
      },
    ];
  }

  /** A figure a region reported for itself that differs from the sum of its parts' by more than the metric's tolerance. */
  private regionTotalFlags(): { code: string; message: string }[] {
    const { metrics } = catalog();
    const flags: { code: string; message: string }[] = [];
    for (const year of this.inputYears()) {
      for (const code of this.indicator.regionMetrics) {
        const fact = this.facts.get(code, year);
        if (fact?.source !== 'REPORTED' || fact.value === null || fact.partsValue === null || fact.partsValue === undefined) continue;
        const { tolerance, owner } = metrics.get(code)!;
        const gap = Math.abs(fact.value - fact.partsValue);
        const relative = fact.value !== 0 ? gap / Math.abs(fact.value) : gap > 0 ? Infinity : 0;
        if (relative <= tolerance) continue;
        const apart = Number.isFinite(relative) ? `${(relative * 100).toFixed(1)} %` : 'all';
        flags.push({
          code: 'REGION_TOTAL_DISAGREES_WITH_PARTS',
          message:
            `${owner}'s ${code} for ${this.rep.scopeId} in ${year}: the region reported ${fact.value}, the regions directly below it sum to ${fact.partsValue} ` +
            `(${apart} apart, more than the ${(tolerance * 100).toFixed(1)} % tolerated). The region's own figure is used.`,
        });
      }
    }
    return flags;
  }

  /**
   * Units whose figure their owner found above its register bound (catalog `atMost`: racks in use above the design racks).
   * The owner checks its own figures, and names the units only to callers who may read them.
   */
  private boundFlags(mayName: (metric: MetricDefinition) => boolean): { code: string; message: string }[] {
    const subject = this.indicator.population?.subject;
    if (!subject) return [];
    const holder = unitHolder(this.rep, subject);
    return boundedMetrics(subject).flatMap(({ metric, bound, check }) => {
      const over = holder?.[check] as { units: number; ids: string[] | null } | null | undefined;
      if (!over?.units) return [];
      const which = mayName(metric) && over.ids ? `: ${over.ids.join(', ')}` : '';
      const what = metric.field!.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
      return [
        {
          code: `${metric.code}_ABOVE_REGISTERED`,
          message: `${over.units} ${UNIT_KINDS[subject].noun}(s) report more ${what} (${metric.owner}) than ${bound.owner} registered${which}.`,
        },
      ];
    });
  }
}

/** What a formula reads, for one value in one year: a class, not closures, since a grid evaluates thousands. */
class ValueScope implements EvaluationScope<Unit> {
  constructor(
    private readonly evaluation: IndicatorEvaluation,
    private readonly code: string,
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

  sumOf(node: FormulaNode, year: number): number | null | undefined {
    return this.evaluation.ownerTerm(this.code, node, year);
  }
}
