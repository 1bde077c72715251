import { Kind, parse } from 'graphql';
import { AGENCIES, type Agency } from '../agencies.ts';
import { capitalised } from '../names.ts';
import { populationField, populationType, UNIT_KIND_CODES, UNIT_KINDS, unitColumn, type UnitKindCode } from '../unit-kinds.ts';
import { boundedMetrics, catalog, type Catalog, type UnitSubject } from './catalog.ts';
import { foreignUnitFields, ownedIndicators } from './owner-sums.ts';
import { UNIT_REFERENCES } from '../quality/unit-references.ts';

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
const CUBE_FACT_FIELDS = 'metrics years values provisional partsMissing { at expected regionCodes }';
const CUBE_POPULATION_FIELDS = 'indicatorCodes members';

/** Kinds of unit their register lists as entities (core rooms, enterprises): on their population entity and as the cube's `<prefix>Years`. */
const LISTED = UNIT_KIND_CODES.flatMap((kind) => {
  const { register, cubePrefix, valueList, idField } = UNIT_KINDS[kind];
  return valueList ? [{ kind, register, cubePrefix, valueList, idField }] : [];
});

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

/**
 * On a cube, the public fields of a listed unit split by who answers them: the register's travel on its unit-year
 * entities (`enterpriseYears { usableRoofs }`); another agency's as cube columns aligned with them, which that agency
 * answers (`enterpriseRoofsWithPv`, energy's) in the same fetch as its totals over the list.
 */
export function listedUnitFields(kind: UnitKindCode, cat: Catalog = catalog()): { own: string[]; columns: { field: string; column: string; owner: Agency }[] } {
  const own: string[] = [];
  const columns: { field: string; column: string; owner: Agency }[] = [];
  for (const field of publicUnitFields(kind, cat)) {
    const owner = [...cat.metrics.values()].find((m) => m.subject === kind && (m.field === field || m.statusField === field))!.owner;
    if (owner === UNIT_KINDS[kind].register) own.push(field);
    else columns.push({ field, column: unitColumn(kind, field), owner });
  }
  return { own, columns };
}

/** What an owner's totals carry (`UnitSums`). */
const UNIT_SUMS_FIELDS =
  'indicatorCode regionCode year units lacking monthsDiffer monthsIncomplete monthsMissing terms inputSums inputStatuses withheld updatedAt';
/** What an owner's totals over a cube carry, as columns (`CubeSums`, lib/indicators/cube-sums.ts). */
const CUBE_SUMS_FIELDS = 'indicatorCodes years units lacking terms provisional unstated withheld';
/** Checks an owner runs of its own data-centre figures against register bounds (catalog `atMost`), reported as counts (`UnitCheck`). */
const ownerChecks = (agency: Agency, cat: Catalog): { check: string; bound: string }[] =>
  boundedMetrics('DATA_CENTER', cat.metrics)
    .filter(({ metric }) => metric.owner === agency)
    .map(({ check, bound }) => ({ check, bound: bound.field! }));

/** Agencies, in name order, that aggregate their own unit-level figures over units of a kind. */
const ownersOf = (subject: UnitSubject): Agency[] => BY_NAME.filter((agency) => ownedIndicators(agency, subject).length > 0);
/** Agencies, in name order, that aggregate their own unit-level figures over data-centre populations. */
export const dataCenterOwners = (): Agency[] => ownersOf('DATA_CENTER');
/** Listed kinds of unit an agency reads: it sums its own figures over them, or answers columns of their public fields. */
const listsRead = (agency: Agency) =>
  LISTED.filter(({ kind }) => ownersOf(kind).includes(agency) || listedUnitFields(kind).columns.some((c) => c.owner === agency));
/** Agencies, in name order, that aggregate their own unit-level figures over any units or answer columns of listed units: whose SDL `npm run codegen` rewrites. */
export const unitOwners = (): Agency[] =>
  BY_NAME.filter((agency) => UNIT_KIND_CODES.some((subject) => ownedIndicators(agency, subject).length > 0) || listsRead(agency).length > 0);
/** An owner's totals on a value's population entity (`DataCenterPopulation`, `EnterprisePopulation`, …): `commsSums`. */
export const ownerSumsField = (agency: Agency): string => `${agency}Sums`;
/** An owner's totals over a cube's populations of a kind of unit, as columns: `dataCenterCommsSums`, `enterpriseEnergySums`. */
export const cubeSumsField = (kind: UnitKindCode, agency: Agency): string => `${UNIT_KINDS[kind].cubePrefix}${capitalised(agency)}Sums`;
/** Every owner's totals on a cube, one entry per kind of unit and owner: what the indicators subgraph reads them from. */
export const cubeSumsFields = (): { kind: UnitKindCode; agency: Agency; field: string }[] =>
  UNIT_KIND_CODES.flatMap((kind) => ownersOf(kind).map((agency) => ({ kind, agency, field: cubeSumsField(kind, agency) })));

