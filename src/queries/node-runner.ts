// The build-time Runner: DuckDB in Node (@duckdb/node-api) over the published data folder named by
// SOCIALSTATISTIK_DATA. Build-time only: pages import it in their frontmatter, which runs in Node while
// Astro renders; client code must never import it (it loads a native module).

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { plainRow, type Row, type Runner } from './runner.ts';
import { datasetFileName, isDatasetName, setupStatements, type DatasetName } from './setup.ts';
import type { PublishedManifest } from './published.ts';

/** The published data folder (written by scripts/build.ts), or null when the env var is not set. */
export function publishedDataDir(env: Record<string, string | undefined> = process.env): string | null {
  const dir = env.SOCIALSTATISTIK_DATA;
  return dir ? path.resolve(dir) : null;
}

/** manifest.json of the published data folder. Throws if the folder has none. */
export function readManifest(dir: string | null = publishedDataDir()): PublishedManifest {
  if (!dir) {
    throw new Error(
      'SOCIALSTATISTIK_DATA is not set: build the site with `npm run build` (scripts/build.ts), which writes the data first.',
    );
  }
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No manifest.json in ${dir}`);
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedManifest;
}

/** Scalars only: DuckDB needs a type for lists, and the browser runner sends parameters as JSON. */
function bindable(params: unknown[]): (string | number | boolean | null)[] {
  return params.map((p, i) => {
    if (p === null || p === undefined) return null;
    if (typeof p === 'bigint') return Number(p);
    if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean') return p;
    throw new Error(`Parameter ${i + 1} is not a string, number, boolean or null`);
  });
}

export class NodeRunner implements Runner {
  readonly datasets: DatasetName[];
  private readonly connection: DuckDBConnection;

  private constructor(connection: DuckDBConnection, datasets: DatasetName[]) {
    this.connection = connection;
    this.datasets = datasets;
  }

  /** Open every dataset the manifest lists, read-only, in a fresh in-memory database. */
  static async open(dir: string | null = publishedDataDir()): Promise<NodeRunner> {
    const manifest = readManifest(dir);
    const datasets = manifest.datasets.map((d) => d.name).filter(isDatasetName);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const locate = (d: DatasetName) => path.join(dir as string, datasetFileName(d));
    for (const sql of setupStatements(datasets, locate)) await connection.run(sql);
    return new NodeRunner(connection, datasets);
  }

  async run<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params.length ? bindable(params) : undefined);
    return reader.getRowObjectsJS().map((r) => plainRow(r) as T);
  }

  close(): void {
    this.connection.closeSync();
  }
}

let shared: Promise<NodeRunner> | null = null;

/**
 * One runner per build process, shared by every page (opening the files once). Rejects with a clear
 * message when SOCIALSTATISTIK_DATA is missing.
 */
export function getNodeRunner(): Promise<NodeRunner> {
  shared ??= NodeRunner.open();
  return shared;
}
