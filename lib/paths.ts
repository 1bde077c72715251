import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one holding package.json). Files the services read at run time (SDL, catalog,
 * migrations, supergraph, snapshot, dashboard bundle) are found from here rather than from the reading module's
 * own location, so they are found both from the sources (tsx) and from the server bundle in `.build/`.
 */
export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('catalog', 'metrics.yaml')`. */
export function projectPath(...segments: string[]): string {
  return path.join(ROOT, ...segments);
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
