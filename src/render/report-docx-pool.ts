// Build time only (Node): the report Word files written in worker threads, one per core, while this thread
// asks DuckDB for the next reports' figures. docx is plain JavaScript and a national site has about 1 250
// files (most of the time Astro spends on the site); each file's bytes are the same whichever thread made
// them. Where the worker's file is not there (a bundle run from elsewhere) or there is one core, the files
// are written here, the same.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportModel } from '../views/report/model.ts';
import { reportDocxBytes } from './report-docx.ts';
import type { DocxAnswer, DocxJob } from './report-docx-worker.ts';

export interface DocxWriter {
  write(model: ReportModel): Promise<Uint8Array<ArrayBuffer>>;
}

/** The most worker threads a build starts for its Word files. */
const MOST_WORKERS = 4;

let shared: DocxWriter | null = null;

/** One writer, and one set of threads, per process; the worker's file is found from the project's folder, where Astro runs the build. */
export function docxWriter(): DocxWriter {
  shared ??= startWriter(path.join(process.cwd(), 'src', 'render', 'report-docx-worker.ts'));
  return shared;
}

function startWriter(script: string): DocxWriter {
  const size = Math.min(MOST_WORKERS, availableParallelism());
  if (size < 2 || !existsSync(script)) return { write: reportDocxBytes };
  const pending = new Map<number, { resolve: (b: Uint8Array<ArrayBuffer>) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const fail = (worker: Worker, error: Error) => {
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      job.reject(error);
    }
    load.delete(worker);
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(script);
    // A worker with nothing to do does not keep the build's process running.
    worker.unref();
    load.set(worker, 0);
    worker.on('message', (answer: DocxAnswer) => {
      const job = pending.get(answer.id);
      if (!job) return;
      pending.delete(answer.id);
      const left = (load.get(worker) ?? 1) - 1;
      load.set(worker, left);
      if (left === 0) worker.unref();
      if ('error' in answer) job.reject(new Error(answer.error));
      else job.resolve(answer.bytes);
    });
    worker.on('error', (e) => fail(worker, e));
    worker.on('exit', (code) => fail(worker, new Error(`report-docx-worker stopped (${code})`)));
  }
  return {
    write(model) {
      // The least busy worker (the first of equals): the files come out in about the order asked.
      let worker: Worker | null = null;
      for (const [w, n] of load) if (!worker || n < (load.get(worker) ?? 0)) worker = w;
      if (!worker) return reportDocxBytes(model);
      const chosen = worker;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // Posted first: a model that cannot be copied to a thread rejects here and leaves no job behind.
        chosen.postMessage({ id, model } satisfies DocxJob);
        pending.set(id, { resolve, reject, worker: chosen });
        load.set(chosen, (load.get(chosen) ?? 0) + 1);
        chosen.ref();
      });
    },
  };
}
