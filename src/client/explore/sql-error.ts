import { tokenize } from './sql-tokens.ts';

// DuckDB's error for a query, and where in the query it points. duckdb-wasm hands errors over in two forms:
// a parser error as JSON ({"exception_type":"Parser","exception_message":"…","position":"13"}, the position
// counted in characters from the start of the whole text sent), and other errors as DuckDB's own text
// ("Binder Error: …\n\nLINE 2: SELECT foo FROM t\n                ^"), where the caret marks the column on the
// quoted line (which DuckDB shortens with "..." when it is long). Pure, so it is tested with real messages.

export interface SqlError {
  /** DuckDB's message as DuckDB formats it ("Parser Error: syntax error at or near …", with LINE and caret). */
  message: string;
  /** The message without the quoted line and caret: the sentence to read. */
  summary: string;
  /** Index (UTF-16, as in a textarea) in the query text where the error is, or null if DuckDB gave none. */
  offset: number | null;
  /** 1-based line and column of `offset` in the query text. */
  line: number | null;
  column: number | null;
  /** The query was cancelled (by the analyst), not wrong. */
  cancelled: boolean;
}

interface DuckDbJsonError {
  exception_type?: string;
  exception_message?: string;
  position?: string | number;
}

function parseJson(text: string): DuckDbJsonError | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value = JSON.parse(trimmed) as unknown;
    return value && typeof value === 'object' && 'exception_message' in value ? (value as DuckDbJsonError) : null;
  } catch {
    return null;
  }
}

/** The UTF-16 index of the `n`-th code point of `text` (DuckDB counts characters, a textarea UTF-16 units). */
export function codePointIndex(text: string, n: number): number {
  let index = 0;
  for (let k = 0; k < n && index < text.length; k++) index += String.fromCodePoint(text.codePointAt(index) as number).length;
  return Math.min(index, text.length);
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** UTF-8 length of a text (DuckDB keeps positions as byte offsets into the query). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The UTF-16 index in `text` of a UTF-8 byte offset (rounded down to a character). */
function indexOfByte(text: string, bytes: number): number {
  let b = 0;
  let i = 0;
  for (const ch of text) {
    const w = utf8Length(ch);
    if (b + w > bytes) break;
    b += w;
    i += ch.length;
  }
  return i;
}

/** Where each statement's text starts and ends: split at every top-level ";". */
function statements(sql: string): [number, number][] {
  const cuts = tokenize(sql).filter((t) => t.kind === 'punctuation' && t.text === ';').map((t) => t.end);
  const starts = [0, ...cuts];
  return starts.map((s, k) => [s, k + 1 < starts.length ? starts[k + 1] : sql.length]);
}

/**
 * The offset a "LINE n: …\n    ^" block points at, or null. DuckDB (1.4 and 1.5) keeps the error's place as
 * a byte offset into the whole query, but draws the block on the text of the failing statement alone (from
 * just after the ";" before it): the line is the one of that text holding the byte offset, the caret the
 * characters into it. Read backwards: the statement is the one whose line n is the quoted one and in which
 * the resulting offset falls. (Checked against duckdb-wasm in test/unit/explore-engine.test.ts.)
 */
function offsetFromLineBlock(message: string, sql: string): number | null {
  const m = /\nLINE (\d+): ([^\n]*)\n( *)\^/.exec(message);
  if (!m) return null;
  const lineNo = Number(m[1]);
  const shown = m[2];
  const caret = codePointLength(m[3]) - `LINE ${m[1]}: `.length;
  if (lineNo < 1 || caret < 0) return null;
  const shortened = shown.startsWith('...');
  const part = shortened ? shown.slice(3).replace(/\.\.\.$/, '') : shown.replace(/\.\.\.$/, '');
  const total = utf8Length(sql);
  const fallback: number[] = [];
  for (const [start, end] of statements(sql)) {
    const lines = sql.slice(start, end).split('\n');
    if (lineNo > lines.length) continue;
    const lineText = lines[lineNo - 1];
    const at = lineText.indexOf(part);
    if (at === -1 || (!shortened && at !== 0)) continue;
    const lineStart = utf8Length(lines.slice(0, lineNo - 1).join('\n')) + (lineNo > 1 ? 1 : 0);
    const column = shortened ? codePointLength(lineText.slice(0, at)) + caret - 3 : caret;
    const chars = [...lineText];
    const inLine = utf8Length(chars.slice(0, Math.max(0, column)).join('')) + Math.max(0, column - chars.length);
    const bytes = lineStart + inLine;
    if (bytes > total) continue;
    const offset = indexOfByte(sql, bytes);
    if (offset >= start && offset <= end) return offset;
    fallback.push(offset);
  }
  return fallback[0] ?? null;
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  const column = codePointLength(before.slice(before.lastIndexOf('\n') + 1)) + 1;
  return { line, column };
}

/** Reads the error duckdb-wasm threw for `sql` (the text that was sent). */
export function parseDuckDbError(error: unknown, sql: string): SqlError {
  const raw = error instanceof Error ? error.message : String(error);
  const json = parseJson(raw);
  let message = raw;
  let offset: number | null = null;
  if (json) {
    const type = json.exception_type ? `${json.exception_type} Error: ` : '';
    message = `${type}${json.exception_message ?? ''}`;
    const position = Number(json.position);
    if (json.position !== undefined && Number.isInteger(position) && position >= 0) offset = codePointIndex(sql, position);
  }
  if (offset === null) offset = offsetFromLineBlock(message, sql);
  if (offset !== null) offset = Math.max(0, Math.min(offset, sql.length));
  const summary = message.split(/\n\s*\nLINE \d+:/)[0].trim();
  const where = offset === null ? null : lineAndColumn(sql, offset);
  return {
    message: message.trim(),
    summary,
    offset,
    line: where?.line ?? null,
    column: where?.column ?? null,
    cancelled: /query was cancell?ed|interrupted/i.test(raw),
  };
}
