import type { SubgraphModule } from '../../lib/subgraph/runtime.ts';
import { seedDemo } from './demo.ts';
import { observationStore } from './writes.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { region, importBatch } from './tables.ts';

export const energySubgraph: SubgraphModule<Loaders> = {
  agency: 'energy',
  resolvers: resolvers as Record<string, object>,
  regionTable: region,
  createLoaders,
  seedDemo,
  observations: { store: observationStore, batches: importBatch },
};
