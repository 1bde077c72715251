import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES } from '../../lib/agencies.ts';
import { composeSupergraph } from '../../gateway/compose.ts';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { indicatorRegions } from '../../subgraphs/indicators/server.ts';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS } from '../support/tokens.ts';
import { writeFixtures } from '../indicators/fixtures.ts';

// One federation whose gateway reaches a stand-alone indicators subgraph over HTTP, and a second gateway
// over the same agency subgraphs that runs the indicators subgraph inside itself: both must answer alike.
let fed: TestFederation;
let inProcess: RunningGateway;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  inProcess = await startGateway({
    supergraphSdl: composeSupergraph(),
    urls: Object.fromEntries(AGENCIES.map((a) => [a, fed.subgraphs[a].url])),
    regions: indicatorRegions(),
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await inProcess?.stop();
  await fed?.stop();
});

const GRID = `query($c: [ID!], $r: [ID!]!, $y: [Int!]!) {
  indicatorValues(codes: $c, regions: $r, years: $y) {
    indicatorCode scopeId year value numerator denominator status meetsTarget change
    target { jurisdiction value inherited } inputs { metric { code } value agency status } missing { metric agency message }
  }
}`;

describe('the indicators subgraph inside the gateway', () => {
  it('answers a grid exactly as the stand-alone subgraph does, without an HTTP request to it', async () => {
    const variables = { c: null, r: ['500000', '500101', '500112', '310000'], y: [2023, 2024] };
    const remoteBefore = fed.subgraphs.indicators!.requests();
    const remote = await fed.query(GRID, variables);
    expect(remote.errors).toBeUndefined();
    expect(fed.subgraphs.indicators!.requests()).toBeGreaterThan(remoteBefore);

    const remoteAfter = fed.subgraphs.indicators!.requests();
    const localBefore = inProcess.indicators!.requests();
    const local = await postGraphQL(inProcess.url, GRID, variables);
    expect(local).toEqual(remote);
    expect(fed.subgraphs.indicators!.requests()).toBe(remoteAfter);
    // The same plan: the fetches that went over HTTP to the stand-alone subgraph are made in-process.
    expect(inProcess.indicators!.requests() - localBefore).toBe(remoteAfter - remoteBefore);
  });

  it('answers an indicator cube exactly as the stand-alone subgraph does', async () => {
    const CUBE = `query($r: [ID!]!, $y: [Int!]!) { indicatorCube(regions: $r, years: $y) { indicatorCodes regionCodes years values numerators denominators statuses confidentiality meetsTarget } }`;
    const variables = { r: ['500000', '500101', '500112', '310000'], y: [2023, 2024] };
    const remote = await fed.query<{ indicatorCube: { values: unknown[] } }>(CUBE, variables);
    expect(remote.errors).toBeUndefined();
    expect(remote.data!.indicatorCube.values.length).toBeGreaterThan(0);
    expect(await postGraphQL(inProcess.url, CUBE, variables)).toEqual(remote);
  });

  it("passes on the subgraph's argument errors with their codes", async () => {
    const res = await postGraphQL(inProcess.url, GRID, { c: ['NO_SUCH'], r: ['500000'], y: [2024] });
    expect(res.data).toEqual({ indicatorValues: null });
    expect(res.errors![0]!.extensions!.code).toBe('UNKNOWN_INDICATOR');
  });

  it("gives an anonymous caller regional aggregates of enough data centres, and a named data centre's values to a reader only", async () => {
    const aggregate = await postGraphQL<{ indicatorValues: { scopeId: string; value: number | null; confidentiality: string }[] }>(
      inProcess.url,
      `{ indicatorValues(codes: ["DC_PUE"], regions: ["500000", "500101"], years: [2024]) { scopeId value confidentiality } }`,
      {},
      ANONYMOUS_HEADERS,
    );
    expect(aggregate.errors).toBeUndefined();
    // Chongqing's four data centres (test/indicators/fixtures.ts): Σ total ÷ Σ IT = 5,300,000 ÷ 4,000,000 kWh.
    // 500101 has two (C and D), fewer than the three an aggregate of unit-level data needs: withheld.
    const [chongqing, district] = aggregate.data!.indicatorValues;
    expect(chongqing).toMatchObject({ scopeId: '500000', confidentiality: 'FREE' });
    expect(chongqing!.value).toBeCloseTo(5.3 / 4.0, 12);
    expect(district).toEqual({ scopeId: '500101', value: null, confidentiality: 'CONFIDENTIAL' });

    const unit = `{ dataCenter(id: "C") { years(from: 2024, to: 2024) { indicatorValues { indicatorCode value } } } }`;
    const refused = await postGraphQL(inProcess.url, unit, {}, ANONYMOUS_HEADERS);
    expect(refused.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const read = await postGraphQL<{ dataCenter: { years: { indicatorValues: { indicatorCode: string; value: number | null }[] }[] } }>(inProcess.url, unit);
    expect(read.errors).toBeUndefined();
    // C in 2024: two months of 450,000 kWh total and 250,000 kWh IT (test/indicators/fixtures.ts).
    expect(read.data!.dataCenter.years[0]!.indicatorValues.find((v) => v.indicatorCode === 'DC_PUE')!.value).toBeCloseTo(900_000 / 500_000, 12);
  });

  it('reports its fetches on the gateway health endpoint', async () => {
    const health = (await (await fetch(new URL('/health', inProcess.url))).json()) as { inProcess?: { indicators?: { requests: number } } };
    expect(health.inProcess?.indicators?.requests).toBe(inProcess.indicators!.requests());
  });
});
