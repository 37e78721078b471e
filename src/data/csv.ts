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

/** Why a file's bytes cannot be read as a CSV file in one of the encodings the contract accepts. */
export type EncodingProblem =
  | { kind: 'utf-16'; byteOrder: 'LE' | 'BE' }
  | { kind: 'workbook'; format: 'xlsx' | 'xls' }
  /** Lines in both UTF-8 and Windows-1252: `line` is the first line whose encoding differs from `firstLine`'s. */
  | { kind: 'mixed'; line: number; lineEncoding: CsvTable['encoding']; firstLine: number; firstEncoding: CsvTable['encoding'] };

export type DecodedCsv = { text: string; encoding: CsvTable['encoding'] } | { problem: EncodingProblem };

/** A file's encoding, found without decoding it into one string (see `decodeChunks`). */
export type CsvEncoding = { encoding: CsvTable['encoding']; bom: boolean } | { problem: EncodingProblem };

/**
 * Files are decoded and parsed in pieces of this size: small enough that each piece is a young object
 * the garbage collector frees at once (pieces of megabytes go to the large-object space and pile up until
 * a full collection: 550 MB at the peak for a 200 MB file, against 360 MB with 32 kB).
 */
const PIECE = 32 * 1024;
const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * The encoding of a data file's bytes (UTF-8 when they are valid UTF-8, else Windows-1252), refusing what
 * would decode into garbage without a word: UTF-16 (Excel's "Unicode text" and PowerShell's default;
 * every other byte is NUL), an Excel workbook renamed to .csv, and a file whose lines mix UTF-8 and
 * Windows-1252 (one pasted line turns every å, ä and ö of the file into mojibake when the whole file is
 * read as Windows-1252).
 */
export function detectCsvEncoding(bytes: Uint8Array): CsvEncoding {
  const utf16 = utf16Order(bytes);
  if (utf16) return { problem: { kind: 'utf-16', byteOrder: utf16 } };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { problem: { kind: 'workbook', format: 'xlsx' } };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { problem: { kind: 'workbook', format: 'xls' } };
  const bom = hasBom(bytes);
  if (isUtf8(bytes.subarray(bom ? 3 : 0))) return { encoding: 'utf-8', bom };
  const mixed = mixedEncodingLine(bytes);
  return mixed ? { problem: mixed } : { encoding: 'windows-1252', bom };
}

/** Whether bytes are valid UTF-8, decoded a few megabytes at a time and thrown away (no string of the whole file). */
function isUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < bytes.length; i += PIECE) decoder.decode(bytes.subarray(i, i + PIECE), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The text of the bytes in pieces of a few megabytes (a character split between two pieces is kept whole). */
export function* decodeChunks(bytes: Uint8Array, { encoding, bom }: { encoding: CsvTable['encoding']; bom: boolean }): Generator<string> {
  const decoder = new TextDecoder(encoding);
  for (let i = bom ? 3 : 0; i < bytes.length; i += PIECE) yield decoder.decode(bytes.subarray(i, i + PIECE), { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** `detectCsvEncoding` and the whole text at once (for small files and tests). */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const found = detectCsvEncoding(bytes);
  if ('problem' in found) return found;
  return { text: [...decodeChunks(bytes, found)].join(''), encoding: found.encoding };
}

/** The byte order of a UTF-16 file: by its BOM, or, without one, by NUL bytes in every other place of its start (ASCII text in UTF-16). */
function utf16Order(bytes: Uint8Array): 'LE' | 'BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.4 && even < half * 0.1) return 'LE';
  if (even > half * 0.4 && odd < half * 0.1) return 'BE';
  return null;
}

/** Length of a valid UTF-8 multi-byte sequence starting at `i`, or 0 when the bytes there are no valid UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const b1 = bytes[i + 1];
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return 0; // overlong, surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const b1 = bytes[i + 1];
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * For bytes that are not valid UTF-8: the first line whose encoding differs from the first line with a
 * non-ASCII letter, when some lines are UTF-8 and others Windows-1252; null when the file is all one.
 * A line break is LF, CRLF or a lone CR, as the CSV reader counts lines.
 */
function mixedEncodingLine(bytes: Uint8Array): EncodingProblem | null {
  let line = 1;
  let lineUtf8 = false;
  let lineLegacy = false;
  let first: { line: number; encoding: CsvTable['encoding'] } | null = null;
  const endLine = (): EncodingProblem | null => {
    const utf8 = lineUtf8;
    const legacy = lineLegacy;
    lineUtf8 = lineLegacy = false;
    if (!utf8 && !legacy) return null;
    const encoding: CsvTable['encoding'] = legacy ? 'windows-1252' : 'utf-8';
    if (first && (utf8 && legacy || encoding !== first.encoding)) {
      return { kind: 'mixed', line, lineEncoding: first.encoding === 'utf-8' ? 'windows-1252' : 'utf-8', firstLine: first.line, firstEncoding: first.encoding };
    }
    if (utf8 && legacy) return { kind: 'mixed', line, lineEncoding: 'windows-1252', firstLine: line, firstEncoding: 'utf-8' };
    first ??= { line, encoding };
    return null;
  };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = bom ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      const found = endLine();
      if (found) return found;
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      line++;
    } else if (b >= 0x80) {
      const n = utf8SequenceLength(bytes, i);
      if (n) {
        lineUtf8 = true;
        i += n - 1;
      } else {
        lineLegacy = true;
      }
    }
  }
  return endLine();
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

/**
 * Reads decoded CSV text row by row: `onHeader` gets the first row (trimmed), `onRow` every later row that
 * is not blank, with the line it starts on (blank lines are skipped but still counted). Nothing is kept, so
 * a 200 MB file never becomes an array of millions of rows. Returns the delimiter.
 */
export function scanCsvText(
  text: string,
  onHeader: (cells: string[]) => void,
  onRow: (line: number, cells: string[]) => void,
  delimiter?: CsvTable['delimiter'],
): CsvTable['delimiter'] {
  return scanCsvChunks(slices(text), onHeader, onRow, delimiter);
}

function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += PIECE) yield text.slice(i, i + PIECE);
}

