// publish() on two cores: a dataset's suppression falls into parts that nothing joins (placeringar
// whole; ej_verkstallda_beslut's SoL and LSS, disclosure/protect.ts independentParts), and a worker
// thread protects some of them while this thread protects the rest. Each part's pattern depends only
// on the model, never on which thread or in which order it was protected: the result is exactly
// publish()'s, which small data (and the tests) still use.
import { Worker } from 'node:worker_threads';
import type { TableModel } from '../../src/data/disclosure/model.ts';
import { independentParts, mergeProtections, protectPart, type Parts, type Protection } from '../../src/data/disclosure/protect.ts';
import { assemblePublished, publish, publishContext, type PublishOptions, type PublishResult, type Tables } from '../../src/data/pipeline.ts';
import { DATASET_ORDER, DATASETS, type DatasetName } from '../../src/data/schema.ts';
import { finishSuppression, prepareSuppression, type SuppressionResult } from '../../src/data/suppress.ts';
import type { WorkerJob, WorkerResult } from './protect-worker.ts';

/** Below this many rows with counts, a worker costs more than it saves. */
export const PARALLEL_ROWS = 60_000;

export async function publishParallel(tables: Tables, threshold: number, options: PublishOptions = {}): Promise<PublishResult> {
  const names = DATASET_ORDER.filter((n) => tables[n] && DATASETS[n].valueColumn === 'antal');
  const rowsWithCounts = names.reduce((a, n) => a + tables[n]!.length, 0);
  if (options.primaryOnly || rowsWithCounts < PARALLEL_ROWS) return publish(tables, threshold, options);

  const context = publishContext(tables, options);
  const prepared = new Map<DatasetName, { rows: SuppressionResult['rows']; model: TableModel; parts: Parts }>();
  const jobs: { name: DatasetName; part: number; weight: number }[] = [];
  for (const name of names) {
    const { rows, model } = prepareSuppression(DATASETS[name], tables[name]!, threshold, context);
    const parts = independentParts(model!);
    prepared.set(name, { rows, model: model!, parts });
    // A part's work grows with its counts below the threshold (one search each).
    const weight = new Array<number>(parts.count).fill(0);
    for (let i = 0; i < model!.size; i++) if (model!.primary[i]) weight[parts.of[i]]++;
    weight.forEach((w, part) => jobs.push({ name, part, weight: w }));
  }
  // The largest part first, each to the thread with less work so far (the worker first on a tie:
  // this thread also starts it and builds the models).
  jobs.sort((a, b) => b.weight - a.weight);
  const load = [0, 0];
  const lanes: (typeof jobs)[] = [[], []];
  for (const job of jobs) {
    const lane = load[1] <= load[0] ? 1 : 0;
    lanes[lane].push(job);
    load[lane] += job.weight;
  }
  const protections = new Map<string, Protection>();
  const key = (name: DatasetName, part: number) => `${name}\u0000${part}`;
  let fromWorker: Promise<WorkerResult[]> = Promise.resolve([]);
  if (lanes[1].length > 0) {
    const byDataset = new Map<DatasetName, number[]>();
    for (const j of lanes[1]) byDataset.set(j.name, [...(byDataset.get(j.name) ?? []), j.part]);
    const job: WorkerJob = {
      threshold,
      parentOf: context.parentOf!,
      visibleOnlySources: context.visibleOnlySources!,
      datasets: [...byDataset].map(([name, parts]) => ({ name, rows: tables[name]!, parts })),
    };
    const worker = new Worker(new URL('./protect-worker.ts', import.meta.url), { workerData: job });
    fromWorker = new Promise<WorkerResult[]>((resolve, reject) => {
      worker.once('message', (m: WorkerResult[]) => resolve(m));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`protect-worker stopped (${code})`)));
    }).finally(() => void worker.terminate());
  }
  for (const j of lanes[0]) {
    const p = prepared.get(j.name)!;
    protections.set(key(j.name, j.part), protectPart(p.model, { threshold }, p.parts.count === 1 ? null : { of: p.parts.of, id: j.part }));
  }
  let done: WorkerResult[];
  try {
    done = await fromWorker;
  } catch {
    // No worker (a runtime that cannot start one): the same parts, here.
    done = [];
    for (const j of lanes[1]) {
      const p = prepared.get(j.name)!;
      protections.set(key(j.name, j.part), protectPart(p.model, { threshold }, p.parts.count === 1 ? null : { of: p.parts.of, id: j.part }));
    }
  }
  for (const r of done) {
    const p = prepared.get(r.name)!;
    const { of } = p.parts;
    const whole = p.parts.count === 1;
    for (let i = 0; i < p.model.size; i++) {
      if (whole || of[i] === r.part) p.model.state[i] = r.state[i];
    }
    protections.set(key(r.name, r.part), { ...r.protection, up: new Float64Array(r.protection.up), down: new Float64Array(r.protection.down) });
  }

  const results: Partial<Record<DatasetName, SuppressionResult>> = {};
  for (const name of DATASET_ORDER) {
    const rows = tables[name];
    if (!rows) continue;
    const p = prepared.get(name);
    if (!p) {
      results[name] = { rows: prepareSuppression(DATASETS[name], rows, threshold, context).rows, primary: 0, secondary: 0 };
      continue;
    }
    const all = Array.from({ length: p.parts.count }, (_, part) => protections.get(key(name, part))!);
    const protection = p.parts.count === 1 ? all[0] : mergeProtections(all, p.parts);
    results[name] = finishSuppression(p.rows, p.model, protection);
  }
  return assemblePublished(results);
}

