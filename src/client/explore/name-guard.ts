// The names of the published tables and views belong to them: an analyst's table, view or temporary table
// can never take one, so `placeringar` always means the published figures (a link that runs
// `CREATE OR REPLACE TABLE placeringar AS SELECT …, antal * 10 …` must not change what the page shows).
// Two layers: the text is read before it runs (a statement that would create or rename an object to a
// published name is refused, with its place), and after every run the catalog is checked and any own object
// with such a name is dropped (engine.ts `dropShadows`), whatever way it was made. Pure.

import { tokenize, type Token } from './sql-tokens.ts';

export interface NameClaim {
  /** The published name, lower-case, as the analyst's statement wrote it (without quotes). */
  name: string;
  /** Where it stands in the text (UTF-16 offset), for the editor's error mark. */
  offset: number;
}

/** Words that may stand between CREATE and the kind of object. */
const CREATE_PREFIX = new Set(['OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'PERSISTENT', 'LOCAL', 'GLOBAL', 'UNLOGGED']);
const OBJECT_KINDS = new Set(['TABLE', 'VIEW']);

const code = (t: Token) => t.kind !== 'space' && t.kind !== 'comment';
const word = (t: Token | undefined) => (t && (t.kind === 'keyword' || t.kind === 'identifier') ? t.text.toUpperCase() : '');
const nameOf = (t: Token) => (t.kind === 'quoted' ? t.text.slice(1, -1).replace(/""/g, '"') : t.text).toLowerCase();
const isName = (t: Token | undefined) => !!t && (t.kind === 'identifier' || t.kind === 'quoted' || t.kind === 'keyword');

/** The last part of a dotted name starting at tokens[i] (`memory.main.placeringar` → placeringar), or null. */
function dottedName(tokens: readonly Token[], i: number): Token | null {
  if (!isName(tokens[i])) return null;
  let last = tokens[i];
  while (tokens[i + 1]?.text === '.' && isName(tokens[i + 2])) {
    i += 2;
    last = tokens[i];
  }
  return last;
}

/**
 * The first statement in `sql` that would make an own table or view named like a published one
 * (`CREATE [OR REPLACE] [TEMP] TABLE|VIEW [IF NOT EXISTS] name`, `ALTER TABLE|VIEW … RENAME TO name`),
 * or null. `published` holds the published names in lower case.
 */
export function claimedPublishedName(sql: string, published: ReadonlySet<string>): NameClaim | null {
  const tokens = tokenize(sql).filter(code);
  for (let i = 0; i < tokens.length; i++) {
    const w = word(tokens[i]);
    let target: Token | null = null;
    if (w === 'CREATE') {
      let j = i + 1;
      while (CREATE_PREFIX.has(word(tokens[j]))) j++;
      if (!OBJECT_KINDS.has(word(tokens[j]))) continue;
      j++;
      if (word(tokens[j]) === 'IF' && word(tokens[j + 1]) === 'NOT' && word(tokens[j + 2]) === 'EXISTS') j += 3;
      target = dottedName(tokens, j);
    } else if (w === 'RENAME' && word(tokens[i + 1]) === 'TO') {
      target = dottedName(tokens, i + 2);
    }
    if (target && published.has(nameOf(target))) return { name: nameOf(target), offset: target.start };
  }
  return null;
}
