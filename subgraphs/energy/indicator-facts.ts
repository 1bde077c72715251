import type { PvInstallationRow } from './repository.ts';

/** Region metrics of the catalog that energy computes from its registers rather than observations. */
export const REGISTER_METRICS: Record<string, (pv: readonly PvInstallationRow[], year: number) => number> = {
  PV_CAPACITY_SINCE_2022_MW: (pv, year) =>
    pv.filter((p) => p.commissionedOn >= '2022-01-01' && p.commissionedOn <= `${year}-12-31`).reduce((mw, p) => mw + p.capacityKw / 1000, 0),
};

/** Region metrics of the catalog that are county observations summed over the region. */
export const OBSERVED_METRICS = ['TELECOM_ENERGY_TCE', 'BS_5G_ELECTRICITY_KWH'];