/**
 * `scanCsvText` over text that comes in pieces (`decodeChunks`): a file is never one string, and never
 * an array of rows. The delimiter is the header line's (`detectDelimiter`) unless given.
 *
 * PapaParse's own string streamer is not used: given the whole text its fast path splits it into an
 * array of every line first (300 MB more for a 200 MB file), and in chunks it recurses once per chunk,
 * holding every chunk until the end. Its parser is fed piece by piece here instead; a row that does not
 * end in a piece is carried into the next, which is read larger until the row ends (a huge quoted cell).
 */
export function scanCsvChunks(
  chunks: Iterable<string>,
  onHeader: (cells: string[]) => void,
  onRow: (line: number, cells: string[]) => void,
  delimiter?: CsvTable['delimiter'],
): CsvTable['delimiter'] {
  let line = 1;
  let first = true;
  const visit = (cells: string[]) => {
    if (first) {
      first = false;
      onHeader(cells.map((h) => h.trim()));
    } else if (!cells.every((c) => c.trim() === '')) {
      onRow(line, cells);
    }
    line += 1 + countNewlines(cells);
  };
  let parser: Papa.Parser | null = null;
  let carried = '';
  let heldCr = false;
  /** Text is gathered to this length before the parser sees it again, after a piece that held no whole row. */
  let gather = 0;
  const source = chunks[Symbol.iterator]();
  for (let next = source.next(); ;) {
    const last = next.done === true;
    let piece: string = (heldCr ? '\r' : '') + (last ? '' : (next.value as string));
    // CRLF and a lone CR are line ends: a CR at the end of a piece waits for the next one's LF.
    heldCr = !last && piece.endsWith('\r');
    if (heldCr) piece = piece.slice(0, -1);
    const text = carried + (piece.includes('\r') ? piece.replace(/\r\n?/g, '\n') : piece);
    if (!last) next = source.next();
    // The delimiter is decided by the whole header line, however long it is; a row longer than a piece
    // is read in doubling amounts, so that it is not parsed from its start again with every piece.
    if (!last && ((!parser && !text.includes('\n')) || text.length < gather)) {
      carried = text;
      continue;
    }
    parser ??= new Papa.Parser({ delimiter: delimiter ??= detectDelimiter(text), newline: '\n', fastMode: false, step: (r: { data: string[][] }) => visit(r.data[0]) });
    const { meta } = parser.parse(text, 0, !last) as { meta: { cursor: number } };
    if (last) break;
    carried = text.slice(meta.cursor);
    gather = meta.cursor === 0 ? text.length * 2 : 0;
  }
  if (first) onHeader([]);
  return delimiter ?? ';';
}

/** Parses decoded CSV text. Fully blank lines are skipped; line numbers still count them. */
export function parseCsvText(text: string, delimiter = detectDelimiter(text)): Omit<CsvTable, 'encoding'> {
  let header: string[] = [];
  const rows: CsvTable['rows'] = [];
  scanCsvText(text, (cells) => { header = cells; }, (line, cells) => { rows.push({ line, cells }); }, delimiter);
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
