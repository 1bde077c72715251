import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import type { EmbargoGate } from '../embargo.ts';
import type { CubeFacts } from '../indicators/cube.ts';
import type { CubeSums } from '../indicators/cube-sums.ts';
import type { OwnerSums } from '../indicators/owner-sums.ts';
import type { RegionFact } from '../indicators/region-facts.ts';

/** What the rule needs from a request's context. */
interface EmbargoContext {
  embargo: EmbargoGate;
}

/** The key an agency's inputs to an indicator value (or a population) carry; `scopeRegionCode` where bigdata's answer arrived. */
interface ScopeSource {
  scopeKind?: string;
  scopeId?: string;
  year?: number;
  scopeRegionCode?: string | null;
}

/** Where a value's scope lies, for a scope that is not a region (a cluster, zone or data centre): the agency that knows says. */
export type ScopeRegion = (source: ScopeSource, context: unknown) => string | null | Promise<string | null>;

const RegionYearOwnFields = new Set(['regionCode', 'year', 'region']);

/**
 * Applies the release embargoes (lib/embargo.ts) to an agency subgraph's figures by the types they travel in, so every
 * agency withholds alike and a new field of these types is covered without code of its own:
 * - `RegionYear`'s figures (a region's own reported figure of a year): null;
 * - `RegionFact` lists (an indicator value's inputs): value, partsValue, status and updatedAt null in an embargoed year;
 * - `CubeFacts` (a cube's region facts): the entries of embargoed regions and years null;
 * - the owners' totals (`…UnitSums`): terms, inputSums and updatedAt null for an embargoed region and year;
 * - the owners' totals over a cube (`…CubeSums`): the terms of embargoed regions and years null;
 * - `UnitCheck` (a check over the year's units): null.
 * The observation lists leave withheld rows out in SQL (`withheldRegionYears`). Only a request meeting an embargo pays.
 */
export function withholdEmbargoed(schema: GraphQLSchema, scopeRegion: ScopeRegion = fromScopeKey): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type).name;
      const withhold = (
        type.name === 'RegionYear' && !RegionYearOwnFields.has(field.name)
          ? regionYearFigure
          : returned === 'RegionFact'
            ? regionFacts(scopeRegion)
            : returned === 'CubeFacts'
              ? cubeFacts
              : returned.endsWith('UnitSums')
                ? ownerSums(scopeRegion)
                : returned.endsWith('CubeSums')
                  ? cubeSums
                  : returned === 'UnitCheck'
                    ? unitCheck(scopeRegion)
                    : null
      ) as AnyWithhold | null;
      if (!withhold) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: EmbargoContext, info) => {
        const result = resolve(source, args, context, info);
        if (context.embargo.active.length === 0) return result;
        return Promise.resolve(result).then((value) => (value == null ? value : withhold(source, value, context)));
      };
    }
  }
  return schema;
}

/** What a field's result becomes under the caller's embargoes (the arguments are the field's source and result). */
type Withhold = (source: never, value: never, context: EmbargoContext) => unknown;
type AnyWithhold = (source: unknown, value: unknown, context: EmbargoContext) => unknown;

/** A region's scope is itself; a cluster's or data centre's region comes with bigdata's `scopeRegionCode`, else it is unknown (withheld by any embargo of the year). */
function fromScopeKey(source: ScopeSource): string | null {
  if (source.scopeKind === 'REGION') return source.scopeId ?? null;
  return source.scopeRegionCode ?? null;
}

const regionYearFigure: Withhold = (source: { regionCode: string; year: number }, value: unknown, { embargo }: EmbargoContext) =>
  embargo.at(source.regionCode, source.year) ? null : value;

const regionFacts =
  (scopeRegion: ScopeRegion): Withhold =>
  async (source: ScopeSource, facts: RegionFact[], context: EmbargoContext) => {
    const region = await scopeRegion(source, context);
    return facts.map((f) => (context.embargo.at(region, f.year) ? { ...f, value: null, partsValue: null, status: null, updatedAt: null } : f));
  };

/** Entry (r × M + m) × Y + y is region r, metric m, year y. */
const cubeFacts: Withhold = (cube: { regionCodes: readonly string[] }, facts: CubeFacts, { embargo }: EmbargoContext) => {
  const M = facts.metrics.length;
  const Y = facts.years.length;
  const withheld = (i: number) => embargo.at(cube.regionCodes[Math.floor(i / (M * Y))]!, facts.years[i % Y]!);
  return {
    ...facts,
    values: facts.values.map((v, i) => (withheld(i) ? null : v)),
    provisional: facts.provisional.filter((i) => !withheld(i)),
    partsMissing: facts.partsMissing.filter((p) => !withheld(p.at)),
  };
};

const ownerSums =
  (scopeRegion: ScopeRegion): Withhold =>
  async (source: ScopeSource, sums: OwnerSums[], context: EmbargoContext) => {
    // A cube's entries name their region; one value's totals lie where its scope does.
    const scope = sums.some((s) => s.regionCode === null) ? await scopeRegion(source, context) : null;
    return sums.map((s) =>
      context.embargo.at(s.regionCode ?? scope, s.year) ? { ...s, terms: s.terms.map(() => null), inputSums: s.inputSums.map(() => null), updatedAt: null } : s,
    );
  };

/** Entry (i × R + r) × Y + y is indicator i, region r, year y. */
const cubeSums: Withhold = (cube: { regionCodes: readonly string[] }, sums: CubeSums, { embargo }: EmbargoContext) => {
  const R = cube.regionCodes.length;
  const Y = sums.years.length;
  const terms = sums.terms.map((entry, k) =>
    entry && embargo.at(cube.regionCodes[Math.floor(k / Y) % R]!, sums.years[k % Y]!) ? entry.map(() => null) : entry,
  );
  return { ...sums, terms };
};

const unitCheck =
  (scopeRegion: ScopeRegion): Withhold =>
  async (source: ScopeSource, check: unknown, context: EmbargoContext) =>
    context.embargo.at(await scopeRegion(source, context), source.year!) ? null : check;