/** A data-centre unit field as a cube column: `designRacks` → `dataCenterDesignRacks`. */
export const dataCenterColumn = (field: string): string => unitColumn('DATA_CENTER', field);

/**
 * What a field of an IndicatorValue requires. Only `qualityFlags` reads the registers' answers about units nobody
 * registered (`checks`): a grid that does not ask for the flags then skips the fetches that collect the referrers' unit
 * lists and hand them to the registers (five more subgraph fetches for an `indicatorValues` grid).
 */
export function indicatorValueRequires(cat: Catalog = catalog(), { checks = true }: { checks?: boolean } = {}): string {
  const perAgency = BY_NAME.map((agency) => {
    // Only the data-centre register knows where a cluster or a data centre lies, and which designated data centres it never registered.
    const where = agency === UNIT_KINDS.DATA_CENTER.register ? 'scopeRegionCode scopeClusterId unregisteredDesignations ' : '';
    // A register checks the units other agencies' figures name (lib/quality/unit-references.ts).
    const unregistered = checks && UNIT_REFERENCES.some((r) => r.register === agency) ? 'unregisteredReports { agency ids } ' : '';
    return `${agency}Inputs { ${where}${unregistered}facts { ${FACT_FIELDS} } }`;
  });
  // Each kind of unit has its own population entity, asked of its register and owners only for the values over that kind.
  // A listed unit carries its public fields; the owners of its unit-level figures send their totals beside the list.
  const populations = UNIT_KIND_CODES.map((kind) => {
    const { valueList, idField } = UNIT_KINDS[kind];
    if (valueList === null) {
      const owners = dataCenterOwners().map((agency) =>
        [`${ownerSumsField(agency)} { ${UNIT_SUMS_FIELDS} }`, ...ownerChecks(agency, cat).map(({ check }) => `${check} { units ids }`)].join(' '),
      );
      return `${populationField(kind)} { ${['dataCenterIds years', ...publicUnitFields(kind, cat), ...owners].join(' ')} }`;
    }
    const sums = ownersOf(kind).map((owner) => `${ownerSumsField(owner)} { ${UNIT_SUMS_FIELDS} }`);
    return `${populationField(kind)} { ${[`${valueList} { ${[idField, 'year', ...publicUnitFields(kind, cat)].join(' ')} }`, ...sums].join(' ')} }`;
  });
  return [...perAgency, ...populations].join(' ');
}

/** What every column of an IndicatorCube requires. */
export function indicatorCubeRequires(cat: Catalog = catalog()): string {
  const parts: string[] = [];
  for (const agency of BY_NAME) {
    parts.push(`${agency}Facts { ${CUBE_FACT_FIELDS} }`);
    for (const { kind, register, cubePrefix, idField } of LISTED) {
      if (register !== agency) continue;
      parts.push(
        `${cubePrefix}Populations { ${CUBE_POPULATION_FIELDS} }`,
        `${cubePrefix}Years { ${[idField, 'year', ...listedUnitFields(kind, cat).own].join(' ')} }`,
      );
    }
    for (const { kind } of LISTED) {
      if (ownersOf(kind).includes(agency)) parts.push(`${cubeSumsField(kind, agency)} { ${CUBE_SUMS_FIELDS} }`);
      parts.push(
        ...listedUnitFields(kind, cat)
          .columns.filter((c) => c.owner === agency)
          .map((c) => c.column),
      );
    }
    // Counts the register of data centres makes of designations another agency awards (`placedBy`): that agency hands
    // out one reference for the whole cube, the register answers its facts.
    if ([...cat.metrics.values()].some((m) => m.placedBy === UNIT_KINDS.DATA_CENTER.register && m.owner === agency))
      parts.push(`designationInputs { facts { ${CUBE_FACT_FIELDS} } }`);
    if (agency === UNIT_KINDS.DATA_CENTER.register) {
      parts.push(
        `dataCenterPopulations { ${CUBE_POPULATION_FIELDS} }`,
        'dataCenterIds dataCenterYears',
        ...publicUnitFields('DATA_CENTER', cat).map(dataCenterColumn),
      );
    }
    if (dataCenterOwners().includes(agency)) parts.push(`${cubeSumsField('DATA_CENTER', agency)} { ${CUBE_SUMS_FIELDS} }`);
  }
  return parts.join(' ');
}

/**
 * The cube fields an agency answers whenever it answers at all, so that any of them null means it was unavailable: its
 * facts, its registers' populations and lists, its totals over data centres. Not its totals or columns over units
 * another agency lists (null too when that register is down), nor the designation reference (left null when unused).
 */
