// A worker thread of the build (src/render/report-docx-pool.ts): a report model in, its Word file's bytes
// out, by the same reportDocxBytes as everywhere else. Run by Node itself (its type stripping), not bundled.
import { parentPort } from 'node:worker_threads';
import { reportDocxBytes } from './report-docx.ts';
import type { ReportModel } from '../views/report/model.ts';

export interface DocxJob {
  id: number;
  model: ReportModel;
}

export type DocxAnswer = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

parentPort?.on('message', async ({ id, model }: DocxJob) => {
  try {
    const bytes = await reportDocxBytes(model);
    parentPort?.postMessage({ id, bytes } satisfies DocxAnswer, [bytes.buffer]);
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies DocxAnswer);
  }
});
