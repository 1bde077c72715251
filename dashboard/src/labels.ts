/** Interface labels in both languages; the figures' own names come from the API (nameZh / nameEn). */
export type Lang = 'zh' | 'en';

export const LABELS = {
  title: { zh: '绿色低碳信息通信指标', en: 'Green, low-carbon ICT indicators' },
  jurisdiction: { zh: '行政区', en: 'Jurisdiction' },
  from: { zh: '起始年份', en: 'From' },
  to: { zh: '截止年份', en: 'To' },
  indicators: { zh: '指标', en: 'Indicators' },
  grid: { zh: '指标值与目标', en: 'Values and targets' },
  target: { zh: '目标', en: 'Target' },
  charts: { zh: '历年趋势', en: 'Over the years' },
  districts: { zh: '区县比较', en: 'Districts compared' },
  district: { zh: '区县', en: 'District' },
  legend: {
    zh: '绿色：达标；红色：未达标；p：初步数据；c：保密（统计披露控制）；e：按已报送单位计算（部分单位未报送，覆盖率达标）；—：缺数据',
    en: 'green: meets the target; red: does not; p: provisional; c: confidential (disclosure control); e: over the units that reported (some did not; coverage above the minimum); —: missing',
  },
  loading: { zh: '加载中…', en: 'Loading…' },
  language: { zh: 'English', en: '中文' },
} as const satisfies Record<string, Record<Lang, string>>;

export const JURISDICTIONS = [
  { code: '500000', zh: '重庆市', en: 'Chongqing' },
  { code: '310000', zh: '上海市', en: 'Shanghai' },
] as const;
