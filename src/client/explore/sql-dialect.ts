// The SQL editor's knowledge of DuckDB, from the engine that runs the queries (not a copied list): its
// keywords (duckdb_keywords()), function names and types, and the names to complete (the live schema,
// the analyst's own tables included). Pure: rows in, the CodeMirror dialect's spec and namespace out.

import type { SchemaObject } from './schema.ts';

/** What the engine says about its language. */
export const DIALECT_SQL = {
  keywords: 'SELECT keyword_name AS name FROM duckdb_keywords() ORDER BY 1',
  functions: `SELECT DISTINCT function_name AS name FROM duckdb_functions()
    WHERE function_type IN ('scalar', 'aggregate', 'table', 'macro', 'table_macro') AND NOT starts_with(function_name, '__') ORDER BY 1`,
  types: "SELECT DISTINCT lower(type_name) AS name FROM duckdb_types() WHERE NOT starts_with(type_name, '__') ORDER BY 1",
} as const;

export interface DialectWords {
  keywords: string[];
  functions: string[];
  types: string[];
}

/** The dialect spec for @codemirror/lang-sql: space-separated, lower case, as the spec wants. */
export function dialectSpec(words: DialectWords): { keywords: string; builtin: string; types: string } {
  const clean = (list: readonly string[]) => [...new Set(list.map((w) => w.toLowerCase()).filter((w) => /^[a-z_][a-z0-9_]*$/.test(w)))];
  const types = clean(words.types);
  const keywords = clean(words.keywords).filter((w) => !types.includes(w));
  const builtin = clean(words.functions).filter((w) => !keywords.includes(w) && !types.includes(w));
  return { keywords: keywords.join(' '), builtin: builtin.join(' '), types: types.join(' ') };
}

/**
 * The names to complete: every table and view by its bare name (what a query writes) and under its
 * catalog (pub_placeringar.placeringar), each with its columns.
 */
export function completionNamespace(objects: readonly SchemaObject[]): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  const catalogs: Record<string, Record<string, string[]>> = {};
  for (const o of objects) {
    const columns = o.columns.map((c) => c.name);
    if (!(o.name in top)) top[o.name] = columns;
    if (o.published) (catalogs[o.catalog] ??= {})[o.name] = columns;
  }
  for (const [catalog, tables] of Object.entries(catalogs)) if (!(catalog in top)) top[catalog] = tables;
  return top;
}
