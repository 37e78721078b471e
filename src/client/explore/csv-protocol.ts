// The messages between the page and the CSV worker (csv-worker.ts). Types only.

import type { CsvPlan, CsvProblem } from './csv-import.ts';

export interface CsvWorkerRequest {
  file: File;
  /** Rows per Arrow batch sent back. */
  batchRows: number;
  /** Larger files are refused before they are read. */
  maxBytes: number;
}

export type CsvWorkerMessage =
  | { type: 'progress'; phase: 'read' | 'scan' | 'convert'; fraction: number }
  | { type: 'plan'; plan: CsvPlan; encoding: string }
  | { type: 'batch'; ipc: Uint8Array; rows: number }
  | { type: 'done'; rows: number }
  | { type: 'problems'; problems: CsvProblem[]; total: number }
  | { type: 'tooLarge' }
  | { type: 'failed'; message: string };
