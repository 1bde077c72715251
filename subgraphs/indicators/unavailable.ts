import { AGENCIES, AGENCY_NAMES, type Agency } from '../../lib/agencies.ts';
import { catalog, type IndicatorDefinition } from '../../lib/indicators/catalog.ts';
import type { CubeRepresentation } from './cube.ts';
import { cubeAnswers, listedUnitFields, ownerSumsField } from '../../lib/indicators/requires.ts';
import { populationField, UNIT_KIND_CODES, UNIT_KINDS } from '../../lib/unit-kinds.ts';
import type { IndicatorValueRepresentation, MissingInput } from './engine.ts';
import { inputsOf } from './inputs.ts';

// An agency whose subgraph was down answers nothing: the gateway then sends its inputs as null
// (gateway/unavailable.ts), where an agency that answered sends an empty list for an input it has none of.

/**
 * Fields an agency adds to another's unit-years that it never leaves null when it answers (they were non-null
 * before every cross-agency field became nullable): null there means the agency did not answer.
 */
const ALWAYS_ANSWERED: readonly { field: string; agency: Agency }[] = [{ field: 'roofsWithPv', agency: 'energy' }];

function unansweredIn(units: readonly (Record<string, unknown> | null)[] | null | undefined, unavailable: Set<Agency>): void {
  for (const { field, agency } of ALWAYS_ANSWERED) if (units?.some((unit) => unit?.[field] === null)) unavailable.add(agency);
}

/** Agencies whose inputs to one `indicatorValues` value did not arrive. */
export function unavailableInValue(rep: IndicatorValueRepresentation, indicator: IndicatorDefinition): Agency[] {
  const unavailable = new Set<Agency>();
  for (const agency of AGENCIES) {
    if (!inputsOf(rep, agency)) continue;
    const inputs = rep[`${agency}Inputs`];
    if (!inputs || inputs.facts === null) unavailable.add(agency);
  }
  const subject = indicator.population?.subject;
  const kind = subject && UNIT_KINDS[subject];
  if (subject && kind?.valueList) {
    // A listed population without its list: the register did not answer. With the list but without the totals beside it: the owner.
    const population = rep[populationField(subject) as keyof IndicatorValueRepresentation] as Record<string, unknown> | null | undefined;
    const units = population?.[kind.valueList] as (Record<string, unknown> | null)[] | null | undefined;
    if (!units) unavailable.add(kind.register);
    unansweredIn(units, unavailable);
    const owner = indicator.unitLevelOwner;
    if (owner && units && population![ownerSumsField(owner)] === null) unavailable.add(owner);
  }
  if (kind && !kind.valueList) {
    const population = rep.dataCenterPopulation;
    if (!population?.dataCenterIds) unavailable.add(kind.register);
    else {
      const { metrics } = catalog();
      for (const code of indicator.refs.unit) {
        const metric = metrics.get(code)!;
        // A unit-level figure arrives as its owner's totals, a public one as a column.
        if (population[metric.unitLevel ? ownerSumsField(metric.owner) : metric.field!] === null) unavailable.add(metric.owner);
      }
    }
  }
  return [...unavailable];
}

/** Agencies whose inputs to an `indicatorCube` did not arrive. */
export function unavailableInCube(cube: CubeRepresentation): Agency[] {
  const fields = cube as unknown as Record<string, unknown>;
  const unavailable = new Set(AGENCIES.filter((agency) => cubeAnswers(agency).some((field) => fields[field] === null)));
  // Another agency's column of listed units is null when it did not answer, and also when the register's list did not come.
  for (const kind of UNIT_KIND_CODES) {
    if (!fields[`${UNIT_KINDS[kind].cubePrefix}Years`]) continue;
    for (const { column, owner } of listedUnitFields(kind).columns) if (fields[column] === null) unavailable.add(owner);
  }
  return [...unavailable];
}

/** Why a value is null: an agency it reads was unavailable. */
export function unavailableInput(agency: Agency, year: number): MissingInput {
  return {
    metric: 'SUBGRAPH_UNAVAILABLE',
    agency,
    year,
    units: null,
    unitIds: null,
    message: `The ${agency} subgraph (${AGENCY_NAMES[agency].en}) was unavailable: its inputs to this value could not be read. Ask again once it is back.`,
  };
}
