import { makeUscc } from '../../lib/uscc.ts';
import { monthlyRows, observationRow } from '../support/observations.ts';
import type { TestFederation } from '../support/federation.ts';
import { cluster, dataCenter, observation as bigdataObservation, zone } from '../../subgraphs/bigdata/tables.ts';
import { coreRoom, observation as commsObservation, operator, site5g, tower } from '../../subgraphs/comms/tables.ts';
import {
  applicationScenario,
  designation,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  greenStandard,
  observation as econObservation,
} from '../../subgraphs/econ/tables.ts';
import { observation as energyObservation, pvInstallation } from '../../subgraphs/energy/tables.ts';

/**
 * A small hand-made world, written straight into each owning agency's tables. The numbers are
 * chosen so every indicator can be worked out on paper; the tests say how.
 */
export const E = {
  E1: makeUscc('500112', '00000011'),
  E2: makeUscc('500112', '00000012'),
  E3: makeUscc('500112', '00000013'),
  E4: makeUscc('500112', '00000014'),
  E5: makeUscc('500112', '00000015'),
};

/** Each enterprise's usable roofs, as the fixtures report them for 2023 and 2024. */
export const USABLE_ROOFS: readonly (readonly [string, number])[] = [
  [E.E1, 2],
  [E.E2, 1],
  [E.E3, 1],
  [E.E4, 0],
  [E.E5, 0],
];

const obs = observationRow;

