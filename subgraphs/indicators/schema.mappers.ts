// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { IndicatorDefinition, MetricDefinition } from '../../lib/indicators/catalog.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { CubeRepresentation } from './cube.ts';
import type { CubeCell } from './resolvers/IndicatorCube.ts';
import type { IndicatorValueRepresentation, InputValue } from './engine.ts';
import type { ApplicableTarget } from './targets.ts';
import type { PeriodDefinition } from '../../lib/indicators/catalog.ts';

export type IndicatorMapper = IndicatorDefinition;
export type MetricMapper = MetricDefinition;
export type TargetMapper = ApplicableTarget;
export type PlanPeriodMapper = PeriodDefinition;
export type IndicatorInputMapper = InputValue;
export type IndicatorValueMapper = IndicatorValueRepresentation;
// References the indicators subgraph hands out: the owners resolve their fields.
export type BigdataIndicatorInputsMapper = IndicatorValueKey;
export type CommsIndicatorInputsMapper = IndicatorValueKey;
export type EconIndicatorInputsMapper = IndicatorValueKey;
export type EnergyIndicatorInputsMapper = IndicatorValueKey;
export type DataCenterPopulationMapper = IndicatorValueKey;
export type CoreMachineRoomPopulationMapper = IndicatorValueKey;
export type EnterprisePopulationMapper = IndicatorValueKey;
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string };
export type RegionMapper = { code: string };
export type ShutdownScreenMapper = { regionCode: string; year: number; asOf: string; dataCenters?: unknown[] | null };
export type IndicatorCubeMapper = CubeRepresentation;
// A cube's row: the cell itself, placed and disclosed for the caller.
export type IndicatorCubeCellMapper = CubeCell;

// A region fact as the agencies build it (lib/indicators/region-facts.ts): the provenance fields are optional there.
export type RegionFactMapper = import('../../lib/indicators/region-facts.ts').RegionFact;
