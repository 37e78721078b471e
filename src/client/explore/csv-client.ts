// The page's side of reading an own CSV file: starts the worker (csv-worker.ts), passes its Arrow batches to
// DuckDB one after the other (duckdb-wasm hands each buffer on to its own worker without a copy), and
// reports progress. Nothing of the file is parsed on the page's thread. A failure or a cancel leaves no
// half-made table behind.

import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { CsvPlan, CsvProblem } from './csv-import.ts';
import type { CsvWorkerMessage, CsvWorkerRequest } from './csv-protocol.ts';
import { quoteIdent } from './schema.ts';

/** The largest file read (the text and one copy of it must fit in the worker's memory). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Rows per Arrow batch: small enough that no single insert takes long, large enough to be efficient. */
export const BATCH_ROWS = 65_536;

export type ImportPhase = 'read' | 'scan' | 'convert' | 'store';

export interface ImportProgress {
  phase: ImportPhase;
  /** Of the whole import, 0–1. */
  fraction: number;
  /** Of the phase, 0–1. */
  phaseFraction: number;
}

export interface ImportDone {
  table: string;
  rows: number;
  plan: CsvPlan;
  encoding: string;
  ms: number;
}

export class CsvImportError extends Error {
  readonly kind: 'problems' | 'tooLarge' | 'failed' | 'cancelled';
  readonly problems: CsvProblem[];
  readonly total: number;
  constructor(kind: CsvImportError['kind'], problems: CsvProblem[] = [], total = problems.length, detail = '') {
    super(detail || kind);
    this.name = 'CsvImportError';
    this.kind = kind;
    this.problems = problems;
    this.total = total;
  }
}

const SPAN: Record<ImportPhase, [number, number]> = {
  read: [0, 0.05],
  scan: [0.05, 0.45],
  convert: [0.45, 0.95],
  store: [0.95, 1],
};

/** One import in flight: the worker's messages applied to the table until it is done or has failed. */
class CsvImport {
  private readonly started = performance.now();
  private readonly worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
  private inserts: Promise<void> = Promise.resolve();
  private created = false;
  private plan: CsvPlan | null = null;
  private encoding = '';
  private settled = false;
  private readonly file: File;
  private readonly table: string;
  private readonly conn: AsyncDuckDBConnection;
  private readonly onProgress: (p: ImportProgress) => void;
  private readonly resolve: (done: ImportDone) => void;
  private readonly reject: (error: CsvImportError) => void;

  constructor(file: File, table: string, conn: AsyncDuckDBConnection, onProgress: (p: ImportProgress) => void, settle: { resolve: (done: ImportDone) => void; reject: (error: CsvImportError) => void }) {
    this.file = file;
    this.table = table;
    this.conn = conn;
    this.onProgress = onProgress;
    this.resolve = settle.resolve;
    this.reject = settle.reject;
  }

  start(signal?: AbortSignal): void {
    if (signal?.aborted) return void this.fail(new CsvImportError('cancelled'));
    signal?.addEventListener('abort', () => void this.fail(new CsvImportError('cancelled')), { once: true });
    this.worker.addEventListener('message', (event: MessageEvent<CsvWorkerMessage>) => this.message(event.data));
    this.worker.addEventListener('error', (event) => void this.fail(new CsvImportError('failed', [], 0, event.message)));
    const request: CsvWorkerRequest = { file: this.file, batchRows: BATCH_ROWS, maxBytes: MAX_FILE_BYTES };
    this.worker.postMessage(request);
  }

  private progress(phase: ImportPhase, phaseFraction: number): void {
    const [a, b] = SPAN[phase];
    this.onProgress({ phase, phaseFraction, fraction: a + (b - a) * Math.max(0, Math.min(1, phaseFraction)) });
  }

  private async fail(error: CsvImportError): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    this.worker.terminate();
    await this.inserts.catch(() => undefined);
    if (this.created) await this.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(this.table)}`).catch(() => undefined);
    this.reject(error);
  }

  private batch(ipc: Uint8Array): void {
    const create = !this.created;
    this.created = true;
    this.inserts = this.inserts.then(() => this.conn.insertArrowFromIPCStream(ipc, { name: this.table, schema: 'main', create }));
    this.inserts.catch((error: unknown) => void this.fail(new CsvImportError('failed', [], 0, String((error as Error)?.message ?? error))));
  }

  private done(rows: number): void {
    this.progress('store', 0);
    this.inserts.then(
      () => {
        if (this.settled || !this.plan) return;
        this.settled = true;
        this.worker.terminate();
        this.progress('store', 1);
        this.resolve({ table: this.table, rows, plan: this.plan, encoding: this.encoding, ms: performance.now() - this.started });
      },
      () => undefined,
    );
  }

  private message(m: CsvWorkerMessage): void {
    if (this.settled) return;
    if (m.type === 'progress') this.progress(m.phase, m.fraction);
    else if (m.type === 'plan') [this.plan, this.encoding] = [m.plan, m.encoding];
    else if (m.type === 'batch') this.batch(m.ipc);
    else if (m.type === 'done') this.done(m.rows);
    else if (m.type === 'problems') void this.fail(new CsvImportError('problems', m.problems, m.total));
    else if (m.type === 'tooLarge') void this.fail(new CsvImportError('tooLarge'));
    else if (m.type === 'failed') void this.fail(new CsvImportError('failed', [], 0, m.message));
  }
}

/** Reads `file` into a new table `table` (in the analyst's in-memory catalog) through `conn`. */
export function importCsv(
  file: File,
  table: string,
  conn: AsyncDuckDBConnection,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportDone> {
  return new Promise<ImportDone>((resolve, reject) => new CsvImport(file, table, conn, onProgress, { resolve, reject }).start(signal));
}
