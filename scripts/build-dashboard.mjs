// `npm run build:dashboard [-- --if-stale]`: bundles dashboard/ with Vite into dashboard/dist, which the gateway
// serves at `/`. `npm install` (prepare) and `npm start` run it with --if-stale: a no-op when the bundle
// is newer than every source it is built from. Plain JavaScript, so `npm start` checks it without loading tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'dashboard/src',
  'dashboard/index.html',
  'dashboard/vite.config.ts',
  'publish/client',
  'publish/format.ts',
  'publish/report/charts.ts',
  'package-lock.json',
];
const BUNDLE = path.join(ROOT, 'dashboard/dist/index.html');

/** @param {string} p @returns {number} */
function newest(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** Whether a source is newer than the bundle (or there is none). */
export function dashboardStale() {
  return !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
}

/** Builds the dashboard, or (with `ifStale`) only when it is stale. Vite sets NODE_ENV=production in its process. */
async function buildDashboard({ ifStale = false } = {}) {
  if (ifStale && !dashboardStale()) return;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // An install without dev dependencies serves the bundle it was packed with.
    console.error(
      existsSync(BUNDLE)
        ? 'vite is not installed; serving the dashboard bundle as packed'
        : 'vite is not installed and there is no dashboard bundle: the gateway answers / with 503',
    );
    return;
  }
  const started = performance.now();
  await vite.build({ configFile: path.join(ROOT, 'dashboard/vite.config.ts') });
  console.log(`dashboard built into dashboard/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildDashboard({ ifStale: process.argv.includes('--if-stale') });
