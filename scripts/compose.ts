// Composes the four subgraph schemas offline into schema/supergraph.graphql (committed).
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../gateway/compose.ts';
import { SUPERGRAPH_PATH } from '../gateway/supergraph.ts';

writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
console.log(`wrote ${SUPERGRAPH_PATH}`);
