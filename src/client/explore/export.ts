// A result as a file on the analyst's computer: CSV, XLSX and JSON-stat through src/exports (the CSV in the
// "Excel (Sverige)" and "Data" profiles, cells that start with = + - @ neutralised against formula
// injection) and Arrow IPC (the file format, .arrow, which R, Python and DuckDB read). Made in the
// browser; nothing is uploaded.

import { tableToIPC, type Table } from 'apache-arrow';
import { saveBlob } from '../save-file.ts';
import { siteFacts } from '../site-facts.ts';
import type { ExportMeta } from '../../exports/table.ts';
import { exploreWords } from '../../i18n/explore.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a downloaded result says about itself: the query, over the published data of the footer's date. */
export function resultMeta(sql: string, doc: Document = document): ExportMeta {
  return {
    title: exploreWords.results.exportTitle,
    subtitle: sql.trim().slice(0, 2000),
    source: exploreWords.results.exportSource,
    ...siteFacts(doc),
  };
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
