import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, subgraphTypeDefs, type SubgraphName } from '../lib/subgraphs.ts';

/** Default subgraph URLs baked into the committed supergraph; the gateway overrides them from the environment. */
export const COMPOSE_URLS = {
  comms: 'http://localhost:4001/graphql',
  econ: 'http://localhost:4002/graphql',
  bigdata: 'http://localhost:4003/graphql',
  energy: 'http://localhost:4004/graphql',
  indicators: 'http://localhost:4005/graphql',
} as const;

export function subgraphDefinitions(names: readonly SubgraphName[] = SUBGRAPHS) {
  return names.map((name) => ({ name, url: COMPOSE_URLS[name], typeDefs: subgraphTypeDefs(name) }));
}

/** Composes the subgraph schemas offline, exactly as `npm run compose` does. */
export function composeSupergraph(names: readonly SubgraphName[] = SUBGRAPHS): string {
  const result = composeServices(subgraphDefinitions(names));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
