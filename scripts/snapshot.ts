// `npm run snapshot`: regenerates the committed demo snapshot (db/snapshots/demo.tar.gz and manifest.json) from the
// current migrations and demo generator. Run it after changing either; `npm run check` fails until it is run.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AGENCIES } from '../lib/agencies.ts';
import { loadSubgraph } from '../lib/subgraph/registry.ts';
import { prepareDatabase } from '../lib/subgraph/runtime.ts';
import { manifestPath, SNAPSHOT_FILE, snapshotInputsHash, type SnapshotManifest } from '../lib/subgraph/snapshot.ts';
import { createPglite, fromPglite } from '../db/connection.ts';
import { buildWorld } from '../db/demo/world.ts';

const started = performance.now();
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'gict-snapshot-')), 'data');
try {
  // One database holds the four agencies, each in its own schema (as tests and a shared server do): the template
  // catalogs, most of a data directory's size, are stored once. Each agency drops the others' schemas on load.
  const world = buildWorld();
  let client = await createPglite({ dataDir });
  for (const agency of AGENCIES) {
    await prepareDatabase(await loadSubgraph(agency), fromPglite(client, { ownsClient: false }), { world });
    console.log(`  ${agency.padEnd(8)} seeded`);
  }
  // Compact: the tar carries the data files as they are, dead tuples and all.
  await client.exec('VACUUM FULL');
  // Then start a new WAL segment, zero-filled rather than recycled (old records do not compress), and checkpoint
  // into it: the segments before it are no longer needed, and the current one holds little but the checkpoint.
  await client.exec('SET wal_recycle = off');
  await client.exec('CHECKPOINT');
  await client.query('select pg_switch_wal()');
  await client.exec('CHECKPOINT');
  const { rows } = await client.query<{ segment: string }>('select pg_walfile_name(pg_current_wal_lsn()) as segment');
  const current = rows[0]!.segment;
  await client.close();
  for (const name of readdirSync(path.join(dataDir, 'pg_wal'))) {
    if (/^[0-9A-F]{24}$/.test(name) && name !== current) rmSync(path.join(dataDir, 'pg_wal', name));
  }
  client = await createPglite({ dataDir });
  // PGlite's own gzip is quick rather than small; level 9 takes a sixth off (loadDataDir reads either).
  const tar = gzipSync(Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()), { level: 9 });
  await client.close();
  writeFileSync(SNAPSHOT_FILE, tar);
  const manifest: SnapshotManifest = { inputs: snapshotInputsHash(), bytes: tar.length };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`demo snapshot: ${(tar.length / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
