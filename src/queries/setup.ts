// How a published dataset file is opened, the same way in Node (build time) and in the browser:
// each file is attached read-only as its own catalog `pub_<dataset>`, and the search path lists those
// catalogs after the writable in-memory one. So `SELECT * FROM placeringar` finds the published table by
// its bare name, while `CREATE TABLE x AS ...` (no catalog given) lands in memory, never in a data file.

import { DATASETS, type DatasetName } from '../data/schema.ts';
import { quoteLiteral } from './sql.ts';

export type { DatasetName };

/** Every dataset that can be published, in the order the site lists them (the contract's order). */
export const DATASET_NAMES = Object.keys(DATASETS) as readonly DatasetName[];

/** The catalog that holds the writable, in-memory tables (DuckDB's default for an in-memory database). */
export const MEMORY_CATALOG = 'memory';

export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

export function catalogName(dataset: DatasetName): string {
  return `pub_${dataset}`;
}

/** The file name a dataset is published under, in `data/` of the site and in SOCIALSTATISTIK_DATA. */
export function datasetFileName(dataset: DatasetName): string {
  return `${dataset}.duckdb`;
}

/** A SQL string literal. ATTACH takes no bound parameters, so the file name is quoted (./sql.ts). */
export const sqlString = quoteLiteral;

function checked(datasets: readonly string[]): DatasetName[] {
  for (const name of datasets) {
    if (!isDatasetName(name)) throw new Error(`Unknown dataset "${name}" (expected one of ${DATASET_NAMES.join(', ')})`);
  }
  return [...new Set(datasets)] as DatasetName[];
}

/** `ATTACH ... (READ_ONLY)` for one dataset; `location` is a file path (Node) or a registered file name (browser). */
export function attachStatement(dataset: DatasetName, location: string): string {
  return `ATTACH ${sqlString(location)} AS ${catalogName(checked([dataset])[0])} (READ_ONLY)`;
}

/**
 * The search path for the given attached datasets: memory first (so the analyst's own tables shadow
 * nothing by accident and are found first), then every published catalog.
 */
export function searchPathStatement(attached: readonly string[]): string {
  const catalogs = [MEMORY_CATALOG, ...checked(attached).map(catalogName)];
  return `SET search_path = ${sqlString(catalogs.join(','))}`;
}

/**
 * Every statement that opens `datasets` (attach each, then set the search path over `alreadyAttached`
 * plus the new ones). `locate` maps a dataset to the path or registered name of its file.
 */
export function setupStatements(
  datasets: readonly string[],
  locate: (dataset: DatasetName) => string,
  alreadyAttached: readonly string[] = [],
): string[] {
  const fresh = checked(datasets).filter((d) => !alreadyAttached.includes(d));
  return [
    ...fresh.map((d) => attachStatement(d, locate(d))),
    searchPathStatement([...checked(alreadyAttached), ...fresh]),
  ];
}
