// Writes published tables as DuckDB database files that duckdb-wasm reads with no extension.
import { DuckDBInstance } from '@duckdb/node-api';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Tables } from '../../src/data/checks.ts';
import { DATASETS, type DatasetName, publishedColumns } from '../../src/data/schema.ts';
import { DERIVED_VIEWS } from '../../src/queries/views.ts';

/** duckdb-wasm 1.32 embeds DuckDB 1.4.3 and refuses files written with a newer storage version. */
export const STORAGE_VERSION = 'v1.4.0';
/**
 * 16 kB blocks instead of the default 256 kB: a small table's file shrinks from 536 kB to about 140 kB,
 * which matters where the intranet's web server does not compress. duckdb-wasm 1.32 reads them.
 */
export const BLOCK_SIZE = 16384;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function writeDatasetFile(dir: string, name: DatasetName, rows: Tables[DatasetName] & object): Promise<{ file: string; bytes: number }> {
  const file = path.join(dir, `${name}.duckdb`);
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
  const spec = DATASETS[name];
  const columns = publishedColumns(spec);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    // Rows go into an in-memory staging table through the appender (fast), then into the file with
    // their final types, sorted by unit and key so the file compresses well and filters skip blocks.
    const staging = columns.map((c) => `${quote(c.name)} ${c.sqlType === 'INTEGER' || c.sqlType === 'DOUBLE' ? c.sqlType : 'VARCHAR'}`);
    await con.run(`CREATE TABLE staging (${staging.join(', ')})`);
    const appender = await con.createAppender('staging');
    for (const row of rows) {
      for (const c of columns) {
        const v = row[c.name];
        if (v === null || v === undefined || (v === '' && (c.sqlType === 'DATE'))) appender.appendNull();
        else if (c.sqlType === 'INTEGER') appender.appendInteger(v as number);
        else if (c.sqlType === 'DOUBLE') appender.appendDouble(v as number);
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
    appender.closeSync();
    const select = columns.map((c) => {
      if (c.sqlType === 'DATE') return `CAST(${quote(c.name)} AS DATE) AS ${quote(c.name)}`;
      if (c.sqlType === 'BOOLEAN') return `(${quote(c.name)} = 'ja') AS ${quote(c.name)}`;
      return quote(c.name);
    });
    // Unit first: nearly every query of the site filters on one unit, and with the rows of a unit
    // together DuckDB's zone maps skip the rest of the file (per-unit queries in duckdb-wasm 2–3 times
    // faster on the national benchmark data), and the file compresses about 20 % smaller.
    const order = [...spec.key.filter((c) => c === 'enhetskod'), ...spec.key.filter((c) => c !== 'enhetskod')].map(quote).join(', ');
    await con.run(`ATTACH '${file.replace(/'/g, "''")}' AS out (STORAGE_VERSION '${STORAGE_VERSION}', BLOCK_SIZE ${BLOCK_SIZE})`);
    await con.run(`CREATE TABLE out.${quote(name)} AS SELECT ${select.join(', ')} FROM staging ORDER BY ${order}`);
    const comment = spec.description.replace(/'/g, "''");
    await con.run(`COMMENT ON TABLE out.${quote(name)} IS '${comment}'`);
    for (const c of columns) {
      await con.run(`COMMENT ON COLUMN out.${quote(name)}.${quote(c.name)} IS '${c.description.replace(/'/g, "''")}'`);
    }
    // Views are created from inside the file so that their table names resolve there.
    await con.run('USE out');
    for (const view of DERIVED_VIEWS[name] ?? []) {
      await con.run(`CREATE VIEW ${quote(view.name)} AS ${view.sql}`);
      await con.run(`COMMENT ON VIEW ${quote(view.name)} IS '${view.description.replace(/'/g, "''")}'`);
    }
    await con.run('USE memory');
    await con.run('DETACH out');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return { file, bytes: (await stat(file)).size };
}
