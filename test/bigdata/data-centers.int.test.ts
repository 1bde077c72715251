import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';
import { dataCenter, dataCenterRow, insertChongqingCluster, observation, retiredRacks } from './fixtures.ts';

let fed: TestFederation;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata'] });
  const { db } = fed.databases.bigdata;
  await insertChongqingCluster(db);
  await db.insert(dataCenter).values([
    // Scale-class boundaries: 2,999 / 3,000 / 9,999 / 10,000 standard racks.
    dataCenterRow('DC-A', { regionCode: '500120', designRacks: 2999, clusterId: 'CQ_CLUSTER', zoneId: 'CQ_BISHAN' }),
    dataCenterRow('DC-B', {
      regionCode: '500120',
      designRacks: 3000,
      clusterId: 'CQ_CLUSTER',
      zoneId: 'CQ_BISHAN',
      buildType: 'NEW',
      commissionedOn: '2022-03-01',
    }),
    dataCenterRow('DC-C', { regionCode: '500106', designRacks: 9999, clusterId: 'CQ_CLUSTER' }),
    dataCenterRow('DC-D', { regionCode: '500101', designRacks: 10000 }),
    dataCenterRow('DC-E', { regionCode: '500101', designRacks: 400, status: 'SHUT_DOWN', closedYear: 2023, commissionedOn: '2010-01-15' }),
    dataCenterRow('DC-F', { regionCode: '310115', designRacks: 5000 }),
  ]);
  await db.insert(observation).values([retiredRacks('DC-E', 2022, 120, 'PROVISIONAL'), retiredRacks('DC-E', 2021, 80)]);
});
afterAll(() => fed?.stop());

const list = `query($region: ID, $cluster: ID, $zone: ID, $insideCluster: Boolean, $status: DataCenterStatus, $scaleClass: DataCenterScaleClass, $buildType: BuildType, $first: Int, $after: String) {
  dataCenters(region: $region, cluster: $cluster, zone: $zone, insideCluster: $insideCluster, status: $status, scaleClass: $scaleClass, buildType: $buildType, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor }
  }
}`;

type Page = { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function ids(variables: Record<string, unknown>): Promise<string[]> {
  const res = await fed.query<{ dataCenters: { nodes: { id: string }[] } }>(list, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.dataCenters.nodes.map((n) => n.id);
}

describe('dataCenters', () => {
  it('matches a province filter against the centres in all of its districts', async () => {
    expect(await ids({ region: '500000' })).toEqual(['DC-A', 'DC-B', 'DC-C', 'DC-D', 'DC-E']);
    expect(await ids({ region: '310000' })).toEqual(['DC-F']);
    expect(await ids({ region: '000000' })).toHaveLength(6);
  });

  it('classes scale at 3,000 and 10,000 standard racks', async () => {
    expect(await ids({ scaleClass: 'MEDIUM_SMALL' })).toEqual(['DC-A', 'DC-E']);
    expect(await ids({ scaleClass: 'LARGE' })).toEqual(['DC-B', 'DC-C', 'DC-F']);
    expect(await ids({ scaleClass: 'HYPER_LARGE' })).toEqual(['DC-D']);
  });

  it('filters by cluster, zone, inside or outside any cluster, status and build type', async () => {
    expect(await ids({ cluster: 'CQ_CLUSTER' })).toEqual(['DC-A', 'DC-B', 'DC-C']);
    expect(await ids({ zone: 'CQ_BISHAN' })).toEqual(['DC-A', 'DC-B']);
    expect(await ids({ insideCluster: false })).toEqual(['DC-D', 'DC-E', 'DC-F']);
    expect(await ids({ status: 'SHUT_DOWN' })).toEqual(['DC-E']);
    expect(await ids({ buildType: 'NEW', region: '500000' })).toEqual(['DC-B']);
  });

  it('pages with first/after through every match exactly once, reporting the total on each page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<{ dataCenters: Page }> = await fed.query(list, { first: 4, after });
      const page: Page = res.data!.dataCenters;
      expect(page.totalCount).toBe(6);
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['DC-A', 'DC-B', 'DC-C', 'DC-D', 'DC-E', 'DC-F']);
  });

  it('resolves cluster, zone, region and retirements of a data centre', async () => {
    const res = await fed.query<{ dataCenter: Record<string, unknown> }>(`{
      dataCenter(id: "DC-E") { scaleClass region { code nameZh parent { code } } cluster { id } rackRetirements { year racks status }
        years(from: 2021, to: 2024) { year inService racksRetired } }
      inCluster: dataCenter(id: "DC-A") { cluster { id areaKm2 zones { id startUp } } zone { id region { nameZh } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      dataCenter: {
        scaleClass: 'MEDIUM_SMALL',
        region: { code: '500101', nameZh: '万州区', parent: { code: '500000' } },
        cluster: null,
        rackRetirements: [
          { year: 2021, racks: 80, status: 'FINAL' },
          { year: 2022, racks: 120, status: 'PROVISIONAL' },
        ],
        years: [
          { year: 2021, inService: true, racksRetired: 80 },
          { year: 2022, inService: true, racksRetired: 120 },
          { year: 2023, inService: true, racksRetired: 0 },
          { year: 2024, inService: false, racksRetired: 0 },
        ],
      },
      inCluster: {
        cluster: {
          id: 'CQ_CLUSTER',
          areaKm2: 1984,
          zones: [
            { id: 'CQ_BISHAN', startUp: true },
            { id: 'CQ_OTHER', startUp: false },
          ],
        },
        zone: { id: 'CQ_BISHAN', region: { nameZh: '璧山区' } },
      },
    });
  });
});

describe('bad input to reads', () => {
  it.each([
    [{ region: '999999' }, 'UNKNOWN_REGION', /Unknown region code "999999"/],
    [{ region: 'Chongqing' }, 'INVALID_REGION_CODE', /six-digit GB\/T 2260 code/],
    [{ first: 501 }, 'PAGE_SIZE_TOO_LARGE', /at most 500/],
    [{ first: -1 }, 'INVALID_PAGE_SIZE', /non-negative/],
    [{ after: 'not-a-cursor!' }, 'INVALID_CURSOR', /pageInfo.endCursor/],
    [{ after: Buffer.from('v2:DC-A').toString('base64url') }, 'INVALID_CURSOR', /pageInfo.endCursor/],
    [{ cluster: 'NO_SUCH' }, 'NOT_FOUND', /No cluster "NO_SUCH"/],
  ])('rejects %j with %s and a message that says what to fix', async (variables, code, message) => {
    const res = await fed.query(list, variables);
    expect(res.data).toEqual({ dataCenters: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions!.code).toBe(code);
    expect(res.errors![0]!.message).toMatch(message);
    expect(res.errors![0]!.path).toEqual(['dataCenters']);
  });
});
