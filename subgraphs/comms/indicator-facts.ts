import type { SiteCounts, TowerCounts } from './repository.ts';

export interface RegisterCounts {
  sites: SiteCounts[];
  towers: TowerCounts[];
}

const total = <R extends { year: number }>(rows: readonly R[], year: number, pick: (r: R) => number) => rows.filter((r) => r.year === year).reduce((s, r) => s + pick(r), 0);

/**
 * comms' region metrics counted from its registers (things built in the year). A test checks
 * every comms-owned region metric of the catalog is here or an observed metric.
 */
export const REGISTER_METRICS: Record<string, (c: RegisterCounts, year: number) => number> = {
  NEW_5G_SITES: (c, y) => total(c.sites, y, (r) => r.sites),
  NEW_5G_SITES_SHARED: (c, y) => total(c.sites, y, (r) => r.shared),
  NEW_5G_SITE_BASE_STATIONS: (c, y) => total(c.sites, y, (r) => r.baseStations),
  NEW_TOWERS: (c, y) => total(c.towers, y, (r) => r.towers),
  NEW_TOWERS_SHARED: (c, y) => total(c.towers, y, (r) => r.shared),
};

/** Region metrics of the catalog that are county observations summed over the region. */
export const OBSERVED_METRICS = ['INFORMATION_TRAFFIC_GB', 'TELECOM_BUSINESS_VOLUME_10K_CNY', 'TRAFFIC_5G_GB'];
