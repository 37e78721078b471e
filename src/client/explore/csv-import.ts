// An analyst's own CSV file as a table for DuckDB, read with the project's own rules (src/data: decoding,
// delimiter, Swedish numbers, markers, periods), so a file the build accepts reads the same way here.
// Pure (no DOM, no DuckDB): text in, typed columns and Arrow IPC batches out. Runs in a Web Worker
// (csv-worker.ts) so that a 100 MB file never blocks the page, and in Node for the unit tests.
//
// Two passes over the text: the first decides each column's type (a column is numeric only if every cell
// is a number or a marker), the second converts the cells and emits Arrow record batches of a fixed number
// of rows, so memory stays bounded by one batch plus the text.

import {
  DateDay,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  type Data,
  type DataType,
} from 'apache-arrow';
import Papa from 'papaparse';
import { detectDelimiter } from '../../data/csv.ts';
import { parseMarker, type Marker } from '../../data/markers.ts';
import { parseNumber } from '../../data/numbers.ts';
import { parsePeriod } from '../../data/period.ts';
import { containsPersonalNumber, maskDigits } from '../../data/personnummer.ts';
import { DATASETS } from '../../data/schema.ts';
import { columnNames } from './names.ts';

export type ColumnKind = 'integer' | 'double' | 'date' | 'period' | 'text';
export type ImportSqlType = 'INTEGER' | 'DOUBLE' | 'DATE' | 'VARCHAR';

export interface ImportColumn {
  /** The name in the table (sanitised so it can be typed without quotes). */
  name: string;
  /** The header cell as written in the file. */
  header: string;
  /** Index of the cell in each row of the file. */
  index: number;
  kind: ColumnKind;
  /** Name of the column that says why a value is missing (markers), right after this one; or null. */
  markerColumn: string | null;
  /** For a column read as text although most cells were numbers: the first cell that was not. */
  textBecause: { line: number; value: string } | null;
}

export interface CsvProblem {
  /** Line in the file (1 = the header), or null for a problem of the whole file. */
  line: number | null;
  /** Which problem, for the page to word in Swedish. */
  code: 'empty' | 'binary' | 'noRows' | 'noColumns' | 'tooMany' | 'missingQuote' | 'invalidQuote';
  got?: number;
  want?: number;
}

export interface CsvPlan {
  columns: ImportColumn[];
  rows: number;
  delimiter: string;
  /** Cells (the header included) holding a valid personal identity or co-ordination number, and the first. */
  personalNumbers: { total: number; first: { line: number; column: string } | null };
}

export type ScanResult = { ok: true; plan: CsvPlan } | { ok: false; problems: CsvProblem[]; total: number };

/** At most this many problems are kept (the count goes on). */
export const MAX_PROBLEMS = 10;

// ---------------------------------------------------------------------------------------------------
// Cells

/** Columns of the data contract that hold codes or words: never read as numbers (0180 keeps its zero). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(
  Object.values(DATASETS).flatMap((d) => d.columns.filter((c) => c.sqlType === 'VARCHAR').map((c) => c.name)),
);

const PLAIN_INTEGER = /^-?\d{1,15}$/;
const PLAIN_DECIMAL = /^-?\d{1,15}[,.]\d{1,15}$/;
const LEADING_ZERO = /^[-+\u2212\u2013]?0\d/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT32_MAX = 2 ** 31 - 1;

/** A number as Swedish Excel writes it (also "15,2 %"), or null. A code with a leading zero is not a number. */
export function readNumber(cell: string): number | null {
  // Fast paths for the common forms ("12", "1234,5"); everything else through the build's parser.
  if (PLAIN_INTEGER.test(cell)) return LEADING_ZERO.test(cell) ? null : Number(cell);
  if (PLAIN_DECIMAL.test(cell)) return LEADING_ZERO.test(cell) ? null : Number(cell.replace(',', '.'));
  if (LEADING_ZERO.test(cell.replace(/[\s\u00a0\u202f]/g, ''))) return null;
  return parseNumber(cell) ?? parseNumber(cell, { percent: true });
}

/** parsePeriod with memory: a file repeats the same few periods on every row. */
class PeriodReader {
  private readonly seen = new Map<string, string | null>();
  read(cell: string): string | null {
    let canonical = this.seen.get(cell);
    if (canonical === undefined) {
      canonical = parsePeriod(cell)?.canonical ?? null;
      if (this.seen.size < 100_000) this.seen.set(cell, canonical);
    }
    return canonical;
  }
}

