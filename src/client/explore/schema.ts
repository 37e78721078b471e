// The schema browser's content: every table and view the analyst can query, with columns, types and row
// counts as DuckDB itself reports them (duckdb_tables, duckdb_views, duckdb_columns), and the Swedish
// descriptions of the data contract. The same code runs at build time (Node runner, for the page without
// JavaScript) and in the browser (live, with the analyst's own tables), so both show the same truth.

import { DATASETS, publishedColumns, type DatasetName } from '../../data/schema.ts';
import { exploreWords } from '../../i18n/explore.ts';
import { quoteIdent } from '../../queries/sql.ts';
import type { Runner } from '../../queries/runner.ts';
import { DATASET_NAMES, isDatasetName, MEMORY_CATALOG } from '../../queries/setup.ts';
import { DERIVED_VIEWS, tidyViewName } from '../../queries/views.ts';
import { catalogColumnDescription, UNIT_CATALOGS } from '../../queries/unit-catalogs.ts';

export interface SchemaColumn {
  name: string;
  type: string;
  description: string | null;
}

export interface SchemaObject {
  catalog: string;
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** Published (read-only) or the analyst's own (memory or temp). */
  published: boolean;
  /** The name that always reaches this object, e.g. pub_placeringar.placeringar. */
  qualified: string;
  /** Rows, or null where counting would run the analyst's own view (which may be slow). */
  rows: number | null;
  description: string | null;
  columns: SchemaColumn[];
}

/** Every table and view with its columns, in DuckDB's own words. */
export const SCHEMA_SQL = `
SELECT o.database_name AS catalog, o.schema_name AS "schema", o.name, o.kind,
       c.column_name AS "column", c.data_type AS type, c.column_index AS position
FROM (
  SELECT database_name, schema_name, table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal
  UNION ALL
  SELECT database_name, schema_name, view_name AS name, 'view' AS kind FROM duckdb_views() WHERE NOT internal
) o
JOIN duckdb_columns() c
  ON c.database_name = o.database_name AND c.schema_name = o.schema_name AND c.table_name = o.name
ORDER BY o.database_name, o.name, c.column_index`;

interface SchemaRow {
  catalog: string;
  schema: string;
  name: string;
  kind: 'table' | 'view';
  column: string;
  type: string;
  position: number;
}

export { quoteIdent };

/** The dataset a published catalog holds (pub_placeringar → placeringar), or null. */
export function datasetOfCatalog(catalog: string): DatasetName | null {
  const name = catalog.startsWith('pub_') ? catalog.slice(4) : '';
  return isDatasetName(name) ? name : null;
}

/** Descriptions an own table has beyond DuckDB's facts (for files the analyst read in). */
export interface OwnTableNote {
  description: string;
  columns: Record<string, string>;
}

function describe(o: Omit<SchemaObject, 'description' | 'columns' | 'rows'>, columns: SchemaColumn[], notes: ReadonlyMap<string, OwnTableNote>) {
  const dataset = datasetOfCatalog(o.catalog);
  if (!o.published || !dataset) {
    const note = o.catalog === MEMORY_CATALOG ? notes.get(o.name) : undefined;
    return {
      description: note?.description ?? null,
      columns: columns.map((c) => ({ ...c, description: note?.columns[c.name] ?? null })),
    };
  }
  const base = new Map(publishedColumns(DATASETS[dataset]).map((c) => [c.name, c.description]));
  if (o.kind === 'table' && o.name === dataset) {
    // A table with total rows beside their parts says so, and names the view without them.
    const tidy = DERIVED_VIEWS[dataset]?.find((v) => v.name === tidyViewName(dataset));
    const description = tidy ? `${DATASETS[dataset].description} ${exploreWords.schema.totalsNote(tidy.name)}` : DATASETS[dataset].description;
    return { description, columns: columns.map((c) => ({ ...c, description: base.get(c.name) ?? null })) };
  }
  const catalog = Object.values(UNIT_CATALOGS).find((c) => c.table === o.name);
  if (o.kind === 'table' && catalog) {
    return { description: catalog.description, columns: columns.map((c) => ({ ...c, description: catalogColumnDescription(c.name) || null })) };
  }
  const view = DERIVED_VIEWS[dataset]?.find((v) => v.name === o.name);
  const own = exploreWords.schema.viewColumns;
  return {
    description: view?.description ?? null,
    columns: columns.map((c) => ({ ...c, description: own[c.name] ?? base.get(c.name) ?? null })),
  };
}

/**
 * Tables and views from the rows of SCHEMA_SQL: published ones first (in the contract's order, each
 * dataset's table, then the views and stored unit catalogs in its file), then the analyst's own by name.
 * `rows` are filled in later (countSql).
 */
export function schemaObjects(rows: readonly SchemaRow[], notes: ReadonlyMap<string, OwnTableNote> = new Map()): SchemaObject[] {
  const byKey = new Map<string, { head: SchemaRow; columns: SchemaColumn[] }>();
  for (const r of rows) {
    const key = `${r.catalog}\u0000${r.schema}\u0000${r.name}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { head: r, columns: [] }));
    entry.columns.push({ name: r.column, type: r.type, description: null });
  }
  const objects: SchemaObject[] = [];
  for (const { head, columns } of byKey.values()) {
    const published = datasetOfCatalog(head.catalog) !== null;
    const own = head.catalog === MEMORY_CATALOG || head.catalog === 'temp';
    if (!published && !own) continue;
    const base = {
      catalog: head.catalog,
      schema: head.schema,
      name: head.name,
      kind: head.kind,
      published,
      qualified: published ? `${head.catalog}.${head.name}` : head.catalog === 'temp' ? `temp.${head.name}` : head.name,
    };
    objects.push({ ...base, rows: null, ...describe(base, columns, notes) });
  }
  const order = (o: SchemaObject) => {
    const d = datasetOfCatalog(o.catalog);
    return d ? DATASET_NAMES.indexOf(d) * 2 + (o.name === d ? 0 : 1) : 1000;
  };
  return objects.sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The count query for an object whose rows are counted (published objects and own tables). */
export function countSql(o: SchemaObject): string | null {
  if (!o.published && o.kind === 'view') return null;
  return `SELECT count(*) AS n FROM ${quoteIdent(o.catalog)}.${quoteIdent(o.schema)}.${quoteIdent(o.name)}`;
}

/** Every object with its columns, descriptions and row counts, read through `runner`. */
export async function readSchema(runner: Runner, notes: ReadonlyMap<string, OwnTableNote> = new Map()): Promise<SchemaObject[]> {
  const objects = schemaObjects(await runner.run<SchemaRow>(SCHEMA_SQL), notes);
  for (const o of objects) {
    const sql = countSql(o);
    if (!sql) continue;
    try {
      const [row] = await runner.run<{ n: number }>(sql);
      o.rows = Number(row.n);
    } catch {
      o.rows = null; // e.g. an own table dropped meanwhile
    }
  }
  return objects;
}

/** The analyst's own objects that hide a published one of the same name (bare names find them first). */
export function shadowing(objects: readonly SchemaObject[]): { name: string; qualified: string }[] {
  const published = new Map(objects.filter((o) => o.published).map((o) => [o.name, o.qualified]));
  return objects
    .filter((o) => !o.published && published.has(o.name))
    .map((o) => ({ name: o.name, qualified: published.get(o.name) as string }));
}
