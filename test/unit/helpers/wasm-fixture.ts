// The bundled data/ published into a temporary folder and opened by the engine the browser runs
// (duckdb-wasm, through its Node build), attached as the pages attach it.
import { createRequire } from 'node:module';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Manifest } from '../../../scripts/lib/manifest.ts';
import { readDataDir } from '../../../scripts/lib/read-data-dir.ts';
import { anonymise } from '../../../scripts/lib/anonymise.ts';
import { writePublishedData } from '../../../scripts/lib/write-published.ts';
import { setupStatements } from '../../../src/queries/setup.ts';

const require = createRequire(import.meta.url);
export const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

export interface WasmFixture<C> {
  conn: C;
  manifest: Manifest;
  dir: string;
  /** Errors reading data/ (none expected). */
  errors: unknown[];
}

export async function openBundledDataInWasm<C>(prefix: string): Promise<WasmFixture<C>> {
  const read = await readDataDir(path.resolve('data'));
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const anonymised = await anonymise(read, 4);
  const { manifest } = await writePublishedData(anonymised.published, anonymised.audit, read.files, dir, 4);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions = false');
  conn.query('SET autoload_known_extensions = false');
  for (const d of manifest.datasets) db.registerFileBuffer(d.file, new Uint8Array(await readFile(path.join(dir, d.file))));
  for (const sql of setupStatements(manifest.datasets.map((d) => d.name), (d) => `${d}.duckdb`)) conn.query(sql);
  return { conn: conn as C, manifest, dir, errors: read.errors };
}
