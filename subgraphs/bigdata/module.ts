import type { SubgraphModule } from '../../lib/subgraph/runtime.ts';
import { seedDemo } from './demo.ts';
import { observationStore } from './writes.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { scopeRegionOf } from './resolvers/IndicatorInputs.ts';
import type { IndicatorValueKey } from '../../lib/indicators/scope.ts';
import type { Context } from './context.ts';
import { region, importBatch } from './tables.ts';

export const bigdataSubgraph: SubgraphModule<Loaders> = {
  agency: 'bigdata',
  resolvers: resolvers as Record<string, object>,
  regionTable: region,
  createLoaders,
  seedDemo,
  observations: { store: observationStore, batches: importBatch },
  // The register places clusters, zones and data centres: the region an embargo judges their values by.
  scopeRegion: (key, context) => scopeRegionOf(key as IndicatorValueKey, context as Context),
};
