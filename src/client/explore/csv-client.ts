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

/** Reads `file` into a new table `table` (in the analyst's in-memory catalog) through `conn`. */
export function importCsv(
  file: File,
  table: string,
  conn: AsyncDuckDBConnection,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportDone> {
  const started = performance.now();
  const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
  let inserts: Promise<void> = Promise.resolve();
  let created = false;
  let plan: CsvPlan | null = null;
  let encoding = '';
  let settled = false;
  const progress = (phase: ImportPhase, phaseFraction: number) => {
    const [a, b] = SPAN[phase];
    onProgress({ phase, phaseFraction, fraction: a + (b - a) * Math.max(0, Math.min(1, phaseFraction)) });
  };

  return new Promise<ImportDone>((resolve, reject) => {
    const fail = async (error: CsvImportError) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      await inserts.catch(() => undefined);
      if (created) await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined);
      reject(error);
    };
    if (signal?.aborted) return void fail(new CsvImportError('cancelled'));
    signal?.addEventListener('abort', () => void fail(new CsvImportError('cancelled')), { once: true });

    worker.addEventListener('message', (event: MessageEvent<CsvWorkerMessage>) => {
      if (settled) return;
      const m = event.data;
      switch (m.type) {
        case 'progress':
          progress(m.phase, m.fraction);
          break;
        case 'plan':
          plan = m.plan;
          encoding = m.encoding;
          break;
        case 'batch': {
          const create = !created;
          created = true;
          const ipc = m.ipc;
          inserts = inserts.then(() => conn.insertArrowFromIPCStream(ipc, { name: table, schema: 'main', create }));
          inserts.catch((error: unknown) => void fail(new CsvImportError('failed', [], 0, String((error as Error)?.message ?? error))));
          break;
        }
        case 'done': {
          progress('store', 0);
          const rows = m.rows;
          inserts.then(
            () => {
              if (settled || !plan) return;
              settled = true;
              worker.terminate();
              progress('store', 1);
              resolve({ table, rows, plan, encoding, ms: performance.now() - started });
            },
            () => undefined,
          );
          break;
        }
        case 'problems':
          void fail(new CsvImportError('problems', m.problems, m.total));
          break;
        case 'tooLarge':
          void fail(new CsvImportError('tooLarge'));
          break;
        case 'failed':
          void fail(new CsvImportError('failed', [], 0, m.message));
          break;
      }
    });
    worker.addEventListener('error', (event) => void fail(new CsvImportError('failed', [], 0, event.message)));
    const request: CsvWorkerRequest = { file, batchRows: BATCH_ROWS, maxBytes: MAX_FILE_BYTES };
    worker.postMessage(request);
  });
}
