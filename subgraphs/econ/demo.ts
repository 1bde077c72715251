import type { Db } from '../../db/connection.ts';
import { stampPublication } from '../../db/demo/publication.ts';
import { insertChunked } from '../../db/insert.ts';
import { Random } from '../../db/demo/random.ts';
import type { DemoDataCenter, DemoEnterprise, DemoWorld } from '../../db/demo/world.ts';
import { CHONGQING, SHANGHAI } from '../../lib/regions/codes.ts';
import { econMetrics } from './metrics.ts';
import { PILOT_MINIMUM_DOMAINS } from './rules.ts';
import {
  applicationScenario,
  carbonPeakPilot,
  designation,
  energyAssessment,
  energyManagementCentre,
  enterprise,
  greenStandard,
  observation,
  pilotDomain,
  pilotStage,
  pilotType,
  retrofitProject,
  scenarioCategory,
} from './tables.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

const day = (random: Random, year: number): string => `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

const PROVIDERS = ['上海市节能协会', '上海市能效中心', '重庆市节能技术服务中心', '中国电子技术标准化研究院', '某节能服务有限公司'];

/**
 * Audits, diagnoses and energy-management centres follow seed 003's tce bands on the enterprise's
 * 2020 energy use, with high but incomplete coverage (the campaign started in August 2022).
 */
function assessments(world: DemoWorld, random: Random) {
  const rows: Insert<typeof energyAssessment>[] = [];
  const centres: Insert<typeof energyManagementCentre>[] = [];
  const add = (e: DemoEnterprise, kind: 'AUDIT' | 'DIAGNOSIS', year: number) =>
    rows.push({
      id: `${kind === 'AUDIT' ? 'AUD' : 'DIA'}-${e.uscc}-${year}`,
      uscc: e.uscc,
      kind,
      completedOn: day(random, year),
      provider: random.chance(0.7) ? random.pick(PROVIDERS) : null,
    });
  for (const e of world.enterprises) {
    const tce = e.profile.energyTce2020;
    if (tce >= 5000) {
      // Key energy users were audited before the plan too, which is why 2020–2021 coverage is partial.
      if (random.chance(0.45)) add(e, 'AUDIT', random.int(2018, 2020));
      if (random.chance(0.92)) add(e, 'AUDIT', random.chance(0.75) ? 2022 : 2023);
      if (random.chance(0.3)) add(e, 'AUDIT', 2025);
    } else if (tce >= 2000) {
      if (random.chance(0.85)) add(e, 'DIAGNOSIS', random.pick([2022, 2022, 2023, 2024]));
    }
    if (tce >= 2000 && tce < 5000 && random.chance(0.2)) add(e, 'AUDIT', random.int(2021, 2024));
    const centreChance = tce >= 10000 ? 0.85 : tce >= 5000 ? 0.25 : 0;
    if (random.chance(centreChance))
      centres.push({ uscc: e.uscc, establishedOn: day(random, random.chance(0.4) ? random.int(2015, 2020) : random.int(2021, 2025)) });
  }
  // A second audit in the same year would collide on id; keep the first.
  const unique = new Map(rows.map((r) => [r.id, r]));
  return { assessments: [...unique.values()], centres };
}

const commissionedYear = (dc: DemoDataCenter): number => Number(dc.commissionedOn.slice(0, 4));

/** Designations: a few per kind, drawn from the centres and enterprises whose profile fits. */
function designations(world: DemoWorld, random: Random): Insert<typeof designation>[] {
  const rows: Insert<typeof designation>[] = [];
  const seq = new Map<string, number>();
  const add = (prefix: string, row: Omit<Insert<typeof designation>, 'id'>) => {
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    rows.push({ id: `${prefix}-${row.year}-${String(n).padStart(5, '0')}`, ...row });
  };
  for (const dc of world.dataCenters) {
    if (dc.status !== 'OPERATING') continue;
    const from = Math.max(2020, commissionedYear(dc) + 1);
    if (from > 2025) continue;
    const base = { regionCode: dc.regionCode, dataCenterId: dc.id };
    if (dc.profile.pue <= 1.3 && random.chance(0.25)) add('NGDC', { ...base, kind: 'NATIONAL_GREEN_DATA_CENTER', year: random.int(from, 2025) });
    if (dc.profile.pue <= 1.35 && dc.profile.renewableShare >= 0.35 && random.chance(0.12))
      add('ZCDC', { ...base, kind: 'ZERO_CARBON_DATA_CENTER', year: random.int(Math.max(from, 2023), 2025) });
    if (dc.designRacks >= 800 && random.chance(0.03)) add('WHDC', { ...base, kind: 'WASTE_HEAT_DATA_CENTER', year: random.int(Math.max(from, 2022), 2025) });
  }
  for (const e of world.enterprises) {
    if (e.sector === 'MANUFACTURING' && random.chance(0.12))
      add('ZCF', { kind: 'ZERO_CARBON_FACTORY', year: random.int(2022, 2025), regionCode: e.regionCode, enterpriseUscc: e.uscc });
    if (e.sector === 'INDUSTRIAL_PARK' && random.chance(0.12))
      add('ZCP', { kind: 'ZERO_CARBON_PARK', year: random.int(2023, 2025), regionCode: e.regionCode, enterpriseUscc: e.uscc, parkName: e.nameZh });
  }
  return rows;
}

const RETROFIT_MEASURES = ['电机系统能效提升', '余热余压利用', '空压机系统改造', '制冷系统改造', '能源管理中心建设', '厂房屋顶光伏', '照明系统节能改造'];

/**
 * Each audited or diagnosed enterprise lists one to three projects with its district; planned
 * years follow the 20 / 30 / 30 / 20 % schedule of seed 003 §四.4, and most finish on time.
 */
function retrofits(world: DemoWorld, random: Random, assessed: ReadonlySet<string>): Insert<typeof retrofitProject>[] {
  const rows: Insert<typeof retrofitProject>[] = [];
  const perRegion = new Map<string, number>();
  for (const e of world.enterprises) {
    if (!assessed.has(e.uscc)) continue;
    for (let k = random.int(1, 3); k > 0; k--) {
      const plannedYear = random.pick([2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024, 2025, 2025]);
      const r = random.float();
      const completedYear = r < 0.78 ? plannedYear : r < 0.86 && plannedYear > 2022 ? plannedYear - 1 : r < 0.94 && plannedYear < 2025 ? plannedYear + 1 : null;
      const status =
        completedYear !== null ? 'COMPLETED' : random.chance(0.15) ? 'WITHDRAWN' : plannedYear >= 2025 && random.chance(0.5) ? 'LISTED' : 'IN_PROGRESS';
      const n = (perRegion.get(e.regionCode) ?? 0) + 1;
      perRegion.set(e.regionCode, n);
      rows.push({
        id: `RP-${e.regionCode}-${String(n).padStart(4, '0')}`,
        name: `${e.nameZh}${random.pick(RETROFIT_MEASURES)}项目`,
        regionCode: e.regionCode,
        enterpriseUscc: e.uscc,
        plannedYear,
        completedYear,
        status,
      });
    }
  }
  return rows;
}

const SCENARIO_NAMES: Record<(typeof scenarioCategory)[number], string[]> = {
  INDUSTRY_GREEN_TRANSITION: ['5G+智慧工厂能效管控', '工业互联网碳足迹追踪', '数字孪生产线节能优化', '园区智慧能源管理平台'],
  RESIDENT_LOW_CARBON_LIFE: ['碳普惠积分小程序', '智慧社区能耗可视化', '绿色出行数字服务', '家庭光储用电管家'],
  URBAN_RURAL_GREEN_SMART: ['城市运行一网统管能耗监测', '数字乡村光伏运维', '智慧路灯按需照明', '建筑能耗在线监测平台'],
};

/** Zero to two scenarios per province, category and year 2022–2025, mostly from local enterprises. */
function scenarios(world: DemoWorld, random: Random): Insert<typeof applicationScenario>[] {
  const rows: Insert<typeof applicationScenario>[] = [];
  const byCounty = new Map<string, DemoEnterprise[]>();
  for (const e of world.enterprises) {
    const list = byCounty.get(e.regionCode);
    if (list) list.push(e);
    else byCounty.set(e.regionCode, [e]);
  }
  for (const province of world.regions.filter((r) => r.level === 'PROVINCE')) {
    const counties = world.regions.filter(
      (r) => r.level === 'COUNTY' && (r.parentCode === province.code || r.parentCode?.startsWith(province.code.slice(0, 2))),
    );
    if (counties.length === 0) continue;
    for (const year of [2022, 2023, 2024, 2025]) {
      for (const category of scenarioCategory) {
        for (let k = random.int(0, 2); k > 0; k--) {
          const county = random.pick(counties);
          const local = byCounty.get(county.code) ?? [];
          const submitter = local.length > 0 && random.chance(category === 'INDUSTRY_GREEN_TRANSITION' ? 0.85 : 0.5) ? random.pick(local) : undefined;
          rows.push({
            id: `SCN-${year}-${String(rows.length + 1).padStart(4, '0')}`,
            category,
            name: `${county.nameZh}${random.pick(SCENARIO_NAMES[category])}`,
            selectedYear: year,
            regionCode: county.code,
            enterpriseUscc: submitter?.uscc ?? null,
          });
        }
      }
    }
  }
  return rows;
}

const STANDARD_SUBJECTS = ['数据中心', '通信基站', '核心机房', '5G网络', '通信铁塔', '边缘数据中心', '光传送网', '云计算平台'];
const STANDARD_ASPECTS = ['能效测试方法', '绿色评价规范', '节能技术要求', '碳排放核算方法', '液冷系统技术要求', '能耗监测平台技术要求'];
const LEVEL_PREFIX = { NATIONAL: 'GB/T', INDUSTRY: 'YD/T', GROUP: 'T/CCSA' } as const;

/** 32–40 ICT green standards over 2022–2025 (seed 002 #10 asks for ≥ 30 nationally); fixed, not scaled. */
function standards(world: DemoWorld, random: Random): Insert<typeof greenStandard>[] {
  const titles = STANDARD_SUBJECTS.flatMap((s) => STANDARD_ASPECTS.map((a) => `${s}${a}`));
  const total = random.int(32, 40);
  const rows: Insert<typeof greenStandard>[] = [];
  const provinces = world.regions.filter((r) => r.level === 'PROVINCE' && (r.code === SHANGHAI || r.code === CHONGQING));
  for (let i = 0; i < total; i++) {
    const title = titles.splice(random.int(0, titles.length - 1), 1)[0]!;
    const year = random.int(2022, 2025);
    const level = random.pick(['NATIONAL', 'INDUSTRY', 'INDUSTRY', 'INDUSTRY', 'GROUP', 'GROUP', 'LOCAL'] as const);
    const number = 4000 + i * 7;
    if (level === 'LOCAL') {
      const province = random.pick(provinces);
      rows.push({
        id: `STD-${i + 1}`,
        code: `DB${province.code.slice(0, 2)}/T ${1300 + i}-${year}`,
        title,
        level,
        publishedYear: year,
        regionCode: province.code,
      });
    } else {
      rows.push({ id: `STD-${i + 1}`, code: `${LEVEL_PREFIX[level]} ${number}-${year}`, title, level, publishedYear: year, regionCode: null });
    }
  }
  return rows;
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const PILOT_TYPE_ZH = { REGION: '综合性区域', PARK: '产业园区', COMMUNITY: '居民社区', BUILDING: '建筑楼宇', ENTERPRISE: '企事业单位' } as const;
const STREETS = ['新华', '江川', '虹桥', '五角场', '张江', '泗泾', '南翔', '罗店'];

/**
 * Seed 001 is Shanghai's programme: one to three applications per district. Some plans cover too
 * few domains and stay at the early stages; the others have moved on according to their age.
 */
function pilots(world: DemoWorld, random: Random): Insert<typeof carbonPeakPilot>[] {
  const rows: Insert<typeof carbonPeakPilot>[] = [];
  for (const district of world.regions.filter((r) => r.parentCode === SHANGHAI)) {
    const local = world.enterprises.filter((e) => e.regionCode === district.code);
    for (let n = 1, count = random.int(1, 3); n <= count; n++) {
      const type = random.pick(pilotType);
      const applicant = type === 'ENTERPRISE' && local.length > 0 ? random.pick(local) : undefined;
      if (type === 'ENTERPRISE' && !applicant) continue;
      const minimum = PILOT_MINIMUM_DOMAINS[type];
      const domains = shuffle(random, pilotDomain).slice(0, random.int(minimum - 1, Math.min(8, minimum + 2)));
      const applicationYear = random.int(2022, 2025);
      const furthest = domains.length < minimum ? 1 : Math.min(pilotStage.length - 1, (2025 - applicationYear) * 2 + 2);
      const goal = random.chance(0.7) ? 'CARBON_PEAK' : 'CARBON_NEUTRAL';
      const applicantName = {
        REGION: `${district.nameZh}人民政府`,
        PARK: `${district.nameZh}${random.pick(['高新', '经济', '智造'])}产业园区管理委员会`,
        COMMUNITY: `${district.nameZh}${random.pick(STREETS)}街道办事处`,
        BUILDING: `${district.nameZh}${random.pick(STREETS)}大厦物业管理有限公司`,
        ENTERPRISE: applicant?.nameZh ?? '',
      }[type];
      rows.push({
        id: `CPP-${district.code}-${String(n).padStart(2, '0')}`,
        name: `${district.nameZh}${PILOT_TYPE_ZH[type]}碳${goal === 'CARBON_PEAK' ? '达峰' : '中和'}试点${n}`,
        type,
        goal,
        domains,
        stage: pilotStage[random.int(0, furthest)]!,
        regionCode: district.code,
        applicantName,
        applicantUscc: applicant?.uscc ?? null,
        applicationYear,
      });
    }
  }
  return rows;
}

/**
 * Usable roofs as every enterprise reports them each year (USABLE_ROOFS): the world's roof count,
 * which energy's PV installations are drawn against, so the rooftop-PV ratio stays consistent.
 */
function usableRoofs(world: DemoWorld): Insert<typeof observation>[] {
  const { code, subjectKind } = econMetrics.USABLE_ROOFS;
  return world.enterprises.flatMap((e) =>
    world.years.map((year) => ({ metric: code, subjectKind, subjectId: e.uscc, period: String(year), year, value: e.usableRoofs, status: 'FINAL' as const })),
  );
}

/** The commission's register and records, drawn from the shared world with econ's own random stream. */
export async function seedDemo(db: Db, world: DemoWorld): Promise<void> {
  const random = new Random(world.seed, 'econ');
  await insertChunked(
    db,
    enterprise,
    world.enterprises.map(({ profile: _, usableRoofs: __, ...e }) => e),
  );
  await insertChunked(db, observation, usableRoofs(world), 5000);
  const { assessments: assessmentRows, centres } = assessments(world, random);
  await insertChunked(db, energyAssessment, assessmentRows);
  await insertChunked(db, energyManagementCentre, centres);
  await insertChunked(db, designation, designations(world, random));
  await insertChunked(db, retrofitProject, retrofits(world, random, new Set(assessmentRows.filter((a) => a.completedOn >= '2022').map((a) => a.uscc))));
  await insertChunked(db, applicationScenario, scenarios(world, random));
  await insertChunked(db, greenStandard, standards(world, random));
  await insertChunked(db, carbonPeakPilot, pilots(world, random));
  await stampPublication(db, observation);
}