/** Days since 1970-01-01 of a valid ISO date, or null. */
export function readDate(cell: string): number | null {
  const m = ISO_DATE.exec(cell);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

interface ColumnState {
  nonEmpty: number;
  numbers: number;
  integers: boolean;
  markers: number;
  empties: number;
  texts: number;
  dates: number;
  periods: number;
  firstText: { line: number; value: string } | null;
}

function newState(): ColumnState {
  return { nonEmpty: 0, numbers: 0, integers: true, markers: 0, empties: 0, texts: 0, dates: 0, periods: 0, firstText: null };
}

function observe(s: ColumnState, raw: string | undefined, line: number, periods: PeriodReader | null, textOnly: boolean): void {
  const cell = clean(raw);
  if (cell === '') {
    s.empties++;
    return;
  }
  s.nonEmpty++;
  if (periods && periods.read(cell) !== null) s.periods++;
  // A column that is text whatever else comes (a contract text column, or one text cell seen) needs no
  // more reading: the rest of its cells only count.
  if (textOnly || s.texts > 0) return;
  const n = readNumber(cell);
  if (n !== null) {
    s.numbers++;
    if (s.integers && (!Number.isInteger(n) || Math.abs(n) > INT32_MAX)) s.integers = false;
    return;
  }
  if (readDate(cell) !== null) {
    s.dates++;
    return;
  }
  if (parseMarker(cell)) {
    s.markers++;
    return;
  }
  s.texts++;
  s.firstText = { line, value: cell.length > 40 ? `${cell.slice(0, 39)}…` : cell };
}

function decide(name: string, s: ColumnState): { kind: ColumnKind; markers: boolean; textBecause: ImportColumn['textBecause'] } {
  if (name === 'period' && s.nonEmpty > 0 && s.periods === s.nonEmpty) return { kind: 'period', markers: false, textBecause: null };
  if (TEXT_COLUMNS.has(name)) return { kind: 'text', markers: false, textBecause: null };
  if (s.dates > 0 && s.dates === s.nonEmpty) return { kind: 'date', markers: false, textBecause: null };
  if (s.numbers > 0 && s.texts === 0 && s.dates === 0) {
    // A marker column only where the file uses markers; then an empty cell is "saknas", as in the build.
    return { kind: s.integers ? 'integer' : 'double', markers: s.markers > 0, textBecause: null };
  }
  // Numbers first, then a word: read as text, and say which cell was the reason.
  const textBecause = s.numbers > 0 ? s.firstText : null;
  return { kind: 'text', markers: false, textBecause };
}

// ---------------------------------------------------------------------------------------------------
// Rows

export type Progress = (fraction: number) => void;

const PROGRESS_EVERY = 16_384; // rows between progress reports

/** The line end of the text: Papa is told it, so it need not guess and the text need not be copied. */
export function lineEnd(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Calls `onRow` for every data row of `text` (header excluded, blank lines skipped) with its line number,
 * and `onProblem` for quoting errors. Newlines in quoted cells count, as in the build's reader. Papa's
 * step mode: one callback per row, no copies of the text (measured twice as fast as chunks on 100 MB).
 */
function forEachRow(
  text: string,
  delimiter: string,
  onHeader: (cells: string[]) => void,
  onRow: (cells: string[], line: number) => void,
  onProblem: (problem: CsvProblem) => void,
  onProgress: Progress,
): void {
  let line = 1;
  let header = true;
  let seen = 0;
  const length = text.length || 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: lineEnd(text),
    skipEmptyLines: false,
    step: (results) => {
      const cells = results.data;
      const here = line;
      for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) line++;
      line++;
      if (++seen % PROGRESS_EVERY === 0) onProgress(Math.min(1, (results.meta.cursor ?? 0) / length));
      const error = results.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
      if (error) {
        onProblem({ line: here, code: error.code === 'MissingQuotes' ? 'missingQuote' : 'invalidQuote' });
        return;
      }
      if (header) {
        header = false;
        onHeader(cells);
        return;
      }
      if (cells.length === 1 ? isBlank(cells[0]) : cells.every(isBlank)) return;
      onRow(cells, here);
    },
  });
  if (header) onHeader([]);
  onProgress(1);
}

function isBlank(cell: string): boolean {
  return cell === '' || cell.trim() === '';
}

/** Trims only when needed (most cells have no surrounding space; trim() would still allocate). */
function clean(cell: string | undefined): string {
  if (!cell) return '';
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first <= 32 || last <= 32 || first === 160 || last === 160 || first === 0xfeff ? cell.trim() : cell;
}

/** CRLF and CR line ends as LF (for callers that want one form; the reader itself takes any). */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Whether decoded text looks like something other than text (a spreadsheet or image saved as .csv). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 65_536).includes('\u0000');
}

/**
 * The columns to create: every column with a header or a value (Excel often writes empty columns after the
 * last one, ";;"), each with its type and, for a value column with markers, the column its markers go to.
 */
