import type { Site5GRow, SiteCounts, TowerCounts, TowerRow } from './repository.ts';

export interface RegisterCounts {
  sites: SiteCounts[];
  towers: TowerCounts[];
}

const total = <R extends { year: number }>(rows: readonly R[], year: number, pick: (r: R) => number) =>
  rows.filter((r) => r.year === year).reduce((s, r) => s + pick(r), 0);

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

/** The per county and year counts `siteCountsInRegions` makes in SQL, from register rows (a register as of an instant). */
export function siteCountsOf(rows: readonly Site5GRow[]): SiteCounts[] {
  const counts = new Map<string, SiteCounts>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.builtYear}`;
    const c = counts.get(key) ?? { regionCode: r.regionCode, year: r.builtYear, sites: 0, shared: 0, baseStations: 0 };
    c.sites += 1;
    c.shared += r.builtBySharing ? 1 : 0;
    c.baseStations += r.baseStations;
    counts.set(key, c);
  }
  return [...counts.values()];
}

/** The per county and year counts `towerCountsInRegions` makes in SQL, from register rows. */
export function towerCountsOf(rows: readonly TowerRow[]): TowerCounts[] {
  const counts = new Map<string, TowerCounts>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.builtYear}`;
    const c = counts.get(key) ?? { regionCode: r.regionCode, year: r.builtYear, towers: 0, shared: 0 };
    c.towers += 1;
    c.shared += r.shared ? 1 : 0;
    counts.set(key, c);
  }
  return [...counts.values()];
}
