import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatPlain } from '../format.ts';
import { shownCell, type Figure, type ReportCell, type ReportModel } from './model.ts';

const isFigure = (cell: ReportCell): cell is Figure => cell !== null && typeof cell === 'object' && 'figure' in cell;

/** A figure as a spreadsheet cell: the published number (rounded to its decimals), shown by a number format as the HTML shows it. */
function figureCell(cell: Figure): { value: number; numFmt: string } | null {
  const plain = formatPlain(cell.figure, cell.rule, '');
  if (plain === '') return null;
  const shape = `#,##0${cell.rule.decimals > 0 ? `.${'0'.repeat(cell.rule.decimals)}` : ''}`;
  return { value: Number(plain), numFmt: cell.signed ? `+${shape};-${shape};${shape}` : shape };
}

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
    // Figures as numbers a spreadsheet can add up, formatted as the HTML shows them; other cells as the reader sees them.
    const rows = table.rows.map((row) => row.map(shownCell));
    table.rows.forEach((row, r) => {
      const added = sheet.addRow(rows[r]!.map((v) => (v === null ? '' : v)));
      row.forEach((cell, c) => {
        const figure = isFigure(cell) ? figureCell(cell) : null;
        if (!figure) return;
        const target = added.getCell(c + 1);
        target.value = figure.value;
        target.numFmt = figure.numFmt;
      });
    });
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
