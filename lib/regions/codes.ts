/**
 * GB/T 2260 administrative division codes for the jurisdictions in the seed documents.
 * Shanghai and Chongqing are province-level municipalities; their districts and counties
 * hang directly under them (the 310100 / 500100 "市辖区" placeholders are skipped).
 */
export type RegionLevel = 'NATIONAL' | 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export interface RegionCode {
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const NATIONAL = '000000';
export const SHANGHAI = '310000';
export const CHONGQING = '500000';

const county =
  (parentCode: string) =>
  ([code, nameZh, nameEn]: readonly [string, string, string]): RegionCode => ({
    code,
    nameZh,
    nameEn,
    level: 'COUNTY',
    parentCode,
  });

const SHANGHAI_DISTRICTS = [
  ['310101', '黄浦区', 'Huangpu'],
  ['310104', '徐汇区', 'Xuhui'],
  ['310105', '长宁区', 'Changning'],
  ['310106', '静安区', "Jing'an"],
  ['310107', '普陀区', 'Putuo'],
  ['310109', '虹口区', 'Hongkou'],
  ['310110', '杨浦区', 'Yangpu'],
  ['310112', '闵行区', 'Minhang'],
  ['310113', '宝山区', 'Baoshan'],
  ['310114', '嘉定区', 'Jiading'],
  ['310115', '浦东新区', 'Pudong New Area'],
  ['310116', '金山区', 'Jinshan'],
  ['310117', '松江区', 'Songjiang'],
  ['310118', '青浦区', 'Qingpu'],
  ['310120', '奉贤区', 'Fengxian'],
  ['310151', '崇明区', 'Chongming'],
] as const;

const CHONGQING_DISTRICTS_AND_COUNTIES = [
  ['500101', '万州区', 'Wanzhou'],
  ['500102', '涪陵区', 'Fuling'],
  ['500103', '渝中区', 'Yuzhong'],
  ['500104', '大渡口区', 'Dadukou'],
  ['500105', '江北区', 'Jiangbei'],
  ['500106', '沙坪坝区', 'Shapingba'],
  ['500107', '九龙坡区', 'Jiulongpo'],
  ['500108', '南岸区', "Nan'an"],
  ['500109', '北碚区', 'Beibei'],
  ['500110', '綦江区', 'Qijiang'],
  ['500111', '大足区', 'Dazu'],
  ['500112', '渝北区', 'Yubei'],
  ['500113', '巴南区', 'Banan'],
  ['500114', '黔江区', 'Qianjiang'],
  ['500115', '长寿区', 'Changshou'],
  ['500116', '江津区', 'Jiangjin'],
  ['500117', '合川区', 'Hechuan'],
  ['500118', '永川区', 'Yongchuan'],
  ['500119', '南川区', 'Nanchuan'],
  ['500120', '璧山区', 'Bishan'],
  ['500151', '铜梁区', 'Tongliang'],
  ['500152', '潼南区', 'Tongnan'],
  ['500153', '荣昌区', 'Rongchang'],
  ['500154', '开州区', 'Kaizhou'],
  ['500155', '梁平区', 'Liangping'],
  ['500156', '武隆区', 'Wulong'],
  ['500229', '城口县', 'Chengkou'],
  ['500230', '丰都县', 'Fengdu'],
  ['500231', '垫江县', 'Dianjiang'],
  ['500233', '忠县', 'Zhongxian'],
  ['500235', '云阳县', 'Yunyang'],
  ['500236', '奉节县', 'Fengjie'],
  ['500237', '巫山县', 'Wushan'],
  ['500238', '巫溪县', 'Wuxi'],
  ['500240', '石柱土家族自治县', 'Shizhu'],
  ['500241', '秀山土家族苗族自治县', 'Xiushan'],
  ['500242', '酉阳土家族苗族自治县', 'Youyang'],
  ['500243', '彭水苗族土家族自治县', 'Pengshui'],
] as const;

/** The real code list: the nation, the two municipalities and their 16 + 38 county-level units. */
export const REGION_CODES: readonly RegionCode[] = [
  { code: NATIONAL, nameZh: '全国', nameEn: 'China', level: 'NATIONAL', parentCode: null },
  { code: SHANGHAI, nameZh: '上海市', nameEn: 'Shanghai', level: 'PROVINCE', parentCode: NATIONAL },
  { code: CHONGQING, nameZh: '重庆市', nameEn: 'Chongqing', level: 'PROVINCE', parentCode: NATIONAL },
  ...SHANGHAI_DISTRICTS.map(county(SHANGHAI)),
  ...CHONGQING_DISTRICTS_AND_COUNTIES.map(county(CHONGQING)),
];

export const REGION_CODE_PATTERN = /^\d{6}$/;
