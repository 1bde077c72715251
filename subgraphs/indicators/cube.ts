import { catalog } from '../../lib/indicators/catalog.ts';
import { cubeCells, cubeFactList, type CubeFacts, type CubeKey, type CubePopulations } from '../../lib/indicators/cube.ts';
import { dataCenterPopulationOf } from '../../lib/indicators/population.ts';
import { metricYearKey, type RegionFact } from '../../lib/indicators/region-facts.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import { IndicatorEvaluation, type IndicatorValueRepresentation, type RegionFacts } from './engine.ts';

type Unit = Record<string, unknown> & { year: number };

/** The cube representation the gateway sends: key fields plus every @requires input, each region fact and unit-year once. */
export interface CubeRepresentation extends CubeKey {
  bigdataFacts?: CubeFacts;
  dataCenterPopulations?: CubePopulations;
  dataCenterIds?: string[];
  dataCenterYears?: number[];
  dataCenterDesignRacks?: (number | null)[];
  dataCenterInCluster?: (boolean | null)[];
  dataCenterRacksInUse?: (number | null)[];
  dataCenterCommsStatus?: (string | null)[];
  dataCenterTotalEnergyKwh?: (number | null)[];
  dataCenterItEnergyKwh?: (number | null)[];
  dataCenterRenewableEnergyKwh?: (number | null)[];
  dataCenterEnergyStatus?: (string | null)[];
  commsFacts?: CubeFacts;
  coreMachineRoomPopulations?: CubePopulations;
  coreMachineRoomYears?: Unit[];
  econFacts?: CubeFacts;
  enterprisePopulations?: CubePopulations;
  enterpriseYears?: Unit[];
  energyFacts?: CubeFacts;
}

/** A value's population columns (DataCenterPopulation's fields) and the cube columns they are cut from. */
const POPULATION_COLUMNS = {
  designRacks: 'dataCenterDesignRacks',
  inCluster: 'dataCenterInCluster',
  racksInUse: 'dataCenterRacksInUse',
  commsStatus: 'dataCenterCommsStatus',
  totalEnergyKwh: 'dataCenterTotalEnergyKwh',
  itEnergyKwh: 'dataCenterItEnergyKwh',
  renewableEnergyKwh: 'dataCenterRenewableEnergyKwh',
  energyStatus: 'dataCenterEnergyStatus',
} as const satisfies Record<string, keyof CubeRepresentation>;

const cellKey = (indicatorCode: string, regionCode: string, year: number) => `${indicatorCode}|${regionCode}|${year}`;

function membersByCell(populations: CubePopulations | undefined): Map<string, number[]> {
  return new Map(populations?.members.map((members, i) => [cellKey(populations.indicatorCodes[i]!, populations.regionCodes[i]!, populations.years[i]!), members]));
}

/**
 * Each cell of a cube evaluated as `indicatorValues` would evaluate it: from the same facts and unit-years,
 * picked from the cube's lists. Cells of one region share that region's facts (each reads only its own
 * metrics and years), and cells over the same data centres share one population.
 */
export function cubeEvaluations(cube: CubeRepresentation): IndicatorEvaluation[] {
  const { indicators } = catalog();
  const factsByRegion = new Map<string, Map<string, RegionFact>>();
  for (const table of [cube.bigdataFacts, cube.commsFacts, cube.econFacts, cube.energyFacts]) {
    for (const f of table ? cubeFactList(table, cube.regionCodes) : []) {
      let facts = factsByRegion.get(f.regionCode);
      if (!facts) factsByRegion.set(f.regionCode, (facts = new Map()));
      facts.set(metricYearKey(f.metric, f.year), f);
    }
  }
  const noFacts: RegionFacts = new Map();
  const dataCenters = membersByCell(cube.dataCenterPopulations);
  const rooms = membersByCell(cube.coreMachineRoomPopulations);
  const enterprises = membersByCell(cube.enterprisePopulations);
  const unitsOf = (members: Map<string, number[]>, units: readonly Unit[] = [], cell: IndicatorValueKey) => (members.get(cellKey(cell.indicatorCode, cell.scopeId, cell.year)) ?? []).map((i) => units[i]!);

  const populations = new Map<string, IndicatorValueRepresentation['dataCenterPopulation']>();
  const populationOf = (cell: IndicatorValueKey) => {
    const key = cellKey(dataCenterPopulationOf(cell)!.indicatorCode, cell.scopeId, cell.year);
    let columns = populations.get(key);
    if (!columns) {
      const members = dataCenters.get(key) ?? [];
      const pick = (column: readonly unknown[] = []) => members.map((i) => column[i] ?? null);
      columns = {
        dataCenterIds: members.map((i) => cube.dataCenterIds![i]!),
        years: members.map((i) => cube.dataCenterYears![i]!),
        ...Object.fromEntries(Object.entries(POPULATION_COLUMNS).map(([field, column]) => [field, pick(cube[column])])),
      };
      populations.set(key, columns);
    }
    return columns;
  };

  return cubeCells(cube).map((cell) => {
    const subject = indicators.get(cell.indicatorCode)!.population?.subject;
    const rep: IndicatorValueRepresentation = {
      indicatorCode: cell.indicatorCode,
      scopeKind: cell.scopeKind,
      scopeId: cell.scopeId,
      year: cell.year,
      asOf: cell.asOf,
      commsInputs: subject === 'CORE_ROOM' ? { coreMachineRooms: unitsOf(rooms, cube.coreMachineRoomYears, cell) } : null,
      econInputs: subject === 'ENTERPRISE' ? { enterprises: unitsOf(enterprises, cube.enterpriseYears, cell) } : null,
      dataCenterPopulation: subject === 'DATA_CENTER' ? populationOf(cell) : null,
    };
    return new IndicatorEvaluation(rep, factsByRegion.get(cell.scopeId) ?? noFacts);
  });
}
