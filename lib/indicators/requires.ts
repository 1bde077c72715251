import { AGENCIES, type Agency } from '../agencies.ts';
import { catalog, UNIT_ID_FIELD, type Catalog, type UnitSubject } from './catalog.ts';
import { foreignUnitFields, ownedIndicators } from './owner-sums.ts';

/**
 * The indicators subgraph's `@requires` selections, derived from the catalog rather than pasted: every
 * field of an IndicatorValue (and every column of an IndicatorCube) requires the same inputs, and those
 * are the fields of the catalog's unit metrics plus the region facts. `npm run codegen` writes them into
 * subgraphs/indicators/schema.graphql (scripts/generate-requires.ts); test/generated.process.test.ts checks they are current.
 */

/** Agencies in name order: the order of the selections. */
const BY_NAME = [...AGENCIES].sort();

/** What a region fact carries to the engine. */
const FACT_FIELDS = 'metric year value status updatedAt source partsValue partsReporting partsExpected partsMissing';
/** A cube's dense region facts and its populations' member lists. */
const CUBE_FACT_FIELDS = 'metrics years values statuses';
const CUBE_POPULATION_FIELDS = 'indicatorCodes regionCodes years members';
const CUBE_DESIGNATION_FACT_FIELDS = 'metric year value status';

/** Which agency lists each kind of unit for an indicator value (the register's owner), and under which field. */
const UNIT_LISTS: Record<Exclude<UnitSubject, 'DATA_CENTER'>, { agency: Agency; valueField: string; cubePrefix: string }> = {
  CORE_ROOM: { agency: 'comms', valueField: 'coreMachineRooms', cubePrefix: 'coreMachineRoom' },
  ENTERPRISE: { agency: 'econ', valueField: 'enterprises', cubePrefix: 'enterprise' },
};

/**
 * The data-centre fields that travel as they are: those of public (not unit-level) metrics. The unit-level ones stay
 * with their owner, which sends its totals instead (`<agency>Sums`, lib/indicators/owner-sums.ts).
 */
