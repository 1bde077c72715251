import { AGENCIES, type Agency } from '../../../lib/agencies.ts';
import { NATIONAL } from '../../../lib/regions/codes.ts';
import type { IndicatorValueKey } from '../../../lib/indicators/scope.ts';
import { catalog, COUNT_WEIGHT } from '../../../lib/indicators/catalog.ts';
import { IndicatorEvaluation, type IndicatorValueRepresentation } from '../engine.ts';
import { gapToTarget, meetsTarget, periodOf, progress } from '../targets.ts';
import { dataCenterPopulationOf, listedPopulationOf } from '../../../lib/indicators/population.ts';
import { populationField, UNIT_KIND_CODES, UNIT_KINDS } from '../../../lib/unit-kinds.ts';
import { inputsOf } from '../inputs.ts';
import type { Context } from '../context.ts';
import { mayReadUnitLevel, smallCell, withheldMessage } from '../disclosure.ts';
import { embargoMessage, embargoOn, type Embargo } from '../../../lib/embargo.ts';
import type { IndicatorValueResolvers } from '../resolvers.generated.ts';
import { significant } from '../../../lib/indicators/digits.ts';

const evaluate = (rep: IndicatorValueRepresentation) => new IndicatorEvaluation(rep);
/** Several fields of one value read the same computation: once per representation object and request. */
const result = (rep: IndicatorValueRepresentation, { memo }: Context): IndicatorEvaluation => memo.once(evaluate, rep);

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : significant(a - b));

/** The previous year's key: also what `priorYear`'s inputs arrive with, since a @requires cannot repeat local key fields. */
const priorKey = (rep: IndicatorValueRepresentation) => ({
  indicatorCode: rep.indicatorCode,
  scopeKind: rep.scopeKind,
  scopeId: rep.scopeId,
  year: rep.year - 1,
  asOf: rep.asOf,
});

/** The key of the same value in the baseline year of its plan period (its own year outside every period): `periodBaseline`. */
const baselineKey = (rep: IndicatorValueRepresentation) => ({ ...priorKey(rep), year: periodOf(rep.year)?.baselineYear ?? rep.year });

const smallCellOf = (r: IndicatorEvaluation, { disclosureMinUnits }: Context) => smallCell(r.indicator, () => r.unitsPerYear, disclosureMinUnits);
/** A confidential value is withheld from a caller who may not read its unit-level inputs: every field that would give it away is null. */
const confidentialHidden = (r: IndicatorEvaluation, context: Context) =>
  smallCellOf(r, context) !== null && !mayReadUnitLevel(context.viewer, r.indicator.unitLevelInputs);

/** The region a value lies in, for embargoes: its own for a region, bigdata's word for a cluster, zone or data centre. */
const regionOf = (rep: IndicatorValueRepresentation): string | null =>
  rep.scopeKind === 'REGION' ? rep.scopeId : (rep.bigdataInputs?.scopeRegionCode ?? null);

/** The release embargo that withholds the value of `year` at this value's scope from the caller, or null. */
export const embargoAt = (regionCode: string | null, year: number, context: Context): Embargo | null =>
  // Most registers embargo nothing: no clock read per cell of a large cube then.
  context.embargoes.length === 0 ? null : embargoOn(context.embargoes, { year, regionCode }, context.viewer, context.now(), context.regions);
const embargoOf = (rep: IndicatorValueRepresentation, context: Context, year = rep.year) => embargoAt(regionOf(rep), year, context);

/** Withheld from this caller: confidential and not readable by it, or under a release's embargo. */
const withheld = (rep: IndicatorValueRepresentation, r: IndicatorEvaluation, context: Context, year = rep.year) =>
  embargoOf(rep, context, year) !== null || confidentialHidden(r, context);
/** A figure of the value, or null when the value is withheld from this caller. */
const shown =
  <T>(read: (r: IndicatorEvaluation) => T) =>
  (rep: IndicatorValueRepresentation, _args: unknown, context: Context): T | null => {
    const r = result(rep, context);
    return withheld(rep, r, context) ? null : read(r);
  };

/**
 * A value's evaluation with what disclosure control and the release embargoes decide for this caller: `IndicatorCube`
 * reads each cell so (`embargoed`: the cell is under an embargo for this caller).
 */
export function disclosed(
  evaluation: IndicatorEvaluation,
  context: Context,
  embargoed = false,
): { evaluation: IndicatorEvaluation; confidential: boolean; hidden: boolean } {
  const confidential = smallCellOf(evaluation, context) !== null;
  return { evaluation, confidential, hidden: embargoed || (confidential && !mayReadUnitLevel(context.viewer, evaluation.indicator.unitLevelInputs)) };
}

/** A value's coverage with the catalog's rule it was judged by: what `IndicatorValue.coverage` and the cube's columns show. */
export function coverageOf(r: IndicatorEvaluation) {
  const coverage = r.coverage;
  const rule = r.indicator.coverageRule;
  return coverage && rule ? { ...coverage, weight: rule.weight?.code ?? COUNT_WEIGHT, minimum: rule.minimum } : null;
}

/**
 * A value's coverage as `IndicatorValue.coverage` and `IndicatorCubeCell.coverage` show it: for a national value (`regionCode`
 * the nation's), with the provinces the registers hold units in. `regionCode` is null for a cluster or data centre.
 */
export function coverageShown(r: IndicatorEvaluation, regionCode: string | null, { regions }: Context) {
  const coverage = coverageOf(r);
  // Units exist only where an agency registered them: a national value over units covers the provinces the registers hold.
  const registeredIn = coverage && regionCode === NATIONAL ? regions.children(NATIONAL).map((r) => r.code) : null;
  return coverage && { ...coverage, registeredIn };
}

