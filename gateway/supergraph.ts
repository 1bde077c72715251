import { readFileSync } from 'node:fs';
import { projectPath } from '../lib/paths.ts';

export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');

/** The committed supergraph the gateway serves; `npm run compose` rewrites it. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
