import { readFileSync, writeFileSync } from 'node:fs';
import { unitOwners, withGeneratedOwnerRequires, withGeneratedRequires } from '../lib/indicators/requires.ts';

// Part of `npm run codegen`: the @requires selections derived from the catalog, of the indicators subgraph and of the
// owners that aggregate their own unit-level figures.
const files: [string, (sdl: string) => string][] = [
  ['subgraphs/indicators/schema.graphql', (sdl) => withGeneratedRequires(sdl)],
  ...unitOwners().map(
    (agency) => [`subgraphs/${agency}/schema.graphql`, (sdl: string) => withGeneratedOwnerRequires(sdl, agency)] as [string, (sdl: string) => string],
  ),
];
for (const [file, generate] of files) {
  const sdl = readFileSync(file, 'utf8');
  const next = generate(sdl);
  if (next !== sdl) {
    writeFileSync(file, next);
    console.log(`wrote the @requires selections of ${file}`);
  }
}
