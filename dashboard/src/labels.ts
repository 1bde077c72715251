/** Interface labels in both languages; the figures' own names come from the API (nameZh / nameEn). */
import type { TargetScope } from '../../publish/client/generated/graphql.ts';

export type Lang = 'zh' | 'en';

export const LABELS = {
  title: { zh: '绿色低碳信息通信指标', en: 'Green, low-carbon ICT indicators' },
  jurisdiction: { zh: '行政区', en: 'Jurisdiction' },
  from: { zh: '起始年份', en: 'From' },
  to: { zh: '截止年份', en: 'To' },
  indicators: { zh: '指标', en: 'Indicators' },
  grid: { zh: '指标值与目标', en: 'Values and targets' },
  target: { zh: '目标', en: 'Target' },
  scope: { zh: '约束范围', en: 'Binds' },
  progress: { zh: '目标进度', en: 'Progress' },
  nonBinding: { zh: '（非约束，仅供参考）', en: '(not binding here: context only)' },
  expected: { zh: '（预期值）', en: '(expected value, not binding)' },
  scopeJurisdiction: { zh: '本级', en: 'jurisdiction' },
  scopeSubRegions: { zh: '本级及下辖区域', en: 'and sub-regions' },
  scopeEachUnit: { zh: '每个单位', en: 'each unit' },
  scopeJurisdictionHelp: { zh: '只约束设定目标的行政区本身的数值', en: 'Binds the figure of the jurisdiction that set it, not its districts' },
  scopeSubRegionsHelp: { zh: '约束该行政区及其下辖每个区县、集群或园区', en: 'Binds the jurisdiction and each district, cluster or zone inside it' },
  scopeEachUnitHelp: { zh: '约束每个单位，因而约束其中每个汇总值', en: 'Binds each unit, hence every aggregate inside the jurisdiction' },
  charts: { zh: '历年趋势', en: 'Over the years' },
  download: { zh: '下载本表及各区县数据', en: 'Download this grid with its districts' },
  districts: { zh: '区县比较', en: 'Districts compared' },
  district: { zh: '区县', en: 'District' },
  map: { zh: '区县示意图', en: 'Districts on a tile map' },
  noMap: { zh: '该行政区暂无区县示意图布局。', en: 'No tile layout for this jurisdiction yet.' },
  mapNote: {
    zh: '示意图：每个区县一个方格，位置按相对方位手工排列（非行政边界）；颜色与标记同上表。',
    en: 'A tile map: each district one square, placed by hand to keep its neighbours (not boundaries); colours and marks as in the grid.',
  },
  legend: {
    zh: '绿色：达标；红色：未达标（仅约束本区域的目标）；黄色：未达预期值（预期性指标）；进度：自基期（2020年）至目标已完成的比例；p：初步数据；c：保密（统计披露控制）；e：按已报送单位计算（部分单位未报送，覆盖率达标）；—：缺数据',
    en: 'green: meets the target; red: does not (only targets that bind this jurisdiction are judged); amber: short of an expected (indicative) value; progress: share of the way from the 2020 baseline to the target; p: provisional; c: confidential (disclosure control); e: over the units that reported (some did not; coverage above the minimum); —: missing',
  },
  loading: { zh: '加载中…', en: 'Loading…' },
  language: { zh: 'English', en: '中文' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Target scopes (the API's TargetScope) and their help texts, as keys of LABELS. */
export const SCOPE_LABELS: Record<TargetScope, keyof typeof LABELS> = {
  JURISDICTION: 'scopeJurisdiction',
  SUB_REGIONS: 'scopeSubRegions',
  EACH_UNIT: 'scopeEachUnit',
};
export const SCOPE_HELP: Record<TargetScope, keyof typeof LABELS> = {
  JURISDICTION: 'scopeJurisdictionHelp',
  SUB_REGIONS: 'scopeSubRegionsHelp',
  EACH_UNIT: 'scopeEachUnitHelp',
};
