import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseInstant } from './calendar.ts';
import { projectPath } from './paths.ts';
import { parseYaml } from './yaml.ts';

/**
 * The release register: the report's releases, which the API knows too (every subgraph enforces their embargoes:
 * lib/embargo.ts). Committed in catalog/releases.yaml; RELEASES_FILE points elsewhere (tests, an operator's own list).
 */
export const DEFAULT_RELEASES_FILE = projectPath('catalog', 'releases.yaml');

/** The register's file: RELEASES_FILE, else the committed one. */
export const releasesFile = (): string => process.env.RELEASES_FILE || DEFAULT_RELEASES_FILE;

const instant = z.string().refine((s) => parseInstant(s) !== null, 'not an ISO 8601 instant of a calendar date with its zone, e.g. 2026-05-31T16:00:00Z');

const Release = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    title: z.string().min(1),
    region: z.string().regex(/^\d{6}$/),
    year: z.number().int(),
    asOf: instant,
    /** Before this instant the figures the release publishes are withheld from callers without the reader role. */
    embargoUntil: instant.optional(),
  })
  .strict();
export type Release = z.infer<typeof Release>;

const ReleaseFile = z.object({ releases: z.array(Release) }).strict();

/** Reads and checks a releases file; names are unique. */
export function readReleases(file = releasesFile()): Release[] {
  const parsed = ReleaseFile.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const r of parsed.data.releases) {
    if (seen.has(r.name)) throw new Error(`${file}: release "${r.name}" is listed twice`);
    seen.add(r.name);
  }
  return parsed.data.releases;
}

export function findRelease(name: string, file?: string): Release {
  const releases = readReleases(file);
  const release = releases.find((r) => r.name === name);
  if (!release)
    throw new Error(`No release "${name}"${releases.length ? `: known are ${releases.map((r) => r.name).join(', ')}` : ' (none is recorded yet)'}.`);
  return release;
}
