import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { PER_CELL_FLOOR_QUERY, perCellFloorServer } from '../../bench/per-cell-floor.ts';

// The benchmark's second baseline: it must answer one object per cell, through one @requires hop, or its timings
// stand for a different mechanism than the one `indicatorValues` rests on.
describe('the per-cell floor', () => {
  const servers: ApolloServer[] = [];
  const fetches = { cells: 0, inputs: 0 };
  let gateway: ApolloServer;

  beforeAll(async () => {
    const urls: Record<string, string> = {};
    for (const role of ['cells', 'inputs'] as const) {
      const server = perCellFloorServer(role);
      server.addPlugin({
        requestDidStart: async () => {
          fetches[role] += 1;
        },
      });
      servers.push(server);
      urls[role] = (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
    }
    gateway = perCellFloorServer('gateway', urls.cells, urls.inputs);
    await gateway.start();
    servers.push(gateway);
  });

  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it('answers every cell of the grid from the other subgraph’s number, in three fetches whatever the grid’s size', async () => {
    const variables = { codes: ['DC_RACK_UTILISATION', 'CORE_ROOM_PUE'], regions: ['500000', '500101'], years: [2024, 2027] };
    const res = await gateway.executeOperation({ query: PER_CELL_FLOOR_QUERY, variables });
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(body?.errors).toBeUndefined();
    const grid = (body?.data as { grid: { indicatorCode: string; scopeId: string; year: number; value: number; status: string; meetsTarget: boolean }[] }).grid;
    // 2 indicators × 2 regions × 2 years. The inputs subgraph's number is (year mod 7) ÷ 7: 2024 = 7 × 289 + 1, so 1/7;
    // 2027 = 7 × 289 + 4, so 4/7, the only one above the 0.5 the cells subgraph judges against.
    expect(grid).toHaveLength(8);
    for (const cell of grid) {
      expect(cell.value).toBeCloseTo(cell.year === 2024 ? 1 / 7 : 4 / 7, 12);
      expect(cell.status).toBe('FINAL');
      expect(cell.meetsTarget).toBe(cell.year === 2027);
    }
    expect(new Set(grid.map((c) => `${c.indicatorCode}|${c.scopeId}|${c.year}`)).size).toBe(8);
    // The list, the inputs of every cell at once, and every cell's fields at once.
    expect(fetches).toEqual({ cells: 2, inputs: 1 });
  });
});
