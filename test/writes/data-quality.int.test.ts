import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { coreRoom, operator } from '../../subgraphs/comms/tables.ts';
import { designation, enterprise } from '../../subgraphs/econ/tables.ts';
import { makeUscc } from '../../lib/uscc.ts';
import { dataCenterRow } from '../bigdata/fixtures.ts';
import { startTestFederation, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer } from '../support/tokens.ts';

// Figures about units another agency registers, for units nobody registered: accepted on write (no
// subgraph can ask another), found by the federation in each agency's data-quality report.

let fed: TestFederation;
// Valid credit codes (GB 32100 check characters): one econ registered, one it never did.
const REGISTERED = makeUscc('500112', '00000071');
const UNREGISTERED = makeUscc('500112', '00000072');
const headers = {} as Record<'energy' | 'comms' | 'econ', Record<string, string>>;

beforeAll(async () => {
  fed = await startTestFederation();
  for (const agency of ['energy', 'comms', 'econ'] as const) headers[agency] = await bearer(agency, ['writer'], `${agency}-quality`);
  await fed.databases.bigdata.db.insert(dataCenter).values([dataCenterRow('DC-1'), dataCenterRow('DC-2')]);
  await fed.databases.comms.db.insert(operator).values({ id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' });
  await fed.databases.comms.db.insert(coreRoom).values({ id: 'CR-1', nameZh: '核心机房1', operatorId: 'CHINA_MOBILE', regionCode: '500112' });
  await fed.databases.econ.db.insert(enterprise).values({ uscc: REGISTERED, nameZh: '渝北测试用能企业', regionCode: '500112', sector: 'MANUFACTURING' });
  await fed.databases.econ.db.insert(designation).values([
    { id: 'NGDC-1', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2023, regionCode: '500112', dataCenterId: 'DC-2' },
    { id: 'NGDC-2', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2023, regionCode: '500112', dataCenterId: 'DC-NOWHERE' },
  ]);
  const reading = (metric: string, subjectKind: string, subjectId: string) => ({ metric, subjectKind, subjectId, period: '2024-01', value: 100 });
  const energy = await fed.query(
    `mutation($rows: [ObservationInput!]!) { submitEnergyObservations(rows: $rows) { applied } }`,
    {
      rows: [
        reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-1'),
        reading('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'DC-GHOST'),
        reading('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', 'CR-1'),
        reading('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', 'CR-GHOST'),
        { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: REGISTERED, period: '2024', value: 6000 },
        { metric: 'ENTERPRISE_ENERGY_TCE', subjectKind: 'ENTERPRISE', subjectId: UNREGISTERED, period: '2024', value: 7000 },
      ],
    },
    headers.energy,
  );
  expect(energy.data).toEqual({ submitEnergyObservations: { applied: true } });
  const comms = await fed.query(
    `mutation($rows: [ObservationInput!]!) { submitCommsObservations(rows: $rows) { applied } }`,
    {
      rows: [
        { metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'DC-2', period: '2024', value: 10 },
        { metric: 'RACKS_IN_USE', subjectKind: 'DATA_CENTER', subjectId: 'DC-TYPO', period: '2024', value: 10 },
      ],
    },
    headers.comms,
  );
  expect(comms.data).toEqual({ submitCommsObservations: { applied: true } });
});
afterAll(() => fed?.stop());

describe('each agency sees its figures about units nobody registered', () => {
  it('energy: readings of a data centre bigdata never registered and of a core room comms never registered, records of an enterprise econ never registered', async () => {
    const response = await fed.query(
      `{ energyDataQuality { readingDataCenters { ids unregistered } readingCoreRooms { ids unregistered } recordEnterprises { ids unregistered } } }`,
      {},
      headers.energy,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      energyDataQuality: {
        readingDataCenters: { ids: ['DC-1', 'DC-GHOST'], unregistered: ['DC-GHOST'] },
        readingCoreRooms: { ids: ['CR-1', 'CR-GHOST'], unregistered: ['CR-GHOST'] },
        recordEnterprises: { ids: [REGISTERED, UNREGISTERED], unregistered: [UNREGISTERED] },
      },
    });
  });

  it('comms: rack reports for a data centre bigdata never registered', async () => {
    const response = await fed.query(`{ commsDataQuality { rackReportDataCenters { ids unregistered } } }`, {}, headers.comms);
    expect(response.data).toEqual({ commsDataQuality: { rackReportDataCenters: { ids: ['DC-2', 'DC-TYPO'], unregistered: ['DC-TYPO'] } } });
  });

  it('econ: designations naming a data centre bigdata never registered', async () => {
    const response = await fed.query(`{ econDataQuality { designationDataCenters { ids unregistered } } }`, {}, headers.econ);
    expect(response.data).toEqual({ econDataQuality: { designationDataCenters: { ids: ['DC-2', 'DC-NOWHERE'], unregistered: ['DC-NOWHERE'] } } });
  });

  it('is for the agency itself and government readers only', async () => {
    const anonymous = await fed.query(`{ energyDataQuality { readingDataCenters { ids } } }`, {}, { ...ANONYMOUS_HEADERS });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await fed.query(`{ energyDataQuality { readingDataCenters { ids } } }`, {}, headers.comms);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await fed.query(`{ energyDataQuality { readingDataCenters { unregistered } } }`);
    expect(reader.data).toEqual({ energyDataQuality: { readingDataCenters: { unregistered: ['DC-GHOST'] } } });
  });
});

describe('readings of units nobody registered flag the national values that would include them', () => {
  type Value = { indicatorCode: string; scopeId: string; year: number; qualityFlags: { code: string; message: string }[] };
  const flagsOf = async (headersFor?: Record<string, string>) => {
    const response = await fed.query<{ indicatorValues: Value[] }>(
      `{ indicatorValues(codes: ["DC_PUE", "DC_RENEWABLE_RATE", "CORE_ROOM_PUE", "DC_RACK_UTILISATION", "ICT_TRAFFIC_ENERGY_DECREASE", "ENERGY_AUDIT_COVERAGE"], regions: ["000000", "500000"], years: [2023, 2024]) {
          indicatorCode scopeId year qualityFlags { code message } } }`,
      {},
      headersFor,
    );
    expect(response.errors).toBeUndefined();
    const unregistered = (v: Value) => v.qualityFlags.filter((f) => f.code.startsWith('READINGS_OF_UNREGISTERED_'));
    return response
      .data!.indicatorValues.filter((v) => unregistered(v).length > 0)
      .map((v) => ({ at: `${v.indicatorCode} ${v.scopeId} ${v.year}`, flags: unregistered(v) }));
  };

  it('flags each national 2024 value reading the metric, naming the unit and the agency, and nothing else', async () => {
    // The fixture's readings: energy's DC_TOTAL_ENERGY_KWH of DC-GHOST and CORE_ROOM_TOTAL_ENERGY_KWH of CR-GHOST in 2024-01,
    // comms' RACKS_IN_USE of DC-TYPO in 2024, energy's ENTERPRISE_ENERGY_TCE of UNREGISTERED in 2024. DC_PUE and
    // DC_RENEWABLE_RATE read total kWh, CORE_ROOM_PUE the rooms' kWh, DC_RACK_UTILISATION racks in use, the audit coverage
    // the enterprises' tce; traffic energy reads none. Chongqing's values and 2023's have no such readings.
    const flagged = await flagsOf();
    expect(flagged.map((f) => f.at).sort()).toEqual([
      'CORE_ROOM_PUE 000000 2024',
      'DC_PUE 000000 2024',
      'DC_RACK_UTILISATION 000000 2024',
      'DC_RENEWABLE_RATE 000000 2024',
      'ENERGY_AUDIT_COVERAGE 000000 2024',
    ]);
    const at = (key: string) => flagged.find((f) => f.at === key)!.flags;
    expect(at('DC_PUE 000000 2024')).toEqual([
      {
        code: 'READINGS_OF_UNREGISTERED_DATA_CENTER',
        message: expect.stringMatching(
          /^energy holds meter readings \(DC_IT_ENERGY_KWH, DC_TOTAL_ENERGY_KWH\) for 2024 of 1 data centre\(s\) bigdata never registered: DC-GHOST\./,
        ),
      },
    ]);
    expect(at('CORE_ROOM_PUE 000000 2024')).toEqual([
      { code: 'READINGS_OF_UNREGISTERED_CORE_ROOM', message: expect.stringContaining('of 1 core machine room(s) comms never registered: CR-GHOST.') },
    ]);
    expect(at('ENERGY_AUDIT_COVERAGE 000000 2024')).toEqual([
      {
        code: 'READINGS_OF_UNREGISTERED_ENTERPRISE',
        message: expect.stringMatching(
          new RegExp(`^energy holds energy-use records \\(ENTERPRISE_ENERGY_TCE\\) for 2024 of 1 enterprise\\(s\\) econ never registered: ${UNREGISTERED}\\.`),
        ),
      },
    ]);
    expect(at('DC_RACK_UTILISATION 000000 2024')).toEqual([
      {
        code: 'READINGS_OF_UNREGISTERED_DATA_CENTER',
        message: expect.stringMatching(/^comms holds rack-usage reports \(RACKS_IN_USE\) for 2024 of 1 data centre\(s\) bigdata never registered: DC-TYPO\./),
      },
    ]);
  });

  it('tells a caller who may not read the figures unit by unit how many units, not which', async () => {
    const flagged = await flagsOf({ ...ANONYMOUS_HEADERS });
    const pue = flagged.find((f) => f.at === 'DC_PUE 000000 2024')!.flags[0]!;
    expect(pue.message).toContain('of 1 data centre(s) bigdata never registered.');
    expect(pue.message).not.toContain('DC-GHOST');
  });

  it('lists the reported units in one statement per unit kind and as-of, however many national values a grid asks for', async () => {
    const statementsFor = async (years: number[]) => {
      fed.resetStatements();
      const response = await fed.query(
        `{ indicatorValues(codes: ["DC_PUE", "CORE_ROOM_PUE", "DC_RACK_UTILISATION"], regions: ["000000"], years: ${JSON.stringify(years)}) { qualityFlags { code } } }`,
      );
      expect(response.errors).toBeUndefined();
      return fed.statements();
    };
    expect(await statementsFor([2020, 2021, 2022, 2023, 2024, 2025])).toBe(await statementsFor([2024]));
  });

  it('asks the registers about unregistered units only when a grid asks for quality flags', async () => {
    const grid = async (fields: string) => {
      const before = fed.subgraphFetches();
      const response = await fed.query<{ indicatorValues: { value: number | null }[] }>(
        `{ indicatorValues(codes: ["DC_PUE", "CORE_ROOM_PUE", "DC_RACK_UTILISATION"], regions: ["000000"], years: [2024]) { ${fields} } }`,
      );
      expect(response.errors).toBeUndefined();
      return { fetches: fed.subgraphFetches() - before, values: response.data!.indicatorValues.map((v) => v.value) };
    };
    const valuesOnly = await grid('value');
    const withFlags = await grid('value qualityFlags { code }');
    // Collecting energy's and comms' unit lists and handing them to bigdata and comms are fetches of their own.
    expect(valuesOnly.fetches).toBeLessThan(withFlags.fetches);
    expect(valuesOnly.values).toEqual(withFlags.values);
  });
});
