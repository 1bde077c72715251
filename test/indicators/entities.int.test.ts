import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { writeFixtures } from './fixtures.ts';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
});
afterAll(() => fed?.stop());

const entities = (subgraph: keyof TestFederation['subgraphs'], representations: unknown[], selection: string) =>
  postGraphQL<{ _entities: unknown[] }>(fed.subgraphs[subgraph]!.url, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, {
    r: representations,
  });

const key = (indicatorCode: string, scopeId: string, year: number, scopeKind = 'REGION') => ({
  __typename: 'IndicatorValue',
  indicatorCode,
  scopeKind,
  scopeId,
  year,
  asOf: 'latest',
});

/** An agency's inputs to an indicator value: the value's key under the agency's own type. */
const inputs = (type: string, indicatorCode: string, scopeId: string, year: number, scopeKind = 'REGION') => ({
  ...key(indicatorCode, scopeId, year, scopeKind),
  __typename: type,
});
/** The population a value names, as the indicators subgraph hands it out. */
const population = (indicatorCode: string, scopeId: string, year: number, scopeKind = 'REGION') => ({
  ...key(indicatorCode, scopeId, year, scopeKind),
  __typename: 'DataCenterPopulation',
});

describe('_entities of each agency subgraph for indicator values', () => {
  it('bigdata lists the population of new large data centres for the year (not the year before: that comes through priorYear), and where a cluster lies', async () => {
    const listed = await entities(
      'bigdata',
      [population('NEW_LARGE_DC_PUE', '500000', 2024), population('NEW_LARGE_DC_PUE', 'CQ_CLUSTER', 2024, 'CLUSTER')],
      '... on DataCenterPopulation { dataCenterIds years designRacks inCluster }',
    );
    expect(listed.errors).toBeUndefined();
    // A (opened 2022, 4,000 racks) and B (opened January 2023, 12,000) are the new large ones in service in 2024.
    const expected = { dataCenterIds: ['A', 'B'], years: [2024, 2024], designRacks: [4000, 12000], inCluster: [true, true] };
    expect(listed.data!._entities).toEqual([expected, expected]);
    const located = await entities(
      'bigdata',
      [inputs('BigdataIndicatorInputs', 'NEW_LARGE_DC_PUE', 'CQ_CLUSTER', 2024, 'CLUSTER')],
      '... on BigdataIndicatorInputs { scopeRegionCode scopeClusterId }',
    );
    expect(located.data!._entities).toEqual([{ scopeRegionCode: '500000', scopeClusterId: null }]);
  });

  it('bigdata gives racks retired since 2021 as a region fact', async () => {
    const res = await entities(
      'bigdata',
      [inputs('BigdataIndicatorInputs', 'DC_RACKS_RETIRED', '500101', 2024)],
      '... on BigdataIndicatorInputs { facts { metric year value status } }',
    );
    expect(res.data!._entities).toEqual([{ facts: [{ metric: 'RACKS_RETIRED_SINCE_2021', year: 2024, value: 150, status: 'FINAL' }] }]);
  });

  it('indicators name one population for the values of indicators over the same data centres, and ask only the agencies they read', async () => {
    const codes = ['DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE', 'DC_PUE', 'NEW_LARGE_DC_PUE', 'ICT_TRAFFIC_ENERGY_DECREASE'];
    const res = await postGraphQL<{ indicatorValues: unknown[] }>(
      fed.subgraphs.indicators!.url,
      `{ indicatorValues(codes: ${JSON.stringify(codes)}, regions: ["500101"], years: [2024]) { indicatorCode dataCenterPopulation { indicatorCode } bigdataInputs { scopeId } commsInputs { scopeId } econInputs { scopeId } energyInputs { scopeId } } }`,
    );
    // DC_CLUSTER_SHARE is the first by code of the four indicators over every data centre in service.
    const dc = (indicatorCode: string, population: string) => ({
      indicatorCode,
      dataCenterPopulation: { indicatorCode: population },
      bigdataInputs: null,
      commsInputs: null,
      econInputs: null,
      energyInputs: null,
    });
    expect(res.data!.indicatorValues).toEqual([
      dc('DC_RACK_UTILISATION', 'DC_CLUSTER_SHARE'),
      dc('DC_RENEWABLE_RATE', 'DC_CLUSTER_SHARE'),
      dc('DC_PUE', 'DC_CLUSTER_SHARE'),
      dc('NEW_LARGE_DC_PUE', 'NEW_LARGE_DC_PUE'),
      // Traffic from comms, telecom energy from energy.
      {
        indicatorCode: 'ICT_TRAFFIC_ENERGY_DECREASE',
        dataCenterPopulation: null,
        bigdataInputs: null,
        commsInputs: { scopeId: '500101' },
        econInputs: null,
        energyInputs: { scopeId: '500101' },
      },
    ]);
  });

  it('indicators name a core-room or enterprise population only for the values over those units, and comms or econ inputs only for their facts', async () => {
    const codes = ['CORE_ROOM_PUE', 'ICT_TRAFFIC_ENERGY_DECREASE', 'ENERGY_AUDIT_COVERAGE', 'GREEN_STANDARDS_COUNT'];
    const res = await postGraphQL<{ indicatorValues: unknown[] }>(
      fed.subgraphs.indicators!.url,
      `{ indicatorValues(codes: ${JSON.stringify(codes)}, regions: ["500112"], years: [2024]) { indicatorCode coreMachineRoomPopulation { indicatorCode scopeId } enterprisePopulation { indicatorCode scopeId } commsInputs { scopeId } econInputs { scopeId } } }`,
    );
    expect(res.errors).toBeUndefined();
    const value = (indicatorCode: string, cells: Record<string, unknown>) => ({
      indicatorCode,
      coreMachineRoomPopulation: null,
      enterprisePopulation: null,
      commsInputs: null,
      econInputs: null,
      ...cells,
    });
    expect(res.data!.indicatorValues).toEqual([
      value('CORE_ROOM_PUE', { coreMachineRoomPopulation: { indicatorCode: 'CORE_ROOM_PUE', scopeId: '500112' } }),
      value('ICT_TRAFFIC_ENERGY_DECREASE', { commsInputs: { scopeId: '500112' } }),
      value('ENERGY_AUDIT_COVERAGE', { enterprisePopulation: { indicatorCode: 'ENERGY_AUDIT_COVERAGE', scopeId: '500112' } }),
      value('GREEN_STANDARDS_COUNT', { econInputs: { scopeId: '500112' } }),
    ]);
  });

  it('bigdata lists a data-centre population as aligned columns, and comms and energy fill in theirs', async () => {
    const populationKey = population('DC_RACK_UTILISATION', '500101', 2024);
    const listed = await entities('bigdata', [populationKey], '... on DataCenterPopulation { dataCenterIds years designRacks inCluster }');
    expect(listed.errors).toBeUndefined();
    // Wanzhou (500101) has C (800 racks) and D (2,000), both in service in 2024, neither in a cluster.
    expect(listed.data!._entities).toEqual([{ dataCenterIds: ['C', 'D'], years: [2024, 2024], designRacks: [800, 2000], inCluster: [false, false] }]);

    const members = { ...populationKey, dataCenterIds: ['C', 'D', 'C'], years: [2024, 2024, 2023] };
    const energy = await entities('energy', [members], '... on DataCenterPopulation { totalEnergyKwh itEnergyKwh renewableEnergyKwh energyStatus }');
    // C: two months of 450,000 / 250,000 kWh in 2024 and a green-power report of 0; D: one month; nothing for C in 2023.
    expect(energy.data!._entities).toEqual([
      {
        totalEnergyKwh: [900_000, 700_000, null],
        itEnergyKwh: [500_000, 500_000, null],
        renewableEnergyKwh: [0, 35_000, null],
        energyStatus: ['FINAL', 'FINAL', null],
      },
    ]);
    // Racks in use reported by comms: C 700 in 2024 and 2023, D 1,000 in 2024.
    const comms = await entities(
      'comms',
      [{ ...members, dataCenterIds: ['C', 'D', 'C', 'X'], years: [2024, 2024, 2023, 2024] }],
      '... on DataCenterPopulation { racksInUse commsStatus }',
    );
    expect(comms.data!._entities).toEqual([{ racksInUse: [700, 1000, 700, null], commsStatus: ['FINAL', 'FINAL', 'FINAL', null] }]);
  });

  it('comms lists renovated core rooms on the population and sums county traffic on its inputs', async () => {
    const res = await entities(
      'comms',
      [inputs('CoreMachineRoomPopulation', 'CORE_ROOM_PUE', '500000', 2024), inputs('CommsIndicatorInputs', 'ICT_TRAFFIC_ENERGY_DECREASE', '500112', 2024)],
      '... on CoreMachineRoomPopulation { coreMachineRooms { coreMachineRoomId year } } ... on CommsIndicatorInputs { facts { metric year value } }',
    );
    expect(res.data!._entities).toEqual([
      { coreMachineRooms: [{ coreMachineRoomId: 'R1', year: 2024 }] },
      {
        facts: [
          // The baseline year and the year itself.
          { metric: 'INFORMATION_TRAFFIC_GB', year: 2020, value: 1000 },
          { metric: 'INFORMATION_TRAFFIC_GB', year: 2024, value: 2000 },
        ],
      },
    ]);
  });

  it('econ lists the enterprises of the region on the population and counts designations on its inputs', async () => {
    const res = await entities(
      'econ',
      [inputs('EnterprisePopulation', 'ENERGY_MGMT_CENTRE_COVERAGE', '500112', 2024), inputs('EconIndicatorInputs', 'ZERO_CARBON_DC_COUNT', '500000', 2025)],
      '... on EnterprisePopulation { enterprises { year hasEnergyManagementCentre } } ... on EconIndicatorInputs { facts { metric year value } }',
    );
    const [coverage, count] = res.data!._entities as [{ enterprises: unknown[] }, { facts: unknown[] }];
    expect(coverage.enterprises).toHaveLength(5); // five enterprises in 2024
    expect(count.facts).toEqual([{ metric: 'ZERO_CARBON_DCS', year: 2025, value: 1 }]); // Z3 (B, 2025)
  });

  it('econ hands bigdata the national green designations to the year, of every region, and bigdata counts those its register places in the scope', async () => {
    const listed = await entities(
      'econ',
      [inputs('BigdataIndicatorInputs', 'NATIONAL_GREEN_DC_COUNT', '500101', 2024), inputs('BigdataIndicatorInputs', 'DC_RACKS_RETIRED', '500101', 2024)],
      '... on BigdataIndicatorInputs { designatedDataCenters { metrics dataCenterIds years regionCodes } }',
    );
    expect(listed.errors).toBeUndefined();
    // G1 (A, 2023, recorded in 璧山) only: G2 is from 2025. Racks retired count no designation.
    const g1 = { metrics: ['NATIONAL_GREEN_DCS'], dataCenterIds: ['A'], years: [2023], regionCodes: ['500120'] };
    expect(listed.data!._entities).toEqual([
      { designatedDataCenters: g1 },
      { designatedDataCenters: { metrics: [], dataCenterIds: [], years: [], regionCodes: [] } },
    ]);
    // A lies in 璧山 (500120), inside the cluster: one for the cluster and for Chongqing, none for 万州 (500101).
    const counted = await entities(
      'bigdata',
      [
        { ...inputs('BigdataIndicatorInputs', 'NATIONAL_GREEN_DC_COUNT', '500101', 2024), designatedDataCenters: g1 },
        { ...inputs('BigdataIndicatorInputs', 'NATIONAL_GREEN_DC_COUNT', 'CQ_CLUSTER', 2024, 'CLUSTER'), designatedDataCenters: g1 },
        { ...inputs('BigdataIndicatorInputs', 'NATIONAL_GREEN_DC_COUNT', '500000', 2024), designatedDataCenters: g1 },
      ],
      '... on BigdataIndicatorInputs { facts { metric year value } unregisteredDesignations }',
    );
    expect(counted.errors).toBeUndefined();
    const fact = (value: number) => ({ facts: [{ metric: 'NATIONAL_GREEN_DCS', year: 2024, value }], unregisteredDesignations: [] });
    expect(counted.data!._entities).toEqual([fact(0), fact(1), fact(1)]);
  });

  it('energy sums county energy and counts PV capacity from its register', async () => {
    const res = await entities(
      'energy',
      [inputs('EnergyIndicatorInputs', 'NEW_PV_CAPACITY', '500112', 2024)],
      '... on EnergyIndicatorInputs { facts { metric year value } }',
    );
    expect(res.data!._entities).toEqual([{ facts: [{ metric: 'PV_CAPACITY_SINCE_2022_MW', year: 2024, value: 0.8 }] }]);
  });
});

