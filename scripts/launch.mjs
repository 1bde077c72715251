// `npm start` and the services' command in a container: `node scripts/launch.mjs <start|subgraph|gateway> [arguments]`
// runs that entry point from the server bundle (`.build/`), after rebuilding the bundle (and for the gateway the
// dashboard) when a source is newer. Plain JavaScript: nothing is compiled before it runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, ENTRIES, ensureServerBundle } from './build-server.mjs';
import { dashboardStale } from './build-dashboard.mjs';

const entry = process.argv[2] ?? '';
if (!Object.hasOwn(ENTRIES, entry)) {
  console.error(`usage: node scripts/launch.mjs <${Object.keys(ENTRIES).join('|')}> [arguments]`);
  process.exit(2);
}
await ensureServerBundle();
// In a process of its own: Vite sets NODE_ENV=production in the process it builds in.
if (entry !== 'subgraph' && dashboardStale()) execFileSync(process.execPath, [path.join(import.meta.dirname, 'build-dashboard.mjs')], { stdio: 'inherit' });
// The entry reads its own arguments from process.argv, as when it is run itself.
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(BUILD_DIR, `${entry}.js`)).href);
