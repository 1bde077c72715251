// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { CubeReference } from '../../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { CoreRoomRow, OperatorRow, Site5GRow, TowerRow } from './repository.ts';

export type { RegionMapper, RegionYearMapper } from '../../lib/subgraph/mappers.ts';
export type TelecomOperatorMapper = OperatorRow;
export type Site5GMapper = Site5GRow;
export type TowerMapper = TowerRow;
export type CoreMachineRoomMapper = CoreRoomRow;
export type CoreMachineRoomYearMapper = { coreMachineRoomId: string; year: number; asOf: string };
// Owned by bigdata: comms only knows the keys and hangs its reports on them.
export type DataCenterMapper = { id: string };
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string };
export type CommsIndicatorInputsMapper = IndicatorValueKey;
export type CoreMachineRoomPopulationMapper = IndicatorValueKey;
export type { DataCenterPopulationRepresentation as DataCenterPopulationMapper } from '../../lib/indicators/population.ts';
export type IndicatorCubeMapper = CubeReference;

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
/** The data-quality report holds nothing itself: each field reads its list. */
export type CommsDataQualityMapper = Record<string, never>;
export type DataCenterIdSetMapper = { ids: string[] };
export type CoreRoomIdSetMapper = { ids: string[] };
