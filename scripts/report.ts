// `npm run report -- --year 2025 --region 500000 [--as-of <instant> | --release <name>] [--out dir]`: the annual
// industry report, read from a running gateway's public API.
import { runReportCli, USAGE, UsageError } from '../publish/report/cli.ts';

try {
  const result = await runReportCli(process.argv.slice(2));
  console.log(`report of figures as of ${result.asOf} written to ${result.out}:`);
  for (const file of result.files.filter((f) => !f.includes('/'))) console.log(`  ${file}`);
  console.log(
    `  charts/ (${result.files.filter((f) => f.startsWith('charts/')).length} SVG), tables/ (${result.files.filter((f) => f.startsWith('tables/')).length} CSV)`,
  );
  if (result.pdfSkipped) console.log(`  no PDF: ${result.pdfSkipped}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  // A command line it cannot run from gets the usage (exit 2); a refusal (an embargo, an unknown region) only its reason.
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
}