describe('_entities of the indicators subgraph', () => {
  // One data centre X as aligned columns, the shape bigdata, comms and energy fill in.
  // bigdata's public columns and energy's totals over them (the owner's aggregate): DC_PUE's sum() terms are Σ total and Σ IT kWh.
  const columns = (year: number, totalEnergyKwh: number, itEnergyKwh: number) => ({
    dataCenterIds: ['X'],
    years: [year],
    designRacks: [10],
    inCluster: [false],
    energySums: [
      {
        indicatorCode: 'DC_PUE',
        regionCode: null,
        year,
        units: 1,
        lacking: [[], []],
        terms: [totalEnergyKwh, itEnergyKwh],
        inputSums: [itEnergyKwh, totalEnergyKwh], // unit inputs by code: DC_IT_ENERGY_KWH, DC_TOTAL_ENERGY_KWH
        inputStatuses: ['FINAL', 'FINAL'],
        withheld: false,
      },
    ],
  });
  const unitInputs = (year: number, total: number, it: number) => ({
    bigdataInputs: { scopeRegionCode: '500112', scopeClusterId: null, facts: [] },
    commsInputs: null,
    econInputs: null,
    energyInputs: null,
    dataCenterPopulation: columns(year, total, it),
  });

  it('computes an IndicatorValue from the inputs in its representation', async () => {
    const rep = { ...key('DC_PUE', 'X', 2024, 'DATA_CENTER'), ...unitInputs(2024, 150, 100) };
    const res = await entities('indicators', [rep], '... on IndicatorValue { value numerator denominator status }');
    expect(res.data!._entities).toEqual([{ value: 1.5, numerator: 150, denominator: 100, status: 'FINAL' }]);
  });

  it("computes change from the prior year's inputs, which arrive under priorYear without key fields", async () => {
    const rep = { ...key('DC_PUE', 'X', 2024, 'DATA_CENTER'), ...unitInputs(2024, 150, 100), priorYear: unitInputs(2023, 160, 100) };
    const res = await entities('indicators', [rep], '... on IndicatorValue { value change }');
    // PUE 150/100 = 1.5 in 2024 against 160/100 = 1.6 in 2023.
    const [cell] = res.data!._entities as [{ value: number; change: number }];
    expect(cell.value).toBe(1.5);
    expect(cell.change).toBeCloseTo(-0.1, 12);
  });

  it('lists the per-data-centre indicators of a DataCenterYear', async () => {
    const res = await entities(
      'indicators',
      [{ __typename: 'DataCenterYear', dataCenterId: 'A', year: 2024 }],
      '... on DataCenterYear { indicatorValues { indicatorCode scopeKind scopeId year } }',
    );
    expect(res.data!._entities).toEqual([
      {
        indicatorValues: ['DC_PUE', 'DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE'].map((indicatorCode) => ({
          indicatorCode,
          scopeKind: 'DATA_CENTER',
          scopeId: 'A',
          year: 2024,
        })),
      },
    ]);
  });

  it('screens a ShutdownScreen from its representation, and bigdata resolves the same key', async () => {
    const screened = await entities(
      'indicators',
      [
        {
          __typename: 'ShutdownScreen',
          regionCode: '310000',
          year: 2024,
          asOf: 'latest',
          dataCenters: [{ dataCenterId: 'Q', year: 2024, designRacks: 500, commissionedOn: '2010-01-01', pue: 1.9 }],
        },
      ],
      '... on ShutdownScreen { candidates { dataCenter { id } pue { value } } }',
    );
    expect(screened.data!._entities).toEqual([{ candidates: [{ dataCenter: { id: 'Q' }, pue: { value: 1.9 } }] }]);
    const register = await entities(
      'bigdata',
      [{ __typename: 'ShutdownScreen', regionCode: '500101', year: 2024, asOf: 'latest' }],
      '... on ShutdownScreen { dataCenters { dataCenterId } }',
    );
    expect(register.data!._entities).toEqual([{ dataCenters: [{ dataCenterId: 'C' }, { dataCenterId: 'D' }] }]);
  });
});
