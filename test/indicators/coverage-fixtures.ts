import { makeUscc } from '../../lib/uscc.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { coreRoom, observation as commsObservation, operator } from '../../subgraphs/comms/tables.ts';
import { observation as energyObservation } from '../../subgraphs/energy/tables.ts';
import type { TestFederation } from '../support/federation.ts';
import { monthlyRows, observationRow as obs } from '../support/observations.ts';

/**
 * A world for coverage as statistics offices publish it (DOMAIN.md semantics 4 and 9), written straight into
 * each owning agency's tables (ids distinct from fixtures.ts, so both can be written to one federation):
 * - Chongqing: P1 (5,000 design racks) and P2 (3,000) in 万州 500101, P3 (1,500) in 渝中 500102, P4 (500) in
 *   大渡口 500103; 10,000 racks in all, none in 江北 500105.
 * - Shanghai's 16 districts report telecom energy (tce) and traffic (GB), 崇明 (310151) no energy in 2022 and
 *   2023; the city's own energy figures for 2023 and 2024 are left to the tests (`SHANGHAI_OWN_ENERGY`).
 * - Meters read over different months (2024), all new data centres: in 徐汇 310104, M1 (3,000 racks) with total energy
 *   for January only and IT energy for February only, M2 (67,000) with both for January; in 长宁 310105, M3 (4,000)
 *   with total energy for 12 months and IT energy for 11, M4 (6,000) with both for 12. Renovated core rooms in 徐汇: Q1
 *   with both meters for March, Q2 with total for January and IT for February. (P4, M2 and Q1 read 0 kWh in their other
 *   months, so that they cover the year: `monthlyRows`.)
 * - Months in service (2025), new data centres in 静安 310106, all commissioned in 2025: N1 (4,000 racks) from 10 April,
 *   with both meters for April to December (9 × 1,300,000 and 9 × 1,000,000 kWh); N2 (500) from 1 January, both for
 *   January only (2,000,000 and 1,000,000); N3 (5,000) closed in 2025, both for January to June (6 × 1,500,000 and
 *   6 × 1,000,000); N4 (400) closed in 2025, both for January, February and April to June, no March (5 × 1,200,000 and
 *   5 × 1,000,000). Renewable electricity (green power, 2025): N1 2,340,000, N2 1,000,000, N3 4,500,000, N4 600,000 kWh.
 */
/** Shanghai's telecom energy reported for the city itself (tce), by year. */
export const SHANGHAI_OWN_ENERGY = { 2023: 1500, 2024: 2000 } as const;

