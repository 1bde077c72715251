import { CHONGQING, NATIONAL, REGION_CODES, SHANGHAI, type RegionCode } from '../../lib/regions/codes.ts';
import { makeUscc } from '../../lib/uscc.ts';
import { Random } from './random.ts';

/**
 * The synthetic world every agency's demo data is drawn from: the registers that other agencies'
 * facts point at (regions, clusters, data centres, enterprises, operators, core rooms). Each agency
 * then generates its own facts from this world with its own random stream, so the four demo
 * databases agree on ids without any agency reading another's tables. All of it is invented.
 */
export const DEMO_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
export const DEFAULT_SEED = 20221129;

export interface DemoOptions {
  seed?: number;
  /** 1 = Shanghai and Chongqing, ~320 data centres; N adds synthetic provinces up to ~320·N data centres. */
  scale?: number;
}

export interface DemoCluster {
  id: string;
  nameZh: string;
  nameEn: string;
  provinceCode: string;
  areaKm2: number | null;
  /** County-level units the cluster spans; a data centre there is inside with high probability. */
  countyCodes: string[];
}

export interface DemoZone {
  id: string;
  clusterId: string;
  nameZh: string;
  nameEn: string;
  countyCode: string;
  startUp: boolean;
}

export interface DemoOperator {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'BASIC_TELECOM' | 'TOWER';
}

export type EnterpriseSector = 'MANUFACTURING' | 'TELECOM' | 'DATA_CENTRE' | 'INDUSTRIAL_PARK' | 'OTHER';

export interface DemoEnterprise {
  uscc: string;
  nameZh: string;
  regionCode: string;
  sector: EnterpriseSector;
  usableRoofs: number;
  /** Generator hints only (no agency stores these): energy use in 2020 and yearly drift. */
  profile: { energyTce2020: number; drift: number };
}

export type DataCenterStatus = 'OPERATING' | 'SHUT_DOWN' | 'MERGED';

export interface DemoDataCenter {
  id: string;
  nameZh: string;
  operatorUscc: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  commissionedOn: string;
  status: DataCenterStatus;
  /** The year a shut-down or merged centre stopped reporting. */
  closedYear: number | null;
  designRacks: number;
  buildType: 'NEW' | 'EXISTING';
  renovatedYear: number | null;
  clusterId: string | null;
  zoneId: string | null;
  profile: { pue: number; utilisation: number; renewableShare: number; kwPerRack: number };
}

export interface DemoCoreRoom {
  id: string;
  nameZh: string;
  operatorId: string;
  regionCode: string;
  renovatedYear: number | null;
  profile: { pue: number; itMwh: number };
}

export interface DemoWorld {
  seed: number;
  scale: number;
  years: readonly number[];
  regions: RegionCode[];
  clusters: DemoCluster[];
  zones: DemoZone[];
  operators: DemoOperator[];
  enterprises: DemoEnterprise[];
  dataCenters: DemoDataCenter[];
  coreRooms: DemoCoreRoom[];
}

