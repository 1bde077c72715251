import type { SubgraphContext } from '../../lib/subgraph/runtime.ts';
import type { Loaders } from './loaders.ts';

export type Context = SubgraphContext<Loaders>;
