// Small queries about the published data itself, used by the start page, the data page and the browser
// check. Written once; run by the Node runner at build time and by duckdb-wasm in the browser.

import { DATASETS } from '../data/schema.ts';
import type { Runner } from './runner.ts';
import { DATASET_NAMES, isDatasetName, type DatasetName } from './setup.ts';

/** data/manifest.json and its datasets: the one definition lives with the data contract. */
export type { DatasetManifest as ManifestDataset, Manifest as PublishedManifest } from '../data/manifest.ts';
import type { Manifest as PublishedManifest } from '../data/manifest.ts';

export interface DatasetSummary {
  name: DatasetName;
  /** The Swedish name from the data contract. */
  title: string;
  rows: number;
  firstPeriod: string | null;
  lastPeriod: string | null;
  /** Distinct periods. */
  periods: number;
  /** Distinct units (enhetskod), 0 for datasets without units. */
  units: number;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The SQL summarising one dataset: rows, period range and count, distinct units. Which columns exist is
 * taken from the contract, so the same query works wherever the table is attached.
 */
export function summarySql(dataset: DatasetName): string {
  const columns = DATASETS[dataset].columns;
  const period = columns.find((c) => c.kind === 'period')?.name;
  const unit = columns.find((c) => c.name === 'enhetskod')?.name;
  const table = quoteIdent(dataset);
  const p = period ? quoteIdent(period) : null;
  const u = unit ? quoteIdent(unit) : null;
  return [
    'SELECT count(*) AS row_count,',
    p ? `min(${p}) AS first_period, max(${p}) AS last_period, count(DISTINCT ${p}) AS periods,` : 'NULL AS first_period, NULL AS last_period, 0 AS periods,',
    // An empty enhetskod (an event for every unit) is not a unit.
    u ? `count(DISTINCT nullif(${u}, '')) AS units` : '0 AS units',
    `FROM ${table}`,
  ].join(' ');
}

interface SummaryRow {
  row_count: number;
  first_period: string | null;
  last_period: string | null;
  periods: number;
  units: number;
}

/** Summaries of `datasets` (those attached), in the contract's order. */
export async function datasetSummaries(runner: Runner, datasets: readonly string[]): Promise<DatasetSummary[]> {
  const wanted = DATASET_NAMES.filter((d) => datasets.includes(d));
  const out: DatasetSummary[] = [];
  for (const name of wanted) {
    const [row] = await runner.run<SummaryRow>(summarySql(name));
    out.push({
      name,
      title: DATASETS[name].title,
      rows: Number(row.row_count),
      firstPeriod: row.first_period,
      lastPeriod: row.last_period,
      periods: Number(row.periods),
      units: Number(row.units),
    });
  }
  return out;
}

/** Row count per table, the cheapest proof that a runner sees the published data. */
export async function rowCounts(runner: Runner, datasets: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of DATASET_NAMES.filter((d) => datasets.includes(d))) {
    const [row] = await runner.run<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
    counts[name] = Number(row.n);
  }
  return counts;
}

export interface SourceRow {
  kalla: string;
  titel: string;
  utgivare: string | null;
  datum: string | null;
  url: string | null;
  pahittad: boolean | null;
}

export const SOURCES_SQL =
  'SELECT kalla, titel, utgivare, datum, url, pahittad FROM kallor ORDER BY datum DESC NULLS LAST, kalla';

/** The sources table, or an empty list when kallor is not published. */
export async function sources(runner: Runner, datasets: readonly string[]): Promise<SourceRow[]> {
  if (!datasets.includes('kallor')) return [];
  return runner.run<SourceRow>(SOURCES_SQL);
}

/** Published dataset names of a manifest that the contract knows, in the contract's order. */
export function manifestDatasets(manifest: PublishedManifest): DatasetName[] {
  const names = manifest.datasets.map((d) => d.name);
  return DATASET_NAMES.filter((d) => names.includes(d) && isDatasetName(d));
}
