// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { CubeReference } from '../../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { Connection } from '../../lib/pagination.ts';
import type { MetricDefinition } from './metrics.ts';
import type { ObservationRow, PvInstallationRow } from './repository.ts';

export type { RegionMapper, RegionYearMapper } from '../../lib/subgraph/mappers.ts';
// Entities owned elsewhere: energy knows only their keys and hangs its facts on them.
export type DataCenterMapper = { id: string };
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string };
export type CoreMachineRoomMapper = { id: string };
export type CoreMachineRoomYearMapper = { coreMachineRoomId: string; year: number; asOf: string };
export type EnterpriseMapper = { uscc: string };
export type EnterpriseYearMapper = { uscc: string; year: number; asOf: string };
export type PvInstallationMapper = PvInstallationRow;
export type EnergyObservationMapper = ObservationRow;
export type EnergyMetricMapper = MetricDefinition;
/** The count is a thunk: it costs a scan of the metric, so it runs only when `totalCount` is asked for. */
export type EnergyObservationConnectionMapper = Omit<Connection<ObservationRow>, 'totalCount'> & { totalCount: () => Promise<number> };
export type EnergyIndicatorInputsMapper = IndicatorValueKey;
export type { DataCenterPopulationRepresentation as DataCenterPopulationMapper } from '../../lib/indicators/population.ts';
export type IndicatorCubeMapper = CubeReference;

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
