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
  postGraphQL<{ _entities: unknown[] }>(fed.subgraphs[subgraph]!.url, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });

const key = (indicatorCode: string, scopeId: string, year: number, scopeKind = 'REGION') => ({ __typename: 'IndicatorValue', indicatorCode, scopeKind, scopeId, year, asOf: 'latest' });

describe('IndicatorValue _entities in each agency subgraph', () => {
  it('bigdata lists the population of new large data centres for the year (not the year before: that comes through priorYear), and the scope region', async () => {
    const res = await entities('bigdata', [key('NEW_LARGE_DC_PUE', '500000', 2024), key('NEW_LARGE_DC_PUE', 'CQ_CLUSTER', 2024, 'CLUSTER')], '... on IndicatorValue { scopeRegionCode dataCenters { dataCenterId year designRacks inCluster } }');
    expect(res.errors).toBeUndefined();
    // A (opened 2022, 4,000 racks) and B (opened January 2023, 12,000) are the new large ones in service in 2024.
    const expected = [
      { dataCenterId: 'A', year: 2024, designRacks: 4000, inCluster: true },
      { dataCenterId: 'B', year: 2024, designRacks: 12000, inCluster: true },
    ];
    expect(res.data!._entities).toEqual([
      { scopeRegionCode: '500000', dataCenters: expected },
      { scopeRegionCode: '500000', dataCenters: expected },
    ]);
  });

  it('bigdata gives racks retired since 2021 as a region fact', async () => {
    const res = await entities('bigdata', [key('DC_RACKS_RETIRED', '500101', 2024)], '... on IndicatorValue { bigdataFacts { metric year value status } }');
    expect(res.data!._entities).toEqual([
      {
        bigdataFacts: [{ metric: 'RACKS_RETIRED_SINCE_2021', year: 2024, value: 150, status: 'FINAL' }],
      },
    ]);
  });

  it('bigdata names one population for the values of indicators over the same data centres', async () => {
    const codes = ['DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE', 'DC_PUE', 'NEW_LARGE_DC_PUE', 'ICT_TRAFFIC_ENERGY_DECREASE'];
    const res = await entities('bigdata', codes.map((code) => key(code, '500101', 2024)), '... on IndicatorValue { dataCenterPopulation { indicatorCode scopeId year } }');
    // DC_CLUSTER_SHARE is the first by code of the four indicators over every data centre in service.
    const all = { indicatorCode: 'DC_CLUSTER_SHARE', scopeId: '500101', year: 2024 };
    expect(res.data!._entities).toEqual([
      { dataCenterPopulation: all },
      { dataCenterPopulation: all },
      { dataCenterPopulation: all },
      { dataCenterPopulation: { indicatorCode: 'NEW_LARGE_DC_PUE', scopeId: '500101', year: 2024 } },
      { dataCenterPopulation: null },
    ]);
  });

  it('bigdata lists a data-centre population as aligned columns, and comms and energy fill in theirs', async () => {
    const populationKey = { ...key('DC_RACK_UTILISATION', '500101', 2024), __typename: 'DataCenterPopulation' };
    const listed = await entities('bigdata', [populationKey], '... on DataCenterPopulation { dataCenterIds years designRacks inCluster }');
    expect(listed.errors).toBeUndefined();
    // Wanzhou (500101) has C (800 racks) and D (2,000), both in service in 2024, neither in a cluster.
    expect(listed.data!._entities).toEqual([{ dataCenterIds: ['C', 'D'], years: [2024, 2024], designRacks: [800, 2000], inCluster: [false, false] }]);

    const members = { ...populationKey, dataCenterIds: ['C', 'D', 'C'], years: [2024, 2024, 2023] };
    const energy = await entities('energy', [members], '... on DataCenterPopulation { totalEnergyKwh itEnergyKwh renewableEnergyKwh energyStatus }');
    // C: two months of 450,000 / 250,000 kWh in 2024 and a green-power report of 0; D: one month; nothing for C in 2023.
    expect(energy.data!._entities).toEqual([
      { totalEnergyKwh: [900_000, 700_000, null], itEnergyKwh: [500_000, 500_000, null], renewableEnergyKwh: [0, 35_000, null], energyStatus: ['FINAL', 'FINAL', null] },
    ]);
    // Racks in use reported by comms: C 700 in 2024 and 2023, D 1,000 in 2024.
    const comms = await entities('comms', [{ ...members, dataCenterIds: ['C', 'D', 'C', 'X'], years: [2024, 2024, 2023, 2024] }], '... on DataCenterPopulation { racksInUse commsStatus }');
    expect(comms.data!._entities).toEqual([{ racksInUse: [700, 1000, 700, null], commsStatus: ['FINAL', 'FINAL', 'FINAL', null] }]);
  });

  it('comms lists renovated core rooms and sums county traffic', async () => {
    const res = await entities(
      'comms',
      [key('CORE_ROOM_PUE', '500000', 2024), key('ICT_TRAFFIC_ENERGY_DECREASE', '500112', 2024)],
      '... on IndicatorValue { coreMachineRooms { coreMachineRoomId year } commsFacts { metric year value } }',
    );
    expect(res.data!._entities).toEqual([
      { coreMachineRooms: [{ coreMachineRoomId: 'R1', year: 2024 }], commsFacts: [] },
      {
        coreMachineRooms: [],
        commsFacts: [
          // The baseline year and the year itself.
          { metric: 'INFORMATION_TRAFFIC_GB', year: 2020, value: 1000 },
          { metric: 'INFORMATION_TRAFFIC_GB', year: 2024, value: 2000 },
        ],
      },
    ]);
  });

  it('econ lists the enterprises of the region and counts designations', async () => {
    const res = await entities('econ', [key('ENERGY_MGMT_CENTRE_COVERAGE', '500112', 2024), key('NATIONAL_GREEN_DC_COUNT', '500000', 2025)], '... on IndicatorValue { enterprises { year hasEnergyManagementCentre } econFacts { metric year value } }');
    const [coverage, count] = res.data!._entities as [{ enterprises: unknown[] }, { econFacts: unknown[] }];
    expect(coverage.enterprises).toHaveLength(5); // five enterprises in 2024
    expect(count.econFacts).toEqual([{ metric: 'NATIONAL_GREEN_DCS', year: 2025, value: 2 }]);
  });

  it('energy sums county energy and counts PV capacity from its register', async () => {
    const res = await entities('energy', [key('NEW_PV_CAPACITY', '500112', 2024)], '... on IndicatorValue { energyFacts { metric year value } }');
    expect(res.data!._entities).toEqual([
      { energyFacts: [{ metric: 'PV_CAPACITY_SINCE_2022_MW', year: 2024, value: 0.8 }] },
    ]);
  });
});

