// Small queries about the published data itself, used by the start page, the data page and the browser
// check. Written once; run by the Node runner at build time and by duckdb-wasm in the browser.

import { DATASETS } from '../data/schema.ts';
import { runQuery, type Runner } from './runner.ts';
import { DATASET_NAMES, type DatasetName } from './setup.ts';
import { ident, join, sql, type Sql } from './sql.ts';

/** data/manifest.json and its datasets: the one definition lives with the data contract. */
export type { DatasetManifest as ManifestDataset, Manifest as PublishedManifest } from '../data/manifest.ts';

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

/**
 * The SQL summarising one dataset: rows, period range and count, distinct units. Which columns exist is
 * taken from the contract, so the same query works wherever the table is attached.
 */
export function summarySql(dataset: DatasetName): Sql {
  const columns = DATASETS[dataset].columns;
  const period = columns.find((c) => c.kind === 'period')?.name;
  const unit = columns.find((c) => c.name === 'enhetskod')?.name;
  const periods = period
    ? sql`min(${ident(period)}) AS first_period, max(${ident(period)}) AS last_period, count(DISTINCT ${ident(period)}) AS periods,`
    : sql`NULL AS first_period, NULL AS last_period, 0 AS periods,`;
  // An empty enhetskod (an event for every unit) is not a unit.
  const units = unit ? sql`count(DISTINCT nullif(${ident(unit)}, '')) AS units` : sql`0 AS units`;
  return join([sql`SELECT count(*) AS row_count,`, periods, units, sql`FROM ${ident(dataset)}`], ' ');
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
    const [row] = await runQuery<SummaryRow>(runner, summarySql(name));
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
    const [row] = await runQuery<{ n: number }>(runner, sql`SELECT count(*) AS n FROM ${ident(name)}`);
    counts[name] = Number(row.n);
  }
  return counts;
}

export { sources, type SourceRow } from './sources.ts';
