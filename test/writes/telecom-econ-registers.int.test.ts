import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../lib/uscc.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { bearer } from '../support/tokens.ts';

// The registers that changed only by migration before issue 20 (operators, 5G sites, towers; scenarios,
// standards, audits and diagnoses, management centres), written through the gateway of a full
// federation on empty databases, down to the indicator values that count them, now and as of before a
// correction. Expected numbers are worked out from the rows each test sends.

let fed: TestFederation;
let comms: Record<string, string>;
let econ: Record<string, string>;

const E1 = makeUscc('500112', '00000201');
const E2 = makeUscc('500112', '00000202');

beforeAll(async () => {
  fed = await startTestFederation();
  comms = await bearer('comms', ['writer'], 'comms-register-sync');
  econ = await bearer('econ', ['writer'], 'econ-register-sync');
});
afterAll(() => fed?.stop());

interface Summary {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  recordedAt: string | null;
  problems: { row: number; field: string; code: string; message: string }[];
}

async function upsert(
  mutation: string,
  input: string,
  rows: unknown[],
  headers: Record<string, string>,
  options: { strategy?: string; atomic?: boolean } = {},
): Promise<Summary> {
  const response = await fed.query<Record<string, Summary>>(
    `mutation($rows: [${input}!]!, $strategy: WriteStrategy, $atomic: Boolean) { ${mutation}(rows: $rows, strategy: $strategy, atomic: $atomic) { applied created updated unchanged deleted rejected recordedAt problems { row field code message } } }`,
    { rows, strategy: options.strategy ?? 'UPSERT', atomic: options.atomic ?? true },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data![mutation]!;
}

async function value(code: string, region: string, year: number, asOf?: string): Promise<number | null> {
  const response = await fed.query<{ indicatorValues: { value: number | null }[] }>(
    `query($asOf: DateTime) { indicatorValues(codes: ["${code}"], regions: ["${region}"], years: [${year}], asOf: $asOf) { value } }`,
    { asOf: asOf ?? null },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.indicatorValues[0]!.value;
}

const codes = (s: Summary) => s.problems.map((p) => [p.row, p.field, p.code]);

describe("comms' telecom registers", () => {
  it('registers the operators sites are built by', async () => {
    const summary = await upsert(
      'upsertTelecomOperators',
      'TelecomOperatorInput',
      [
        { id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' },
        { id: 'CHINA_TOWER', nameZh: '中国铁塔', nameEn: 'China Tower', kind: 'TOWER' },
      ],
      comms,
    );
    expect(summary).toMatchObject({ applied: true, created: 2 });
  });

  it('5G sites feed the sharing rate and utilisation, and an as-of read keeps the figure published before a correction', async () => {
    const site = (id: string, builtBySharing: boolean, baseStations: number, operatorId = 'CHINA_MOBILE') => ({
      id,
      operatorId,
      regionCode: '500112',
      builtYear: 2024,
      builtBySharing,
      baseStations,
    });
    const rejected = await upsert(
      'upsertSites5G',
      'Site5GInput',
      [site('S-X', true, 3, 'CHINA_TOWER'), site('S-Y', true, 101), site('S-Z', true, 3, 'NOBODY')],
      comms,
      { atomic: false },
    );
    expect(codes(rejected)).toEqual([
      [0, 'operatorId', 'INCONSISTENT_FIELDS'],
      [1, 'baseStations', 'OUT_OF_RANGE'],
      [2, 'operatorId', 'UNKNOWN_REFERENCE'],
    ]);
    const first = await upsert(
      'upsertSites5G',
      'Site5GInput',
      [site('S-1', true, 3), site('S-2', false, 2), site('S-3', false, 4), site('S-4', false, 3)],
      comms,
    );
    expect(first).toMatchObject({ applied: true, created: 4 });
    // 1 of 4 sites shared = 0.25; 3 + 2 + 4 + 3 = 12 base stations on 4 sites = 3.
    expect(await value('NEW_5G_SITE_SHARING_RATE', '500112', 2024)).toBe(0.25);
    expect(await value('NEW_5G_SITE_UTILISATION', '500112', 2024)).toBe(3);

    const correction = await upsert('upsertSites5G', 'Site5GInput', [site('S-2', true, 2)], comms);
    expect(correction).toMatchObject({ applied: true, updated: 1 });
    // Now 2 of 4 = 0.5; as of the first batch, still 1 of 4.
    expect(await value('NEW_5G_SITE_SHARING_RATE', '500112', 2024)).toBe(0.5);
    expect(await value('NEW_5G_SITE_SHARING_RATE', '500112', 2024, first.recordedAt!)).toBe(0.25);
    // Chongqing (500000) sums its counties: the same 2 of 4.
    expect(await value('NEW_5G_SITE_SHARING_RATE', '500000', 2024)).toBe(0.5);
  });

  it('towers feed the tower sharing rate; a deleted tower stays in the value as of before its deletion', async () => {
    const tower = (id: string, shared: boolean) => ({ id, regionCode: '500112', builtYear: 2024, shared });
    const first = await upsert('upsertTowers', 'TowerInput', [tower('T-1', true), tower('T-2', false), tower('T-3', false)], comms);
    expect(first.created).toBe(3);
    // 1 of 3 shared.
    expect(await value('NEW_TOWER_SHARING_RATE', '500112', 2024)).toBeCloseTo(1 / 3, 12);
    const deleted = await upsert('upsertTowers', 'TowerInput', [{ id: 'T-3' }], comms, { strategy: 'DELETE' });
    expect(deleted).toMatchObject({ applied: true, deleted: 1 });
    // 1 of 2 now; 1 of 3 as of the first batch.
    expect(await value('NEW_TOWER_SHARING_RATE', '500112', 2024)).toBe(0.5);
    expect(await value('NEW_TOWER_SHARING_RATE', '500112', 2024, first.recordedAt!)).toBeCloseTo(1 / 3, 12);
  });

  it('refuses to delete an operator that sites still name', async () => {
    const summary = await upsert('upsertTelecomOperators', 'TelecomOperatorInput', [{ id: 'CHINA_MOBILE' }], comms, { strategy: 'DELETE' });
    expect(codes(summary)).toEqual([[0, 'id', 'STILL_REFERENCED']]);
  });
});

describe("econ's scenario, standard and energy-management records", () => {
  it('registers enterprises for the records to name', async () => {
    const summary = await upsert(
      'upsertEnterprises',
      'EnterpriseInput',
      [
        { uscc: E1, nameZh: '渝北测试制造有限公司', regionCode: '500112', sector: 'MANUFACTURING' },
        { uscc: E2, nameZh: '渝北测试通信有限公司', regionCode: '500112', sector: 'TELECOM' },
      ],
      econ,
    );
    expect(summary.created).toBe(2);
  });

  it('application scenarios count per category from 2021, checking the enterprise they name', async () => {
    const scenario = (id: string, category: string, selectedYear: number, enterpriseUscc: string | null = null) => ({
      id,
      category,
      name: `场景${id}`,
      selectedYear,
      regionCode: '500112',
      enterpriseUscc,
    });
    const summary = await upsert(
      'upsertApplicationScenarios',
      'ApplicationScenarioInput',
      [
        scenario('SC-1', 'INDUSTRY_GREEN_TRANSITION', 2022, E1),
        scenario('SC-2', 'INDUSTRY_GREEN_TRANSITION', 2024),
        scenario('SC-3', 'RESIDENT_LOW_CARBON_LIFE', 2024),
        scenario('SC-4', 'INDUSTRY_GREEN_TRANSITION', 2024, makeUscc('500112', '00000999')),
      ],
      econ,
      { atomic: false },
    );
    expect(codes(summary)).toEqual([[3, 'enterpriseUscc', 'UNKNOWN_ENTERPRISE']]);
    // SC-1 (2022) and SC-2 (2024) by 2024; SC-1 alone by 2023.
    expect(await value('SCENARIO_INDUSTRY_COUNT', '500112', 2024)).toBe(2);
    expect(await value('SCENARIO_INDUSTRY_COUNT', '500112', 2023)).toBe(1);
    expect(await value('SCENARIO_RESIDENT_COUNT', '500112', 2024)).toBe(1);
  });

  it('green standards: a local one names its province, a number belongs to one entry, and the count follows as of', async () => {
    const standard = (id: string, code: string, level: string, regionCode: string | null = null) => ({
      id,
      code,
      title: `标准${id}`,
      level,
      publishedYear: 2023,
      regionCode,
    });
    const bad = await upsert(
      'upsertGreenStandards',
      'GreenStandardInput',
      [standard('GS-X', 'DB50/T 1-2023', 'LOCAL'), standard('GS-Y', 'YD/T 9-2023', 'INDUSTRY', '500000'), standard('GS-Z', 'DB50/T 2-2023', 'LOCAL', '500112')],
      econ,
      { atomic: false },
    );
    expect(codes(bad)).toEqual([
      [0, 'regionCode', 'REQUIRED'],
      [1, 'regionCode', 'INCONSISTENT_FIELDS'],
      [2, 'regionCode', 'WRONG_REGION_LEVEL'],
    ]);
    const first = await upsert(
      'upsertGreenStandards',
      'GreenStandardInput',
      [standard('GS-1', 'YD/T 4012-2023', 'INDUSTRY'), standard('GS-2', 'DB50/T 1300-2023', 'LOCAL', '500000')],
      econ,
    );
    expect(first.created).toBe(2);
    const taken = await upsert('upsertGreenStandards', 'GreenStandardInput', [standard('GS-3', 'YD/T 4012-2023', 'INDUSTRY')], econ);
    expect(codes(taken)).toEqual([[0, 'code', 'ALREADY_EXISTS']]);
    // The count is national (seed 002 #10): the industry standard, and the DB50 one of Chongqing, inside the nation: 2.
    expect(await value('GREEN_STANDARDS_COUNT', '000000', 2024)).toBe(2);
    await upsert('upsertGreenStandards', 'GreenStandardInput', [standard('GS-4', 'GB/T 7-2023', 'NATIONAL')], econ);
    expect(await value('GREEN_STANDARDS_COUNT', '000000', 2024)).toBe(3);
    expect(await value('GREEN_STANDARDS_COUNT', '000000', 2024, first.recordedAt!)).toBe(2);
  });

  it('audits, diagnoses and management centres are recorded for registered enterprises, and read as of an instant', async () => {
    const audits = await upsert(
      'upsertEnergyAssessments',
      'EnergyAssessmentInput',
      [
        { id: 'AUD-1', uscc: E1, kind: 'AUDIT', completedOn: '2023-05-01', provider: '某节能服务公司' },
        { id: 'AUD-2', uscc: makeUscc('500112', '00000998'), kind: 'AUDIT', completedOn: '2023-05-01' },
        { id: 'AUD-3', uscc: E1, kind: 'DIAGNOSIS', completedOn: '2999-01-01' },
      ],
      econ,
      { atomic: false },
    );
    expect(codes(audits)).toEqual([
      [1, 'uscc', 'UNKNOWN_ENTERPRISE'],
      [2, 'completedOn', 'DATE_IN_FUTURE'],
    ]);
    const centres = await upsert(
      'upsertEnergyManagementCentres',
      'EnergyManagementCentreInput',
      [
        { uscc: E1, establishedOn: '2022-03-01' },
        { uscc: 'NOT-A-USCC', establishedOn: '2022-03-01' },
      ],
      econ,
      { atomic: false },
    );
    expect(codes(centres)).toEqual([[1, 'uscc', 'INVALID_USCC']]);

    const before = centres.recordedAt!;
    await upsert('upsertEnergyAssessments', 'EnergyAssessmentInput', [{ id: 'AUD-1' }], econ, { strategy: 'DELETE' });
    await upsert('upsertEnergyManagementCentres', 'EnergyManagementCentreInput', [{ uscc: E1 }], econ, { strategy: 'DELETE' });
    // Read through the econ subgraph itself: the gateway does not expose _entities.
    const response = await fetch(fed.subgraphs.econ.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...econ },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on EnterpriseYear { audited hasEnergyManagementCentre } } }`,
        variables: {
          r: [
            { __typename: 'EnterpriseYear', uscc: E1, year: 2024, asOf: 'latest' },
            { __typename: 'EnterpriseYear', uscc: E1, year: 2024, asOf: before },
          ],
        },
      }),
    });
    const body = (await response.json()) as { data: { _entities: { audited: boolean; hasEnergyManagementCentre: boolean }[] } };
    // Now: audit and centre withdrawn. As of before: the 2023 audit covers 2024 (the year or the two before) and the 2022 centre exists.
    expect(body.data._entities).toEqual([
      { audited: false, hasEnergyManagementCentre: false },
      { audited: true, hasEnergyManagementCentre: true },
    ]);
  });
});
