// `npm run build:dashboard [-- --if-stale]`: bundles dashboard/ with Vite into dashboard/dist, which the gateway
// serves at `/`. `npm install` (prepare) and `npm start` (prestart) run it with --if-stale: a no-op when the bundle
// is newer than every source it is built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['dashboard/src', 'dashboard/index.html', 'dashboard/vite.config.ts', 'publish/client', 'publish/format.ts', 'publish/report/charts.ts', 'package-lock.json'];
const BUNDLE = 'dashboard/dist/index.html';

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const ifStale = process.argv.includes('--if-stale');
if (ifStale && existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= Math.max(...SOURCES.map(newest))) process.exit(0);

let vite: typeof import('vite');
try {
  vite = await import('vite');
} catch {
  // An install without dev dependencies serves the bundle it was packed with.
  console.error(existsSync(BUNDLE) ? 'vite is not installed; serving the dashboard bundle as packed' : 'vite is not installed and there is no dashboard bundle: the gateway answers / with 503');
  process.exit(0);
}
const started = performance.now();
await vite.build({ configFile: 'dashboard/vite.config.ts' });
console.log(`dashboard built into dashboard/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