function planColumns(header: string[], names: string[], states: ColumnState[]): ImportColumn[] {
  const keep = header.map((h, i) => h !== '' || states[i].nonEmpty > 0);
  const decided = header.map((_, i) => decide(names[i], states[i]));
  const withMarkers = decided.filter((d, i) => keep[i] && d.markers).length;
  const taken = new Set(names.filter((_, i) => keep[i]));
  const columns: ImportColumn[] = [];
  header.forEach((h, i) => {
    if (!keep[i]) return;
    const d = decided[i];
    let markerColumn: string | null = null;
    if (d.markers) {
      // One value column with markers: `markering`, as in the published tables; several: `<name>_markering`.
      const wanted = withMarkers === 1 && !taken.has('markering') ? 'markering' : `${names[i]}_markering`;
      markerColumn = wanted;
      for (let k = 2; taken.has(markerColumn); k++) markerColumn = `${wanted}_${k}`;
      taken.add(markerColumn);
    }
    columns.push({ name: names[i], header: h, index: i, kind: d.kind, markerColumn, textBecause: d.textBecause });
  });
  return columns;
}

/**
 * Pass one: the columns and their types, or every problem (each with its line). `text` is decoded
 * (src/data/csv.ts decodeText) with LF line ends.
 */
export function scanCsv(text: string, onProgress: Progress = () => {}, delimiter = detectDelimiter(text)): ScanResult {
  const problems: CsvProblem[] = [];
  let total = 0;
  const problem = (p: CsvProblem) => {
    total++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (text.trim() === '') return { ok: false, problems: [{ line: null, code: 'empty' }], total: 1 };
  if (looksBinary(text)) return { ok: false, problems: [{ line: null, code: 'binary' }], total: 1 };

  let header: string[] = [];
  let states: ColumnState[] = [];
  let periodReaders: (PeriodReader | null)[] = [];
  let textOnly: boolean[] = [];
  let names: string[] = [];
  let rows = 0;
  const personal: CsvPlan['personalNumbers'] = { total: 0, first: null };
  const guard = (cells: readonly string[], line: number) => {
    for (let c = 0; c < cells.length; c++) {
      if (!containsPersonalNumber(cells[c])) continue;
      personal.total++;
      // The column as the file names it, its digits hidden (the header may itself be the number).
      personal.first ??= { line, column: maskDigits(header[c] || String(c + 1)) };
    }
  };
  forEachRow(
    text,
    delimiter,
    (cells) => {
      header = cells.map((h) => h.trim());
      guard(header, 1);
      names = columnNames(header);
      states = header.map(() => newState());
      periodReaders = names.map((n) => (n === 'period' ? new PeriodReader() : null));
      textOnly = names.map((n) => TEXT_COLUMNS.has(n));
    },
    (cells, line) => {
      const width = header.length;
      if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
        problem({ line, code: 'tooMany', got: cells.length, want: width });
        return;
      }
      rows++;
      for (let c = 0; c < width; c++) observe(states[c], cells[c], line, periodReaders[c], textOnly[c]);
      guard(cells, line);
    },
    problem,
    onProgress,
  );
  if (header.length === 0 || header.every((h) => h === '')) return { ok: false, problems: [{ line: 1, code: 'noColumns' }], total: 1 };
  if (total > 0) return { ok: false, problems, total };
  if (rows === 0) return { ok: false, problems: [{ line: null, code: 'noRows' }], total: 1 };

  return { ok: true, plan: { columns: planColumns(header, names, states), rows, delimiter, personalNumbers: personal } };
}

// ---------------------------------------------------------------------------------------------------
// Batches

type Values = Int32Array | Float64Array | (string | null)[];

/** Rows converted to typed columns, ready for Arrow. */
export class ColumnBatch {
  readonly columns: readonly ImportColumn[];
  readonly capacity: number;
  length = 0;
  private readonly values: Values[];
  private readonly valid: Uint8Array[];
  private readonly markers: (Marker | null)[][];
  private readonly periods = new PeriodReader();

  constructor(columns: readonly ImportColumn[], capacity: number) {
    this.columns = columns;
    this.capacity = capacity;
    this.values = columns.map((c) =>
      c.kind === 'integer' || c.kind === 'date' ? new Int32Array(capacity) : c.kind === 'double' ? new Float64Array(capacity) : new Array(capacity).fill(null),
    );
    this.valid = columns.map(() => new Uint8Array(capacity));
    this.markers = columns.map((c) => (c.markerColumn ? new Array(capacity).fill(null) : []));
  }

  get full(): boolean {
    return this.length >= this.capacity;
  }

