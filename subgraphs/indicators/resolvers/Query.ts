import { catalog } from '../../../lib/indicators/catalog.ts';
import { checkGridSize, gridKeys, resolveCodes, validateRegions, validateYears } from '../grid.ts';
import { LATEST } from '../../../lib/observations.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';

/** The as-of part of IndicatorValue keys: one canonical string per instant, so equal instants share cache entries. */
const asOfKey = (asOf: Date | null | undefined): string => (asOf ? asOf.toISOString() : LATEST);

export const Query: QueryResolvers = {
  indicators: () => [...catalog().indicators.values()].sort((a, b) => a.code.localeCompare(b.code)),
  indicator: (_, { code }) => catalog().indicators.get(code) ?? null,
  indicatorValues: (_, args, { regions }) => {
    const indicators = resolveCodes(catalog(), args.codes, 'REGION');
    validateRegions(regions, args.regions);
    validateYears(args.years);
    return gridKeys(indicators, 'REGION', args.regions, args.years, asOfKey(args.asOf));
  },
  indicatorCube: (_, args, { regions }) => {
    const indicators = resolveCodes(catalog(), args.codes, 'REGION').filter((i) => i.levels.includes('REGION'));
    validateRegions(regions, args.regions);
    validateYears(args.years);
    checkGridSize(indicators.length * args.regions.length * args.years.length);
    return { indicatorCodes: indicators.map((i) => i.code), regionCodes: [...args.regions], years: [...args.years], asOf: asOfKey(args.asOf) };
  },
  dataCenterShutdownCandidates: (_, { region, year, asOf }, { regions }) => {
    validateRegions(regions, [region], 'region');
    validateYears([year]);
    return { regionCode: region, year, asOf: asOfKey(asOf) };
  },
  clusterIndicatorValues: (_, args) => {
    const indicators = resolveCodes(catalog(), args.codes, 'CLUSTER');
    validateYears(args.years);
    return gridKeys(indicators, 'CLUSTER', args.clusters, args.years, asOfKey(args.asOf));
  },
};
