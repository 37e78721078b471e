// Names for an analyst's own table and its columns: typeable in SQL without quotes (lower case a–z, å, ä, ö,
// digits, underscores), never a reserved word, never hiding a published table. Pure.

import { columnLetter } from '../../data/csv.ts';
import { DATASETS } from '../../data/schema.ts';
import { DERIVED_VIEWS } from '../../queries/views.ts';
import { UNIT_CATALOGS } from '../../queries/unit-catalogs.ts';
import { RESERVED_WORDS } from './sql-tokens.ts';

const KEEP = /[a-z0-9_åäö]/;

/** A name that can be typed in SQL without quotes: lower case a–z, å, ä, ö, digits, underscores. */
export function sanitiseName(text: string, prefixForDigit: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLocaleLowerCase('sv-SE')) {
    if (KEEP.test(ch)) out += ch;
    else {
      const base = ch.normalize('NFD')[0];
      out += /[a-z]/.test(base) ? base : '_';
    }
  }
  out = out.replace(/_+/g, '_').replace(/^_|_$/g, '');
  if (/^[0-9]/.test(out)) out = `${prefixForDigit}_${out}`;
  return out;
}

export const MAX_NAME_LENGTH = 63;
const TABLE_NAME = /^[a-zåäö_][a-z0-9åäö_]*$/;

/** Published tables and views an own table must not hide. */
export function publishedNames(): Set<string> {
  return new Set([
    ...Object.keys(DATASETS),
    ...Object.values(DERIVED_VIEWS).flatMap((views) => (views ?? []).map((v) => v.name)),
    ...Object.values(UNIT_CATALOGS).map((c) => c.table),
  ]);
}

/** The default table name for a file: its name without `.csv`, sanitised, never a published name. */
export function tableNameFromFile(fileName: string, taken: ReadonlySet<string> = new Set()): string {
  let name = sanitiseName(fileName.replace(/\.[a-z0-9]{1,5}$/i, ''), 't').slice(0, MAX_NAME_LENGTH) || 'egen_tabell';
  if (RESERVED_WORDS.has(name)) name = `${name}_data`;
  if (publishedNames().has(name)) name = `${name}_egen`;
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name}_${k}`;
  return candidate;
}

export type TableNameProblem = 'empty' | 'invalid' | 'tooLong' | 'reserved' | 'published' | 'taken';

/** Why a table name cannot be used, or null when it can. `taken`: tables that already exist. */
export function checkTableName(name: string, taken: ReadonlySet<string> = new Set()): TableNameProblem | null {
  if (!name) return 'empty';
  if (name.length > MAX_NAME_LENGTH) return 'tooLong';
  if (!TABLE_NAME.test(name)) return 'invalid';
  if (RESERVED_WORDS.has(name)) return 'reserved';
  if (publishedNames().has(name)) return 'published';
  if (taken.has(name)) return 'taken';
  return null;
}

/** Column names from the header: sanitised, unique, never empty (an empty header cell becomes kolumn_C). */
export function columnNames(header: readonly string[]): string[] {
  const used = new Set<string>();
  return header.map((raw, i) => {
    let name = sanitiseName(raw.replace(/^\uFEFF/, ''), 'k') || `kolumn_${columnLetter(i).toLowerCase()}`;
    if (RESERVED_WORDS.has(name)) name = `${name}_kolumn`;
    name = name.slice(0, MAX_NAME_LENGTH);
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name}_${k}`;
    used.add(unique);
    return unique;
  });
}
