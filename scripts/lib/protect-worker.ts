// The worker of publish-parallel.ts: builds a dataset's model from its rows (the same model as the
// main thread's: the same rows, the same options) and protects its heaviest part.
import { parentPort, workerData } from 'node:worker_threads';
import { buildModel } from '../../src/data/disclosure/model.ts';
import { heaviestPart, independentParts, protectPart, type Protection } from '../../src/data/disclosure/protect.ts';
import { DATASETS, type DatasetName } from '../../src/data/schema.ts';
import type { DataRow } from '../../src/data/validate.ts';

export interface WorkerJob {
  threshold: number;
  parentOf: ReadonlyMap<string, string>;
  visibleOnlySources: ReadonlySet<string>;
  name: DatasetName;
  rows: readonly DataRow[];
}

export interface WorkerResult {
  /** CellState per cell (only the part's cells count). */
  state: Uint8Array;
  protection: Protection;
  /** This thread's CPU time, in seconds. */
  cpu: number;
}

if (parentPort) {
  const job = workerData as WorkerJob;
  const model = buildModel(DATASETS[job.name], job.rows, { threshold: job.threshold, parentOf: job.parentOf, visibleOnlySources: job.visibleOnlySources });
  const parts = independentParts(model);
  const part = heaviestPart(model, parts);
  const protection = protectPart(model, { threshold: job.threshold }, parts.count === 1 ? null : { of: parts.of, id: part });
  const out: WorkerResult = { state: model.state, protection, cpu: (process.threadCpuUsage?.().user ?? 0) / 1e6 };
  parentPort.postMessage(out, [model.state.buffer as ArrayBuffer, protection.up.buffer as ArrayBuffer, protection.down.buffer as ArrayBuffer]);
}