export function publicUnitFields(subject: UnitSubject, { metrics }: Catalog = catalog()): string[] {
  const fields: string[] = [];
  for (const metric of metrics.values()) {
    if (metric.subject !== subject || metric.unitLevel) continue;
    for (const field of [metric.field, metric.statusField]) if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** What an owner's totals carry (`UnitSums`). */
const UNIT_SUMS_FIELDS = 'indicatorCode regionCode year units lacking terms inputSums inputStatuses withheld updatedAt';
/** Checks an owner runs on its own unit-level figures and reports as counts (`UnitCheck`), by owner. */
const OWNER_CHECKS: Partial<Record<Agency, string>> = { comms: 'racksAboveDesign { units ids }' };

/** Agencies, in name order, that aggregate their own unit-level figures over units of a kind. */
const ownersOf = (subject: UnitSubject): Agency[] => BY_NAME.filter((agency) => ownedIndicators(agency, subject).length > 0);
/** Agencies, in name order, that aggregate their own unit-level figures over data-centre populations. */
export const dataCenterOwners = (): Agency[] => ownersOf('DATA_CENTER');
/** Agencies, in name order, that aggregate their own unit-level figures over any units: whose SDL `npm run codegen` rewrites. */
export const unitOwners = (): Agency[] => BY_NAME.filter((agency) => (['DATA_CENTER', 'CORE_ROOM', 'ENTERPRISE'] as const).some((subject) => ownedIndicators(agency, subject).length > 0));
const capitalised = (agency: Agency): string => `${agency[0]!.toUpperCase()}${agency.slice(1)}`;
/** An owner's totals on a population and on a cube: `commsSums`, `dataCenterCommsSums`. */
export const ownerSumsFields = (agency: Agency) => ({ population: `${agency}Sums`, cube: `dataCenter${capitalised(agency)}Sums` });

/** A data-centre unit field as a cube column: `designRacks` → `dataCenterDesignRacks`. */
export const dataCenterColumn = (field: string): string => `dataCenter${field[0]!.toUpperCase()}${field.slice(1)}`;

/** What every field of an IndicatorValue requires. */
export function indicatorValueRequires(cat: Catalog = catalog()): string {
  // A listed unit carries its public fields; the owners of its unit-level figures send their totals beside the list.
  const units = (subject: Exclude<UnitSubject, 'DATA_CENTER'>) =>
    `${UNIT_LISTS[subject].valueField} { ${[UNIT_ID_FIELD[subject], 'year', ...publicUnitFields(subject, cat)].join(' ')} } ` +
    ownersOf(subject).map((owner) => `${ownerSumsFields(owner).population} { ${UNIT_SUMS_FIELDS} } `).join('');
  const perAgency = BY_NAME.map((agency) => {
    const lists = (Object.keys(UNIT_LISTS) as (keyof typeof UNIT_LISTS)[]).filter((s) => UNIT_LISTS[s].agency === agency).map(units).join('');
    // Only bigdata knows where a cluster or a data centre lies, and which designated data centres it never registered.
    const where = agency === 'bigdata' ? 'scopeRegionCode scopeClusterId unregisteredDesignations ' : '';
    return `${agency}Inputs { ${where}${lists}facts { ${FACT_FIELDS} } }`;
  });
  const owners = dataCenterOwners().map((agency) => [`${ownerSumsFields(agency).population} { ${UNIT_SUMS_FIELDS} }`, OWNER_CHECKS[agency] ?? ''].filter(Boolean).join(' '));
  return [...perAgency, `dataCenterPopulation { ${['dataCenterIds years', ...publicUnitFields('DATA_CENTER', cat), ...owners].join(' ')} }`].join(' ');
}

/** What every column of an IndicatorCube requires. */
export function indicatorCubeRequires(cat: Catalog = catalog()): string {
  const parts: string[] = [];
  for (const agency of BY_NAME) {
    parts.push(`${agency}Facts { ${CUBE_FACT_FIELDS} }`);
    for (const [subject, list] of Object.entries(UNIT_LISTS) as [keyof typeof UNIT_LISTS, (typeof UNIT_LISTS)[keyof typeof UNIT_LISTS]][]) {
      if (list.agency !== agency) continue;
      parts.push(`${list.cubePrefix}Populations { ${CUBE_POPULATION_FIELDS} }`, `${list.cubePrefix}Years { ${[UNIT_ID_FIELD[subject], 'year', ...publicUnitFields(subject, cat)].join(' ')} }`);
    }
    for (const [subject, list] of Object.entries(UNIT_LISTS) as [keyof typeof UNIT_LISTS, (typeof UNIT_LISTS)[keyof typeof UNIT_LISTS]][]) {
      if (ownersOf(subject).includes(agency)) parts.push(`${list.cubePrefix}${capitalised(agency)}Sums { ${UNIT_SUMS_FIELDS} }`);
    }
    // Counts bigdata makes of econ's designations: econ lists one reference per cell, bigdata answers its facts.
    if (agency === 'econ') parts.push(`designationInputs { scopeId year facts { ${CUBE_DESIGNATION_FACT_FIELDS} } }`);
    if (agency === 'bigdata') {
      parts.push(`dataCenterPopulations { ${CUBE_POPULATION_FIELDS} }`, 'dataCenterIds dataCenterYears', ...publicUnitFields('DATA_CENTER', cat).map(dataCenterColumn));
    }
    if (dataCenterOwners().includes(agency)) parts.push(`${ownerSumsFields(agency).cube} { ${UNIT_SUMS_FIELDS} }`);
  }
  return parts.join(' ');
}

/** Fields that compare with another year's value, and the IndicatorValue field that carries that year's inputs. */
const OTHER_YEAR: Record<string, string> = { change: 'priorYear', progress: 'periodBaseline' };

/**
 * The indicators SDL with every `@requires` of IndicatorValue and IndicatorCube set to the generated selection
 * (`change` also requires the previous year's, through `priorYear`; `progress` the plan period's baseline year's, through
 * `periodBaseline`). Other types' selections are left as they are.
 */
export function withGeneratedRequires(sdl: string, cat: Catalog = catalog()): string {
  const value = indicatorValueRequires(cat);
  const selection: Record<string, (field: string) => string> = {
    IndicatorValue: (field) => {
      const other = OTHER_YEAR[field];
      return other ? `${value} ${other} { ${value} }` : value;
    },
    IndicatorCube: () => indicatorCubeRequires(cat),
  };
  return rewriteRequires(sdl, (type, field) => selection[type]?.(field));
}

/** The SDL with the selection of each `@requires` replaced by `generated(type, field)`, where that gives one. */
function rewriteRequires(sdl: string, generated: (type: string, field: string) => string | undefined): string {
  let type: string | null = null;
  return sdl
    .split('\n')
    .map((line) => {
      const opened = /^type (\w+)\b/.exec(line);
      if (opened) type = opened[1]!;
      else if (line === '}') type = null;
      const field = /^ {2}(\w+)\b.*@requires\(fields: "[^"]*"\)/.exec(line);
      const selection = type && field ? generated(type, field[1]!) : undefined;
      return selection ? line.replace(/@requires\(fields: "[^"]*"\)/, `@requires(fields: "${selection}")`) : line;
    })
    .join('\n');
}

/**
 * An owner's SDL with the `@requires` of its totals set from the catalog: the population's members and the public
 * fields of other agencies its indicators read (design racks for comms' rack utilisation), never a confidential one.
 */
export function withGeneratedOwnerRequires(sdl: string, agency: Agency): string {
  const foreign = foreignUnitFields(agency, 'DATA_CENTER');
  const fields = ownerSumsFields(agency);
  const selection: Record<string, Record<string, string>> = {
    DataCenterPopulation: { [fields.population]: ['dataCenterIds years scopeRegionCode', ...foreign].join(' ') },
    IndicatorCube: { [fields.cube]: [`dataCenterPopulations { ${CUBE_POPULATION_FIELDS} }`, 'dataCenterIds dataCenterYears', ...foreign.map(dataCenterColumn)].join(' ') },
  };
  // Units another agency lists (core rooms, enterprises): on that agency's inputs entity and on the cube.
  for (const [subject, list] of Object.entries(UNIT_LISTS) as [keyof typeof UNIT_LISTS, (typeof UNIT_LISTS)[keyof typeof UNIT_LISTS]][]) {
    if (!ownersOf(subject).includes(agency)) continue;
    const unit = [UNIT_ID_FIELD[subject], 'year', ...foreignUnitFields(agency, subject)].join(' ');
    (selection[`${capitalised(list.agency)}IndicatorInputs`] ??= {})[fields.population] = `${list.valueField} { ${unit} }`;
    selection.IndicatorCube![`${list.cubePrefix}${capitalised(agency)}Sums`] = `${list.cubePrefix}Populations { ${CUBE_POPULATION_FIELDS} } ${list.cubePrefix}Years { ${unit} }`;
  }
  return rewriteRequires(sdl, (type, field) => selection[type]?.[field]);
}
