import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AGENCIES } from '../agencies.ts';
import { ROOT } from '../paths.ts';

/**
 * The committed demo snapshot: a PGlite data directory holding the four agencies' schemas right after
 * migration and demo seeding, as the gzipped tar PGlite's `dumpDataDir` writes (`npm run snapshot`). A
 * fresh clone's `npm start` starts each agency's database from it (dropping the other agencies' schemas)
 * instead of generating the demo world: seconds instead of a minute.
 *
 * It is used only while it matches what would generate it: the manifest records a hash of the migrations,
 * of the source files the demo generator runs (followed through their imports) and of PGlite's version.
 * When any of them changes the snapshot is stale: start-up falls back to generating the data, and
 * `test/snapshot.test.ts` (part of `npm run check`) fails until `npm run snapshot` is run.
 */
export const SNAPSHOT_DIR = path.join(ROOT, 'db', 'snapshots');
const MANIFEST = path.join(SNAPSHOT_DIR, 'manifest.json');

export interface SnapshotManifest {
  /** Hash of what generates the snapshot (snapshotInputsHash) and the snapshot file's size. */
  inputs: string;
  bytes: number;
}

export const SNAPSHOT_FILE = path.join(SNAPSHOT_DIR, 'demo.tar.gz');
export const manifestPath = MANIFEST;

/** Relative imports of a module that carry code (type-only imports cannot change the data). */
function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'/gm)) {
    if (match[1]) continue;
    const spec = match[2] ?? match[3];
    if (spec) found.push(path.resolve(path.dirname(file), spec));
  }
  return found;
}

/** Every file below `dir`, at any depth. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every file whose change could change the snapshot, relative to the repository, sorted. */
export function snapshotInputs(): string[] {
  // Not runtime.ts (prepareDatabase) or the agencies' module.ts: they mostly hold the servers, which others change
  // often; their seeding part (code list, then the agency's seedDemo) is a few stable lines.
  const entries = [...AGENCIES.map((a) => `subgraphs/${a}/demo.ts`), 'db/demo/world.ts', 'lib/regions/codes.ts', 'db/insert.ts', 'scripts/snapshot.ts'].map(
    (f) => path.join(ROOT, f),
  );
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('snapshot.ts')) continue;
    pending.push(...relativeImports(file));
  }
  const migrations = AGENCIES.flatMap((a) => filesUnder(path.join(ROOT, 'db', 'migrations', a)));
  return [...seen, ...migrations].map((f) => path.relative(ROOT, f)).sort();
}

/** The installed PGlite's version: a data directory is only readable by the version that wrote it. */
export function pgliteVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The hash the manifest must hold for the snapshot to be current. */
export function snapshotInputsHash(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${pgliteVersion()}\n`);
  for (const file of snapshotInputs()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(ROOT, file)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

export function readManifest(): SnapshotManifest | null {
  return existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as SnapshotManifest) : null;
}

/** Why the snapshot cannot be used, or null when it is current. */
export function snapshotStaleness(): string | null {
  const manifest = readManifest();
  if (!manifest || !existsSync(SNAPSHOT_FILE)) return 'there is no demo snapshot';
  if (manifest.inputs !== snapshotInputsHash()) return 'the demo snapshot is older than the migrations or the demo generator';
  return null;
}

/** The snapshot as PGlite's `loadDataDir` takes it, or null (with the reason) when there is none or it is stale. Checked once per process. */
let checked: { blob: Blob; stale: null } | { blob: null; stale: string } | undefined;
export function currentSnapshot(): { blob: Blob; stale: null } | { blob: null; stale: string } {
  if (checked) return checked;
  const stale = snapshotStaleness();
  checked = stale ? { blob: null, stale } : { blob: new Blob([readFileSync(SNAPSHOT_FILE)]), stale: null };
  return checked;
}
