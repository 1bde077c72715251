import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { port } from '../../lib/config.ts';
import { httpTransport } from '../client/request.ts';
import { generateReport, type ReportResult } from './generate.ts';
import { parseInstant } from '../../lib/calendar.ts';
import { findRelease } from '../../lib/releases.ts';

export const USAGE = `usage: npm run report -- --year 2025 --region 500000 [--as-of <ISO instant> | --release <name>] [--compare-with <release | instant>] [--out dir] [--gateway URL] [--token T] [--no-pdf]
  --release   a release of catalog/releases.yaml (RELEASES_FILE): its region, year and as-of instant
  --compare-with <release or instant>   adds what changed since that release's (or instant's) figures
  --gateway   the gateway's /graphql (default GATEWAY_URL, else http://localhost:<GATEWAY_PORT>/graphql)
  --token     bearer token to read as (default REPORT_TOKEN); without one the report shows what anyone may see`;

/** A command line the report cannot run from (a flag missing or malformed): the usage text helps, where a refusal's message does not. */
export class UsageError extends Error {}

/** Parses the command line, runs the report with a progress bar on stderr, and says where it went. */
export async function runReportCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<ReportResult & { out: string }> {
  const { values } = parseCommandLine(argv);
  if (values['as-of'] && values.release) throw new UsageError('Give --as-of or --release, not both: a release fixes its own instant.');
  const release = values.release ? findRelease(values.release) : undefined;
  const year = values.year !== undefined ? Number(values.year) : release?.year;
  const region = values.region ?? release?.region;
  if (year === undefined || !Number.isInteger(year)) throw new UsageError('--year must be a calendar year, e.g. 2025.');
  if (!region || !/^\d{6}$/.test(region)) throw new UsageError('--region must be a six-digit GB/T 2260 code, e.g. 500000.');
  if (release && (release.year !== year || release.region !== region))
    throw new UsageError(`Release "${release.name}" is the ${release.year} report of ${release.region}, not of ${region} for ${year}.`);
  if (values['as-of'] !== undefined && parseInstant(values['as-of']) === null)
    throw new UsageError('--as-of must be an ISO 8601 instant with its zone, e.g. 2026-03-31T16:00:00Z.');

  const against = values['compare-with'];
  let compareWith: { label: string; asOf: string } | undefined;
  if (against !== undefined) {
    if (parseInstant(against) !== null) compareWith = { label: against, asOf: against };
    else {
      const earlier = findRelease(against);
      if (earlier.region !== region || earlier.year !== year)
        throw new UsageError(`Release "${earlier.name}" is the ${earlier.year} report of ${earlier.region}: compare reports of the same region and year.`);
      compareWith = { label: `release ${earlier.name}`, asOf: earlier.asOf };
    }
  }

  const gateway = values.gateway ?? env.GATEWAY_URL ?? `http://localhost:${port('gateway')}/graphql`;
  const token = values.token ?? env.REPORT_TOKEN;
  const out = path.resolve(values.out ?? path.join('reports', `${region}-${year}${release ? `-${release.name}` : ''}`));
  const bar = values.quiet
    ? null
    : new cliProgress.SingleBar(
        { format: 'report {bar} {value}/{total} {label}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
  bar?.start(1, 0, { label: 'starting' });
  try {
    const result = await generateReport({
      transport: httpTransport(gateway, token ? `Bearer ${token}` : undefined),
      region,
      year,
      ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
      ...(release ? { release } : {}),
      ...(compareWith ? { compareWith } : {}),
      out,
      pdf: !values['no-pdf'],
      onProgress: (done, total, label) => {
        bar?.setTotal(total);
        bar?.update(done, { label });
      },
    });
    return { ...result, out };
  } finally {
    bar?.stop();
  }
}

/** The flags, as node:util's parseArgs reads them; an unknown flag or a missing value is a UsageError. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        year: { type: 'string' },
        region: { type: 'string' },
        'as-of': { type: 'string' },
        release: { type: 'string' },
        'compare-with': { type: 'string' },
        out: { type: 'string' },
        gateway: { type: 'string' },
        token: { type: 'string' },
        'no-pdf': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
