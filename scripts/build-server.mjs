// `npm run build:server [-- --if-stale]`: bundles the services' TypeScript and their dependencies into `.build/` with
// esbuild, so `npm start`, the supervised children and a container run plain `node` instead of loading every module
// through tsx: about a second less CPU per process, six processes at once on start. Plain JavaScript, because it runs
// before anything is compiled. `npm install` (prepare) and `npm start` run it with --if-stale.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join(ROOT, '.build');
/** Each service entry point: its source, and its name in the bundle (`.build/<name>.js`). */
export const ENTRIES = { start: 'scripts/start.ts', subgraph: 'scripts/start-subgraph.ts', gateway: 'gateway/index.ts' };
const META = path.join(BUILD_DIR, 'inputs.json');

/**
 * Modules a dependency requires as it loads but uses only on a path we keep off: each is left out of the bundle and
 * loaded, from beside that dependency, on first use. @apollo/gateway builds its usage telemetry for Apollo (an OTLP
 * metrics exporter and four cloud resource detectors: 3 of the 10 MB the gateway loaded) only when that telemetry is
 * on, and the gateway sets APOLLO_TELEMETRY_DISABLED unless an operator says otherwise (gateway/no-telemetry.ts).
 *
 * @type {Record<string, { from: string; modules: string[] }>}
 */
const DEFERRED_REQUIRES = {
  'node_modules/@apollo/gateway/dist/utilities/opentelemetry.js': {
    from: '@apollo/gateway',
    modules: [
      '@opentelemetry/sdk-metrics',
      '@opentelemetry/resources',
      '@opentelemetry/resource-detector-alibaba-cloud',
      '@opentelemetry/resource-detector-aws',
      '@opentelemetry/resource-detector-azure',
      '@opentelemetry/resource-detector-gcp',
      '@opentelemetry/exporter-metrics-otlp-http',
    ],
  },
};

/**
 * Rewrites each deferred `require("m")` into a proxy that requires m, resolved from its dependency, on first use.
 *
 * @type {import('esbuild').Plugin}
 */
const deferRequires = {
  name: 'defer-requires',
  setup(build) {
    const escape = (/** @type {string} */ file) => file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const filter = new RegExp(`(${Object.keys(DEFERRED_REQUIRES).map(escape).join('|')})$`);
    build.onLoad({ filter }, (args) => {
      const file = path.relative(ROOT, args.path).split(path.sep).join('/');
      const deferred = DEFERRED_REQUIRES[file];
      if (!deferred) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const id of deferred.modules) {
        const call = `require(${JSON.stringify(id)})`;
        // An upgrade that moved a require would silently bring the module back: fail the build instead.
        if (!contents.includes(call)) throw new Error(`${file} no longer requires ${id}: update DEFERRED_REQUIRES in scripts/build-server.mjs`);
        contents = contents.replaceAll(call, `__deferredRequire(${JSON.stringify(id)})`);
      }
      const helper =
        `var __deferredRequire = (id) => { let loaded; ` +
        `const load = () => (loaded ??= require("node:module").createRequire(require.resolve(${JSON.stringify(deferred.from)}))(id)); ` +
        `return new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() }); };\n`;
      return { contents: helper + contents, loader: 'js' };
    });
  },
};
const BANNER = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  "import { dirname as __pathDirname } from 'node:path';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join(' ');

/** Why the bundle must be rebuilt, or null when it is newer than every file it was built from. */
export function staleReason() {
  if (!existsSync(META)) return 'no server bundle yet';
  const { builtAt, inputs } = JSON.parse(readFileSync(META, 'utf8'));
  for (const file of [...inputs, 'package-lock.json', 'scripts/build-server.mjs']) {
    const full = path.join(ROOT, file);
    if (!existsSync(full)) return `${file} is gone`;
    if (statSync(full).mtimeMs > builtAt) return `${file} changed`;
  }
  return null;
}

export async function buildServer() {
  const started = performance.now();
  const builtAt = Date.now();
  const esbuild = await import('esbuild');
  // Built beside the bundle and then swapped in, so a process running from the old one (or a second build at the same
  // time) never sees half a bundle.
  const staging = `${BUILD_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too: Node then resolves and reads a few dozen files instead of thousands, about 0.7 s
    // less CPU per service at start. PGlite stays outside (it loads its WebAssembly and data files from beside its
    // module), and so does pino (its transports run files of their own in worker threads).
    external: ['@electric-sql/pglite', 'pino'],
    // Bundled CommonJS modules still call require and read __dirname; in an ES module these must be defined.
    banner: { js: BANNER },
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [deferRequires],
  });
  // esbuild's service process would otherwise live as long as the caller: under `npm start` the supervisor.
  await esbuild.stop();
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  // builtAt from before the build: a source saved while it ran makes the next start rebuild.
  writeFileSync(path.join(staging, 'inputs.json'), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  const old = `${BUILD_DIR}.old.${process.pid}`;
  if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, old);
  try {
    renameSync(staging, BUILD_DIR);
  } catch {
    // Another build swapped its bundle in first: the same sources, so keep that one.
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return performance.now() - started;
}

/** Builds the bundle unless it is current; says why it builds. */
export async function ensureServerBundle(log = console.log) {
  const reason = staleReason();
  if (reason === null) return;
  const ms = await buildServer();
  log(`server bundle built into .build/ in ${(ms / 1000).toFixed(1)} s (${reason})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--if-stale')) await ensureServerBundle();
  else console.log(`server bundle built into .build/ in ${((await buildServer()) / 1000).toFixed(1)} s`);
}
