import { NATIONAL } from '../../../lib/regions/codes.ts';
import { catalog, COUNT_WEIGHT } from '../../../lib/indicators/catalog.ts';
import { IndicatorEvaluation, type IndicatorValueRepresentation } from '../engine.ts';
import { gapToTarget, meetsTarget, periodOf, progress } from '../targets.ts';
import { dataCenterPopulationOf } from '../../../lib/indicators/population.ts';
import { inputsOf } from '../inputs.ts';
import type { Context } from '../context.ts';
import { mayReadUnitLevel, smallCell, withheldMessage } from '../disclosure.ts';
import type { IndicatorValueResolvers } from '../resolvers.generated.ts';

// Several fields of one value read the same computation; compute once per representation object.
const results = new WeakMap<IndicatorValueRepresentation, IndicatorEvaluation>();
function result(rep: IndicatorValueRepresentation): IndicatorEvaluation {
  let r = results.get(rep);
  if (!r) {
    r = new IndicatorEvaluation(rep);
    results.set(rep, r);
  }
  return r;
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** The previous year's key: also what `priorYear`'s inputs arrive with, since a @requires cannot repeat local key fields. */
const priorKey = (rep: IndicatorValueRepresentation) => ({ indicatorCode: rep.indicatorCode, scopeKind: rep.scopeKind, scopeId: rep.scopeId, year: rep.year - 1, asOf: rep.asOf });

/** The key of the same value in the baseline year of its plan period (its own year outside every period): `periodBaseline`. */
const baselineKey = (rep: IndicatorValueRepresentation) => ({ ...priorKey(rep), year: periodOf(rep.year)?.baselineYear ?? rep.year });

const smallCellOf = (r: IndicatorEvaluation, { disclosureMinUnits }: Context) => smallCell(r.indicator, () => r.unitsPerYear, disclosureMinUnits);
/** A confidential value is withheld from a caller who may not read its unit-level inputs: every field that would give it away is null. */
const withheld = (r: IndicatorEvaluation, context: Context) => smallCellOf(r, context) !== null && !mayReadUnitLevel(context.viewer, r.indicator.unitLevelInputs);
/** A figure of the value, or null when the value is withheld from this caller. */
const shown =
  <T>(read: (r: IndicatorEvaluation) => T) =>
  (rep: IndicatorValueRepresentation, _args: unknown, context: Context): T | null => {
    const r = result(rep);
    return withheld(r, context) ? null : read(r);
  };

/** A value's evaluation with what disclosure control decides for this caller: `IndicatorCube` reads each cell so. */
export function disclosed(evaluation: IndicatorEvaluation, context: Context): { evaluation: IndicatorEvaluation; confidential: boolean; hidden: boolean } {
  const confidential = smallCellOf(evaluation, context) !== null;
  return { evaluation, confidential, hidden: confidential && !mayReadUnitLevel(context.viewer, evaluation.indicator.unitLevelInputs) };
}

/** A value's coverage with the catalog's rule it was judged by: what `IndicatorValue.coverage` and the cube's columns show. */
export function coverageOf(r: IndicatorEvaluation) {
  const coverage = r.coverage;
  const rule = r.indicator.coverageRule;
  return coverage && rule ? { ...coverage, weight: rule.weight?.code ?? COUNT_WEIGHT, minimum: rule.minimum } : null;
}

export const IndicatorValue: IndicatorValueResolvers = {
  // The gateway sends the key plus the @requires inputs; the representation is the whole state.
  __resolveReference: (rep) => rep as IndicatorValueRepresentation,
  indicator: (rep) => catalog().indicators.get(rep.indicatorCode)!,
  region: (rep) => (rep.scopeKind === 'REGION' ? { code: rep.scopeId } : null),
  unit: (rep) => catalog().indicators.get(rep.indicatorCode)!.unit,
  value: shown((r) => r.value),
  numerator: shown((r) => r.numerator),
  denominator: shown((r) => r.denominator),
  target: (rep) => result(rep).target,
  meetsTarget: shown((r) => meetsTarget(r.value, r.target)),
  gapToTarget: shown((r) => gapToTarget(r.value, r.target)),
  periodBaseline: baselineKey,
  progress: (rep, _args, context) => {
    const r = result(rep);
    const target = r.target;
    if (withheld(r, context) || !target?.binding) return null;
    if (target.measure === 'CHANGE') return progress(r.value, target, null);
    if (!rep.periodBaseline) return null;
    const baseline = new IndicatorEvaluation({ ...rep.periodBaseline, ...baselineKey(rep) });
    // A progress figure next to a published value would give a withheld baseline away.
    return withheld(baseline, context) ? null : progress(r.value, target, baseline.value);
  },
  bigdataInputs: (rep) => inputsOf(rep, 'bigdata'),
  commsInputs: (rep) => inputsOf(rep, 'comms'),
  econInputs: (rep) => inputsOf(rep, 'econ'),
  energyInputs: (rep) => inputsOf(rep, 'energy'),
  dataCenterPopulation: (rep) => dataCenterPopulationOf(rep),
  priorYear: priorKey,
  change: (rep, _args, context) => {
    if (!rep.priorYear) return null;
    const r = result(rep);
    const prior = new IndicatorEvaluation({ ...rep.priorYear, ...priorKey(rep) });
    // A change next to a published value would give a withheld prior year away, and the other way round.
    return withheld(r, context) || withheld(prior, context) ? null : minus(r.value, prior.value);
  },
  status: (rep) => result(rep).status,
  confidentiality: (rep, _args, context) => (smallCellOf(result(rep), context) ? 'CONFIDENTIAL' : 'FREE'),
  inputs: (rep, _args, context) => {
    const r = result(rep);
    if (!withheld(r, context)) return r.inputs;
    return r.inputs.map((input) => (input.metric.unitLevel ? { ...input, value: null } : input));
  },
  missing: (rep, _args, context) => {
    const r = result(rep);
    if (!withheld(r, context)) return r.missing;
    const { year, units } = smallCellOf(r, context)!;
    return [{ metric: 'CONFIDENTIAL', agency: null, year, units, unitIds: null, message: withheldMessage(r.indicator, units, context.disclosureMinUnits) }, ...r.missing];
  },
  coverage: (rep, _args, { regions }) => {
    const coverage = coverageOf(result(rep));
    // Units exist only where an agency registered them: a national value over units covers the provinces the registers hold.
    const registeredIn = coverage && rep.scopeKind === 'REGION' && rep.scopeId === NATIONAL ? regions.children(NATIONAL).map((r) => r.code) : null;
    return coverage && { ...coverage, registeredIn };
  },
  qualityFlags: (rep, _args, { viewer }) => result(rep).flags(mayReadUnitLevel(viewer, [catalog().metrics.get('RACKS_IN_USE')!])),
};
