import type { RegionCode, RegionLevel } from '../regions/codes.ts';
import type { RegionDirectory } from '../regions/directory.ts';

export interface RegionYearRef {
  regionCode: string;
  year: number;
}

interface RegionContext {
  regions: RegionDirectory;
}

/**
 * Resolvers for the shared Region/RegionYear types. The code list is in memory, so none of
 * these touch the database. Every subgraph spreads these into its resolver map.
 */
export const regionResolvers = {
  Query: {
    region: (_: unknown, args: { code: string }, ctx: RegionContext) => ctx.regions.require(args.code, 'code'),
    regions: (_: unknown, args: { level?: RegionLevel | null; parent?: string | null }, ctx: RegionContext) => ctx.regions.list(args),
  },
  Region: {
    __resolveReference: (ref: { code: string }, ctx: RegionContext) => ctx.regions.find(ref.code) ?? null,
    parent: (region: RegionCode, _: unknown, ctx: RegionContext) => ctx.regions.parent(region.code) ?? null,
    children: (region: RegionCode, _: unknown, ctx: RegionContext) => ctx.regions.children(region.code),
    year: (region: RegionCode, args: { year: number }): RegionYearRef => ({ regionCode: region.code, year: args.year }),
  },
  RegionYear: {
    __resolveReference: (ref: RegionYearRef) => ({ regionCode: ref.regionCode, year: ref.year }),
    region: (ref: RegionYearRef, _: unknown, ctx: RegionContext) => ctx.regions.find(ref.regionCode) ?? null,
  },
};
