// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { CubeReference } from '../../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { Connection } from '../../lib/pagination.ts';
import type { MetricDefinition } from './metrics.ts';
import type { PvInstallationRow, StampedObservationRow } from './repository.ts';

export type { RegionMapper, RegionYearMapper } from '../../lib/subgraph/mappers.ts';
// Entities owned elsewhere: energy knows only their keys and hangs its facts on them.
export type DataCenterMapper = { id: string };
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string };
export type CoreMachineRoomMapper = { id: string };
export type CoreMachineRoomYearMapper = { coreMachineRoomId: string; year: number; asOf: string };
export type EnterpriseMapper = { uscc: string };
export type EnterpriseYearMapper = { uscc: string; year: number; asOf: string };
export type PvInstallationMapper = PvInstallationRow;
export type EnergyObservationMapper = StampedObservationRow;
export type EnergyMetricMapper = MetricDefinition;
/** The count is a thunk: it costs a scan of the metric, so it runs only when `totalCount` is asked for. */
export type EnergyObservationConnectionMapper = Omit<Connection<StampedObservationRow>, 'totalCount'> & { totalCount: () => Promise<number> };
export type EnergyIndicatorInputsMapper = IndicatorValueKey;
export type { DataCenterPopulationRepresentation as DataCenterPopulationMapper } from '../../lib/indicators/population.ts';
export type IndicatorCubeMapper = CubeReference;

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
/** The data-quality report holds nothing itself: each field reads its list. */
export type EnergyDataQualityMapper = Record<string, never>;
export type DataCenterIdSetMapper = { ids: string[] };
export type CoreRoomIdSetMapper = { ids: string[] };
export type EnterpriseIdSetMapper = { ids: string[] };
/** A value's core-room and enterprise populations as energy receives them for its totals: the key and the unit list it @requires. */
export type CoreMachineRoomPopulationMapper = IndicatorValueKey & {
  coreMachineRooms?: ({ coreMachineRoomId: string; year: number } & Record<string, unknown>)[] | null;
};
export type EnterprisePopulationMapper = IndicatorValueKey & { enterprises?: ({ uscc: string; year: number } & Record<string, unknown>)[] | null };
/** comms' and econ's inputs to a national value, which energy completes with the units it holds figures for. */
export type CommsIndicatorInputsMapper = IndicatorValueKey;
export type EconIndicatorInputsMapper = IndicatorValueKey;
