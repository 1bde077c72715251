import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { catalog } from '../../lib/indicators/catalog.ts';
import { disclosureMinUnits } from '../../lib/config.ts';
import { serve, type RunningServer } from '../../lib/http.ts';
import { subgraphTypeDefs } from '../../lib/subgraphs.ts';
import { enforceUnitLevel } from '../../lib/auth/unit-level.ts';
import { RegionDirectory } from '../../lib/regions/directory.ts';
import { demoRegions } from '../../db/demo/world.ts';
import { RequestMemo } from '../../lib/request-memo.ts';
import type { Context } from './context.ts';
import { EmbargoRegister } from '../../lib/embargo.ts';
import { createLogger } from '../../lib/observability/logger.ts';
import { resolvers } from './resolvers/index.ts';

export function indicatorsSchema(): GraphQLSchema {
  // No agency owns what it computes, so its unit-level fields (a named data centre's values) are for readers only.
  return enforceUnitLevel(buildSubgraphSchema({ typeDefs: subgraphTypeDefs('indicators'), resolvers: resolvers as never }), null);
}

/**
 * The code list the grid validates against: the real GB/T 2260 codes, plus the synthetic codes of
 * a larger demo world when DEMO_SCALE is set (benchmarks).
 */
export function indicatorRegions(scale = Number(process.env.DEMO_SCALE ?? 1)): RegionDirectory {
  return new RegionDirectory(demoRegions(scale));
}

export function startIndicators(options: {
  port: number;
  host: string;
  regions?: RegionDirectory;
  disclosureMinUnits?: number | undefined;
  now?: () => Date;
}): Promise<RunningServer> {
  catalog(); // fail at start, not on the first request, when the catalog is invalid
  const regions = options.regions ?? indicatorRegions();
  const minUnits = options.disclosureMinUnits ?? disclosureMinUnits();
  // A new release or embargo takes effect within a second of the file's change, without a restart.
  const register = new EmbargoRegister(undefined, createLogger('indicators'));
  const now = options.now ?? (() => new Date());
  return serve<Context>({
    apollo: { schema: indicatorsSchema(), introspection: true },
    context: async (_req, { viewer }) => ({ regions, viewer, disclosureMinUnits: minUnits, embargoes: register.current(), now, memo: new RequestMemo() }),
    port: options.port,
    host: options.host,
    service: 'indicators',
    health: async () => ({ subgraph: 'indicators', indicators: catalog().indicators.size }),
  });
}
