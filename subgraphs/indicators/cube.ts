import { catalog } from '../../lib/indicators/catalog.ts';
import { cubeFactList, gridCell, populationCells, type CubeFacts, type CubeKey, type CubePopulations } from '../../lib/indicators/cube.ts';
import { fromCubeSums, type CubeSums } from '../../lib/indicators/cube-sums.ts';
import { populationRepresentative } from '../../lib/indicators/population.ts';
import type { OwnerSums } from '../../lib/indicators/owner-sums.ts';
import { cubeSumsFields, dataCenterColumn, listedUnitFields, publicUnitFields } from '../../lib/indicators/requires.ts';
import { AGENCIES } from '../../lib/agencies.ts';
import { UNIT_KIND_CODES, UNIT_KINDS, type UnitKindCode } from '../../lib/unit-kinds.ts';
import { FactIndex, type RegionFact } from '../../lib/indicators/region-facts.ts';
import { IndicatorEvaluation, type IndicatorValueRepresentation, type RegionFacts } from './engine.ts';
import { unavailableInCube } from './unavailable.ts';

type Unit = Record<string, unknown> & { year: number };

/** The cube representation the gateway sends: key fields plus every @requires input, each region fact and unit-year once. */
export interface CubeRepresentation extends CubeKey {
  bigdataFacts?: CubeFacts;
  dataCenterPopulations?: CubePopulations;
  dataCenterIds?: string[];
  dataCenterYears?: number[];
  dataCenterDesignRacks?: (number | null)[];
  dataCenterInCluster?: (boolean | null)[];
  /** The owners' totals over each cell's data centres (the owner's aggregate), as columns. */
  dataCenterCommsSums?: CubeSums | null;
  dataCenterEnergySums?: CubeSums | null;
  /** energy's totals over each cell's core rooms and enterprises, as columns. */
  coreMachineRoomEnergySums?: CubeSums | null;
  enterpriseEnergySums?: CubeSums | null;
  commsFacts?: CubeFacts;
  coreMachineRoomPopulations?: CubePopulations;
  coreMachineRoomYears?: Unit[];
  econFacts?: CubeFacts;
  enterprisePopulations?: CubePopulations;
  enterpriseYears?: Unit[];
  /** energy's column of the enterprise years: roofs with PV. */
  enterpriseRoofsWithPv?: (number | null)[] | null;
  energyFacts?: CubeFacts;
  /** bigdata's counts of econ's designations, one reference for the whole cube (econ lists, bigdata counts). */
  designationInputs?: { facts?: CubeFacts | null } | null;
}

/** A data centre's public unit fields (DataCenterPopulation's columns, from the catalog) and the cube columns they are read from. */
const POPULATION_FIELDS = publicUnitFields('DATA_CENTER').map((field) => [field, dataCenterColumn(field)] as const);

const cellKey = (indicatorCode: string, regionCode: string, year: number) => `${indicatorCode}|${regionCode}|${year}`;

function membersByCell(populations: CubePopulations | undefined, cube: CubeKey): Map<string, number[]> {
  return new Map(populations ? populationCells(populations, cube).map((c) => [cellKey(c.indicatorCode, c.regionCode, c.year), c.members]) : []);
}

/**
 * Each cell of a cube evaluated as `indicatorValues` would evaluate it: from the same facts and unit-years,
 * picked from the cube's lists. Cells of one region share that region's facts (each reads only its own
 * metrics and years), and cells over the same data centres share one population.
 */
