import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { shownCell, type ReportModel } from './model.ts';

/**
 * The report's tables as one workbook, a sheet per table. The workbook's dates and every zip entry's time are
 * the as-of instant, so a release regenerated later is byte-identical (exceljs stamps "now" otherwise).
 */
export async function renderXlsx(model: ReportModel, asOf: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'green-ict-federation';
  workbook.created = asOf;
  workbook.modified = asOf;
  for (const table of model.sections.flatMap((s) => s.tables)) {
    const sheet = workbook.addWorksheet(table.id.slice(0, 31));
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    // Cells as the reader sees them (figures as text in their decimals, as the HTML shows them).
    const rows = table.rows.map((row) => row.map(shownCell));
    for (const row of rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
    sheet.columns.forEach(
      (column, i) => (column.width = Math.min(60, Math.max(10, ...[table.columns[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((s) => s.length + 2)))),
    );
  }
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const stable = new JSZip();
  for (const [name, entry] of Object.entries(written.files)) {
    if (!entry.dir) stable.file(name, await entry.async('uint8array'), { date: asOf, createFolders: false });
  }
  return stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
