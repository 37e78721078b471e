// A result as a file on the analyst's computer: CSV through the site's one CSV writer (UTF-8 with BOM, ";",
// decimal comma, cells that start with = + - @ neutralised against formula injection) and Arrow IPC (the
// file format, .arrow, which R, Python and DuckDB read). Made in the browser; nothing is uploaded.

import { tableToIPC, type Table } from 'apache-arrow';
import { toCsv } from '../../charts/table.ts';
import { resultCsvCells } from './cells.ts';
import { saveBlob } from '../save-file.ts';

export function resultCsv(table: Table): string {
  return toCsv(resultCsvCells(table));
}

export function resultArrow(table: Table): Uint8Array {
  return tableToIPC(table, 'file');
}

/** "utforska-resultat-2025-11-23-1405": the stem of a download's file name, in local time. */
export function fileStem(stem: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
}

/** Saves `data` as a download named `name`. */
export function download(data: string | Uint8Array, name: string, type: string): void {
  saveBlob(new Blob([data as BlobPart], { type }), name);
}
