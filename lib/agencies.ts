/** The four agencies that each run a subgraph. Order is the start order and the default port order. */
export const AGENCIES = ['comms', 'econ', 'bigdata', 'energy'] as const;
export type Agency = (typeof AGENCIES)[number];

export const AGENCY_NAMES: Record<Agency, { zh: string; en: string }> = {
  comms: { zh: '通信管理局', en: 'Communications Administration' },
  econ: { zh: '经济和信息化委员会', en: 'Economic and Information Commission' },
  bigdata: { zh: '大数据发展局', en: 'Big Data Bureau' },
  energy: { zh: '能源局', en: 'Energy Bureau' },
};

export const DEFAULT_PORTS: Record<Agency | 'indicators' | 'gateway', number> = {
  gateway: 4000,
  comms: 4001,
  econ: 4002,
  bigdata: 4003,
  energy: 4004,
  indicators: 4005,
};

export function isAgency(value: string): value is Agency {
  return (AGENCIES as readonly string[]).includes(value);
}
