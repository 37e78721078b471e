// publish() on two cores: a dataset's suppression falls into parts that nothing joins (placeringar
// whole; ej_verkstallda_beslut's SoL and LSS, disclosure/protect.ts independentParts), and a worker
// thread protects the heaviest part of the dataset with the most counts below the threshold while
// this thread protects the rest. Each part's pattern depends only on the model, never on which
// thread or in which order it was protected: the result is exactly publish()'s, which small data
// (and the tests) still use.
import { Worker } from 'node:worker_threads';
import { heaviestPart, independentParts, mergeProtections, protectPart, type Parts, type Protection } from '../../src/data/disclosure/protect.ts';
import type { TableModel } from '../../src/data/disclosure/model.ts';
import { assemblePublished, publish, publishContext, type PublishOptions, type PublishResult, type Tables } from '../../src/data/pipeline.ts';
import { DATASET_ORDER, DATASETS, type DatasetName } from '../../src/data/schema.ts';
import { finishSuppression, prepareSuppression, type SuppressionResult } from '../../src/data/suppress.ts';
import type { WorkerJob, WorkerResult } from './protect-worker.ts';

/** Below this many rows with counts, a worker costs more than it saves. */
export const PARALLEL_ROWS = 60_000;

/** CPU time of the last run's threads, in seconds (for scripts/dbg-anon.ts). */
export const lastRun = { mainCpu: 0, workerCpu: 0, workerWait: 0 };

export async function publishParallel(tables: Tables, threshold: number, options: PublishOptions = {}): Promise<PublishResult> {
  const names = DATASET_ORDER.filter((n) => tables[n] && DATASETS[n].valueColumn === 'antal');
  const rowsWithCounts = names.reduce((a, n) => a + tables[n]!.length, 0);
  if (options.primaryOnly || rowsWithCounts < PARALLEL_ROWS) return publish(tables, threshold, options);
  const started = process.threadCpuUsage?.().user ?? 0;

  const context = publishContext(tables, options);
  // The worker's dataset: the one with the most counts below the threshold (one search each), read
  // from the rows so that the worker can start before any model is built here.
  const below = (name: DatasetName) => tables[name]!.reduce((a, r) => a + (typeof r.antal === 'number' && r.antal >= 1 && r.antal < threshold ? 1 : 0), 0);
  let heavy = names[0];
  for (const n of names) if (below(n) > below(heavy)) heavy = n;
  const job: WorkerJob = { threshold, parentOf: context.parentOf!, visibleOnlySources: context.visibleOnlySources!, name: heavy, rows: tables[heavy]! };
  let worker: Worker | null = null;
  const fromWorker = new Promise<WorkerResult>((resolve, reject) => {
    worker = new Worker(new URL('./protect-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`protect-worker stopped (${code})`)));
  });
  fromWorker.catch(() => undefined);

  const prepared = new Map<DatasetName, { rows: SuppressionResult['rows']; model: TableModel; parts: Parts; protections: Protection[]; workerPart: number }>();
  for (const name of names) {
    const { rows, model } = prepareSuppression(DATASETS[name], tables[name]!, threshold, context);
    const parts = independentParts(model!);
    const workerPart = name === heavy ? heaviestPart(model!, parts) : -1;
    const protections: Protection[] = [];
    prepared.set(name, { rows, model: model!, parts, protections, workerPart });
    for (let id = 0; id < parts.count; id++) {
      if (id !== workerPart) protections[id] = protectPart(model!, { threshold }, parts.count === 1 ? null : { of: parts.of, id });
    }
  }
  const p = prepared.get(heavy)!;
  const waitFrom = performance.now();
  let result: WorkerResult | null = null;
  try {
    result = await fromWorker;
  } catch {
    // No worker (a runtime that cannot start one): the same part, here.
  }
  lastRun.workerWait = (performance.now() - waitFrom) / 1000;
  void (worker as Worker | null)?.terminate();
  const whole = p.parts.count === 1;
  if (result) {
    for (let i = 0; i < p.model.size; i++) if (whole || p.parts.of[i] === p.workerPart) p.model.state[i] = result.state[i];
    p.protections[p.workerPart] = result.protection;
    lastRun.workerCpu = result.cpu;
  } else {
    p.protections[p.workerPart] = protectPart(p.model, { threshold }, whole ? null : { of: p.parts.of, id: p.workerPart });
  }

  const results: Partial<Record<DatasetName, SuppressionResult>> = {};
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (!rows) continue;
    const d = prepared.get(name);
    if (!d) {
      results[name] = { rows: prepareSuppression(DATASETS[name], rows, threshold, context).rows, primary: 0, secondary: 0 };
      continue;
    }
    results[name] = finishSuppression(d.rows, d.model, d.parts.count === 1 ? d.protections[0] : mergeProtections(d.protections, d.parts));
  }
  lastRun.mainCpu = ((process.threadCpuUsage?.().user ?? 0) - started) / 1e6;
  return assemblePublished(results);
}
