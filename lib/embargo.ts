import { statSync } from 'node:fs';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ObservationTable } from '../db/observation-table.ts';
import type { Agency } from './agencies.ts';
import type { Viewer } from './auth/viewer.ts';
import type { Logger } from './observability/logger.ts';
import type { RegionDirectory } from './regions/directory.ts';
import { readReleases, releasesFile, type Release } from './releases.ts';
import { formatInstant } from './calendar.ts';

/**
 * Embargoes of the release register (catalog/releases.yaml). One rule for every subgraph that serves figures: until
 * `until`, every figure of the release's year whose scope lies in its region (the region itself, the regions below it,
 * the clusters and zones in it) or holds it (the regions above it: the nation's figure less the other, published
 * provinces' would be the embargoed province's) is withheld from callers without the reader role, whatever `asOf` they ask for. An
 * as-of instant just before the release's would show nearly the same figures, so the embargo covers the year, not an
 * instant. The indicators subgraph withholds the values; each agency withholds its own figures (region observations,
 * the region facts and owners' totals it serves for indicators), so a value cannot be recomputed from its inputs.
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

/** Where a figure lies: its year and the region it is in (null when unknown: a cluster whose region did not arrive). */
export interface EmbargoScope {
  year: number;
  regionCode: string | null;
}

/**
 * The embargo that withholds a figure from this caller now, or null. An unknown region counts as inside (fail
 * closed). `owner`: the agency serving its own figures, whose own token reads them as it wrote them; the indicators
 * subgraph, which owns nothing, passes none.
 */
export function embargoOn(
  embargoes: readonly Embargo[],
  scope: EmbargoScope,
  viewer: Viewer,
  now: Date,
  regions: RegionDirectory,
  owner: Agency | null = null,
): Embargo | null {
  if (embargoes.length === 0 || lifted(viewer, owner)) return null;
  return (
    embargoes.find(
      (e) =>
        e.year === scope.year &&
        now < e.until &&
        (scope.regionCode === null || regions.within(scope.regionCode, e.region) || regions.within(e.region, scope.regionCode)),
    ) ?? null
  );
}

const lifted = (viewer: Viewer, owner: Agency | null): boolean => viewer.roles.includes('reader') || (owner !== null && viewer.agency === owner);

export const embargoMessage = (e: Embargo): string =>
  `Embargoed until ${formatInstant(e.until)}: release "${e.release}" publishes the ${e.year} figures of ${e.region}. A token with the "reader" role sees the value.`;

/** One request's view of the embargoes: which of a caller's figures they withhold. */
export interface EmbargoGate {
  /** The embargoes in force for this caller (empty for a reader, the owner, or when none is in force). */
  readonly active: readonly Embargo[];
  /** The embargo withholding the figures of `year` in `regionCode` (null: unknown, withheld by any embargo of the year). */
  at(regionCode: string | null, year: number): Embargo | null;
}

export const NO_EMBARGO: EmbargoGate = { active: [], at: () => null };

/** The gate for one caller at one instant; most requests meet no embargo and pay nothing per figure. */
export function embargoGate(embargoes: readonly Embargo[], viewer: Viewer, regions: RegionDirectory, owner: Agency | null, now = new Date()): EmbargoGate {
  const active = lifted(viewer, owner) ? [] : embargoes.filter((e) => now < e.until);
  if (active.length === 0) return NO_EMBARGO;
  return { active, at: (regionCode, year) => embargoOn(active, { year, regionCode }, viewer, now, regions, owner) };
}

/**
 * The release register's embargoes as the file now says, for a running service: a new release (or a changed
 * embargo) takes effect without a restart. The file's modification time and size are checked at most once per
 * `intervalMs`; new contents that do not parse keep the last good register and log an error.
 */
export class EmbargoRegister {
  private embargoes: readonly Embargo[];
  private stamp: string;
  private checkedAt: number;

  /** Reads the file now: an invalid register fails the start, as an invalid catalog does. */
  constructor(
    private readonly file: string = releasesFile(),
    private readonly log?: Pick<Logger, 'error' | 'info'>,
    private readonly intervalMs = 1_000,
  ) {
    this.stamp = this.fileStamp();
    this.embargoes = embargoesOf(readReleases(file));
    this.checkedAt = Date.now();
  }

  current(now = Date.now()): readonly Embargo[] {
    if (now - this.checkedAt < this.intervalMs) return this.embargoes;
    this.checkedAt = now;
    const stamp = this.fileStamp();
    if (stamp === this.stamp) return this.embargoes;
    this.stamp = stamp;
    try {
      this.embargoes = embargoesOf(readReleases(this.file));
      this.log?.info({ file: this.file, embargoes: this.embargoes.length }, 'release register reloaded');
    } catch (error) {
      this.log?.error({ file: this.file, err: error }, 'release register not reloaded: its new contents are invalid; the last good register stays in force');
    }
    return this.embargoes;
  }

  private fileStamp(): string {
    const stat = statSync(this.file, { throwIfNoEntry: false });
    return stat ? `${stat.mtimeMs}|${stat.size}` : 'absent';
  }
}

/** The region figures an active embargo withholds, as SQL can leave them out: per year, the region, every region below it and above it. */
export function withheldRegionYears(gate: EmbargoGate, regions: RegionDirectory): WithheldRegionYear[] {
  return gate.active.map((e) => ({ year: e.year, regionCodes: [...regions.selfAndDescendants(e.region), ...regions.ancestors(e.region)] }));
}

/** Regions' figures of one year withheld from the caller. */
export interface WithheldRegionYear {
  year: number;
  regionCodes: readonly string[];
}

/** Leaves out the region observations `withheld` names (units' observations have their own access rule); undefined when none is. */
export function notWithheld(table: ObservationTable, withheld: readonly WithheldRegionYear[]): SQL | undefined {
  if (withheld.length === 0) return undefined;
  return sql`not (${or(...withheld.map((w) => and(eq(table.subjectKind, 'REGION'), eq(table.year, w.year), inArray(table.subjectId, [...w.regionCodes]))))})`;
}
