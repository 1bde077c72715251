import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designation } from '../../subgraphs/econ/tables.ts';
import { postGraphQL, startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';
import { USCC, seedEconFixtures } from './fixtures.ts';

let fed: TestFederation;
// The commission's own endpoint, queried directly (no gateway), as a federated router would.
const econ = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(fed.subgraphs.econ.url, query, variables);

const entities = async (representations: Record<string, unknown>[], fragment: string) => {
  const response = await econ<{ _entities: unknown[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`, { r: representations });
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
};

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  fed = await startTestFederation({ agencies: ['econ'] });
  await seedEconFixtures(fed.databases.econ.db);
});

afterAll(async () => {
  await fed?.stop();
});

describe('entities resolved by econ (_entities)', () => {
  it('resolves an Enterprise by credit code with its region from the code list, and an unregistered code to null', async () => {
    const result = await entities(
      [
        { __typename: 'Enterprise', uscc: USCC.chemical },
        { __typename: 'Enterprise', uscc: '91350100M000100Y43' },
      ],
      '... on Enterprise { uscc nameZh sector usableRoofs region { code nameZh } audits { id } diagnoses { id } energyManagementCentre { establishedOn } designations { id } retrofitProjects { id } applicationScenarios { id } }',
    );
    expect(result).toEqual([
      {
        uscc: USCC.chemical,
        nameZh: '浦东测试化工有限公司',
        sector: 'MANUFACTURING',
        usableRoofs: 3, // its latest report (2024), not the 2 of 2023
        region: { code: '310115', nameZh: '浦东新区' },
        audits: [{ id: 'AUD-1' }],
        diagnoses: [{ id: 'DIA-1' }],
        energyManagementCentre: { establishedOn: '2023-12-31' },
        designations: [{ id: 'DSG-4' }],
        retrofitProjects: [{ id: 'RP-310115-0001' }, { id: 'RP-310115-0002' }, { id: 'RP-310115-0006' }, { id: 'RP-310115-0005' }],
        applicationScenarios: [{ id: 'SCN-1' }],
      },
      null,
    ]);
  });

  it('resolves an EnterpriseYear by credit code and year, and null for an unregistered enterprise', async () => {
    const result = await entities(
      [
        { __typename: 'EnterpriseYear', uscc: USCC.chemical, year: 2023 },
        { __typename: 'EnterpriseYear', uscc: '91350100M000100Y43', year: 2023 },
      ],
      '... on EnterpriseYear { uscc year enterprise { nameZh } audited diagnosed hasEnergyManagementCentre }',
    );
    expect(result).toEqual([
      { uscc: USCC.chemical, year: 2023, enterprise: { nameZh: '浦东测试化工有限公司' }, audited: true, diagnosed: false, hasEnergyManagementCentre: true },
      null,
    ]);
  });

  it("reads an EnterpriseYear's usable roofs from that year's USABLE_ROOFS observation, null (not 0) for a year without one", async () => {
    const year = (uscc: string, y: number) => ({ __typename: 'EnterpriseYear', uscc, year: y, asOf: 'latest' });
    const result = await entities(
      [year(USCC.chemical, 2023), year(USCC.chemical, 2024), year(USCC.park, 2023), year(USCC.park, 2024), year(USCC.telecom, 2024)],
      '... on EnterpriseYear { uscc year usableRoofs }',
    );
    // Fixtures: the chemical plant reported 2 roofs for 2023 and 3 for 2024, the park 4 for 2023 only, the telecom enterprise 0 for 2024.
    expect(result).toEqual([
      { uscc: USCC.chemical, year: 2023, usableRoofs: 2 },
      { uscc: USCC.chemical, year: 2024, usableRoofs: 3 },
      { uscc: USCC.park, year: 2023, usableRoofs: 4 },
      { uscc: USCC.park, year: 2024, usableRoofs: null },
      { uscc: USCC.telecom, year: 2024, usableRoofs: 0 },
    ]);
  });

  it('resolves a Designation with its data centre as a bare reference and its park or enterprise', async () => {
    const result = await entities(
      [
        { __typename: 'Designation', id: 'DSG-1' },
        { __typename: 'Designation', id: 'DSG-5' },
        { __typename: 'Designation', id: 'DSG-6' },
        { __typename: 'Designation', id: 'DSG-404' },
      ],
      '... on Designation { id kind year region { code } dataCenter { id } enterprise { uscc } parkName }',
    );
    expect(result).toEqual([
      {
        id: 'DSG-1',
        kind: 'NATIONAL_GREEN_DATA_CENTER',
        year: 2022,
        region: { code: '500112' },
        dataCenter: { id: 'DC-500112-001' },
        enterprise: null,
        parkName: null,
      },
      {
        id: 'DSG-5',
        kind: 'ZERO_CARBON_PARK',
        year: 2025,
        region: { code: '310115' },
        dataCenter: null,
        enterprise: { uscc: USCC.park },
        parkName: '张江零碳产业园',
      },
      { id: 'DSG-6', kind: 'ZERO_CARBON_PARK', year: 2024, region: { code: '310101' }, dataCenter: null, enterprise: null, parkName: '外滩测试园区' },
      null,
    ]);
  });

  it('adds designations to a DataCenter reference, oldest first, and none to a centre without any', async () => {
    const result = await entities(
      [
        { __typename: 'DataCenter', id: 'DC-500112-001' },
        { __typename: 'DataCenter', id: 'DC-310115-002' },
      ],
      '... on DataCenter { id designations { id kind year } }',
    );
    expect(result).toEqual([
      {
        id: 'DC-500112-001',
        designations: [
          { id: 'DSG-1', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2022 },
          { id: 'DSG-2', kind: 'ZERO_CARBON_DATA_CENTER', year: 2024 },
        ],
      },
      { id: 'DC-310115-002', designations: [] },
    ]);
  });

  it('resolves a RetrofitProject with its district and enterprise', async () => {
    const result = await entities(
      [{ __typename: 'RetrofitProject', id: 'RP-310115-0003' }],
      '... on RetrofitProject { id name region { code } enterprise { uscc } plannedYear completedYear status }',
    );
    expect(result).toEqual([
      {
        id: 'RP-310115-0003',
        name: '空压机系统改造',
        region: { code: '310115' },
        enterprise: { uscc: USCC.park },
        plannedYear: 2023,
        completedYear: 2024,
        status: 'COMPLETED',
      },
    ]);
  });

  it('resolves an ApplicationScenario, with a null enterprise when none submitted it', async () => {
    const result = await entities(
      [
        { __typename: 'ApplicationScenario', id: 'SCN-3' },
        { __typename: 'ApplicationScenario', id: 'SCN-2' },
      ],
      '... on ApplicationScenario { id category name selectedYear region { code } enterprise { uscc } }',
    );
    expect(result).toEqual([
      {
        id: 'SCN-3',
        category: 'URBAN_RURAL_GREEN_SMART',
        name: '智慧路灯按需照明',
        selectedYear: 2023,
        region: { code: '500112' },
        enterprise: { uscc: USCC.telecom },
      },
      { id: 'SCN-2', category: 'RESIDENT_LOW_CARBON_LIFE', name: '碳普惠积分小程序', selectedYear: 2023, region: { code: '310101' }, enterprise: null },
    ]);
  });

  it('resolves a GreenStandard, with the issuing province only for a local standard', async () => {
    const result = await entities(
      [
        { __typename: 'GreenStandard', id: 'STD-3' },
        { __typename: 'GreenStandard', id: 'STD-1' },
      ],
      '... on GreenStandard { id code title level publishedYear region { code } }',
    );
    expect(result).toEqual([
      { id: 'STD-3', code: 'DB31/T 1301-2023', title: '数据中心绿色评价规范', level: 'LOCAL', publishedYear: 2023, region: { code: '310000' } },
      { id: 'STD-1', code: 'YD/T 4001-2022', title: '通信基站节能技术要求', level: 'INDUSTRY', publishedYear: 2022, region: null },
    ]);
  });

  it('resolves a CarbonPeakPilot with its applicant enterprise', async () => {
    const result = await entities(
      [{ __typename: 'CarbonPeakPilot', id: 'CPP-3' }],
      '... on CarbonPeakPilot { id name type goal domains meetsMinimumDomains stage region { code } applicantName applicant { uscc } applicationYear }',
    );
    expect(result).toEqual([
      {
        id: 'CPP-3',
        name: '黄浦企业试点',
        type: 'ENTERPRISE',
        goal: 'CARBON_PEAK',
        domains: ['ENERGY', 'INDUSTRY_NEW_INFRASTRUCTURE', 'CARBON_EMISSION_MANAGEMENT'],
        meetsMinimumDomains: true,
        stage: 'CONSTRUCTION',
        region: { code: '310101' },
        applicantName: '黄浦测试精密有限公司',
        applicant: { uscc: USCC.huangpu },
        applicationYear: 2023,
      },
    ]);
  });

  it('adds retrofit progress to a RegionYear: Pudong has 2 of 5 live projects done by 2022, against 20% required', async () => {
    const result = await entities(
      [
        { __typename: 'RegionYear', regionCode: '310115', year: 2022 },
        { __typename: 'RegionYear', regionCode: '310104', year: 2022 },
      ],
      '... on RegionYear { regionCode year region { nameZh } retrofitProgress { listed completed completedShare requiredShare onSchedule } }',
    );
    expect(result).toEqual([
      {
        regionCode: '310115',
        year: 2022,
        region: { nameZh: '浦东新区' },
        retrofitProgress: { listed: 5, completed: 2, completedShare: 0.4, requiredShare: 0.2, onSchedule: true },
      },
      { regionCode: '310104', year: 2022, region: { nameZh: '徐汇区' }, retrofitProgress: null },
    ]);
  });
});

describe('EnterpriseYear coverage rules', () => {
  const yearsOf = async (uscc: string, years: number[]) => {
    const response = await econ<{ enterprise: Record<string, { audited: boolean; diagnosed: boolean; hasEnergyManagementCentre: boolean }> }>(
      `query($u: ID!) { enterprise(uscc: $u) { ${years.map((y) => `y${y}: year(year: ${y}) { audited diagnosed hasEnergyManagementCentre }`).join(' ')} } }`,
      { u: uscc },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.enterprise;
  };

  it('counts an audit completed on 31 December 2021 as covering 2021 and every year after, not 2020', async () => {
    const y = await yearsOf(USCC.chemical, [2020, 2021, 2022, 2023, 2024]);
    expect([y.y2020!.audited, y.y2021!.audited, y.y2022!.audited, y.y2023!.audited, y.y2024!.audited]).toEqual([false, true, true, true, true]);
  });

  it('counts a diagnosis completed on 1 January 2024 from 2024, not in 2023', async () => {
    const y = await yearsOf(USCC.chemical, [2023, 2024]);
    expect([y.y2023!.diagnosed, y.y2024!.diagnosed]).toEqual([false, true]);
  });

  it('still counts a diagnosis of mid-2020 in 2023: seed 003 sets no validity period', async () => {
    const y = await yearsOf(USCC.huangpu, [2022, 2023]);
    expect([y.y2022!.diagnosed, y.y2023!.diagnosed]).toEqual([true, true]);
  });

  it('has an energy-management centre from the year it was established on 31 December, not the year before', async () => {
    const y = await yearsOf(USCC.chemical, [2022, 2023]);
    expect([y.y2022!.hasEnergyManagementCentre, y.y2023!.hasEnergyManagementCentre]).toEqual([false, true]);
  });

  it('reports an enterprise without any assessment as neither audited, diagnosed nor having a centre', async () => {
    const y = await yearsOf(USCC.park, [2023]);
    expect(y.y2023).toEqual({ audited: false, diagnosed: false, hasEnergyManagementCentre: false });
  });
});

describe('enterprise(uscc)', () => {
  it('returns null for a well-formed code that is not registered', async () => {
    const response = await econ(`{ enterprise(uscc: "91350100M000100Y43") { uscc } }`);
    expect(response).toEqual({ data: { enterprise: null } });
  });

  it.each([
    ['91310115000000019', 'LENGTH'],
    ['91310115000000O19M', 'ALPHABET'],
    ['91310115000000019N', 'CHECK_CHARACTER'],
  ])('rejects "%s" with INVALID_USCC naming the %s problem', async (uscc, problem) => {
    const response = await econ(`query($u: ID!) { enterprise(uscc: $u) { uscc } }`, { u: uscc });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.path).toEqual(['enterprise']);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'INVALID_USCC', argument: 'uscc', value: uscc, problem });
  });
});

describe('enterprises connection', () => {
  it('lists the enterprises of Shanghai and its districts in credit-code order', async () => {
    const response = await econ<{ enterprises: { totalCount: number; nodes: { uscc: string }[] } }>(
      `{ enterprises(region: "310000") { totalCount nodes { uscc } } }`,
    );
    expect(response.data!.enterprises).toEqual({ totalCount: 3, nodes: [{ uscc: USCC.huangpu }, { uscc: USCC.chemical }, { uscc: USCC.park }] });
  });

  it('filters by sector', async () => {
    const response = await econ<{ enterprises: { nodes: { uscc: string }[] } }>(`{ enterprises(region: "310000", sector: MANUFACTURING) { nodes { uscc } } }`);
    expect(response.data!.enterprises.nodes).toEqual([{ uscc: USCC.huangpu }, { uscc: USCC.chemical }]);
  });

  it('pages with first and after until hasNextPage is false', async () => {
    const page = `query($after: String) { enterprises(region: "310000", first: 2, after: $after) { totalCount nodes { uscc } pageInfo { hasNextPage endCursor } } }`;
    type Page = { enterprises: { totalCount: number; nodes: { uscc: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = (await econ<Page>(page)).data!.enterprises;
    expect(first.nodes).toEqual([{ uscc: USCC.huangpu }, { uscc: USCC.chemical }]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await econ<Page>(page, { after: first.pageInfo.endCursor })).data!.enterprises;
    expect(second).toMatchObject({ totalCount: 3, nodes: [{ uscc: USCC.park }], pageInfo: { hasNextPage: false } });
  });

  it('rejects an unknown region, a page over 500 and a cursor it did not issue', async () => {
    expect(codeOf(await econ(`{ enterprises(region: "319999") { totalCount } }`))).toBe('UNKNOWN_REGION');
    expect(codeOf(await econ(`{ enterprises(first: 501) { totalCount } }`))).toBe('PAGE_SIZE_TOO_LARGE');
    expect(codeOf(await econ(`{ enterprises(after: "not-a-cursor") { totalCount } }`))).toBe('INVALID_CURSOR');
  });
});

describe('retrofitProjects connection', () => {
  type Page = { retrofitProjects: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  it('filters by district and planned year', async () => {
    const response = await econ<Page>(`{ retrofitProjects(region: "310115", plannedYear: 2023) { totalCount nodes { id } } }`);
    expect(response.data!.retrofitProjects).toEqual({ totalCount: 2, nodes: [{ id: 'RP-310115-0002' }, { id: 'RP-310115-0003' }] });
  });

  it('includes districts below a province and filters by status', async () => {
    const response = await econ<Page>(`{ retrofitProjects(region: "310000", status: COMPLETED) { totalCount nodes { id } } }`);
    expect(response.data!.retrofitProjects.nodes).toEqual([
      { id: 'RP-310101-0001' },
      { id: 'RP-310115-0001' },
      { id: 'RP-310115-0002' },
      { id: 'RP-310115-0003' },
    ]);
  });

  it('pages through the eight projects (seven in Shanghai, one in Chongqing) three at a time', async () => {
    const page = `query($after: String) { retrofitProjects(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: Page['retrofitProjects'] = (await econ<Page>(page, { after })).data!.retrofitProjects;
      expect(data.totalCount).toBe(8);
      seen.push(...data.nodes.map((n) => n.id));
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('rejects an unknown region, a page over 500 and a malformed cursor', async () => {
    expect(codeOf(await econ(`{ retrofitProjects(region: "500999") { totalCount } }`))).toBe('UNKNOWN_REGION');
    expect(codeOf(await econ(`{ retrofitProjects(first: 1000) { totalCount } }`))).toBe('PAGE_SIZE_TOO_LARGE');
    expect(codeOf(await econ(`{ retrofitProjects(after: "djE6") { totalCount } }`))).toBe('INVALID_CURSOR');
  });
});

describe('retrofit schedule of seed 003 §四.4 on RegionYear', () => {
  const progress = async (code: string, year: number) => {
    const response = await econ<{ region: { year: { retrofitProgress: unknown } } }>(
      `query($c: ID!, $y: Int!) { region(code: $c) { year(year: $y) { retrofitProgress { listed completed completedShare requiredShare onSchedule } } } }`,
      { c: code, y: year },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.region.year.retrofitProgress;
  };

  it('leaves the withdrawn project out and falls behind in 2023 with 2 of 5 done against 50%', async () => {
    expect(await progress('310115', 2023)).toEqual({ listed: 5, completed: 2, completedShare: 0.4, requiredShare: 0.5, onSchedule: false });
  });

  it('sums over districts for Shanghai: 3 of 6 done by 2023 is exactly the 50% required', async () => {
    expect(await progress('310000', 2023)).toEqual({ listed: 6, completed: 3, completedShare: 0.5, requiredShare: 0.5, onSchedule: true });
  });

  it('holds Shanghai’s districts to the schedule and shows Chongqing’s list against it without judging it', async () => {
    const label = async (code: string) =>
      (
        await econ<{ region: { year: { retrofitProgress: unknown } } }>(
          `query($c: ID!) { region(code: $c) { year(year: 2023) { retrofitProgress { completedShare requiredShare jurisdiction binding onSchedule } } } }`,
          { c: code },
        )
      ).data!.region.year.retrofitProgress;
    expect(await label('310115')).toEqual({ completedShare: 0.4, requiredShare: 0.5, jurisdiction: '310000', binding: true, onSchedule: false });
    // 渝北: 0 of 1 done by 2023; seed 003 binds Shanghai only, so no verdict.
    expect(await label('500112')).toEqual({ completedShare: 0, requiredShare: 0.5, jurisdiction: '310000', binding: false, onSchedule: null });
  });

  it('counts a project finished in 2024 only from 2024: Pudong 3 of 5 against 80%', async () => {
    expect(await progress('310115', 2024)).toEqual({ listed: 5, completed: 3, completedShare: 0.6, requiredShare: 0.8, onSchedule: false });
  });
});

describe('designations, scenarios, standards and pilots', () => {
  const ids = async (field: string, args: string) => {
    const response = await econ<Record<string, { id: string }[]>>(`{ list: ${field}${args ? `(${args})` : ''} { id } }`);
    expect(response.errors).toBeUndefined();
    return response.data!.list!.map((r) => r.id);
  };

  it('filters designations by kind, region (with descendants), exact year and cumulative year', async () => {
    expect(await ids('designations', 'kind: ZERO_CARBON_PARK')).toEqual(['DSG-6', 'DSG-5']);
    expect(await ids('designations', 'region: "310000"')).toEqual(['DSG-3', 'DSG-4', 'DSG-6', 'DSG-5']);
    expect(await ids('designations', 'year: 2023')).toEqual(['DSG-3', 'DSG-4']);
    expect(await ids('designations', 'throughYear: 2023')).toEqual(['DSG-1', 'DSG-3', 'DSG-4']);
    expect(await ids('designations', 'kind: ZERO_CARBON_DATA_CENTER, region: "500000", throughYear: 2023')).toEqual([]);
  });

  it('refuses a designation whose subject does not fit its kind', async () => {
    await expect(
      fed.databases.econ.db
        .insert(designation)
        .values({ id: 'BAD', kind: 'ZERO_CARBON_FACTORY', year: 2024, regionCode: '310115', dataCenterId: 'DC-310115-001' }),
    ).rejects.toThrow();
  });

  it('filters application scenarios by category, region and year', async () => {
    expect(await ids('applicationScenarios', 'category: INDUSTRY_GREEN_TRANSITION')).toEqual(['SCN-1', 'SCN-4']);
    expect(await ids('applicationScenarios', 'region: "500000"')).toEqual(['SCN-3', 'SCN-4']);
    expect(await ids('applicationScenarios', 'year: 2023')).toEqual(['SCN-2', 'SCN-3']);
    expect(await ids('applicationScenarios', 'throughYear: 2023')).toEqual(['SCN-1', 'SCN-2', 'SCN-3']);
  });

  it('lists green standards of a year in code order, and cumulatively', async () => {
    expect(await ids('greenStandards', 'year: 2023')).toEqual(['STD-3', 'STD-2']);
    expect(await ids('greenStandards', 'throughYear: 2024')).toEqual(['STD-1', 'STD-3', 'STD-2']);
    expect(await ids('greenStandards', '')).toHaveLength(4);
  });

  it('filters pilots by type, stage and region', async () => {
    expect(await ids('carbonPeakPilots', 'type: REGION')).toEqual(['CPP-1', 'CPP-2']);
    expect(await ids('carbonPeakPilots', 'stage: CONSTRUCTION')).toEqual(['CPP-3', 'CPP-5']);
    expect(await ids('carbonPeakPilots', 'region: "310104"')).toEqual(['CPP-6', 'CPP-7']);
  });

  it('rejects an unknown region in the list filters', async () => {
    expect(codeOf(await econ(`{ designations(region: "310199") { id } }`))).toBe('UNKNOWN_REGION');
    expect(codeOf(await econ(`{ applicationScenarios(region: "310199") { id } }`))).toBe('UNKNOWN_REGION');
    expect(codeOf(await econ(`{ carbonPeakPilots(region: "310199") { id } }`))).toBe('UNKNOWN_REGION');
  });

  it('judges each pilot against the minimum domains of its type, counting a repeated domain once', async () => {
    const response = await econ<{ carbonPeakPilots: { id: string; domains: string[]; meetsMinimumDomains: boolean }[] }>(
      `{ carbonPeakPilots { id domains meetsMinimumDomains } }`,
    );
    const verdicts = Object.fromEntries(response.data!.carbonPeakPilots.map((p) => [p.id, p.meetsMinimumDomains]));
    // REGION 5 of 5 ✓, REGION 4 of 5 ✗, ENTERPRISE 3 of 3 ✓, ENTERPRISE 2 distinct of 3 ✗, PARK 4 of 4 ✓, COMMUNITY 3 of 4 ✗, BUILDING 3 of 3 ✓.
    expect(verdicts).toEqual({ 'CPP-1': true, 'CPP-2': false, 'CPP-3': true, 'CPP-4': false, 'CPP-5': true, 'CPP-6': false, 'CPP-7': true });
    expect(response.data!.carbonPeakPilots.find((p) => p.id === 'CPP-4')!.domains).toEqual(['ENERGY', 'TRANSPORT']);
  });
});

describe('batching', () => {
  it('loads enterprises with all their child lists and yearly flags in the same number of statements for 1 or 3 enterprises', async () => {
    const query = (first: number) =>
      `{ enterprises(region: "310000", first: ${first}) { nodes { uscc audits { id } diagnoses { id } energyManagementCentre { establishedOn } designations { id } retrofitProjects { id } applicationScenarios { id } year(year: 2023) { audited hasEnergyManagementCentre } } } }`;
    const count = async (first: number) => {
      fed.resetStatements();
      const response = await econ(query(first));
      expect(response.errors).toBeUndefined();
      return fed.statements();
    };
    // One for the page, then one each for assessments, centres, designations, retrofit projects and scenarios.
    expect(await count(3)).toBe(6);
    expect(await count(1)).toBe(6);
  });
});
