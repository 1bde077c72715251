import { shownCell, type ReportModel } from './model.ts';

// Pipes and line breaks would end a Markdown table cell early; a `<` before a letter would open raw HTML (a register
// name is a writer's text), so it is escaped, while `< 1.3` stays as written.
const cell = (v: unknown): string =>
  (v === null || v === undefined ? '' : String(v))
    .replaceAll('|', '\\|')
    .replaceAll(/\r?\n/g, ' ')
    .replaceAll(/<(?=[A-Za-z/!?])/g, '\\<');

/** The report as Markdown; charts are the SVG files written beside it (`charts/<id>.svg`). */
export function renderMarkdown(model: ReportModel): string {
  const out: string[] = [`# ${model.title}`, '', ...model.meta.map(([k, v]) => `- **${k}:** ${v}`), ''];
  for (const section of model.sections) {
    out.push(`## ${section.heading}`, '');
    for (const p of section.paragraphs) out.push(p, '');
    for (const table of section.tables) {
      out.push(`### ${table.title}`, '');
      if (table.rows.length === 0) {
        out.push('_No figures._', '');
        continue;
      }
      out.push(`| ${table.columns.map(cell).join(' | ')} |`, `|${table.columns.map(() => ' --- ').join('|')}|`);
      for (const row of table.rows) out.push(`| ${row.map((v) => cell(shownCell(v))).join(' | ')} |`);
      out.push('', `_Also as \`tables/${table.id}.csv\` and the sheet \`${table.id}\` of \`report.xlsx\`._`, '');
    }
    for (const chart of section.charts) out.push(`![${chart.title}](charts/${chart.id}.svg)`, '');
  }
  return out.join('\n');
}
