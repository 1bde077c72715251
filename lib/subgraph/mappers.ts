import type { RegionCode } from '../regions/codes.ts';
import type { RegionYearRef } from './regions.ts';

/** Parent types of the shared Region types, re-exported by every subgraph's schema.mappers.ts. */
export type RegionMapper = RegionCode;
export type RegionYearMapper = RegionYearRef;