/**
 * `missing` as this caller sees it: under an embargo only the embargo's notice (the agencies withhold the inputs under
 * it, so what they did not send is not missing), a confidential value's notice first when it is withheld from the caller.
 */
export function missingShown(r: IndicatorEvaluation, year: number, embargo: Embargo | null, confidentialWithheld: boolean, context: Context) {
  if (embargo) return [{ metric: 'EMBARGOED', agency: null, year, units: null, unitIds: null, message: embargoMessage(embargo) }];
  if (!confidentialWithheld) return r.missing;
  const small = smallCellOf(r, context)!;
  return [
    {
      metric: 'CONFIDENTIAL',
      agency: null,
      year: small.year,
      units: small.units,
      unitIds: null,
      message: withheldMessage(r.indicator, small.units, context.disclosureMinUnits),
    },
    ...r.missing,
  ];
}

/**
 * `progress` as this caller sees it (null when the value is `hidden` from it). A level needs the baseline year's value,
 * read only when asked; a progress figure next to a published value would give a withheld baseline away.
 */
export function progressShown(r: IndicatorEvaluation, hidden: boolean, baseline: () => { value: number | null; hidden: boolean } | null): number | null {
  const target = r.target;
  if (hidden || !target?.binding) return null;
  if (target.measure === 'CHANGE') return progress(r.value, target, null);
  const base = baseline();
  return !base || base.hidden ? null : progress(r.value, target, base.value);
}

/** `<agency>Inputs` of every agency: a reference to its inputs to the value, or null when the indicator reads nothing of it. */
const agencyInputs = Object.fromEntries(AGENCIES.map((agency) => [`${agency}Inputs`, (rep: IndicatorValueRepresentation) => inputsOf(rep, agency)])) as Record<
  `${Agency}Inputs`,
  (rep: IndicatorValueRepresentation) => IndicatorValueKey | null
>;

/** `<prefix>Population` of every kind of unit its register lists: a reference for values over that kind, null for any other. */
const listedPopulations = Object.fromEntries(
  UNIT_KIND_CODES.filter((kind) => UNIT_KINDS[kind].valueList !== null).map((kind) => [
    populationField(kind),
    (rep: IndicatorValueRepresentation) => listedPopulationOf(rep, kind),
  ]),
) as Record<'coreMachineRoomPopulation' | 'enterprisePopulation', (rep: IndicatorValueRepresentation) => IndicatorValueKey | null>;

export const IndicatorValue: IndicatorValueResolvers = {
  // The gateway sends the key plus the @requires inputs; the representation is the whole state.
  __resolveReference: (rep) => rep as IndicatorValueRepresentation,
  indicator: (rep) => catalog().indicators.get(rep.indicatorCode)!,
  region: (rep) => (rep.scopeKind === 'REGION' ? { code: rep.scopeId } : null),
  unit: (rep) => catalog().indicators.get(rep.indicatorCode)!.unit,
  value: shown((r) => r.value),
  numerator: shown((r) => r.numerator),
  denominator: shown((r) => r.denominator),
  target: (rep, _args, context) => result(rep, context).target,
  meetsTarget: shown((r) => meetsTarget(r.value, r.target)),
  gapToTarget: shown((r) => gapToTarget(r.value, r.target)),
  periodBaseline: baselineKey,
  progress: (rep, _args, context) => {
    const r = result(rep, context);
    return progressShown(r, withheld(rep, r, context), () => {
      if (!rep.periodBaseline) return null;
      const key = baselineKey(rep);
      const baseline = new IndicatorEvaluation({ ...rep.periodBaseline, ...key });
      return { value: baseline.value, hidden: withheld(rep, baseline, context, key.year) };
    });
  },
  ...agencyInputs,
  dataCenterPopulation: (rep) => dataCenterPopulationOf(rep),
  ...listedPopulations,
  priorYear: priorKey,
  change: (rep, _args, context) => {
    if (!rep.priorYear) return null;
    const r = result(rep, context);
    const prior = new IndicatorEvaluation({ ...rep.priorYear, ...priorKey(rep) });
    // A change next to a published value would give a withheld prior year away, and the other way round.
    return withheld(rep, r, context) || withheld(rep, prior, context, rep.year - 1) ? null : minus(r.value, prior.value);
  },
  // Under an embargo, a status would tell whether the figure exists and is final.
  status: (rep, _args, context) => (embargoOf(rep, context) ? null : result(rep, context).status),
  confidentiality: (rep, _args, context) => (smallCellOf(result(rep, context), context) ? 'CONFIDENTIAL' : 'FREE'),
  inputs: (rep, _args, context) => {
    const r = result(rep, context);
    // Under an embargo every input figure would give the value away; confidential: the unit-level sums would.
    if (embargoOf(rep, context)) return r.inputs.map((input) => ({ ...input, value: null }));
    if (!confidentialHidden(r, context)) return r.inputs;
    return r.inputs.map((input) => (input.metric.unitLevel ? { ...input, value: null } : input));
  },
  missing: (rep, _args, context) => {
    const r = result(rep, context);
    return missingShown(r, rep.year, embargoOf(rep, context), confidentialHidden(r, context), context);
  },
  coverage: (rep, _args, context) => coverageShown(result(rep, context), rep.scopeKind === 'REGION' ? rep.scopeId : null, context),
  // A flag's message carries figures: none under an embargo.
  qualityFlags: (rep, _args, context) => (embargoOf(rep, context) ? [] : result(rep, context).flags((metric) => mayReadUnitLevel(context.viewer, [metric]))),
};
