import { shownCell, type ReportModel } from './model.ts';

const escape = (v: unknown): string =>
  (v === null || v === undefined ? '' : String(v)).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// Inline styles only: the file is self-contained and prints on A4 without the network.
const STYLE = `
body { font-family: Helvetica, Arial, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; font-size: 10.5pt; }
h1 { font-size: 1.6rem; margin-bottom: .4rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; } h3 { font-size: 1rem; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; } dl.meta dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f2f4f7; } tr:nth-child(even) td { background: #fafbfc; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; break-inside: avoid; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
`;

/** The report as one self-contained, printable HTML file with its charts inlined as SVG. */
export function renderHtml(model: ReportModel, svgs: Map<string, string>): string {
  const out: string[] = [
    '<!doctype html>',
    '<html lang="zh-Hans">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(model.title)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${escape(model.title)}</h1>`,
    `<dl class="meta">${model.meta.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`,
  ];
  for (const section of model.sections) {
    out.push(`<section><h2>${escape(section.heading)}</h2>`);
    for (const p of section.paragraphs) out.push(`<p>${escape(p)}</p>`);
    for (const table of section.tables) {
      out.push(`<h3>${escape(table.title)}</h3>`);
      if (table.rows.length === 0) {
        out.push('<p><em>No figures.</em></p>');
        continue;
      }
      out.push(`<table id="${escape(table.id)}"><thead><tr>${table.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const row of table.rows) out.push(`<tr>${row.map((v) => `<td>${escape(shownCell(v))}</td>`).join('')}</tr>`);
      out.push('</tbody></table>');
    }
    if (section.charts.length) {
      out.push('<div class="charts">');
      for (const chart of section.charts) out.push(`<figure id="chart-${escape(chart.id)}">${svgs.get(chart.id) ?? ''}</figure>`);
      out.push('</div>');
    }
    out.push('</section>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
