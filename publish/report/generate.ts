import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Transport } from '../client/request.ts';
import { toCsvText } from '../csv.ts';
import { chromiumPath, launchChromium } from '../chromium.ts';
import { renderSvg } from './charts.ts';
import { GATHER_STEPS, gatherReportData, type ReportData } from './data.ts';
import { buildReportModel, csvCell } from './model.ts';
import type { Release } from '../../lib/releases.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderXlsx } from './render-xlsx.ts';
import { formatInstant } from '../../lib/calendar.ts';

export interface ReportOptions {
  transport: Transport;
  region: string;
  year: number;
  /** The instant to read the figures at: a release's, the caller's, or (neither) the moment the run starts. */
  asOf?: string;
  release?: Release;
  /** Show what changed since this release (or instant): its figures are read at its as-of instant. */
  compareWith?: { label: string; asOf: string };
  out: string;
  /** Print report.pdf with headless Chromium when one is installed (default true). */
  pdf?: boolean;
  /** Progress: steps done of total, and what was just done. */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface ReportResult {
  asOf: string;
  files: string[];
  /** Why there is no PDF, when there is none. */
  pdfSkipped: string | null;
}

// Seconds are as fine as a reader needs, and a run without --as-of prints an instant it can be regenerated at.
const nowInstant = (): string => formatInstant(new Date(Math.floor(Date.now() / 1000) * 1000));

/**
 * A report whose figures the API withholds under a release's embargo is not produced: it would print the embargoed
 * figures as missing. The API decides (it knows the caller's roles and the register); its message names the release.
 */
function refuseEmbargoed(data: ReportData): void {
  const embargoed = [...data.series, ...data.districts].flatMap((v) => v.missing).find((m) => m.metric === 'EMBARGOED');
  if (embargoed) throw new Error(`Not generated: ${embargoed.message}`);
}

/** Writes report.html, report.md, charts/*.svg, tables/*.csv, report.xlsx (and report.pdf) into `out`. */
export async function generateReport(options: ReportOptions): Promise<ReportResult> {
  const asOf = options.release?.asOf ?? options.asOf ?? nowInstant();
  const wantPdf = options.pdf ?? true;
  const total = GATHER_STEPS * (options.compareWith ? 2 : 1) + 3 + (wantPdf ? 1 : 0);
  let done = 0;
  const step = (label: string) => options.onProgress?.((done += 1), total, label);

  const data = await gatherReportData({ transport: options.transport, region: options.region, year: options.year, asOf, step });
  refuseEmbargoed(data);
  const compared = options.compareWith
    ? {
        label: options.compareWith.label,
        data: await gatherReportData({ transport: options.transport, region: options.region, year: options.year, asOf: options.compareWith.asOf, step }),
      }
    : undefined;
  const model = buildReportModel(
    data,
    options.release ? { name: options.release.name, title: options.release.title, embargoUntil: options.release.embargoUntil ?? null } : null,
    compared,
  );
  const charts = model.sections.flatMap((s) => s.charts);
  const svgs = new Map<string, string>();
  for (const chart of charts) svgs.set(chart.id, await renderSvg(chart.spec));
  step('charts');

  const out = options.out;
  // A rerun into the same folder must not leave charts or tables of an earlier run behind.
  for (const sub of ['charts', 'tables']) rmSync(path.join(out, sub), { recursive: true, force: true });
  mkdirSync(path.join(out, 'charts'), { recursive: true });
  mkdirSync(path.join(out, 'tables'), { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(out, name), content);
    files.push(name);
  };
  const html = renderHtml(model, svgs);
  write('report.html', html);
  write('report.md', renderMarkdown(model));
  for (const [id, svg] of svgs) write(`charts/${id}.svg`, svg);
  // CSV is for machines: figures plain (no thousands separator), whatever the HTML and Markdown show.
  for (const table of model.sections.flatMap((s) => s.tables))
    write(`tables/${table.id}.csv`, toCsvText([table.columns, ...table.rows.map((r) => r.map(csvCell))]));
  step('HTML, Markdown and CSV');
  write('report.xlsx', await renderXlsx(model, new Date(asOf)));
  step('XLSX');

  let pdfSkipped: string | null = wantPdf ? null : 'not asked for';
  if (wantPdf) {
    const executable = chromiumPath();
    if (!executable) pdfSkipped = 'no Chromium installed (set CHROMIUM_PATH)';
    else {
      const browser = await launchChromium(executable);
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        write('report.pdf', await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
      } finally {
        await browser.close();
      }
    }
    step('PDF');
  }
  return { asOf, files, pdfSkipped };
}