export async function writeCoverageFixtures(fed: TestFederation): Promise<{ districts: string[] }> {
  const { bigdata, comms, energy } = fed.databases;
  const dc = (id: string, regionCode: string, designRacks: number) => ({
    id,
    nameZh: id,
    operatorUscc: makeUscc('500101', '00000099'),
    regionCode,
    commissionedOn: '2020-01-01',
    status: 'OPERATING' as const,
    designRacks,
    buildType: 'EXISTING' as const,
  });
  await bigdata.db.insert(dataCenter).values([dc('P1', '500101', 5000), dc('P2', '500101', 3000), dc('P3', '500102', 1500), dc('P4', '500103', 500)]);
  const racks = (id: string, year: string, value: number) => obs('RACKS_IN_USE', 'DATA_CENTER', id, year, value);
  await comms.db.insert(commsObservation).values([
    // 2024: P4 is late. 2023: P2 and P3 are.
    racks('P1', '2024', 4000),
    racks('P2', '2024', 2400),
    racks('P3', '2024', 900),
    racks('P1', '2023', 3000),
    racks('P4', '2023', 400),
  ]);
  // P4 reports both meters at zero for every month of 2024 (a known zero, not a missing figure).
  await energy.db
    .insert(energyObservation)
    .values([...monthlyRows('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'P4', 2024, {}), ...monthlyRows('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'P4', 2024, {})]);

  await bigdata.db.insert(dataCenter).values(
    (
      [
        ['M1', '310104', 3000],
        ['M2', '310104', 67_000],
        ['M3', '310105', 4000],
        ['M4', '310105', 6000],
      ] as const
    ).map(([id, region, racks]) => ({ ...dc(id, region, racks), buildType: 'NEW' as const })),
  );
  const month = (m: number) => `2024-${String(m).padStart(2, '0')}`;
  const year = Array.from({ length: 12 }, (_, i) => i + 1);
  await energy.db
    .insert(energyObservation)
    .values([
      obs('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'M1', '2024-01', 1_000_000),
      obs('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'M1', '2024-02', 5_000_000),
      ...monthlyRows('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'M2', 2024, { 1: 1_300_000 }),
      ...monthlyRows('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'M2', 2024, { 1: 1_000_000 }),
      ...year.map((m) => obs('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'M3', month(m), 1_100_000)),
      ...year.filter((m) => m <= 11).map((m) => obs('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'M3', month(m), 1_000_000)),
      ...year.map((m) => obs('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', 'M4', month(m), 1_250_000)),
      ...year.map((m) => obs('DC_IT_ENERGY_KWH', 'DATA_CENTER', 'M4', month(m), 1_000_000)),
    ]);
  await comms.db.insert(operator).values({ id: 'CHINA_UNICOM', nameZh: '中国联通', nameEn: 'China Unicom', kind: 'BASIC_TELECOM' });
  await comms.db.insert(coreRoom).values([
    { id: 'Q1', nameZh: 'Q1', operatorId: 'CHINA_UNICOM', regionCode: '310104', renovatedYear: 2022 },
    { id: 'Q2', nameZh: 'Q2', operatorId: 'CHINA_UNICOM', regionCode: '310104', renovatedYear: 2022 },
  ]);
  await energy.db
    .insert(energyObservation)
    .values([
      ...monthlyRows('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', 'Q1', 2024, { 3: 1_400_000 }),
      ...monthlyRows('CORE_ROOM_IT_ENERGY_KWH', 'CORE_ROOM', 'Q1', 2024, { 3: 1_000_000 }),
      obs('CORE_ROOM_TOTAL_ENERGY_KWH', 'CORE_ROOM', 'Q2', '2024-01', 500_000),
      obs('CORE_ROOM_IT_ENERGY_KWH', 'CORE_ROOM', 'Q2', '2024-02', 800_000),
    ]);

  await writeMonthsInServiceFixtures(fed);

  const res = await fed.query<{ region: { children: { code: string }[] } }>(`{ region(code: "310000") { children { code } } }`);
  const districts = res.data!.region.children.map((c) => c.code);
  const each = (metric: string, year: string, value: number, except: string[] = []) =>
    districts.filter((d) => !except.includes(d)).map((d) => obs(metric, 'REGION', d, year, value));
  await energy.db
    .insert(energyObservation)
    .values([
      ...each('TELECOM_ENERGY_TCE', '2020', 100),
      ...each('TELECOM_ENERGY_TCE', '2022', 105, ['310151']),
      ...each('TELECOM_ENERGY_TCE', '2023', 100, ['310151']),
      ...each('TELECOM_ENERGY_TCE', '2024', 110),
    ]);
  await comms.db
    .insert(commsObservation)
    .values([
      ...each('INFORMATION_TRAFFIC_GB', '2020', 1000),
      ...each('INFORMATION_TRAFFIC_GB', '2022', 1000),
      ...each('INFORMATION_TRAFFIC_GB', '2023', 1250),
      ...each('INFORMATION_TRAFFIC_GB', '2024', 1375),
    ]);
  return { districts };
}

/** 静安 310106 in 2025: data centres commissioned or closed during the year, and one that sent January alone (see above). */
async function writeMonthsInServiceFixtures(fed: TestFederation): Promise<void> {
  const { bigdata, energy } = fed.databases;
  const dc = (id: string, commissionedOn: string, designRacks: number, closedYear: number | null = null) => ({
    id,
    nameZh: id,
    operatorUscc: makeUscc('310106', '00000098'),
    regionCode: '310106',
    commissionedOn,
    status: closedYear === null ? ('OPERATING' as const) : ('SHUT_DOWN' as const),
    closedYear,
    designRacks,
    buildType: 'NEW' as const,
  });
  await bigdata.db
    .insert(dataCenter)
    .values([dc('N1', '2025-04-10', 4000), dc('N2', '2025-01-01', 500), dc('N3', '2025-01-01', 5000, 2025), dc('N4', '2025-01-01', 400, 2025)]);
  const month = (m: number) => `2025-${String(m).padStart(2, '0')}`;
  const meters = (id: string, months: number[], total: number, it: number) =>
    months.flatMap((m) => [obs('DC_TOTAL_ENERGY_KWH', 'DATA_CENTER', id, month(m), total), obs('DC_IT_ENERGY_KWH', 'DATA_CENTER', id, month(m), it)]);
  await energy.db
    .insert(energyObservation)
    .values([
      ...meters('N1', [4, 5, 6, 7, 8, 9, 10, 11, 12], 1_300_000, 1_000_000),
      ...meters('N2', [1], 2_000_000, 1_000_000),
      ...meters('N3', [1, 2, 3, 4, 5, 6], 1_500_000, 1_000_000),
      ...meters('N4', [1, 2, 4, 5, 6], 1_200_000, 1_000_000),
      obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'N1', '2025', 2_340_000),
      obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'N2', '2025', 1_000_000),
      obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'N3', '2025', 4_500_000),
      obs('DC_RENEWABLE_GREEN_POWER_KWH', 'DATA_CENTER', 'N4', '2025', 600_000),
    ]);
}
