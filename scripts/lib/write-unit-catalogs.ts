// Stores the unit catalogs (src/queries/unit-catalogs.ts) in the published files: each is computed by its
// catalog SQL over every published dataset, opened as the browser opens them, and written as a table
// into the file of its host dataset. Runs after every dataset file is written, before their sizes are
// taken for the manifest.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { quoteIdent } from '../../src/queries/sql.ts';
import { catalogName, datasetFileName, searchPathStatement, sqlString, type DatasetName } from '../../src/queries/setup.ts';
import { CATALOG_COLUMNS, UNIT_CATALOGS, catalogColumnDescription, catalogHost, type UnitCatalog } from '../../src/queries/unit-catalogs.ts';


/** Writes every catalog whose data are published. */
export async function writeUnitCatalogs(dir: string, datasets: readonly DatasetName[]): Promise<void> {
  const catalogs = (Object.values(UNIT_CATALOGS) as UnitCatalog[])
    .map((catalog) => ({ catalog, host: catalogHost(catalog, datasets), query: catalog.source(datasets) }))
    .filter((c): c is { catalog: UnitCatalog; host: DatasetName; query: NonNullable<typeof c.query> } => c.host !== null && c.query !== null);
  if (!catalogs.length) return;
  const hosts = new Set(catalogs.map((c) => c.host));
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    // Hosts are attached writable, the rest read-only; the search path is the one pages query under.
    for (const d of datasets) {
      await con.run(`ATTACH ${sqlString(path.join(dir, datasetFileName(d)))} AS ${catalogName(d)}${hosts.has(d) ? '' : ' (READ_ONLY)'}`);
    }
    await con.run(searchPathStatement(datasets));
    for (const { catalog, host, query } of catalogs) {
      if (query.params.length) throw new Error(`${catalog.table}: a stored catalog's SQL takes no parameters`);
      const target = `${catalogName(host)}.${quoteIdent(catalog.table)}`;
      await con.run(`CREATE TABLE ${target} AS SELECT ${CATALOG_COLUMNS.map(quoteIdent).join(', ')} FROM (${query.sql}) ORDER BY enhetskod`);
      await con.run(`COMMENT ON TABLE ${target} IS ${sqlString(catalog.description)}`);
      for (const column of CATALOG_COLUMNS) await con.run(`COMMENT ON COLUMN ${target}.${quoteIdent(column)} IS ${sqlString(catalogColumnDescription(column))}`);
    }
    for (const host of hosts) await con.run(`CHECKPOINT ${catalogName(host)}`);
    for (const d of datasets) await con.run(`DETACH ${catalogName(d)}`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
