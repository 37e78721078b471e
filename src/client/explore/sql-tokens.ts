// A small SQL lexer for the editor: enough of DuckDB's syntax to colour a query and to tell which words
// are code (not inside a string or a comment). Pure: text in, tokens out; every character belongs to
// exactly one token, so joining the tokens gives the text back.

export type TokenKind =
  | 'keyword'
  | 'identifier'
  | 'quoted' // "a quoted identifier"
  | 'string'
  | 'number'
  | 'comment'
  | 'parameter' // ? or $1
  | 'operator'
  | 'punctuation'
  | 'space'
  | 'other';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

/** Words shown as keywords. Function names (count, sum, …) stay plain identifiers. */
export const KEYWORDS: ReadonlySet<string> = new Set(
  `ALL ALTER ANALYZE AND ANTI ANY AS ASC ASOF ATTACH BETWEEN BIGINT BOOLEAN BY CASE CAST CHECKPOINT COLUMN
  COLUMNS COPY CREATE CROSS CUBE CURRENT_DATE DATE DECIMAL DEFAULT DELETE DESC DESCRIBE DETACH DISTINCT DOUBLE
  DROP ELSE END ESCAPE EXCEPT EXCLUDE EXISTS EXPLAIN EXPORT FALSE FILTER FIRST FOLLOWING FOR FROM FULL FUNCTION
  GLOB GROUP GROUPING HAVING IF ILIKE IMPORT IN INNER INSERT INSTALL INTEGER INTERSECT INTERVAL INTO IS JOIN
  LAST LATERAL LEFT LIKE LIMIT LOAD MACRO NATURAL NOT NULL NULLS OF OFFSET ON OR ORDER OUTER OVER PARTITION
  PIVOT POSITIONAL PRAGMA PRECEDING QUALIFY RANGE RECURSIVE RENAME REPLACE RESET RETURNS RIGHT ROLLUP ROW ROWS
  SAMPLE SCHEMA SELECT SEMI SEQUENCE SET SETS SHOW SIMILAR SOME SUMMARIZE TABLE TABLESAMPLE TEMP TEMPORARY THEN
  TIMESTAMP TO TRUE TRY_CAST UNBOUNDED UNION UNPIVOT UPDATE USE USING VALUES VARCHAR VIEW WHEN WHERE WINDOW WITH`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that cannot name a table without quotes (DuckDB 1.5's reserved keywords:
 * `SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'`).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(
  `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
  default deferrable desc describe distinct do else end except false fetch for foreign from group having in
  initially intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer
  pivot_wider placing primary qualify references returning select show some summarize symmetric table then to
  trailing true union unique unpivot using variadic when where window with`
    .split(/\s+/)
    .filter(Boolean),
);

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const OPERATOR_CHARS = '+-*/<>=!|&%^~:@#';
const PUNCTUATION = '(),;.[]{}';

function readIdentifier(sql: string, i: number): number {
  let j = i;
  while (j < sql.length) {
    const cp = sql.codePointAt(j) as number;
    const ch = String.fromCodePoint(cp);
    if (!IDENT_PART.test(ch)) break;
    j += ch.length;
  }
  return j;
}

/** End of a quoted run starting at `i` (the opening quote), with the quote doubled as escape. */
function readQuoted(sql: string, i: number, quote: string, backslash = false): number {
  let j = i + 1;
  while (j < sql.length) {
    const ch = sql[j];
    if (backslash && ch === '\\') {
      j += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return sql.length;
}

/** Nested block comments, as in PostgreSQL and DuckDB. */
function readBlockComment(sql: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else {
      j++;
    }
  }
  return sql.length;
}

function readNumber(sql: string, i: number): number {
  const m = /^(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/.exec(sql.slice(i, i + 64));
  return i + (m ? m[0].length : 1);
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, start: i, end, text: sql.slice(i, end) });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1] ?? '';
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j])) j++;
      push('space', j);
    } else if (ch === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      push('comment', nl === -1 ? sql.length : nl);
    } else if (ch === '/' && next === '*') {
      push('comment', readBlockComment(sql, i));
    } else if (ch === "'") {
      push('string', readQuoted(sql, i, "'"));
    } else if ((ch === 'E' || ch === 'e') && next === "'") {
      push('string', readQuoted(sql, i + 1, "'", true));
    } else if (ch === '"') {
      push('quoted', readQuoted(sql, i, '"'));
    } else if (ch === '$') {
      const tag = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        push('string', close === -1 ? sql.length : close + tag[0].length);
      } else if (/\d/.test(next)) {
        let j = i + 1;
        while (j < sql.length && /\d/.test(sql[j])) j++;
        push('parameter', j);
      } else {
        push('operator', i + 1);
      }
    } else if (ch === '?') {
      push('parameter', i + 1);
    } else if (/\d/.test(ch) || (ch === '.' && /\d/.test(next))) {
      push('number', readNumber(sql, i));
    } else if (IDENT_START.test(String.fromCodePoint(sql.codePointAt(i) as number))) {
      const end = readIdentifier(sql, i);
      push(KEYWORDS.has(sql.slice(i, end).toUpperCase()) ? 'keyword' : 'identifier', end);
    } else if (OPERATOR_CHARS.includes(ch)) {
      let j = i + 1;
      while (j < sql.length && OPERATOR_CHARS.includes(sql[j]) && !(sql[j] === '-' && sql[j + 1] === '-')) j++;
      push('operator', j);
    } else if (PUNCTUATION.includes(ch)) {
      push('punctuation', i + 1);
    } else {
      push('other', i + String.fromCodePoint(sql.codePointAt(i) as number).length);
    }
  }
  return tokens;
}

/** The keywords of a query that are code (not in strings or comments), upper-cased, in order. */
export function codeKeywords(sql: string): string[] {
  return tokenize(sql)
    .filter((t) => t.kind === 'keyword' || t.kind === 'identifier')
    .map((t) => t.text.toUpperCase());
}

/** Whether a query may change which tables exist (so the table list should be read again). */
export function changesSchema(sql: string): boolean {
  const words = new Set(codeKeywords(sql));
  return ['CREATE', 'DROP', 'ALTER', 'ATTACH', 'DETACH', 'INSERT', 'DELETE', 'UPDATE', 'COPY', 'IMPORT', 'USE', 'TRUNCATE']
    .some((w) => words.has(w));
}

/** Whether the query holds anything but spaces and comments. */
export function hasCode(sql: string): boolean {
  return tokenize(sql).some((t) => t.kind !== 'space' && t.kind !== 'comment' && !(t.kind === 'punctuation' && t.text === ';'));
}

/** The token that covers `offset` (or the one just before it, at the end of the text). */
export function tokenAt(tokens: readonly Token[], offset: number): Token | null {
  const hit = tokens.find((t) => t.start <= offset && offset < t.end && t.kind !== 'space');
  if (hit) return hit;
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k].start < offset && tokens[k].kind !== 'space') return tokens[k];
  return null;
}
