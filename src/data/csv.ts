// Reading a CSV file as Excel and statistics offices write it: `;` or `,` as delimiter, UTF-8 with or
// without BOM, or Windows-1252. Pure: bytes in, header and rows with their line numbers out. Used by
// the build and, for the analyst's own files, in the browser.
import Papa from 'papaparse';

export interface CsvTable {
  header: string[];
  /** Data rows, each with the 1-based line number in the file where it starts (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  delimiter: ';' | ',' | '\t';
  encoding: 'utf-8' | 'windows-1252';
}

/** Decodes bytes as UTF-8 (BOM removed) when they are valid UTF-8, otherwise as Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** The delimiter of the header line: the one of `;`, tab and `,` that it holds most of (`;` on a tie). */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const semi = count(';');
  const tab = count('\t');
  const comma = count(',');
  if (tab > semi && tab > comma) return '\t';
  return comma > semi ? ',' : ';';
}

/** Parses decoded CSV text. Fully blank lines are skipped; line numbers still count them. */
export function parseCsvText(text: string, delimiter = detectDelimiter(text)): Omit<CsvTable, 'encoding'> {
  const normalised = text.replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(normalised, { delimiter, skipEmptyLines: false });
  const all = result.data;
  const header = (all[0] ?? []).map((h) => h.trim());
  const rows: CsvTable['rows'] = [];
  let line = 1 + countNewlines(all[0] ?? []) + 1;
  for (let i = 1; i < all.length; i++) {
    const cells = all[i];
    if (!(cells.length === 1 && cells[0].trim() === '') && !cells.every((c) => c.trim() === '')) {
      rows.push({ line, cells });
    }
    line += 1 + countNewlines(cells);
  }
  return { header, rows, delimiter };
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  return n;
}

export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  return { ...parseCsvText(text), encoding };
}

/** Excel-style column letter for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
