// The worker of publish-parallel.ts: builds a dataset's model from its rows (the same model as the
// main thread's: the same rows, the same options) and protects the parts it was given.
import { parentPort, workerData } from 'node:worker_threads';
import { buildModel } from '../../src/data/disclosure/model.ts';
import { independentParts, protectPart, type Protection } from '../../src/data/disclosure/protect.ts';
import { DATASETS, type DatasetName } from '../../src/data/schema.ts';
import type { DataRow } from '../../src/data/validate.ts';

export interface WorkerJob {
  threshold: number;
  parentOf: ReadonlyMap<string, string>;
  visibleOnlySources: ReadonlySet<string>;
  datasets: { name: DatasetName; rows: readonly DataRow[]; parts: number[] }[];
}

export interface WorkerResult {
  name: DatasetName;
  part: number;
  /** CellState per cell (only the part's cells count). */
  state: Uint8Array;
  protection: Protection;
}

if (parentPort) {
  const job = workerData as WorkerJob;
  const out: WorkerResult[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const d of job.datasets) {
    const model = buildModel(DATASETS[d.name], d.rows, { threshold: job.threshold, parentOf: job.parentOf, visibleOnlySources: job.visibleOnlySources });
    const parts = independentParts(model);
    for (const part of d.parts) {
      const protection = protectPart(model, { threshold: job.threshold }, parts.count === 1 ? null : { of: parts.of, id: part });
      const state = model.state.slice();
      out.push({ name: d.name, part, state, protection });
      transfer.push(state.buffer, protection.up.buffer as ArrayBuffer, protection.down.buffer as ArrayBuffer);
    }
  }
  parentPort.postMessage(out, transfer);
}
