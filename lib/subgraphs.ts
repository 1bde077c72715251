import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { AGENCIES, type Agency } from './agencies.ts';
import { projectPath } from './paths.ts';

/**
 * Every subgraph of the supergraph: the four agencies, each over its own database, and
 * `indicators`, which holds the catalog and evaluates formulas but stores no data.
 */
export const SUBGRAPHS = [...AGENCIES, 'indicators'] as const;
export type SubgraphName = Agency | 'indicators';

/** SDL files of a subgraph, in order: its own, then shared types from lib/schema/. */
export function schemaFiles(name: SubgraphName): string[] {
  const own = `subgraphs/${name}/schema.graphql`;
  // Every subgraph shares the indicator cube's value types; agencies also the common and write types.
  return name === 'indicators' ? [own, 'lib/schema/cube.graphql'] : [own, 'lib/schema/common.graphql', 'lib/schema/writes.graphql', 'lib/schema/cube.graphql'];
}

/** The subgraph's SDL: its own schema.graphql followed by the shared types. */
export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  return parse(
    schemaFiles(name)
      .map((file) => readFileSync(projectPath(file), 'utf8'))
      .join('\n'),
  );
}
