/// <reference lib="webworker" />
// The Web Worker that reads an analyst's CSV file: decode (UTF-8 or Windows-1252, as the build), two passes
// with PapaParse (csv-import.ts), Arrow IPC batches back to the page, which inserts them into DuckDB. All
// the work on the file's bytes happens here, so the page stays responsive while a large file loads.

import { decodeText } from '../../data/csv.ts';
import { convertCsv, scanCsv } from './csv-import.ts';
import type { CsvWorkerMessage, CsvWorkerRequest } from './csv-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// PapaParse, when it finds itself in a worker, installs its own onmessage for its worker mode; this worker
// listens with addEventListener and clears that handler so Papa never sees these messages.
scope.onmessage = null;

function post(message: CsvWorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Progress at most every 100 ms, so the page is not flooded. */
function progress(phase: 'read' | 'scan' | 'convert'): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    const now = performance.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    post({ type: 'progress', phase, fraction });
  };
}

async function read(request: CsvWorkerRequest): Promise<void> {
  const { file, batchRows, maxBytes } = request;
  if (file.size > maxBytes) return post({ type: 'tooLarge' });
  post({ type: 'progress', phase: 'read', fraction: 0 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, encoding } = decodeText(bytes);
  post({ type: 'progress', phase: 'read', fraction: 1 });

  const scanned = scanCsv(text, progress('scan'));
  if (!scanned.ok) return post({ type: 'problems', problems: scanned.problems, total: scanned.total });
  post({ type: 'plan', plan: scanned.plan, encoding });

  let rows = 0;
  convertCsv(
    text,
    scanned.plan,
    batchRows,
    (batch) => {
      const ipc = batch.toIpc();
      rows += batch.length;
      post({ type: 'batch', ipc, rows: batch.length }, [ipc.buffer]);
    },
    progress('convert'),
  );
  post({ type: 'done', rows });
}

scope.addEventListener('message', (event: MessageEvent<CsvWorkerRequest>) => {
  read(event.data).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
