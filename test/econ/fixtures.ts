import type { Db } from '../../db/connection.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import {
  applicationScenario,
  carbonPeakPilot,
  designation,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  greenStandard,
  observation,
  retrofitProject,
} from '../../subgraphs/econ/tables.ts';
import { observationRow } from '../support/observations.ts';

/**
 * A small, hand-made slice of the commission's records. Every expected number in the econ tests
 * is worked out from these rows. The credit codes carry correct GB 32100 check characters.
 */
export const USCC = {
  /** Pudong manufacturer: audited 2021-12-31, diagnosed 2024-01-01, centre since 2023-12-31. */
  chemical: '91310115000000019M',
  /** Pudong park operator: no audits, diagnoses or centre. */
  park: '91310115000000027G',
  /** Yubei data-centre operator. */
  dcOperator: '915001120000000359',
  /** Yubei telecom enterprise. */
  telecom: '915001120000000434',
  /** Huangpu manufacturer. */
  huangpu: '91310101000000051P',
} as const;

export async function seedEconFixtures(db: Db): Promise<void> {
  await db.insert(enterprise).values([
    { uscc: USCC.chemical, nameZh: '浦东测试化工有限公司', regionCode: '310115', sector: 'MANUFACTURING' },
    { uscc: USCC.park, nameZh: '张江测试产业园', regionCode: '310115', sector: 'INDUSTRIAL_PARK' },
    { uscc: USCC.dcOperator, nameZh: '渝北测试数据中心有限公司', regionCode: '500112', sector: 'DATA_CENTRE' },
    { uscc: USCC.telecom, nameZh: '渝北测试通信有限公司', regionCode: '500112', sector: 'TELECOM' },
    { uscc: USCC.huangpu, nameZh: '黄浦测试精密有限公司', regionCode: '310101', sector: 'MANUFACTURING' },
  ]);
  // Usable roofs as reported each year: the chemical plant added a roof in 2024; the park reported only 2023.
  const roofs = (uscc: string, year: string, n: number) => observationRow('USABLE_ROOFS', 'ENTERPRISE', uscc, year, n);
  await db
    .insert(observation)
    .values([
      roofs(USCC.chemical, '2023', 2),
      roofs(USCC.chemical, '2024', 3),
      roofs(USCC.park, '2023', 4),
      roofs(USCC.dcOperator, '2024', 1),
      roofs(USCC.telecom, '2024', 0),
      roofs(USCC.huangpu, '2024', 2),
    ]);
  await db.insert(energyAssessment).values([
    { id: 'AUD-1', uscc: USCC.chemical, kind: 'AUDIT', completedOn: '2021-12-31', provider: '上海市能效中心' },
    { id: 'DIA-1', uscc: USCC.chemical, kind: 'DIAGNOSIS', completedOn: '2024-01-01', provider: null },
    { id: 'DIA-2', uscc: USCC.huangpu, kind: 'DIAGNOSIS', completedOn: '2020-06-30', provider: null },
  ]);
  await db.insert(energyManagementCentre).values([{ uscc: USCC.chemical, establishedOn: '2023-12-31' }]);
  await db.insert(designation).values([
    { id: 'DSG-1', kind: 'NATIONAL_GREEN_DATA_CENTER', year: 2022, regionCode: '500112', dataCenterId: 'DC-500112-001' },
    { id: 'DSG-2', kind: 'ZERO_CARBON_DATA_CENTER', year: 2024, regionCode: '500112', dataCenterId: 'DC-500112-001' },
    { id: 'DSG-3', kind: 'WASTE_HEAT_DATA_CENTER', year: 2023, regionCode: '310115', dataCenterId: 'DC-310115-001' },
    { id: 'DSG-4', kind: 'ZERO_CARBON_FACTORY', year: 2023, regionCode: '310115', enterpriseUscc: USCC.chemical },
    { id: 'DSG-5', kind: 'ZERO_CARBON_PARK', year: 2025, regionCode: '310115', enterpriseUscc: USCC.park, parkName: '张江零碳产业园' },
    { id: 'DSG-6', kind: 'ZERO_CARBON_PARK', year: 2024, regionCode: '310101', parkName: '外滩测试园区' },
  ]);
  // Pudong lists five live projects (one more withdrawn); Huangpu lists one.
  await db.insert(retrofitProject).values([
    {
      id: 'RP-310115-0001',
      name: '电机系统能效提升',
      regionCode: '310115',
      enterpriseUscc: USCC.chemical,
      plannedYear: 2022,
      completedYear: 2022,
      status: 'COMPLETED',
    },
    {
      id: 'RP-310115-0002',
      name: '余热余压利用',
      regionCode: '310115',
      enterpriseUscc: USCC.chemical,
      plannedYear: 2023,
      completedYear: 2022,
      status: 'COMPLETED',
    },
    {
      id: 'RP-310115-0003',
      name: '空压机系统改造',
      regionCode: '310115',
      enterpriseUscc: USCC.park,
      plannedYear: 2023,
      completedYear: 2024,
      status: 'COMPLETED',
    },
    {
      id: 'RP-310115-0004',
      name: '制冷系统改造',
      regionCode: '310115',
      enterpriseUscc: USCC.park,
      plannedYear: 2024,
      completedYear: null,
      status: 'IN_PROGRESS',
    },
    {
      id: 'RP-310115-0005',
      name: '厂房屋顶光伏',
      regionCode: '310115',
      enterpriseUscc: USCC.chemical,
      plannedYear: 2025,
      completedYear: null,
      status: 'LISTED',
    },
    {
      id: 'RP-310115-0006',
      name: '照明系统节能改造',
      regionCode: '310115',
      enterpriseUscc: USCC.chemical,
      plannedYear: 2024,
      completedYear: null,
      status: 'WITHDRAWN',
    },
    {
      id: 'RP-310101-0001',
      name: '电机系统能效提升',
      regionCode: '310101',
      enterpriseUscc: USCC.huangpu,
      plannedYear: 2022,
      completedYear: 2023,
      status: 'COMPLETED',
    },
    // A Chongqing project: seed 003's schedule is Shanghai's rule, not Chongqing's.
    {
      id: 'RP-500112-0001',
      name: '机房空调节能改造',
      regionCode: '500112',
      enterpriseUscc: USCC.telecom,
      plannedYear: 2023,
      completedYear: null,
      status: 'IN_PROGRESS',
    },
  ]);
  await db.insert(applicationScenario).values([
    {
      id: 'SCN-1',
      category: 'INDUSTRY_GREEN_TRANSITION',
      name: '5G+智慧工厂能效管控',
      selectedYear: 2022,
      regionCode: '310115',
      enterpriseUscc: USCC.chemical,
    },
    { id: 'SCN-2', category: 'RESIDENT_LOW_CARBON_LIFE', name: '碳普惠积分小程序', selectedYear: 2023, regionCode: '310101', enterpriseUscc: null },
    { id: 'SCN-3', category: 'URBAN_RURAL_GREEN_SMART', name: '智慧路灯按需照明', selectedYear: 2023, regionCode: '500112', enterpriseUscc: USCC.telecom },
    { id: 'SCN-4', category: 'INDUSTRY_GREEN_TRANSITION', name: '工业互联网碳足迹追踪', selectedYear: 2024, regionCode: '500112', enterpriseUscc: null },
  ]);
  await db.insert(greenStandard).values([
    { id: 'STD-1', code: 'YD/T 4001-2022', title: '通信基站节能技术要求', level: 'INDUSTRY', publishedYear: 2022 },
    { id: 'STD-2', code: 'GB/T 4002-2023', title: '数据中心能效测试方法', level: 'NATIONAL', publishedYear: 2023 },
    { id: 'STD-3', code: 'DB31/T 1301-2023', title: '数据中心绿色评价规范', level: 'LOCAL', publishedYear: 2023, regionCode: '310000' },
    { id: 'STD-4', code: 'T/CCSA 400-2025', title: '核心机房液冷系统技术要求', level: 'GROUP', publishedYear: 2025 },
  ]);
  await db.insert(carbonPeakPilot).values([
    {
      id: 'CPP-1',
      name: '浦东区域试点',
      type: 'REGION',
      goal: 'CARBON_PEAK',
      domains: ['ENERGY', 'TRANSPORT', 'CARBON_SINK', 'CIRCULAR_ECONOMY', 'MECHANISM_INNOVATION'],
      stage: 'TITLE',
      regionCode: '310115',
      applicantName: '浦东新区人民政府',
      applicationYear: 2022,
    },
    {
      id: 'CPP-2',
      name: '浦东另一区域试点',
      type: 'REGION',
      goal: 'CARBON_NEUTRAL',
      domains: ['ENERGY', 'TRANSPORT', 'CARBON_SINK', 'CIRCULAR_ECONOMY'],
      stage: 'APPLICATION',
      regionCode: '310115',
      applicantName: '浦东新区人民政府',
      applicationYear: 2025,
    },
    {
      id: 'CPP-3',
      name: '黄浦企业试点',
      type: 'ENTERPRISE',
      goal: 'CARBON_PEAK',
      domains: ['ENERGY', 'INDUSTRY_NEW_INFRASTRUCTURE', 'CARBON_EMISSION_MANAGEMENT'],
      stage: 'CONSTRUCTION',
      regionCode: '310101',
      applicantName: '黄浦测试精密有限公司',
      applicantUscc: USCC.huangpu,
      applicationYear: 2023,
    },
    {
      id: 'CPP-4',
      name: '黄浦企业试点（重复领域）',
      type: 'ENTERPRISE',
      goal: 'CARBON_PEAK',
      domains: ['ENERGY', 'ENERGY', 'TRANSPORT'],
      stage: 'DISTRICT_PRE_REVIEW',
      regionCode: '310101',
      applicantName: '某企业',
      applicationYear: 2024,
    },
    {
      id: 'CPP-5',
      name: '张江园区试点',
      type: 'PARK',
      goal: 'CARBON_NEUTRAL',
      domains: ['ENERGY', 'INDUSTRY_NEW_INFRASTRUCTURE', 'CIRCULAR_ECONOMY', 'CARBON_SINK'],
      stage: 'CONSTRUCTION',
      regionCode: '310115',
      applicantName: '张江产业园区管理委员会',
      applicationYear: 2023,
    },
    {
      id: 'CPP-6',
      name: '徐汇社区试点',
      type: 'COMMUNITY',
      goal: 'CARBON_PEAK',
      domains: ['ENERGY', 'TRANSPORT', 'CARBON_SINK'],
      stage: 'DISTRICT_PRE_REVIEW',
      regionCode: '310104',
      applicantName: '徐汇区虹梅街道办事处',
      applicationYear: 2024,
    },
    {
      id: 'CPP-7',
      name: '徐汇楼宇试点',
      type: 'BUILDING',
      goal: 'CARBON_PEAK',
      domains: ['ENERGY', 'URBAN_RURAL_CONSTRUCTION', 'CARBON_EMISSION_MANAGEMENT'],
      stage: 'TRACKING',
      regionCode: '310104',
      applicantName: '徐汇测试大厦物业管理有限公司',
      applicationYear: 2022,
    },
  ]);
}

/** Three data centres in bigdata's register, two of them operated by the Yubei operator above. */
export async function seedBigdataFixtures(db: Db): Promise<void> {
  const common = { commissionedOn: '2019-05-01', status: 'OPERATING', designRacks: 1200, buildType: 'EXISTING' } as const;
  await db.insert(dataCenter).values([
    { ...common, id: 'DC-310115-001', nameZh: '浦东测试1号数据中心', operatorUscc: USCC.dcOperator, regionCode: '310115' },
    { ...common, id: 'DC-310115-002', nameZh: '浦东测试2号数据中心', operatorUscc: USCC.telecom, regionCode: '310115' },
    { ...common, id: 'DC-500112-001', nameZh: '渝北测试1号数据中心', operatorUscc: USCC.dcOperator, regionCode: '500112' },
  ]);
}
