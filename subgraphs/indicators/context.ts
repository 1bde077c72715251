import type { RegionDirectory } from '../../lib/regions/directory.ts';
import type { Viewer } from '../../lib/auth/viewer.ts';
import type { RequestMemo } from '../../lib/request-memo.ts';
import type { Embargo } from '../../lib/embargo.ts';

/** The indicators subgraph has no database: the catalog is in the repository, inputs arrive with each entity. */
export interface Context {
  regions: RegionDirectory;
  /** The caller, from the bearer token this subgraph verified itself. */
  viewer: Viewer;
  /** Fewest units an aggregate of unit-level data needs to be published (DISCLOSURE_MIN_UNITS). */
  disclosureMinUnits: number;
  /** The release register's embargoes (catalog/releases.yaml) as the file stood when the request began. */
  embargoes: readonly Embargo[];
  /** The clock embargoes are judged by. */
  now: () => Date;
  /** What several resolvers of this request compute once (a value's evaluation, a cube's cells). */
  memo: RequestMemo;
}
