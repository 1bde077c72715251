import { readReleases, type Release } from '../../lib/releases.ts';
import type { RegionDirectory } from '../../lib/regions/directory.ts';
import type { Viewer } from '../../lib/auth/viewer.ts';

/**
 * Embargoes of the release register (catalog/releases.yaml). One rule: until `until`, every indicator value of
 * the release's year whose scope lies in its region (the region itself, the regions below it, the clusters and
 * zones in it) is withheld from callers without the reader role, whatever `asOf` they ask for. An as-of instant
 * just before the release's would show nearly the same figures, so the embargo covers the year, not an instant.
 */
export interface Embargo {
  release: string;
  region: string;
  year: number;
  until: Date;
}

export function embargoesOf(releases: readonly Release[]): Embargo[] {
  return releases.filter((r) => r.embargoUntil).map((r) => ({ release: r.name, region: r.region, year: r.year, until: new Date(r.embargoUntil!) }));
}

/** The register's embargoes (RELEASES_FILE, else catalog/releases.yaml): committed data, like the catalog, read at start. */
export const registeredEmbargoes = (): Embargo[] => embargoesOf(readReleases());

/** Where a value lies: its year and the region it is in (null when unknown: a cluster whose region did not arrive). */
export interface EmbargoScope {
  year: number;
  regionCode: string | null;
}

function within(regions: RegionDirectory, code: string, ancestor: string): boolean {
  for (let at: string | undefined = code; at; at = regions.parent(at)?.code) if (at === ancestor) return true;
  return false;
}

/** The embargo that withholds a value from this caller now, or null. An unknown region counts as inside (fail closed). */
export function embargoOn(embargoes: readonly Embargo[], scope: EmbargoScope, viewer: Viewer, now: Date, regions: RegionDirectory): Embargo | null {
  if (embargoes.length === 0 || viewer.roles.includes('reader')) return null;
  return embargoes.find((e) => e.year === scope.year && now < e.until && (scope.regionCode === null || within(regions, scope.regionCode, e.region))) ?? null;
}

export const embargoMessage = (e: Embargo): string =>
  `Embargoed until ${e.until.toISOString()}: release "${e.release}" publishes the ${e.year} figures of ${e.region}. A token with the "reader" role sees the value.`;
