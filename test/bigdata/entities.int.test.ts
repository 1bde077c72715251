import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { dataCenter, dataCenterRow, insertChongqingCluster } from './fixtures.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['bigdata'] });
  await insertChongqingCluster(fed.databases.bigdata.db);
  await fed.databases.bigdata.db.insert(dataCenter).values(dataCenterRow('DC-1', { regionCode: '500120', clusterId: 'CQ_CLUSTER', zoneId: 'CQ_BISHAN' }));
});
afterAll(() => fed?.stop());

const entities = (representations: unknown[], selection: string) =>
  postGraphQL(fed.subgraphs.bigdata.url, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });

describe('bigdata _entities', () => {
  it('resolves DataCenter by id, and null for an unknown id', async () => {
    const res = await entities(
      [
        { __typename: 'DataCenter', id: 'DC-1' },
        { __typename: 'DataCenter', id: 'DC-404' },
      ],
      '... on DataCenter { id designRacks zone { id } }',
    );
    expect(res).toEqual({ data: { _entities: [{ id: 'DC-1', designRacks: 1000, zone: { id: 'CQ_BISHAN' } }, null] } });
  });

  it('resolves DataCenterYear by data centre and year', async () => {
    const res = await entities(
      [
        { __typename: 'DataCenterYear', dataCenterId: 'DC-1', year: 2017 },
        { __typename: 'DataCenterYear', dataCenterId: 'DC-1', year: 2020 },
      ],
      '... on DataCenterYear { year inService dataCenter { id } }',
    );
    // Commissioned 2018-06-01 (fixture default): not in service in 2017.
    expect(res).toEqual({
      data: {
        _entities: [
          { year: 2017, inService: false, dataCenter: { id: 'DC-1' } },
          { year: 2020, inService: true, dataCenter: { id: 'DC-1' } },
        ],
      },
    });
  });

  it('resolves DataCenterCluster and ClusterZone by id', async () => {
    const res = await entities(
      [
        { __typename: 'DataCenterCluster', id: 'CQ_CLUSTER' },
        { __typename: 'ClusterZone', id: 'CQ_BISHAN' },
      ],
      '... on DataCenterCluster { nameZh province { code } } ... on ClusterZone { nameZh cluster { id } }',
    );
    expect(res).toEqual({
      data: {
        _entities: [
          { nameZh: '重庆数据中心集群', province: { code: '500000' } },
          { nameZh: '璧山片区', cluster: { id: 'CQ_CLUSTER' } },
        ],
      },
    });
  });

  it('resolves Region and RegionYear by code (and year) from the code list', async () => {
    const res = await entities(
      [
        { __typename: 'Region', code: '310151' },
        { __typename: 'RegionYear', regionCode: '500000', year: 2020 },
      ],
      '... on Region { nameZh level parent { code } } ... on RegionYear { year region { nameEn children { code } } }',
    );
    const data = res.data as { _entities: [Record<string, unknown>, { region: { nameEn: string; children: unknown[] } }] };
    expect(data._entities[0]).toEqual({ nameZh: '崇明区', level: 'COUNTY', parent: { code: '310000' } });
    expect(data._entities[1].region.nameEn).toBe('Chongqing');
    expect(data._entities[1].region.children).toHaveLength(38);
  });
});

describe('regions', () => {
  it('lists the 16 Shanghai districts and 38 Chongqing districts and counties under their municipality', async () => {
    const res = await fed.query<{ sh: unknown[]; cq: { code: string }[]; national: { children: { code: string }[] } }>(
      `{ sh: regions(parent: "310000") { code } cq: regions(parent: "500000", level: COUNTY) { code } national: region(code: "000000") { children { code } } }`,
    );
    expect(res.data!.sh).toHaveLength(16);
    expect(res.data!.cq).toHaveLength(38);
    expect(res.data!.cq[0]).toEqual({ code: '500101' });
    expect(res.data!.cq.at(-1)).toEqual({ code: '500243' });
    expect(res.data!.national.children).toEqual([{ code: '310000' }, { code: '500000' }]);
  });

  it('refuses an unknown region code with UNKNOWN_REGION', async () => {
    const res = await fed.query(`{ region(code: "310199") { code } }`);
    expect(res.errors![0]!.extensions!.code).toBe('UNKNOWN_REGION');
    expect(res.errors![0]!.message).toContain('"310199"');
  });
});
