import { AGENCIES, type Agency } from '../../lib/agencies.ts';
import { catalog } from '../../lib/indicators/catalog.ts';
import { cubeCells, cubeFactKey, type CubeFact, type CubeKey, type CubePopulation } from '../../lib/indicators/cube.ts';
import { dataCenterPopulationOf } from '../../lib/indicators/population.ts';
import { ownFacts } from '../../lib/indicators/region-facts.ts';
import { yearsNeeded, type IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { IndicatorValueRepresentation } from './engine.ts';
import { inputsOf } from './inputs.ts';

type Unit = Record<string, unknown> & { year: number };

/** The cube representation the gateway sends: key fields plus every @requires input, each region fact and unit-year once. */
export interface CubeRepresentation extends CubeKey {
  bigdataFacts?: CubeFact[];
  dataCenterPopulations?: CubePopulation[];
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
  commsFacts?: CubeFact[];
  coreMachineRoomPopulations?: CubePopulation[];
  coreMachineRoomYears?: Unit[];
  econFacts?: CubeFact[];
  enterprisePopulations?: CubePopulation[];
  enterpriseYears?: Unit[];
  energyFacts?: CubeFact[];
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

function membersByCell(populations: readonly CubePopulation[] = []): Map<string, number[]> {
  return new Map(populations.map((p) => [cellKey(p.indicatorCode, p.regionCode, p.year), p.members]));
}

/**
 * Each cell of a cube as the representation `indicatorValues` would have received for it: the same
 * facts and unit-years, picked from the cube's lists. The engine then evaluates both alike.
 */
export function cellRepresentations(cube: CubeRepresentation): IndicatorValueRepresentation[] {
  const facts = new Map<string, CubeFact>();
  for (const list of [cube.bigdataFacts, cube.commsFacts, cube.econFacts, cube.energyFacts]) for (const f of list ?? []) facts.set(cubeFactKey(f.regionCode, f.metric, f.year), f);
  const plans = new Map<string, CellPlan>();
  const factsOf = (cell: IndicatorValueKey, years: readonly number[], metrics: readonly string[]) => {
    const found: CubeFact[] = [];
    for (const year of years) {
      for (const metric of metrics) {
        const fact = facts.get(cubeFactKey(cell.scopeId, metric, year));
        if (fact) found.push(fact);
      }
    }
    return found;
  };
  const dataCenters = membersByCell(cube.dataCenterPopulations);
  const rooms = membersByCell(cube.coreMachineRoomPopulations);
  const enterprises = membersByCell(cube.enterprisePopulations);
  const unitsOf = (members: Map<string, number[]>, units: readonly Unit[] = [], cell: IndicatorValueKey) => (members.get(cellKey(cell.indicatorCode, cell.scopeId, cell.year)) ?? []).map((i) => units[i]!);

  // Cells over the same data centres (PUE, rack utilisation, renewable share of a region-year) share one population object.
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
    let plan = plans.get(cell.indicatorCode);
    if (!plan) plans.set(cell.indicatorCode, (plan = planOf(cell)));
    const { reads, metrics } = plan;
    const years = yearsNeeded(cell.year, plan.baselineYear);
    return {
      ...cell,
      // A region lies in itself and in no cluster: bigdata answers so without data.
      bigdataInputs: reads.bigdata ? { scopeRegionCode: cell.scopeId, scopeClusterId: null, facts: factsOf(cell, years, metrics.bigdata) } : null,
      commsInputs: reads.comms ? { coreMachineRooms: unitsOf(rooms, cube.coreMachineRoomYears, cell), facts: factsOf(cell, years, metrics.comms) } : null,
      econInputs: reads.econ ? { enterprises: unitsOf(enterprises, cube.enterpriseYears, cell), facts: factsOf(cell, years, metrics.econ) } : null,
      energyInputs: reads.energy ? { facts: factsOf(cell, years, metrics.energy) } : null,
      dataCenterPopulation: plan.overDataCenters ? populationOf(cell) : null,
    };
  });
}

/** What every cell of one indicator reads, worked out once per cube from its first cell. */
interface CellPlan {
  reads: Record<Agency, boolean>;
  metrics: Record<Agency, string[]>;
  baselineYear: number | undefined;
  overDataCenters: boolean;
}

function planOf(cell: IndicatorValueKey): CellPlan {
  const reads = Object.fromEntries(AGENCIES.map((agency) => [agency, inputsOf(cell, agency) !== null])) as Record<Agency, boolean>;
  const metrics = Object.fromEntries(AGENCIES.map((agency) => [agency, ownFacts(cell, agency, { anyScope: agency === 'bigdata' }).metrics])) as Record<Agency, string[]>;
  return { reads, metrics, baselineYear: catalog().indicators.get(cell.indicatorCode)!.baselineYear, overDataCenters: dataCenterPopulationOf(cell) !== null };
}
