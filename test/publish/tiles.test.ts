import { describe, expect, it } from 'vitest';
import { TILE_LAYOUTS } from '../../dashboard/src/tiles.ts';
import { RegionDirectory } from '../../lib/regions/directory.ts';
import { demoRegions } from '../../db/demo/world.ts';

describe('the dashboard’s tile maps', () => {
  const regions = new RegionDirectory(demoRegions(1));
  for (const [jurisdiction, layout] of Object.entries(TILE_LAYOUTS)) {
    it(`place every district of ${jurisdiction} on its own tile, and nothing else`, () => {
      expect(Object.keys(layout).sort()).toEqual(
        regions
          .children(jurisdiction)
          .map((c) => c.code)
          .sort(),
      );
      const places = Object.values(layout).map(([c, r]) => `${c},${r}`);
      expect(new Set(places).size).toBe(places.length);
    });
  }
});
