// The browser's query engine: duckdb-wasm, started lazily (on first use) and once per page.
//
// Everything it loads comes from this site: the wasm module and its worker are emitted as the site's own
// assets by the `?url` imports below, and each dataset is fetched from `<base>/data/<dataset>.duckdb`.
// Extension autoloading and autoinstall are turned off and external access is disabled (only the
// registered dataset files may be opened), so a query that would need an extension (which duckdb-wasm
// would download from DuckDB's server) or read a URL fails with an error instead of reaching out.
// Only the eh and mvp bundles are used: the coi bundle needs cross-origin isolation headers, which a
// plain static file server does not send.

import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { sv } from '../i18n/sv.ts';
import { isoDate, type Row, type Runner } from '../queries/runner.ts';
import { plainNested } from './arrow-values.ts';
import { DATASET_NAMES, datasetFileName, isDatasetName, setupStatements, sqlString, type DatasetName } from '../queries/setup.ts';

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

/**
 * Settings that keep the engine on this site: no extension is installed or loaded (they would come from
 * DuckDB's server), and no file outside the published datasets can be read, so even a query typed on the
 * SQL page cannot reach another host. The allowed paths are the registered names of the dataset files.
 */
const ENGINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  // DuckDB also looks for a write-ahead log beside each file it attaches.
  `SET allowed_paths = [${DATASET_NAMES.flatMap((d) => [datasetFileName(d), `${datasetFileName(d)}.wal`]).map(sqlString).join(', ')}]`,
  'SET enable_external_access = false',
];

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

/** The smallest valid wasm module: compiling it tells whether this page may compile WebAssembly at all. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

function mayCompileWasm(): boolean {
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE);
    return true;
  } catch {
    return false;
  }
}

/**
 * How long the engine's start may go without any sign of life (a progress event) before it is given up.
 * duckdb-wasm does not always reject when its worker fails (a wasm download or compile error can leave
 * the promise pending), so this turns a silent hang into an error the page can show.
 */
const STALL_MS = 45_000;

function watchStart<T>(work: Promise<T>, worker: Worker, alive: { at: number }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setInterval(() => {
      if (Date.now() - alive.at > STALL_MS) finish(() => reject(new Error(`no progress for ${STALL_MS} ms`)));
    }, 1000);
    const onError = (event: ErrorEvent) => finish(() => reject(new Error(event.message || 'worker error')));
    worker.addEventListener('error', onError);
    function finish(settle: () => void) {
      clearInterval(timer);
      worker.removeEventListener('error', onError);
      settle();
    }
    work.then(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
  });
}

async function startEngine(): Promise<Engine> {
  if (typeof WebAssembly !== 'object' || typeof Worker !== 'function') throw plainError(sv.engine.noWebAssembly);
  // A Content-Security-Policy without 'wasm-unsafe-eval' forbids compiling; say so instead of hanging.
  if (!mayCompileWasm()) throw plainError(sv.engine.wasmBlocked);
  report({ phase: 'start', bytesLoaded: 0, bytesTotal: 0 });
  let worker: Worker | null = null;
  try {
    const bundle = await duckdb.selectBundle(BUNDLES);
    // The worker does not report a missing wasm file (it would only stall), so look before leaping.
    const head = await fetch(bundle.mainModule, { method: 'HEAD' });
    // Read to its (empty) end, or the browser lists the request as cancelled.
    await head.arrayBuffer().catch(() => undefined);
    if (!head.ok) throw new Error(`${bundle.mainModule}: HTTP ${head.status}`);
    worker = new Worker(bundle.mainWorker as string);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const alive = { at: Date.now() };
    await watchStart(
      db.instantiate(bundle.mainModule, null, (p) => {
        alive.at = Date.now();
        report({ phase: 'engine', bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal });
      }),
      worker,
      alive,
    );
    await db.open({
      query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
    });
    const conn = await db.connect();
    for (const sql of ENGINE_SETTINGS) await conn.query(sql);
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
      // A server that compresses sends the compressed length; then the total is unknown.
      report({ phase: 'data', dataset, bytesLoaded: loaded, bytesTotal: total >= loaded ? total : 0 });
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

/**
 * Each dataset's bytes, fetched once per page. The fetch starts as soon as a dataset is asked for, so it
 * runs while the engine's wasm module downloads and compiles instead of after it.
 */
const fetched = new Map<DatasetName, Promise<Uint8Array>>();

function prefetch(dataset: DatasetName): Promise<Uint8Array> {
  let pending = fetched.get(dataset);
  if (!pending) {
    pending = fetchBytes(dataset);
    fetched.set(dataset, pending);
    pending.catch(() => fetched.delete(dataset)); // let a later call try again
  }
  return pending;
}

async function attachDataset(e: Engine, dataset: DatasetName): Promise<void> {
  const bytes = await prefetch(dataset);
  const file = datasetFileName(dataset);
  const run = async () => {
    report({ phase: 'attach', dataset, bytesLoaded: bytes.byteLength, bytesTotal: bytes.byteLength });
    try {
      await e.db.registerFileBuffer(file, bytes);
      for (const sql of setupStatements([dataset], () => file, attachedNames)) await e.conn.query(sql);
      attachedNames.push(dataset);
      fetched.delete(dataset); // the engine has the bytes now
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
  // With castTimestampToDate, dates and timestamps arrive as milliseconds since 1970.
  const isDate = fields.map((f) => /^(Date|Timestamp)/.test(String(f.type)));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      const value = columns[c]?.get(r) ?? null;
      row[fields[c].name] =
        value !== null && isDate[c] && (typeof value === 'number' || typeof value === 'bigint')
          ? isoDate(new Date(Number(value)))
          : plainNested(value);
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
    // The data files download while the engine starts (attached.has: already fetched and attached).
    for (const dataset of datasets as DatasetName[]) if (!attached.has(dataset)) prefetch(dataset).catch(() => undefined);
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
    // Ready is this call's own news: another caller's datasets may still be opening.
    onProgress?.({ phase: 'ready', bytesLoaded: 0, bytesTotal: 0 });
    return new BrowserRunner(e.conn);
  } finally {
    if (onProgress) listeners.delete(onProgress);
  }
}

/**
 * The engine itself, with `datasets` attached as by `getRunner`: for the SQL page, which opens its own
 * connections (to stream and cancel the analyst's queries and to insert Arrow data). A new connection
 * sees the attached catalogs and the engine's settings; its search path is its own (see setup.ts).
 */
export async function getDatabase(datasets: readonly string[] = [], onProgress?: ProgressListener): Promise<duckdb.AsyncDuckDB> {
  await getRunner(datasets, onProgress);
  return (await (engine as Promise<Engine>)).db;
}

/**
 * Ends the engine `db` (its worker is terminated, so even a query that never yields stops at once) and
 * forgets it, so the next `getRunner`/`getDatabase` starts a fresh one and attaches the datasets again.
 * Everything the engine held (an analyst's own tables) is lost.
 */
export async function discardDatabase(db: duckdb.AsyncDuckDB): Promise<void> {
  const current = engine ? await engine.catch(() => null) : null;
  if (current && current.db !== db) return;
  engine = null;
  attached.clear();
  attachedNames.length = 0;
  setupQueue = Promise.resolve();
  try {
    await db.terminate();
  } catch (error) {
    console.warn(error);
  }
}
