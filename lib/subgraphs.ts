import { AGENCIES, type Agency } from './agencies.ts';

/**
 * Every subgraph of the supergraph: the four agencies, each over its own database, and
 * `indicators`, which holds the catalog and evaluates formulas but stores no data.
 */
export const SUBGRAPHS = [...AGENCIES, 'indicators'] as const;
export type SubgraphName = Agency | 'indicators';

/** SDL files of a subgraph, in order. Agency subgraphs share the common and write types in lib/schema/. */
export function schemaFiles(name: SubgraphName): string[] {
  const own = `subgraphs/${name}/schema.graphql`;
  return name === 'indicators' ? [own] : [own, 'lib/schema/common.graphql', 'lib/schema/writes.graphql'];
}
