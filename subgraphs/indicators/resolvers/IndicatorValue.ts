import { catalog } from '../../../lib/indicators/catalog.ts';
import { IndicatorEvaluation, meetsTarget, type IndicatorValueRepresentation } from '../engine.ts';
import { dataCenterPopulationOf, inputsOf } from '../inputs.ts';
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

export const IndicatorValue: IndicatorValueResolvers = {
  // The gateway sends the key plus the @requires inputs; the representation is the whole state.
  __resolveReference: (rep) => rep as IndicatorValueRepresentation,
  indicator: (rep) => catalog().indicators.get(rep.indicatorCode)!,
  region: (rep) => (rep.scopeKind === 'REGION' ? { code: rep.scopeId } : null),
  unit: (rep) => catalog().indicators.get(rep.indicatorCode)!.unit,
  value: (rep) => result(rep).value,
  numerator: (rep) => result(rep).numerator,
  denominator: (rep) => result(rep).denominator,
  target: (rep) => result(rep).target,
  meetsTarget: (rep) => meetsTarget(result(rep).value, result(rep).target),
  gapToTarget: (rep) => minus(result(rep).value, result(rep).target?.storedValue ?? null),
  bigdataInputs: (rep) => inputsOf(rep, 'bigdata'),
  commsInputs: (rep) => inputsOf(rep, 'comms'),
  econInputs: (rep) => inputsOf(rep, 'econ'),
  energyInputs: (rep) => inputsOf(rep, 'energy'),
  dataCenterPopulation: (rep) => dataCenterPopulationOf(rep),
  priorYear: priorKey,
  change: (rep) => (rep.priorYear ? minus(result(rep).value, new IndicatorEvaluation({ ...rep.priorYear, ...priorKey(rep) }).value) : null),
  status: (rep) => result(rep).status,
  inputs: (rep) => result(rep).inputs,
  missing: (rep) => result(rep).missing,
  qualityFlags: (rep) => result(rep).flags,
};
