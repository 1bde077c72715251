import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../../db/demo/world.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ world: buildWorld() });
  await fed.subgraphs.comms.stop();
});
afterAll(() => fed?.stop());

describe('the gateway with a subgraph down', () => {
  it('answers queries that do not touch the stopped subgraph', async () => {
    const res = await fed.query<{ dataCenters: { nodes: { id: string }[] } }>(
      `{ dataCenters(first: 2) { nodes { id designRacks years(from: 2024, to: 2024) { pue } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.dataCenters.nodes).toHaveLength(2);
  });

  it('returns what the other subgraphs know plus an error naming the stopped one', async () => {
    const res = await fed.query<{ dataCenters: { nodes: { id: string; designRacks: number; rackUsage: unknown }[] }; telecomOperators: unknown }>(
      `{ telecomOperators { id } dataCenters(first: 2) { nodes { id designRacks rackUsage { year racksInUse } } } }`,
    );
    expect(res.data!.telecomOperators).toBeNull();
    expect(res.data!.dataCenters.nodes).toHaveLength(2);
    expect(res.data!.dataCenters.nodes[0]!.designRacks).toBeGreaterThan(0);
    expect(res.data!.dataCenters.nodes[0]!.rackUsage).toBeNull();
    expect(res.errors!.length).toBeGreaterThan(0);
    for (const error of res.errors!) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'comms' });
      expect(error.message).toContain('"comms" subgraph');
    }
  });
});

describe('the gateway in a browser', () => {
  it('serves GraphiQL with every asset inlined, so no CDN is needed at run time', async () => {
    const res = await fetch(fed.gateway.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).toContain('indicatorValues');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });
});
