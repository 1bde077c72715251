import { AGENCIES, type Agency } from '../agencies.ts';
import { catalog, UNIT_ID_FIELD, type Catalog, type UnitSubject } from './catalog.ts';

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

/** The unit-year fields the engine reads for a kind of unit: every `field` and `statusField` of the catalog's unit metrics of that kind, in catalog order. */
export function unitFields(subject: UnitSubject, { metrics }: Catalog = catalog()): string[] {
  const fields: string[] = [];
  for (const metric of metrics.values()) {
    if (metric.subject !== subject) continue;
    for (const field of [metric.field, metric.statusField]) if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** A data-centre unit field as a cube column: `designRacks` → `dataCenterDesignRacks`. */
export const dataCenterColumn = (field: string): string => `dataCenter${field[0]!.toUpperCase()}${field.slice(1)}`;

/** What every field of an IndicatorValue requires. */
export function indicatorValueRequires(cat: Catalog = catalog()): string {
  const units = (subject: Exclude<UnitSubject, 'DATA_CENTER'>) => `${UNIT_LISTS[subject].valueField} { ${[UNIT_ID_FIELD[subject], 'year', ...unitFields(subject, cat)].join(' ')} } `;
  const perAgency = BY_NAME.map((agency) => {
    const lists = (Object.keys(UNIT_LISTS) as (keyof typeof UNIT_LISTS)[]).filter((s) => UNIT_LISTS[s].agency === agency).map(units).join('');
    // Only bigdata knows where a cluster or a data centre lies, and which designated data centres it never registered.
    const where = agency === 'bigdata' ? 'scopeRegionCode scopeClusterId unregisteredDesignations ' : '';
    return `${agency}Inputs { ${where}${lists}facts { ${FACT_FIELDS} } }`;
  });
  return [...perAgency, `dataCenterPopulation { dataCenterIds years ${unitFields('DATA_CENTER', cat).join(' ')} }`].join(' ');
}

/** What every column of an IndicatorCube requires. */
export function indicatorCubeRequires(cat: Catalog = catalog()): string {
  const parts: string[] = [];
  for (const agency of BY_NAME) {
    parts.push(`${agency}Facts { ${CUBE_FACT_FIELDS} }`);
    for (const [subject, list] of Object.entries(UNIT_LISTS) as [keyof typeof UNIT_LISTS, (typeof UNIT_LISTS)[keyof typeof UNIT_LISTS]][]) {
      if (list.agency !== agency) continue;
      parts.push(`${list.cubePrefix}Populations { ${CUBE_POPULATION_FIELDS} }`, `${list.cubePrefix}Years { ${[UNIT_ID_FIELD[subject], 'year', ...unitFields(subject, cat)].join(' ')} }`);
    }
    // Counts bigdata makes of econ's designations: econ lists one reference per cell, bigdata answers its facts.
    if (agency === 'econ') parts.push(`designationInputs { scopeId year facts { ${CUBE_DESIGNATION_FACT_FIELDS} } }`);
    if (agency === 'bigdata') {
      parts.push(`dataCenterPopulations { ${CUBE_POPULATION_FIELDS} }`, 'dataCenterIds dataCenterYears', ...unitFields('DATA_CENTER', cat).map(dataCenterColumn));
    }
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
  let type: string | null = null;
  return sdl
    .split('\n')
    .map((line) => {
      const opened = /^type (\w+)\b/.exec(line);
      if (opened) type = opened[1]!;
      else if (line === '}') type = null;
      const generate = type === null ? undefined : selection[type];
      const field = /^ {2}(\w+)\b.*@requires\(fields: "[^"]*"\)/.exec(line);
      return generate && field ? line.replace(/@requires\(fields: "[^"]*"\)/, `@requires(fields: "${generate(field[1]!)}")`) : line;
    })
    .join('\n');
}