  push(cells: readonly string[]): void {
    const r = this.length++;
    this.columns.forEach((c, k) => {
      const cell = clean(cells[c.index]);
      const values = this.values[k];
      if (c.kind === 'integer' || c.kind === 'double') {
        const n = cell === '' ? null : readNumber(cell);
        if (n === null) {
          if (c.markerColumn) this.markers[k][r] = parseMarker(cell) ?? 'saknas';
        } else {
          (values as Int32Array | Float64Array)[r] = n;
          this.valid[k][r] = 1;
        }
      } else if (c.kind === 'date') {
        const d = cell === '' ? null : readDate(cell);
        if (d !== null) {
          (values as Int32Array)[r] = d;
          this.valid[k][r] = 1;
        }
      } else if (cell !== '') {
        (values as (string | null)[])[r] = c.kind === 'period' ? (this.periods.read(cell) ?? cell) : cell;
        this.valid[k][r] = 1;
      }
    });
  }

  /** The rows so far as one Arrow IPC stream (schema and one record batch). */
  toIpc(): Uint8Array {
    return tableToIPC(this.toTable(), 'stream');
  }

  toTable(): Table {
    const n = this.length;
    const fields: Field[] = [];
    const children: Data[] = [];
    this.columns.forEach((c, k) => {
      const { type, data } = this.columnData(c, k, n);
      fields.push(new Field(c.name, type, true));
      children.push(data);
      if (c.markerColumn) {
        fields.push(new Field(c.markerColumn, new Utf8(), true));
        children.push(utf8Data(this.markers[k], n));
      }
    });
    const struct = makeData({ type: new Struct(fields), length: n, nullCount: 0, children });
    return new Table([new RecordBatch(new Schema(fields), struct)]);
  }

  private columnData(c: ImportColumn, k: number, n: number): { type: DataType; data: Data } {
    const valid = this.valid[k].subarray(0, n);
    if (c.kind === 'text' || c.kind === 'period') return { type: new Utf8(), data: utf8Data(this.values[k] as (string | null)[], n) };
    const bitmap = new Uint8Array(Math.ceil(n / 8));
    let nullCount = 0;
    for (let r = 0; r < n; r++) {
      if (valid[r]) bitmap[r >> 3] |= 1 << (r & 7);
      else nullCount++;
    }
    const nullBitmap = nullCount ? bitmap : undefined;
    if (c.kind === 'double') {
      const type = new Float64();
      return { type, data: makeData({ type, length: n, nullCount, nullBitmap, data: (this.values[k] as Float64Array).slice(0, n) }) };
    }
    if (c.kind === 'date') {
      const type = new DateDay();
      return { type, data: makeData({ type, length: n, nullCount, nullBitmap, data: (this.values[k] as Int32Array).slice(0, n) }) };
    }
    const type = new Int32();
    return { type, data: makeData({ type, length: n, nullCount, nullBitmap, data: (this.values[k] as Int32Array).slice(0, n) }) };
  }
}

const encoder = new TextEncoder();

/**
 * An Arrow Utf8 column of the first `n` strings: one UTF-8 buffer and offsets, written directly (apache-arrow's
 * vectorFromArray builds it value by value and took half the time of a 100 MB import).
 */
export function utf8Data(strings: readonly (string | null)[], n: number): Data<Utf8> {
  const offsets = new Int32Array(n + 1);
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  let bytes = new Uint8Array(Math.max(64, n * 16));
  let pos = 0;
  let nullCount = 0;
  for (let r = 0; r < n; r++) {
    const s = strings[r];
    if (s === null || s === undefined) {
      nullCount++;
    } else {
      bitmap[r >> 3] |= 1 << (r & 7);
      if (pos + s.length * 3 > bytes.length) {
        const bigger = new Uint8Array(Math.max(bytes.length * 2, pos + s.length * 3));
        bigger.set(bytes.subarray(0, pos));
        bytes = bigger;
      }
      let ascii = true;
      for (let i = 0; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if (code >= 0x80) {
          ascii = false;
          break;
        }
        bytes[pos + i] = code;
      }
      pos += ascii ? s.length : encoder.encodeInto(s, bytes.subarray(pos)).written;
    }
    offsets[r + 1] = pos;
  }
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount,
    nullBitmap: nullCount ? bitmap : undefined,
    valueOffsets: offsets,
    data: bytes.subarray(0, pos),
  });
}

/** Pass two: every row converted, `batchRows` at a time, in file order. */
export function convertCsv(
  text: string,
  plan: CsvPlan,
  batchRows: number,
  onBatch: (batch: ColumnBatch) => void,
  onProgress: Progress = () => {},
): void {
  let batch = new ColumnBatch(plan.columns, batchRows);
  forEachRow(
    text,
    plan.delimiter,
    () => {},
    (cells) => {
      batch.push(cells);
      if (batch.full) {
        onBatch(batch);
        batch = new ColumnBatch(plan.columns, batchRows);
      }
    },
    () => {},
    onProgress,
  );
  if (batch.length > 0) onBatch(batch);
}
