// data/manifest.json: what the build published. Written by scripts/lib/write-published.ts, read by
// the pages at build time and by the browser.
import type { PublishedAudit } from './disclosure/report.ts';
import type { DatasetName } from './schema.ts';

export interface DatasetManifest {
  name: DatasetName;
  /** The Swedish name from the data contract. */
  title: string;
  /** The DuckDB file in data/ of the site. */
  file: string;
  bytes: number;
  rows: number;
  /** First and last canonical period, or null for tables without periods. */
  periods: [string, string] | null;
  units: number;
  /** Cells published as `sekretess`: hidden by the build or already marked so in the input. */
  suppressed: number;
  /** The input files the dataset was read from. */
  files: string[];
}

export interface Manifest {
  generated: string;
  /** Counts from 1 up to (not including) this are never published. */
  threshold: number;
  datasets: DatasetManifest[];
  /** The disclosure audit: cells hidden and the narrowest interval a reader can reach, without values. */
  disclosure?: PublishedAudit;
}
