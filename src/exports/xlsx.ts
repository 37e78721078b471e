// An Excel workbook (.xlsx) with exceljs, a kept library (writing the Office Open XML parts by hand would
// be a few hundred lines of zip and XML that exceljs has already got right and tested). Sheet one is the
// table: a bold, frozen header row, numbers as numbers with the site's decimals as their format, text and
// codes as text (so 0180, 01 and 9999-01 stay what they are; from a CSV, Excel makes them 180, 1 and a
// date), a missing number as its marker in words. Sheet two says what the figures are: title, selection,
// source, data date, each marker's meaning and the suppression rule. Runs in Node (tests) and in the
// browser (loaded only when a download asks for it).

import ExcelJS from 'exceljs';
import { capitalize, markerText } from '../i18n/text.ts';
import { exportWords as w } from '../i18n/exports.ts';
import { formatDate } from '../i18n/format.ts';
import { markersUsed, roundShown, shownDecimals, type ExportTable } from './table.ts';

/** Excel's number format for `decimals` places ("0", "0.0", …); Excel shows it with the reader's own marks. */
function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Years and codes written as numbers are not grouped ("2025", not "2 025"). */
const UNGROUPED = /^(ar|år|year|artal|årtal|kvartal|.*kod)$/i;

function dataSheet(book: ExcelJS.Workbook, table: ExportTable): void {
  const sheet = book.addWorksheet(w.sheets.data, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((c) => c.name));
  header.font = { bold: true };
  table.rows.forEach((row, r) => {
    const values = row.map((value, c) => {
      const column = table.columns[c];
      if (value === null) {
        const marker = table.markers?.[r]?.[c];
        return marker ? capitalize(markerText(marker)) : null;
      }
      if (column.kind === 'number' && typeof value === 'number') return roundShown(value, column.decimals);
      if (column.kind === 'text') return typeof value === 'string' ? value : String(value);
      return value;
    });
    const added = sheet.addRow(values);
    values.forEach((v, c) => {
      if (typeof v !== 'number') return;
      const column = table.columns[c];
      const cell = added.getCell(c + 1);
      cell.numFmt = UNGROUPED.test(column.name) && Number.isInteger(v) ? '0' : numberFormat(column.decimals ?? shownDecimals(v));
    });
  });
  sheet.columns.forEach((col, c) => {
    const name = table.columns[c]?.name ?? '';
    let width = name.length;
    for (const row of table.rows.slice(0, 200)) width = Math.max(width, String(row[c] ?? '').length);
    col.width = Math.min(50, Math.max(8, width + 2));
  });
}

function aboutSheet(book: ExcelJS.Workbook, table: ExportTable, exported: Date): void {
  const sheet = book.addWorksheet(w.sheets.about);
  const { meta } = table;
  const a = w.about;
  const rows: [string, string][] = [[a.title, meta.title]];
  if (meta.subtitle) rows.push([a.subtitle, meta.subtitle]);
  rows.push([a.source, meta.source]);
  if (meta.published) rows.push([a.published, formatDate(meta.published)]);
  if (meta.invented) rows.push([a.invented, a.inventedYes]);
  for (const code of markersUsed(table)) rows.push([a.markers, `${a.marker(code)}: ${a.markerMeaning[code] ?? ''}`.trim()]);
  if (meta.threshold !== null) rows.push([a.suppression, meta.threshold > 1 ? a.threshold(meta.threshold - 1) : a.noThreshold]);
  rows.push(['', a.codesAsText]);
  rows.push([a.exported, formatDate(exported.toISOString())]);
  for (const [k, v] of rows) {
    const row = sheet.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 100;
}

/** The workbook's bytes. */
export async function exportXlsx(table: ExportTable, exported = new Date()): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'socialstatistik';
  book.created = exported;
  dataSheet(book, table);
  aboutSheet(book, table, exported);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
