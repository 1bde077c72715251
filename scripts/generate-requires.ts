import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedRequires } from '../lib/indicators/requires.ts';

// Part of `npm run codegen`: the indicators subgraph's @requires selections, from the catalog.
const file = 'subgraphs/indicators/schema.graphql';
const sdl = readFileSync(file, 'utf8');
const next = withGeneratedRequires(sdl);
if (next !== sdl) {
  writeFileSync(file, next);
  console.log(`wrote the @requires selections of ${file}`);
}
