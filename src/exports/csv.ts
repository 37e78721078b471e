// CSV in two profiles, through the site's one CSV writer (src/charts/table.ts, formulas neutralised):
//   excel  "Excel (Sverige)": UTF-8 with BOM, ";", decimal comma, numbers rounded to what the site shows
//          (never 0,30000000000000004), a missing number written as its marker in words;
//   data   UTF-8 without BOM, ",", decimal point, full precision, a missing number empty with its marker
//          code in a column of its own beside the values ("<column> markering"), for R, Python, DuckDB.

import { capitalize, markerText } from '../i18n/text.ts';
import { exportWords } from '../i18n/exports.ts';
import { toCsv, type CsvCell } from '../charts/table.ts';
import { roundShown, type ExportTable } from './table.ts';

export type CsvProfile = 'excel' | 'data';

function excelCells(table: ExportTable): CsvCell[][] {
  return [
    table.columns.map((c) => c.name),
    ...table.rows.map((row, r) =>
      row.map((value, c) => {
        const column = table.columns[c];
        if (value === null) {
          const marker = table.markers?.[r]?.[c];
          return marker ? capitalize(markerText(marker)) : null;
        }
        return column.kind === 'number' && typeof value === 'number' ? roundShown(value, column.decimals) : value;
      }),
    ),
  ];
}

function dataCells(table: ExportTable): CsvCell[][] {
  // A value column with any marker gets a marker column right after it.
  const withMarkers = table.columns.map((c, i) => c.kind === 'number' && (table.markers ?? []).some((row) => row[i]));
  const header: CsvCell[] = table.columns.flatMap((c, i) => (withMarkers[i] ? [c.name, exportWords.markerColumn(c.name)] : [c.name]));
  return [
    header,
    ...table.rows.map((row, r) => row.flatMap((value, c) => (withMarkers[c] ? [value, table.markers?.[r]?.[c] ?? null] : [value]))),
  ];
}

export function exportCsv(table: ExportTable, profile: CsvProfile): string {
  return profile === 'excel'
    ? toCsv(excelCells(table))
    : toCsv(dataCells(table), { bom: false, delimiter: ',', decimal: '.' });
}

/** The file name for a profile: the Excel one keeps the plain name, the data one ends in "-data.csv". */
export function csvFileName(stem: string, profile: CsvProfile): string {
  return profile === 'excel' ? `${stem}.csv` : `${stem}-data.csv`;
}
