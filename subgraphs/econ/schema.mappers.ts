// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type {
  ApplicationScenarioRow,
  CarbonPeakPilotRow,
  DesignationRow,
  EnergyAssessmentRow,
  EnergyManagementCentreRow,
  EnterpriseRow,
  GreenStandardRow,
  RetrofitProjectRow,
} from './repository.ts';
import type { CubeReference } from '../../lib/indicators/cube.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';

export type { RegionMapper, RegionYearMapper } from '../../lib/subgraph/mappers.ts';
export type EnterpriseMapper = EnterpriseRow;
export type EnterpriseYearMapper = { uscc: string; year: number; asOf: string };
export type EnterpriseIdSetMapper = { ids: string[] };
export type EnergyAssessmentMapper = EnergyAssessmentRow;
export type EnergyManagementCentreMapper = EnergyManagementCentreRow;
export type DesignationMapper = DesignationRow;
export type DataCenterMapper = { id: string };
export type RetrofitProjectMapper = RetrofitProjectRow;
export type ApplicationScenarioMapper = ApplicationScenarioRow;
export type GreenStandardMapper = GreenStandardRow;
export type CarbonPeakPilotMapper = CarbonPeakPilotRow;
export type EconIndicatorInputsMapper = IndicatorValueKey;
export type EnterprisePopulationMapper = IndicatorValueKey;
export type BigdataIndicatorInputsMapper = IndicatorValueKey;
export type IndicatorCubeMapper = CubeReference;
export type BigdataCubeInputsMapper = import('../../lib/indicators/cube.ts').CubeKey;

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
/** The data-quality report holds nothing itself: each field reads its list. */
export type EconDataQualityMapper = Record<string, never>;
export type DataCenterIdSetMapper = { ids: string[] };
