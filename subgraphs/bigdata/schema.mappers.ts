// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { CubeReference } from '../../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { ClusterRow, DataCenterRow, ZoneRow } from './repository.ts';

export type { RegionMapper, RegionYearMapper } from '../../lib/subgraph/mappers.ts';
export type DataCenterMapper = DataCenterRow;
export type DataCenterClusterMapper = ClusterRow;
export type ClusterZoneMapper = ZoneRow;
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string; row?: DataCenterRow };
export type EnterpriseMapper = { uscc: string };
/** The value's key, and econ's designations where `facts` requires them (null when econ did not answer). */
export type BigdataIndicatorInputsMapper = IndicatorValueKey & { designatedDataCenters?: import('./facts.ts').DesignationList | null };
export type DataCenterPopulationMapper = IndicatorValueKey;
export type ShutdownScreenMapper = { regionCode: string; year: number; asOf: string };
export type IndicatorCubeMapper = CubeReference;
export type BigdataCubeInputsMapper = import('../../lib/indicators/cube.ts').CubeKey & { designatedDataCenters?: import('./facts.ts').DesignationList | null };

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
export type DataCenterIdSetMapper = { ids: string[] };