export async function writeFixtures(fed: TestFederation): Promise<void> {
  const { bigdata, comms, econ, energy } = fed.databases;

  // bigdata: four Chongqing data centres (A, B inside the cluster; C, D outside).
  await bigdata.db.insert(cluster).values({ id: 'CQ_CLUSTER', nameZh: '重庆数据中心集群', nameEn: 'Chongqing cluster', provinceCode: '500000', areaKm2: 1984 });
  await bigdata.db.insert(zone).values({ id: 'CQ_BISHAN', clusterId: 'CQ_CLUSTER', nameZh: '璧山片区', nameEn: 'Bishan', regionCode: '500120', startUp: true });
  const dc = (id: string, regionCode: string, commissionedOn: string, designRacks: number, inside: boolean, buildType: 'NEW' | 'EXISTING') => ({
    id,
    nameZh: id,
    operatorUscc: E.E1,
    regionCode,
    commissionedOn,
    status: 'OPERATING' as const,
    designRacks,
    buildType,
    clusterId: inside ? 'CQ_CLUSTER' : null,
    zoneId: regionCode === '500120' ? 'CQ_BISHAN' : null,
  });
  await bigdata.db
    .insert(dataCenter)
    .values([
      dc('A', '500120', '2022-05-01', 4000, true, 'NEW'),
      dc('B', '500112', '2023-01-10', 12000, true, 'NEW'),
      dc('C', '500101', '2012-03-01', 800, false, 'EXISTING'),
      dc('D', '500101', '2021-07-01', 2000, false, 'NEW'),
    ]);
  // Shanghai: the shutdown screen's boundaries (PUE > 1.7, ≤ 800 racks, ≥ 10 years at 2024-12-31).
  await bigdata.db.insert(dataCenter).values([
    dc('S1', '310118', '2014-12-31', 800, false, 'EXISTING'), // PUE 1.71, exactly 800 racks, exactly 10 years → candidate
    dc('S2', '310118', '2010-06-01', 500, false, 'EXISTING'), // PUE exactly 1.7 → not
    dc('S3', '310118', '2010-06-01', 801, false, 'EXISTING'), // 801 racks → not
    dc('S4', '310118', '2015-01-01', 300, false, 'EXISTING'), // 9 full years → not
    dc('S5', '310118', '2010-06-01', 300, false, 'EXISTING'), // no meter readings → unscreened
  ]);
  // Racks C retired (RACKS_RETIRED observations): the 2020 ones predate the indicator's 2021 start.
  await bigdata.db
    .insert(bigdataObservation)
    .values([
      obs('RACKS_RETIRED', 'DATA_CENTER', 'C', '2020', 30),
      obs('RACKS_RETIRED', 'DATA_CENTER', 'C', '2021', 100),
      obs('RACKS_RETIRED', 'DATA_CENTER', 'C', '2024', 50),
    ]);

  // energy: meters, renewables, region flows. A meter counts for a year only when it covers the months the unit was in
  // service, so each year's figure is read in one month (two for C) and the other months of 2024 read 0 kWh (`monthlyRows`).
  const meters = (id: string, year: number, figures: Record<number, readonly [total: number, it: number]>) => [
    ...monthlyRows('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', id, year, Object.fromEntries(Object.entries(figures).map(([m, [total]]) => [m, total]))),
    ...monthlyRows('DC_IT_ENERGY_KWH', 'DATA_CENTER', id, year, Object.fromEntries(Object.entries(figures).map(([m, [, it]]) => [m, it]))),
  ];
  const rooms = (id: string, year: number, figures: Record<number, readonly [total: number, it: number]>) => [
    ...monthlyRows('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', id, year, Object.fromEntries(Object.entries(figures).map(([m, [total]]) => [m, total]))),
    ...monthlyRows('CORE_ROOM_IT_ENERGY_KWH', 'CORE_ROOM', id, year, Object.fromEntries(Object.entries(figures).map(([m, [, it]]) => [m, it]))),
  ];
  await energy.db.insert(energyObservation).values([
    ...meters('A', 2024, { 6: [1_300_000, 1_000_000] }),
    ...meters('B', 2024, { 6: [2_400_000, 2_000_000] }),
    ...meters('C', 2024, { 3: [450_000, 250_000], 9: [450_000, 250_000] }),
    ...meters('D', 2024, { 6: [700_000, 500_000] }),
    ...meters('S1', 2024, { 6: [171_000, 100_000] }),
    ...meters('S2', 2024, { 6: [170_000, 100_000] }),
    ...meters('S3', 2024, { 6: [200_000, 100_000] }),
    ...meters('S4', 2024, { 6: [200_000, 100_000] }),
    obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'A', '2024', 400_000),
    obs('DC_RENEWABLE_CERTIFICATE_KWH', 'DATA_CENTER', 'B', '2024', 600_000),
    obs('DC_RENEWABLE_ONSITE_PV_KWH', 'DATA_CENTER', 'B', '2024', 120_000, 'PROVISIONAL'),
    obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'C', '2024', 0),
    obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'D', '2024', 35_000),
    ...rooms('R1', 2024, { 6: [150_000, 100_000] }),
    ...rooms('R2', 2024, { 6: [190_000, 100_000] }),
    obs('TELECOM_ENERGY_TCE', 'REGION', '500112', '2020', 100),
    obs('TELECOM_ENERGY_TCE', 'REGION', '500112', '2024', 120),
    obs('BS_5G_ELECTRICITY_KWH', 'REGION', '500112', '2020', 1000),
    obs('BS_5G_ELECTRICITY_KWH', 'REGION', '500112', '2024', 2000),
    // 500101 reports 2024 but not its 2020 baseline.
    obs('TELECOM_ENERGY_TCE', 'REGION', '500101', '2024', 80),
    obs('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', E.E1, '2024', 6000),
    obs('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', E.E2, '2024', 5000),
    obs('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', E.E3, '2024', 4999),
    obs('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', E.E4, '2024', 2000),
    obs('ENTERPRISE_ENERGY_TCE', 'ENTERPRISE', E.E5, '2024', 12000),
  ]);
  await energy.db.insert(pvInstallation).values([
    { id: 'PV1', regionCode: '500112', enterpriseUscc: E.E1, capacityKw: 500, commissionedOn: '2023-05-01', onRoof: true },
    { id: 'PV2', regionCode: '500112', enterpriseUscc: E.E3, capacityKw: 300, commissionedOn: '2024-02-01', onRoof: true },
    { id: 'PV3', regionCode: '500112', enterpriseUscc: E.E2, capacityKw: 1000, commissionedOn: '2021-08-01', onRoof: false },
  ]);

  // comms: rack usage, core rooms, 5G sites and towers built in 2024, county flows.
  await comms.db.insert(operator).values({ id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' });
  await comms.db.insert(coreRoom).values([
    { id: 'R1', nameZh: 'R1', operatorId: 'CHINA_MOBILE', regionCode: '500112', renovatedYear: 2022 },
    { id: 'R2', nameZh: 'R2', operatorId: 'CHINA_MOBILE', regionCode: '500101', renovatedYear: null },
  ]);
  const racks = (id: string, year: string, value: number) => obs('RACKS_IN_USE', 'DATA_CENTER', id, year, value);
  await comms.db.insert(commsObservation).values([
    racks('A', '2023', 2000),
    racks('B', '2023', 3000),
    racks('C', '2023', 700),
    racks('D', '2023', 800),
    racks('A', '2024', 3000),
    racks('B', '2024', 6000),
    racks('C', '2024', 700),
    racks('D', '2024', 1000),
    // 2025: C files nothing, D reports more racks in use than bigdata registered.
    racks('A', '2025', 3100),
    racks('B', '2025', 6500),
    racks('D', '2025', 2100),
    obs('INFORMATION_TRAFFIC_GB', 'REGION', '500112', '2020', 1000),
    obs('INFORMATION_TRAFFIC_GB', 'REGION', '500112', '2024', 2000),
    obs('TELECOM_BUSINESS_VOLUME_10K_CNY', 'REGION', '500112', '2020', 500),
    obs('TELECOM_BUSINESS_VOLUME_10K_CNY', 'REGION', '500112', '2024', 800, 'PROVISIONAL'),
    obs('TRAFFIC_5G_GB', 'REGION', '500112', '2020', 50),
    obs('TRAFFIC_5G_GB', 'REGION', '500112', '2024', 400),
    obs('INFORMATION_TRAFFIC_GB', 'REGION', '500101', '2020', 900),
    obs('INFORMATION_TRAFFIC_GB', 'REGION', '500101', '2024', 1500),
  ]);
  const site = (n: number, shared: boolean, baseStations: number) => ({
    id: `S${n}`,
    operatorId: 'CHINA_MOBILE',
    regionCode: '500112',
    builtYear: 2024,
    builtBySharing: shared,
    baseStations,
  });
  await comms.db.insert(site5g).values([site(1, true, 3), site(2, true, 3), site(3, true, 3), site(4, true, 4), site(5, false, 2)]);
  await comms.db.insert(tower).values([1, 2, 3, 4].map((n) => ({ id: `T${n}`, regionCode: '500112', builtYear: 2024, shared: n !== 4 })));

  // econ: enterprises around the tce thresholds, audits, a centre, designations, scenarios, standards.
  const ent = (uscc: string, sector: 'MANUFACTURING' | 'TELECOM' | 'OTHER') => ({ uscc, nameZh: uscc, regionCode: '500112', sector });
  await econ.db
    .insert(enterprise)
    .values([ent(E.E1, 'MANUFACTURING'), ent(E.E2, 'MANUFACTURING'), ent(E.E3, 'TELECOM'), ent(E.E4, 'OTHER'), ent(E.E5, 'MANUFACTURING')]);
  // Usable roofs (USABLE_ROOFS observations), the same in 2023 and 2024; E1's 2024 survey is provisional.
  await econ.db
    .insert(econObservation)
    .values(
      USABLE_ROOFS.flatMap(([uscc, n]) =>
        ['2023', '2024'].map((year) => obs('USABLE_ROOFS', 'ENTERPRISE', uscc, year, n, uscc === E.E1 && year === '2024' ? 'PROVISIONAL' : 'FINAL')),
      ),
    );
  await econ.db.insert(energyAssessment).values([
    { id: 'AU1', uscc: E.E1, kind: 'AUDIT', completedOn: '2023-04-01' },
    { id: 'AU5', uscc: E.E5, kind: 'AUDIT', completedOn: '2022-11-30' },
    { id: 'DG3', uscc: E.E3, kind: 'DIAGNOSIS', completedOn: '2024-03-01' },
  ]);
  await econ.db.insert(energyManagementCentre).values({ uscc: E.E5, establishedOn: '2020-06-01' });
  await econ.db.insert(designation).values([
    { id: 'G1', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2023, regionCode: '500120', dataCenterId: 'A' },
    { id: 'G2', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2025, regionCode: '500112', dataCenterId: 'B' },
    { id: 'Z1', kind: 'ZERO_CARBON_FACTORY', year: 2024, regionCode: '500112', enterpriseUscc: E.E1 },
    { id: 'Z2', kind: 'ZERO_CARBON_PARK', year: 2022, regionCode: '500112', parkName: '渝北零碳园' },
    { id: 'Z3', kind: 'ZERO_CARBON_DATA_CENTER', year: 2025, regionCode: '500112', dataCenterId: 'B' },
    { id: 'W1', kind: 'WASTE_HEAT_DATA_CENTER', year: 2024, regionCode: '500120', dataCenterId: 'A' },
  ]);
  await econ.db.insert(applicationScenario).values([
    { id: 'SC1', category: 'INDUSTRY_GREEN_TRANSITION', name: 'a', selectedYear: 2020, regionCode: '500112' },
    { id: 'SC2', category: 'INDUSTRY_GREEN_TRANSITION', name: 'b', selectedYear: 2021, regionCode: '500112' },
    { id: 'SC3', category: 'INDUSTRY_GREEN_TRANSITION', name: 'c', selectedYear: 2023, regionCode: '500112' },
    { id: 'SC4', category: 'RESIDENT_LOW_CARBON_LIFE', name: 'd', selectedYear: 2024, regionCode: '500101' },
  ]);
  await econ.db.insert(greenStandard).values([
    { id: 'ST1', code: 'YD/T 1', title: 't1', level: 'INDUSTRY', publishedYear: 2019 },
    { id: 'ST2', code: 'YD/T 2', title: 't2', level: 'INDUSTRY', publishedYear: 2021 },
    { id: 'ST3', code: 'GB/T 3', title: 't3', level: 'NATIONAL', publishedYear: 2021 },
    { id: 'ST4', code: 'GB/T 4', title: 't4', level: 'NATIONAL', publishedYear: 2024 },
  ]);
}