export function cubeEvaluations(cube: CubeRepresentation): IndicatorEvaluation[] {
  const { indicators } = catalog();
  const fields = cube as unknown as Record<string, unknown>;
  const factsByRegion = new Map<string, FactIndex<RegionFact>>();
  for (const table of [...AGENCIES.map((agency) => fields[`${agency}Facts`] as CubeFacts | undefined), cube.designationInputs?.facts]) {
    for (const f of table ? cubeFactList(table, cube.regionCodes) : []) {
      let facts = factsByRegion.get(f.regionCode);
      if (!facts) factsByRegion.set(f.regionCode, (facts = new FactIndex()));
      facts.add(f);
    }
  }
  const noFacts: RegionFacts = new FactIndex();
  // Each unit-year once as an object; a cell's population lists its members, shared by every cell over the same units.
  const unitsOf = (kind: UnitKindCode): Unit[] => {
    if (kind === 'DATA_CENTER') {
      // Indexed by grid position (data centre d in year y at d × Y + y); the register's columns hold an entry per data centre.
      const years = cube.dataCenterYears ?? [];
      return (cube.dataCenterIds ?? []).flatMap((dataCenterId, d) =>
        years.map((year) => {
          const unit: Unit = { dataCenterId, year };
          for (const [field, column] of POPULATION_FIELDS) unit[field] = (fields[column] as unknown[] | undefined)?.[d] ?? null;
          return unit;
        }),
      );
    }
    // A listed unit-year: its register's entity, with the other agencies' columns of its public fields beside it.
    const entities = (fields[`${UNIT_KINDS[kind].cubePrefix}Years`] as Unit[] | null | undefined) ?? [];
    const columns = listedUnitFields(kind).columns.map(({ field, column }) => [field, fields[column] as unknown[] | null | undefined] as const);
    if (columns.length === 0) return entities;
    return entities.map((entity, i) => {
      const unit: Unit = { ...entity };
      for (const [field, column] of columns) unit[field] = column?.[i] ?? null;
      return unit;
    });
  };
  const populationsOf = (populations: CubePopulations | undefined, units: readonly Unit[] = []) => {
    const byCell = membersByCell(populations, cube);
    const memo = new Map<string, Unit[]>();
    return (key: string): Unit[] => {
      let population = memo.get(key);
      if (!population) memo.set(key, (population = (byCell.get(key) ?? []).map((i) => units[i]!)));
      return population;
    };
  };
  const populations = Object.fromEntries(
    UNIT_KIND_CODES.map((kind) => [kind, populationsOf(fields[`${UNIT_KINDS[kind].cubePrefix}Populations`] as CubePopulations | undefined, unitsOf(kind))]),
  ) as Record<UnitKindCode, (key: string) => Unit[]>;

  // The owners' totals by indicator and region; an owner that did not answer sends none, and its cells say so (`unavailable`).
  // Their lacking units come as positions in the cube's unit-year list of their kind (for data centres, on its grid).
  const idAt = (kind: UnitKindCode): ((position: number) => string) => {
    if (kind === 'DATA_CENTER') return (p) => gridCell(cube.dataCenterIds ?? [], cube.dataCenterYears ?? [], p).id;
    const list = (fields[`${UNIT_KINDS[kind].cubePrefix}Years`] as Unit[] | null | undefined) ?? [];
    return (p) => String(list[p]![UNIT_KINDS[kind].idField]);
  };
  const sumsByCell = new Map<string, OwnerSums[]>();
  for (const entry of cubeSumsFields().flatMap(({ kind, field }) => {
    const sums = fields[field] as CubeSums | null | undefined;
    return sums ? fromCubeSums(sums, cube.regionCodes, idAt(kind)) : [];
  })) {
    const key = `${entry.indicatorCode}|${entry.regionCode}`;
    const list = sumsByCell.get(key);
    if (list) list.push(entry);
    else sumsByCell.set(key, [entry]);
  }
  const noSums: OwnerSums[] = [];
  // A cell that reads an agency whose inputs did not arrive is null, and says so.
  const unavailable = unavailableInCube(cube);
  // Cells in layout order (indicator, region, year), as `cubeCells` lists them.
  const evaluations: IndicatorEvaluation[] = [];
  for (const indicatorCode of cube.indicatorCodes) {
    const indicator = indicators.get(indicatorCode)!;
    const subject = indicator.population?.subject;
    const populationCode = populationRepresentative(indicatorCode);
    for (const scopeId of cube.regionCodes) {
      const facts = factsByRegion.get(scopeId) ?? noFacts;
      for (const year of cube.years) {
        const rep: IndicatorValueRepresentation = { indicatorCode, scopeKind: 'REGION', scopeId, year, asOf: cube.asOf };
        // Data-centre populations are named by the indicator that stands for them (shared by indicators over the same data centres).
        const units = subject && populations[subject](cellKey(subject === 'DATA_CENTER' ? populationCode : indicatorCode, scopeId, year));
        const sums = indicator.unitLevelOwner ? (sumsByCell.get(`${indicatorCode}|${scopeId}`) ?? noSums) : undefined;
        evaluations.push(new IndicatorEvaluation(rep, facts, units, unavailable, sums));
      }
    }
  }
  return evaluations;
}
