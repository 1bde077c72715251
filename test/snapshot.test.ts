import { describe, expect, it } from 'vitest';
import { readManifest, snapshotInputs, snapshotStaleness } from '../lib/subgraph/snapshot.ts';

describe('the committed demo snapshot', () => {
  it('was generated from the current migrations and demo generator (else run `npm run snapshot` and commit db/snapshots/)', () => {
    expect(snapshotStaleness()).toBeNull();
  });

  it('counts every migration and the demo generator of each agency among its inputs', () => {
    const inputs = snapshotInputs();
    for (const agency of ['comms', 'econ', 'bigdata', 'energy']) {
      expect(inputs).toContain(`subgraphs/${agency}/demo.ts`);
      expect(inputs).toContain(`db/migrations/${agency}/0000_init.sql`);
    }
    expect(inputs).toContain('db/demo/world.ts');
    expect(inputs).toContain('db/demo/random.ts');
  });

  it('stays under 8 MB compressed', () => {
    expect(readManifest()!.bytes).toBeLessThan(8 * 1024 * 1024);
  });
});
