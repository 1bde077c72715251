import type { RegionDirectory } from '../../lib/regions/directory.ts';

/** The indicators subgraph has no database: the catalog is in the repository, inputs arrive with each entity. */
export interface Context {
  regions: RegionDirectory;
}
