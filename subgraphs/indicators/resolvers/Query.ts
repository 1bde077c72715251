import { catalog } from '../../../lib/indicators/catalog.ts';
import { gridKeys, resolveCodes, validateRegions, validateYears } from '../grid.ts';
import type { QueryResolvers } from '../resolvers.generated.ts';

export const Query: QueryResolvers = {
  indicators: () => [...catalog().indicators.values()].sort((a, b) => a.code.localeCompare(b.code)),
  indicator: (_, { code }) => catalog().indicators.get(code) ?? null,
  indicatorValues: (_, args, { regions }) => {
    const indicators = resolveCodes(catalog(), args.codes, 'REGION');
    validateRegions(regions, args.regions);
    validateYears(args.years);
    return gridKeys(indicators, 'REGION', args.regions, args.years, args.asOf ?? 'latest');
  },
  dataCenterShutdownCandidates: (_, { region, year }, { regions }) => {
    validateRegions(regions, [region], 'region');
    validateYears([year]);
    return { regionCode: region, year };
  },
  clusterIndicatorValues: (_, args) => {
    const indicators = resolveCodes(catalog(), args.codes, 'CLUSTER');
    validateYears(args.years);
    return gridKeys(indicators, 'CLUSTER', args.clusters, args.years, args.asOf ?? 'latest');
  },
};
