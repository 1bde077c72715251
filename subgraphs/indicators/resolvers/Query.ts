import { catalog } from '../../../lib/indicators/catalog.ts';
import { asOfKey, gridKeys, resolveCodes, validateRegions, validateYears } from '../../../lib/indicators/grid.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';

export const Query: QueryResolvers = {
  planPeriods: () => [...catalog().periods.values()],
  indicators: () => [...catalog().indicators.values()].sort((a, b) => a.code.localeCompare(b.code)),
  indicator: (_, { code }) => catalog().indicators.get(code) ?? null,
  indicatorValues: (_, args, { regions }) => {
    const indicators = resolveCodes(catalog(), args.codes, 'REGION');
    validateRegions(regions, args.regions);
    validateYears(args.years);
    return gridKeys(indicators, 'REGION', args.regions, args.years, asOfKey(args.asOf));
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