export const OPERATORS: DemoOperator[] = [
  { id: 'CHINA_TELECOM', nameZh: '中国电信', nameEn: 'China Telecom', kind: 'BASIC_TELECOM' },
  { id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' },
  { id: 'CHINA_UNICOM', nameZh: '中国联通', nameEn: 'China Unicom', kind: 'BASIC_TELECOM' },
  { id: 'CHINA_BROADNET', nameZh: '中国广电', nameEn: 'China Broadnet', kind: 'BASIC_TELECOM' },
  { id: 'CHINA_TOWER', nameZh: '中国铁塔', nameEn: 'China Tower', kind: 'TOWER' },
];

/**
 * Designated clusters. Chongqing: seed 004 行动5 footnotes 1–2 (1,984 km², three start-up zones 起步区).
 * Shanghai: seed 000 二 names the national computing network's Yangtze-Delta hub node (长三角枢纽节点); the
 * national designation (NDRC et al., 2022 hub-node replies of 东数西算, not in the seeds) places that node's
 * clusters in the Yangtze-Delta ecological green integration demonstration zone and in Wuhu. Shanghai's part
 * is the demonstration zone's Qingpu share, so SH_HUB lies in 青浦 only: Pudong and Lingang are outside it,
 * and it has no start-up zones (a Chongqing notion). Not every Qingpu centre lies in the zone (85% do here).
 */
const CLUSTERS: DemoCluster[] = [
  {
    id: 'CQ_CLUSTER',
    nameZh: '重庆数据中心集群',
    nameEn: 'Chongqing data-centre cluster',
    provinceCode: CHONGQING,
    areaKm2: 1984,
    countyCodes: ['500106', '500107', '500108', '500109', '500112', '500113', '500120'],
  },
  {
    id: 'SH_HUB',
    nameZh: '全国一体化算力网络长三角枢纽节点 长三角生态绿色一体化发展示范区数据中心集群（上海青浦）',
    nameEn: 'Yangtze Delta hub node: eco-green integration demonstration zone cluster (Shanghai, Qingpu)',
    provinceCode: SHANGHAI,
    areaKm2: null,
    countyCodes: ['310118'],
  },
];

const ZONES: DemoZone[] = [
  { id: 'CQ_SHUITU', clusterId: 'CQ_CLUSTER', nameZh: '两江新区水土新城', nameEn: 'Liangjiang Shuitu New Town', countyCode: '500109', startUp: true },
  {
    id: 'CQ_BISHAN',
    clusterId: 'CQ_CLUSTER',
    nameZh: '西部（重庆）科学城璧山片区',
    nameEn: 'Western Science City, Bishan',
    countyCode: '500120',
    startUp: true,
  },
  {
    id: 'CQ_JINGKAI',
    clusterId: 'CQ_CLUSTER',
    nameZh: '重庆经济技术开发区',
    nameEn: 'Chongqing Economic and Technological Development Zone',
    countyCode: '500108',
    startUp: true,
  },
];

const CENTRES: Record<string, [number, number]> = { [SHANGHAI]: [31.23, 121.47], [CHONGQING]: [29.56, 106.55] };
const PROVINCE_PREFIXES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
];
const DC_OPERATOR_NAMES = ['电信', '移动', '联通', '万国数据', '世纪互联', '秦淮数据', '数据港', '云计算', '算力科技', '信息港'];
const ENTERPRISE_WORDS = ['精密', '化工', '钢铁', '汽车', '电子', '材料', '制药', '食品', '机械', '纺织', '能源', '物流'];

/** Synthetic provinces → prefectures → counties for national-scale benchmarks. */
function syntheticRegions(scale: number): RegionCode[] {
  if (scale <= 1) return [];
  const provinces = Math.min(PROVINCE_PREFIXES.length, scale - 1);
  const countiesPerPrefecture = Math.min(99, Math.ceil((20 * (scale - 1)) / provinces));
  const out: RegionCode[] = [];
  for (const prefix of PROVINCE_PREFIXES.slice(0, provinces)) {
    const province = `${prefix}0000`;
    out.push({ code: province, nameZh: `合成省${prefix}`, nameEn: `Synthetic province ${prefix}`, level: 'PROVINCE', parentCode: NATIONAL });
    for (let p = 1; p <= 5; p++) {
      const prefecture = `${prefix}${String(p).padStart(2, '0')}00`;
      out.push({ code: prefecture, nameZh: `合成市${prefix}${p}`, nameEn: `Synthetic city ${prefix}-${p}`, level: 'PREFECTURE', parentCode: province });
      for (let c = 1; c <= countiesPerPrefecture; c++) {
        const code = `${prefix}${String(p).padStart(2, '0')}${String(c).padStart(2, '0')}`;
        out.push({ code, nameZh: `合成县${code}`, nameEn: `Synthetic county ${code}`, level: 'COUNTY', parentCode: prefecture });
      }
    }
  }
  return out;
}