describe('_entities of the indicators subgraph', () => {
  // One data centre X as aligned columns, the shape bigdata, comms and energy fill in.
  const population = (year: number, totalEnergyKwh: number, itEnergyKwh: number) => ({
    dataCenterIds: ['X'],
    years: [year],
    designRacks: [10],
    inCluster: [false],
    racksInUse: [5],
    commsStatus: ['FINAL'],
    totalEnergyKwh: [totalEnergyKwh],
    itEnergyKwh: [itEnergyKwh],
    renewableEnergyKwh: [0],
    energyStatus: ['FINAL'],
  });
  const inputs = (year: number, total: number, it: number) => ({ scopeRegionCode: '500112', dataCenterPopulation: population(year, total, it), coreMachineRooms: [], enterprises: [], commsFacts: [], econFacts: [], bigdataFacts: [], energyFacts: [] });

  it('computes an IndicatorValue from the inputs in its representation', async () => {
    const rep = { ...key('DC_PUE', 'X', 2024, 'DATA_CENTER'), ...inputs(2024, 150, 100) };
    const res = await entities('indicators', [rep], '... on IndicatorValue { value numerator denominator status }');
    expect(res.data!._entities).toEqual([{ value: 1.5, numerator: 150, denominator: 100, status: 'FINAL' }]);
  });

  it('computes change from the prior year\'s inputs, which arrive under priorYear without key fields', async () => {
    const rep = { ...key('DC_PUE', 'X', 2024, 'DATA_CENTER'), ...inputs(2024, 150, 100), priorYear: inputs(2023, 160, 100) };
    const res = await entities('indicators', [rep], '... on IndicatorValue { value change }');
    // PUE 150/100 = 1.5 in 2024 against 160/100 = 1.6 in 2023.
    const [cell] = res.data!._entities as [{ value: number; change: number }];
    expect(cell.value).toBe(1.5);
    expect(cell.change).toBeCloseTo(-0.1, 12);
  });

  it('lists the per-data-centre indicators of a DataCenterYear', async () => {
    const res = await entities('indicators', [{ __typename: 'DataCenterYear', dataCenterId: 'A', year: 2024 }], '... on DataCenterYear { indicatorValues { indicatorCode scopeKind scopeId year } }');
    expect(res.data!._entities).toEqual([
      {
        indicatorValues: ['DC_PUE', 'DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE'].map((indicatorCode) => ({ indicatorCode, scopeKind: 'DATA_CENTER', scopeId: 'A', year: 2024 })),
      },
    ]);
  });

  it('screens a ShutdownScreen from its representation, and bigdata resolves the same key', async () => {
    const screened = await entities(
      'indicators',
      [{ __typename: 'ShutdownScreen', regionCode: '310000', year: 2024, dataCenters: [{ dataCenterId: 'Q', year: 2024, designRacks: 500, commissionedOn: '2010-01-01', pue: 1.9 }] }],
      '... on ShutdownScreen { candidates { dataCenter { id } pue { value } } }',
    );
    expect(screened.data!._entities).toEqual([{ candidates: [{ dataCenter: { id: 'Q' }, pue: { value: 1.9 } }] }]);
    const register = await entities('bigdata', [{ __typename: 'ShutdownScreen', regionCode: '500101', year: 2024 }], '... on ShutdownScreen { dataCenters { dataCenterId } }');
    expect(register.data!._entities).toEqual([{ dataCenters: [{ dataCenterId: 'C' }, { dataCenterId: 'D' }] }]);
  });
});
