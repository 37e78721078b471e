// The browser's query engine: duckdb-wasm, started lazily (on first use) and once per page.
//
// Everything it loads comes from this site: the wasm module and its worker are emitted as the site's own
// assets by the `?url` imports below, and each dataset is fetched from `<base>/data/<dataset>.duckdb`.
// Extension autoloading and autoinstall are turned off, so a query that would need an extension (which
// duckdb-wasm would download from DuckDB's server) fails with an error instead of reaching out.
// Only the eh and mvp bundles are used: the coi bundle needs cross-origin isolation headers, which a
// plain static file server does not send.

import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { sv } from '../i18n/sv.ts';
import { isoDate, type Row, type Runner } from '../queries/runner.ts';
import { datasetFileName, isDatasetName, setupStatements, type DatasetName } from '../queries/setup.ts';

export type LoadPhase = 'start' | 'engine' | 'data' | 'attach' | 'ready';

export interface LoadProgress {
  phase: LoadPhase;
  /** The dataset being fetched or opened (phases `data` and `attach`). */
  dataset?: DatasetName;
  /** Bytes received so far of the file being fetched (engine or dataset). */
  bytesLoaded: number;
  /** Its total size when known, else 0. */
  bytesTotal: number;
}

export type ProgressListener = (progress: LoadProgress) => void;

/** The URL of the published data folder, under the site's base path. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

interface Engine {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  bundle: 'eh' | 'mvp';
}

let engine: Promise<Engine> | null = null;
const listeners = new Set<ProgressListener>();
/** Datasets attached, or being attached, by dataset name. */
const attached = new Map<DatasetName, Promise<void>>();
const attachedNames: DatasetName[] = [];
/** Setup statements run one batch at a time, so every SET search_path sees all attached catalogs. */
let setupQueue: Promise<unknown> = Promise.resolve();

function report(progress: LoadProgress): void {
  for (const listener of listeners) {
    try {
      listener(progress);
    } catch (error) {
      console.error(error);
    }
  }
}

function plainError(message: string, cause?: unknown): Error {
  return new Error(message, cause === undefined ? undefined : { cause });
}

async function startEngine(): Promise<Engine> {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') throw plainError(sv.engine.noWebAssembly);
  report({ phase: 'start', bytesLoaded: 0, bytesTotal: 0 });
  let worker: Worker | null = null;
  try {
    const bundle = await duckdb.selectBundle(BUNDLES);
    worker = new Worker(bundle.mainWorker as string);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, null, (p) =>
      report({ phase: 'engine', bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal }),
    );
    await db.open({
      query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    });
    const conn = await db.connect();
    await conn.query('SET autoinstall_known_extensions = false');
    await conn.query('SET autoload_known_extensions = false');
    return { db, conn, bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp' };
  } catch (error) {
    worker?.terminate();
    throw plainError(sv.engine.startFailed, error);
  }
}

async function fetchBytes(dataset: DatasetName): Promise<Uint8Array> {
  const file = datasetFileName(dataset);
  let response: Response;
  try {
    response = await fetch(dataUrl(file));
  } catch (error) {
    throw plainError(sv.engine.fetchFailed(file), error);
  }
  if (!response.ok) throw plainError(sv.engine.fetchFailed(file), new Error(`HTTP ${response.status}`));
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      report({ phase: 'data', dataset, bytesLoaded: loaded, bytesTotal: total });
    }
  } catch (error) {
    throw plainError(sv.engine.fetchFailed(file), error);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function attachDataset(e: Engine, dataset: DatasetName): Promise<void> {
  const bytes = await fetchBytes(dataset);
  const file = datasetFileName(dataset);
  const run = async () => {
    report({ phase: 'attach', dataset, bytesLoaded: bytes.byteLength, bytesTotal: bytes.byteLength });
    try {
      await e.db.registerFileBuffer(file, bytes);
      for (const sql of setupStatements([dataset], () => file, attachedNames)) await e.conn.query(sql);
      attachedNames.push(dataset);
    } catch (error) {
      throw plainError(sv.engine.attachFailed(file), error);
    }
  };
  const done = setupQueue.then(run, run);
  setupQueue = done.catch(() => undefined);
  return done;
}

class BrowserRunner implements Runner {
  private readonly conn: duckdb.AsyncDuckDBConnection;

  constructor(conn: duckdb.AsyncDuckDBConnection) {
    this.conn = conn;
  }

  async run<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    let table;
    if (params.length === 0) {
      table = await this.conn.query(sql);
    } else {
      const statement = await this.conn.prepare(sql);
      try {
        table = await statement.query(...params.map((p) => (typeof p === 'bigint' ? Number(p) : p ?? null)));
      } finally {
        await statement.close();
      }
    }
    return tableToRows(table) as T[];
  }
}

/** The part of apache-arrow's Table this file reads (arrow is duckdb-wasm's dependency, not ours). */
interface ArrowTableLike {
  schema: { fields: { name: string; type: { toString(): string } }[] };
  numRows: number;
  getChildAt(index: number): { get(index: number): unknown } | null;
}

/** Rows of an Arrow table as plain objects; dates become ISO strings as in the Node runner. */
export function tableToRows(table: ArrowTableLike): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const kinds = fields.map((f) => {
    const t = String(f.type);
    if (t.startsWith('Date')) return 'date';
    if (t.startsWith('Timestamp')) return 'timestamp';
    return 'plain';
  });
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      let value = columns[c]?.get(r) ?? null;
      if (typeof value === 'bigint') value = Number(value);
      else if (value !== null && kinds[c] !== 'plain') {
        value = isoDate(value instanceof Date ? value : new Date(value as number));
      }
      row[fields[c].name] = value;
    }
    rows[r] = row;
  }
  return rows;
}

/**
 * The browser Runner over the published `datasets` (all given ones fetched and attached, each once per
 * page). Starts the engine on first call. `onProgress` hears about every phase until this call resolves.
 * Rejects with an Error whose message is plain Swedish.
 */
export async function getRunner(datasets: readonly string[] = [], onProgress?: ProgressListener): Promise<Runner> {
  for (const name of datasets) if (!isDatasetName(name)) throw plainError(sv.engine.unknownDataset(name));
  if (onProgress) listeners.add(onProgress);
  try {
    engine ??= startEngine();
    let e: Engine;
    try {
      e = await engine;
    } catch (error) {
      engine = null; // let a later click try again
      throw error;
    }
    await Promise.all(
      (datasets as DatasetName[]).map((dataset) => {
        let pending = attached.get(dataset);
        if (!pending) {
          pending = attachDataset(e, dataset);
          attached.set(dataset, pending);
          pending.catch(() => attached.delete(dataset));
        }
        return pending;
      }),
    );
    report({ phase: 'ready', bytesLoaded: 0, bytesTotal: 0 });
    return new BrowserRunner(e.conn);
  } finally {
    if (onProgress) listeners.delete(onProgress);
  }
}

/** Which bundle the engine runs ('eh' or 'mvp'), once started; for diagnostics and tests. */
export async function engineBundle(): Promise<'eh' | 'mvp' | null> {
  return engine ? (await engine).bundle : null;
}
