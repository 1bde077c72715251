// Maps GraphQL types to what their resolvers receive as parent; read by codegen.ts.
import type { IndicatorDefinition, MetricDefinition } from '../../lib/indicators/catalog.ts';
import type { ApplicableTarget, IndicatorValueRepresentation, InputValue } from './engine.ts';

export type IndicatorMapper = IndicatorDefinition;
export type MetricMapper = MetricDefinition;
export type TargetMapper = ApplicableTarget;
export type IndicatorInputMapper = InputValue;
export type IndicatorValueMapper = IndicatorValueRepresentation;
export type DataCenterYearMapper = { dataCenterId: string; year: number; asOf: string };
export type RegionMapper = { code: string };
export type ShutdownScreenMapper = { regionCode: string; year: number; dataCenters?: unknown[] | null };