function provinceOf(regions: Map<string, RegionCode>, code: string): string {
  let current = regions.get(code);
  while (current && current.level !== 'PROVINCE' && current.parentCode) current = regions.get(current.parentCode);
  return current?.code ?? NATIONAL;
}

/** Standard racks by scale class: many small rooms, a few hyper-large campuses. */
function designRacks(random: Random): number {
  const r = random.float();
  if (r < 0.45) return random.int(60, 800);
  if (r < 0.75) return random.int(801, 2999);
  if (r < 0.95) return random.int(3000, 9999);
  return random.int(10000, 30000);
}

/** The code list of a demo world: the real codes plus the synthetic ones of larger scales. */
export function demoRegions(scale = 1): RegionCode[] {
  return [...REGION_CODES, ...syntheticRegions(Math.max(1, Math.floor(scale)))];
}

export function buildWorld(options: DemoOptions = {}): DemoWorld {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const random = new Random(seed, 'world');
  const regions = demoRegions(scale);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const counties = regions.filter((r) => r.level === 'COUNTY');
  const realCounties = counties.filter((r) => r.parentCode === SHANGHAI || r.parentCode === CHONGQING);
  const syntheticCounties = counties.filter((r) => !realCounties.includes(r));

  const enterprises: DemoEnterprise[] = [];
  const addEnterprise = (regionCode: string, sector: EnterpriseSector, nameZh: string, energyTce2020: number): DemoEnterprise => {
    const serial = String(10_000_000 + enterprises.length * 7919).slice(-8);
    const enterprise: DemoEnterprise = {
      uscc: makeUscc(regionCode, serial),
      nameZh,
      regionCode,
      sector,
      usableRoofs: sector === 'OTHER' ? 0 : random.int(0, 4),
      profile: { energyTce2020: Math.round(energyTce2020), drift: random.normal(-0.01, 0.03) },
    };
    enterprises.push(enterprise);
    return enterprise;
  };

  // Energy-using enterprises clustered around the 2,000 / 5,000 / 10,000 tce thresholds of seed 003.
  const enterpriseCount = 240 * scale;
  for (let i = 0; i < enterpriseCount; i++) {
    const region = i < 240 ? random.pick(realCounties) : random.pick(syntheticCounties);
    const threshold = random.pick([2000, 5000, 10000]);
    const tce = i % 40 === 0 ? threshold : Math.max(200, threshold * random.float(0.6, 1.6));
    const sector = random.pick<EnterpriseSector>(['MANUFACTURING', 'MANUFACTURING', 'MANUFACTURING', 'TELECOM', 'INDUSTRIAL_PARK', 'OTHER']);
    const word = random.pick(ENTERPRISE_WORDS);
    addEnterprise(region.code, sector, `${region.nameZh}${word}${sector === 'INDUSTRIAL_PARK' ? '产业园' : '有限公司'}${i + 1}`, tce);
  }

  // Data-centre operators are enterprises too; the data centres point at them by USCC.
  const dcOperators = new Map<string, DemoEnterprise[]>();
  const operatorsIn = (provinceCode: string): DemoEnterprise[] => {
    let list = dcOperators.get(provinceCode);
    if (!list) {
      const seat = counties.find((c) => provinceOf(byCode, c.code) === provinceCode) ?? realCounties[0]!;
      list = DC_OPERATOR_NAMES.map((n) =>
        addEnterprise(seat.code, 'DATA_CENTRE', `${byCode.get(provinceCode)?.nameZh ?? ''}${n}数据中心有限公司`, random.float(3000, 40000)),
      );
      dcOperators.set(provinceCode, list);
    }
    return list;
  };

  const dataCenters: DemoDataCenter[] = [];
  const dcCount = 320 * scale;
  const perRegion = new Map<string, number>();
  for (let i = 0; i < dcCount; i++) {
    const region =
      i < 320
        ? i < 150
          ? random.pick(realCounties.filter((c) => c.parentCode === SHANGHAI))
          : random.pick(realCounties.filter((c) => c.parentCode === CHONGQING))
        : random.pick(syntheticCounties);
    const province = provinceOf(byCode, region.code);
    const cluster = CLUSTERS.find((c) => c.countyCodes.includes(region.code));
    const inside = cluster !== undefined && random.chance(0.85);
    const zone = inside ? ZONES.find((z) => z.countyCode === region.code && z.clusterId === cluster.id) : undefined;
    const year = random.chance(0.35) ? random.int(2005, 2014) : random.int(2015, 2025);
    const racks = designRacks(random);
    const isNew = year >= 2021;
    const old = year <= 2015;
    const basePue = isNew ? random.float(1.18, 1.38) : old ? random.float(1.45, 2.1) : random.float(1.3, 1.6);
    const renovatedYear = !isNew && random.chance(0.3) ? random.int(2021, 2025) : null;
    const closed = old && racks <= 800 && random.chance(0.2);
    const seq = (perRegion.get(region.code) ?? 0) + 1;
    perRegion.set(region.code, seq);
    const [lat, lon] = CENTRES[province] ?? [30 + random.float(-8, 10), 110 + random.float(-20, 12)];
    dataCenters.push({
      id: `DC-${region.code}-${String(seq).padStart(3, '0')}`,
      nameZh: `${region.nameZh}${random.pick(DC_OPERATOR_NAMES)}${seq}号数据中心`,
      operatorUscc: random.pick(operatorsIn(province)).uscc,
      regionCode: region.code,
      latitude: Number((lat + random.float(-0.4, 0.4)).toFixed(5)),
      longitude: Number((lon + random.float(-0.5, 0.5)).toFixed(5)),
      commissionedOn: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      status: closed ? random.pick<DataCenterStatus>(['SHUT_DOWN', 'MERGED']) : 'OPERATING',
      closedYear: closed ? random.int(2022, 2025) : null,
      designRacks: racks,
      buildType: isNew ? 'NEW' : 'EXISTING',
      renovatedYear,
      clusterId: inside ? cluster.id : null,
      zoneId: zone?.id ?? null,
      profile: {
        pue: basePue,
        utilisation: random.float(isNew ? 0.35 : 0.5, 0.92),
        renewableShare: random.float(0.05, inside ? 0.65 : 0.4),
        kwPerRack: random.float(2.5, isNew ? 8 : 4.5),
      },
    });
  }

  const coreRooms: DemoCoreRoom[] = [];
  const provinces = regions.filter((r) => r.level === 'PROVINCE');
  for (const province of provinces) {
    const inProvince = counties.filter((c) => provinceOf(byCode, c.code) === province.code);
    for (const operator of OPERATORS.filter((o) => o.kind === 'BASIC_TELECOM')) {
      for (let n = 1; n <= 3; n++) {
        const region = random.pick(inProvince);
        const renovatedYear = random.chance(0.6) ? random.int(2021, 2025) : null;
        coreRooms.push({
          id: `CR-${province.code.slice(0, 2)}-${operator.id}-${n}`,
          nameZh: `${operator.nameZh}${region.nameZh}核心机房${n}`,
          operatorId: operator.id,
          regionCode: region.code,
          renovatedYear,
          profile: { pue: random.float(1.55, 2.0), itMwh: random.float(2000, 12000) },
        });
      }
    }
  }

  return {
    seed,
    scale,
    years: DEMO_YEARS,
    regions,
    clusters: CLUSTERS.filter((c) => byCode.has(c.provinceCode)),
    zones: ZONES,
    operators: OPERATORS,
    enterprises,
    dataCenters,
    coreRooms,
  };
}