export function cubeAnswers(agency: Agency, cat: Catalog = catalog()): string[] {
  const fields = [`${agency}Facts`];
  for (const kind of UNIT_KIND_CODES) {
    const { register, cubePrefix, valueList } = UNIT_KINDS[kind];
    if (register !== agency) continue;
    fields.push(`${cubePrefix}Populations`);
    // Data centres travel as a grid of ids and years with the register's public columns; listed units as unit-years.
    if (valueList) fields.push(`${cubePrefix}Years`);
    else fields.push('dataCenterIds', 'dataCenterYears', ...publicUnitFields(kind, cat).map(dataCenterColumn));
  }
  if (dataCenterOwners().includes(agency)) fields.push(cubeSumsField('DATA_CENTER', agency));
  return fields;
}

/** Fields that compare with another year's value, and the IndicatorValue field that carries that year's inputs. */
const OTHER_YEAR: Record<string, string> = { change: 'priorYear', progress: 'periodBaseline' };

/**
 * The indicators SDL with every `@requires` of IndicatorValue and IndicatorCube set to the generated selection
 * (`change` also requires the previous year's, through `priorYear`; `progress` the plan period's baseline year's, through
 * `periodBaseline`). Other types' selections are left as they are.
 */
export function withGeneratedRequires(sdl: string, cat: Catalog = catalog()): string {
  const withChecks = indicatorValueRequires(cat);
  const withoutChecks = indicatorValueRequires(cat, { checks: false });
  const selection: Record<string, (field: string) => string> = {
    IndicatorValue: (field) => {
      const value = field === 'qualityFlags' ? withChecks : withoutChecks;
      const other = OTHER_YEAR[field];
      return other ? `${value} ${other} { ${value} }` : value;
    },
    IndicatorCube: () => indicatorCubeRequires(cat),
  };
  return rewriteRequires(sdl, (type, field) => selection[type]?.(field));
}

/**
 * The SDL with the selection of each `@requires` of an object type's field replaced by `generated(type, field)`, where
 * that gives one. graphql-js finds them, so the SDL's layout (a long directive printed over several lines) and its
 * descriptions do not matter; only the selections' text changes.
 */
function rewriteRequires(sdl: string, generated: (type: string, field: string) => string | undefined): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const fields = field.directives?.find((d) => d.name.value === 'requires')?.arguments?.find((a) => a.name.value === 'fields')?.value;
      const selection = fields?.kind === Kind.STRING && fields.loc ? generated(definition.name.value, field.name.value) : undefined;
      if (selection) edits.push({ start: fields!.loc!.start, end: fields!.loc!.end, text: `"${selection}"` });
    }
  }
  // From the end, so that each edit's offsets still hold.
  return edits.sort((a, b) => b.start - a.start).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), sdl);
}

/**
 * An owner's SDL with the `@requires` of its totals set from the catalog: the population's members and the public
 * fields of other agencies its indicators read (design racks for comms' rack utilisation), never a confidential one.
 */
export function withGeneratedOwnerRequires(sdl: string, agency: Agency): string {
  const foreign = foreignUnitFields(agency, 'DATA_CENTER');
  const sums = ownerSumsField(agency);
  const selection: Record<string, Record<string, string>> = {
    DataCenterPopulation: {
      [sums]: ['dataCenterIds years scopeRegionCode', ...foreign].join(' '),
      // A check against a register bound reads the bound, a public register field (and the scope an embargo judges).
      ...Object.fromEntries(ownerChecks(agency, catalog()).map(({ check, bound }) => [check, `dataCenterIds years scopeRegionCode ${bound}`])),
    },
    IndicatorCube: {
      [cubeSumsField('DATA_CENTER', agency)]: [
        `dataCenterPopulations { ${CUBE_POPULATION_FIELDS} }`,
        'dataCenterIds dataCenterYears',
        ...foreign.map(dataCenterColumn),
      ].join(' '),
    },
  };
  // Units another agency lists (core rooms, enterprises): on the value's population entity of their kind and on the cube.
  const listed = listsRead(agency);
  const cubeLists: string[] = [];
  const cubeFields: string[] = [];
  for (const { kind, valueList, cubePrefix, idField } of listed) {
    const unit = [idField, 'year', ...foreignUnitFields(agency, kind)].join(' ');
    if (ownersOf(kind).includes(agency)) {
      (selection[populationType(kind)] ??= {})[sums] = `${valueList} { ${unit} }`;
      cubeFields.push(cubeSumsField(kind, agency));
    }
    cubeFields.push(
      ...listedUnitFields(kind)
        .columns.filter((c) => c.owner === agency)
        .map((c) => c.column),
    );
    cubeLists.push(`${cubePrefix}Populations { ${CUBE_POPULATION_FIELDS} } ${cubePrefix}Years { ${unit} }`);
  }
  // On the cube every such total and column requires every list: the planner fetches fields whose @requires differ
  // separately, so one selection makes it ask the agency once, when all the listing agencies have answered.
  for (const field of cubeFields) selection.IndicatorCube![field] = cubeLists.join(' ');
  return rewriteRequires(sdl, (type, field) => selection[type]?.[field]);
}
