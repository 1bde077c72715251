import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { insertRegisters } from './fixtures.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['comms'] });
  await insertRegisters(fed.databases.comms.db);
});
afterAll(() => fed?.stop());

interface Page {
  totalCount: number;
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const sites = `query($region: ID, $operator: ID, $builtYear: Int, $builtBySharing: Boolean, $first: Int, $after: String) {
  sites5G(region: $region, operator: $operator, builtYear: $builtYear, builtBySharing: $builtBySharing, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor }
  }
}`;
const towers = `query($region: ID, $builtYear: Int, $shared: Boolean, $first: Int, $after: String) {
  towers(region: $region, builtYear: $builtYear, shared: $shared, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
}`;
const rooms = `query($region: ID, $operator: ID, $renovated: Boolean, $first: Int, $after: String) {
  coreMachineRooms(region: $region, operator: $operator, renovated: $renovated, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
}`;

async function page(query: string, field: string, variables: Record<string, unknown>): Promise<Page> {
  const res = await fed.query<Record<string, Page>>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data![field]!;
}
const ids = async (query: string, field: string, variables: Record<string, unknown>) => (await page(query, field, variables)).nodes.map((n) => n.id);

describe('sites5G', () => {
  it('matches a municipality filter against the sites in all of its districts', async () => {
    expect(await ids(sites, 'sites5G', { region: '500000' })).toEqual(['S-1', 'S-2', 'S-3']);
    expect(await ids(sites, 'sites5G', { region: '310000' })).toEqual(['S-4', 'S-5']);
    expect(await ids(sites, 'sites5G', { region: '500112' })).toEqual(['S-1', 'S-2']);
  });

  it('filters by operator, build year and sharing, alone or combined', async () => {
    expect(await ids(sites, 'sites5G', { operator: 'CHINA_MOBILE' })).toEqual(['S-1', 'S-2', 'S-5']);
    expect(await ids(sites, 'sites5G', { builtYear: 2021 })).toEqual(['S-1', 'S-3', 'S-4']);
    expect(await ids(sites, 'sites5G', { builtBySharing: false })).toEqual(['S-2', 'S-5']);
    expect(await ids(sites, 'sites5G', { region: '500000', builtYear: 2021, builtBySharing: true })).toEqual(['S-1', 'S-3']);
    expect(await ids(sites, 'sites5G', { operator: 'CHINA_TOWER' })).toEqual([]);
  });

  it('gives what the sharing rate and site utilisation need: 2021 Chongqing has 2 new sites, both shared, carrying 7 base stations', async () => {
    const res = await fed.query<{ sites5G: { totalCount: number; nodes: { builtBySharing: boolean; baseStations: number; operator: { nameZh: string } }[] } }>(
      `{ sites5G(region: "500000", builtYear: 2021) { totalCount nodes { builtBySharing baseStations operator { nameZh } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { totalCount, nodes } = res.data!.sites5G;
    expect(totalCount).toBe(2);
    expect(nodes.filter((n) => n.builtBySharing)).toHaveLength(2);
    // S-1 carries 3 and S-3 carries 4: 7 base stations on 2 sites is 350% utilisation.
    expect(nodes.reduce((sum, n) => sum + n.baseStations, 0)).toBe(7);
    expect(nodes.map((n) => n.operator.nameZh)).toEqual(['中国移动', '中国电信']);
  });

  it('pages with first/after through every site exactly once, reporting the total on each page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p = await page(sites, 'sites5G', { first: 2, after });
      expect(p.totalCount).toBe(5);
      seen.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5']);
  });

  it('reports the total and no cursor on a page past the end', async () => {
    const last = await page(sites, 'sites5G', { first: 5 });
    const past = await page(sites, 'sites5G', { first: 5, after: last.pageInfo.endCursor });
    expect(past).toEqual({ totalCount: 5, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('looks one site up by id, null when unknown', async () => {
    const res = await fed.query(`{ site5G(id: "S-5") { id region { code } } missing: site5G(id: "S-404") { id } }`);
    expect(res).toEqual({ data: { site5G: { id: 'S-5', region: { code: '310101' } }, missing: null } });
  });
});

describe('towers', () => {
  it('filters by region, build year and sharing', async () => {
    expect(await ids(towers, 'towers', { region: '500000' })).toEqual(['T-1', 'T-2']);
    expect(await ids(towers, 'towers', { builtYear: 2021 })).toEqual(['T-1', 'T-3']);
    expect(await ids(towers, 'towers', { shared: false })).toEqual(['T-2']);
    expect(await ids(towers, 'towers', { region: '310000', shared: true })).toEqual(['T-3']);
  });

  it('pages with first/after', async () => {
    const first = await page(towers, 'towers', { first: 2 });
    expect(first.nodes.map((n) => n.id)).toEqual(['T-1', 'T-2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(towers, 'towers', { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.id)).toEqual(['T-3']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.totalCount).toBe(3);
  });

  it('looks one tower up by id', async () => {
    const res = await fed.query(`{ tower(id: "T-3") { builtYear shared } }`);
    expect(res).toEqual({ data: { tower: { builtYear: 2021, shared: true } } });
  });
});

describe('coreMachineRooms', () => {
  it('filters by region, operator and whether a renovation was ever completed', async () => {
    expect(await ids(rooms, 'coreMachineRooms', { region: '500000' })).toEqual(['CR-1', 'CR-3']);
    expect(await ids(rooms, 'coreMachineRooms', { operator: 'CHINA_TELECOM' })).toEqual(['CR-2']);
    expect(await ids(rooms, 'coreMachineRooms', { renovated: true })).toEqual(['CR-1', 'CR-3']);
    expect(await ids(rooms, 'coreMachineRooms', { renovated: false })).toEqual(['CR-2']);
    expect(await ids(rooms, 'coreMachineRooms', { operator: 'CHINA_MOBILE', region: '500101' })).toEqual(['CR-3']);
  });

  it('pages with first/after', async () => {
    const first = await page(rooms, 'coreMachineRooms', { first: 1 });
    const second = await page(rooms, 'coreMachineRooms', { first: 1, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(['CR-1', 'CR-2']);
    expect(second.pageInfo.hasNextPage).toBe(true);
  });

  it('tells per year whether a room counts as renovated', async () => {
    const res = await fed.query(
      `{ coreMachineRoom(id: "CR-3") { renovatedYear operator { id } y2023: year(year: 2023) { renovated } y2024: year(year: 2024) { renovated coreMachineRoomId } } }`,
    );
    expect(res).toEqual({
      data: {
        coreMachineRoom: {
          renovatedYear: 2024,
          operator: { id: 'CHINA_MOBILE' },
          y2023: { renovated: false },
          y2024: { renovated: true, coreMachineRoomId: 'CR-3' },
        },
      },
    });
  });
});

describe('telecomOperators', () => {
  it('lists operators by id, optionally of one kind, and looks one up', async () => {
    const res = await fed.query(`{
      all: telecomOperators { id }
      basic: telecomOperators(kind: BASIC_TELECOM) { id }
      one: telecomOperator(id: "CHINA_TOWER") { nameZh kind }
      none: telecomOperator(id: "NO_SUCH") { id }
    }`);
    expect(res).toEqual({
      data: {
        all: [{ id: 'CHINA_MOBILE' }, { id: 'CHINA_TELECOM' }, { id: 'CHINA_TOWER' }],
        basic: [{ id: 'CHINA_MOBILE' }, { id: 'CHINA_TELECOM' }],
        one: { nameZh: '中国铁塔', kind: 'TOWER' },
        none: null,
      },
    });
  });
});

describe('bad input to the comms lists', () => {
  const queries: Record<string, string> = { sites5G: sites, towers, coreMachineRooms: rooms };
  it.each([
    ['sites5G', { region: '999999' }, 'UNKNOWN_REGION', /Unknown region code "999999"/],
    ['towers', { region: '310199' }, 'UNKNOWN_REGION', /Unknown region code "310199"/],
    ['coreMachineRooms', { region: 'Shanghai' }, 'INVALID_REGION_CODE', /six-digit GB\/T 2260 code/],
    ['sites5G', { first: 501 }, 'PAGE_SIZE_TOO_LARGE', /at most 500/],
    ['towers', { first: 1000 }, 'PAGE_SIZE_TOO_LARGE', /at most 500/],
    ['coreMachineRooms', { first: -1 }, 'INVALID_PAGE_SIZE', /non-negative/],
    ['sites5G', { after: 'not-a-cursor!' }, 'INVALID_CURSOR', /pageInfo.endCursor/],
    ['towers', { after: Buffer.from('v2:T-1').toString('base64url') }, 'INVALID_CURSOR', /pageInfo.endCursor/],
    ['coreMachineRooms', { after: '%%%' }, 'INVALID_CURSOR', /pageInfo.endCursor/],
    ['sites5G', { operator: 'CHINA_MOBILF' }, 'NOT_FOUND', /No telecom operator "CHINA_MOBILF"/],
    ['coreMachineRooms', { operator: 'NO_SUCH' }, 'NOT_FOUND', /No telecom operator "NO_SUCH"/],
  ] as const)('%s rejects %j with %s and a message that says what to fix', async (field, variables, code, message) => {
    const res = await fed.query(queries[field]!, variables);
    expect(res.data).toEqual({ [field]: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions!.code).toBe(code);
    expect(res.errors![0]!.message).toMatch(message);
    expect(res.errors![0]!.path).toEqual([field]);
  });
});
