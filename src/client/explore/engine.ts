// The SQL page's use of the browser engine (src/client/duckdb.ts): its own connections, one for the analyst's
// queries (streamed, so a long one can be cancelled and a huge result stops at a row limit) and one for the
// page's own bookkeeping (the table list, imports). After every query the published catalogs and the search
// path are checked and put back if the query changed them (DETACH, USE, SET search_path), so one query can
// never break the published data for the next; a page reload starts a fresh engine anyway.

import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { getDatabase, tableToRows, type ProgressListener } from '../duckdb.ts';
import type { Row, Runner } from '../../queries/runner.ts';
import { attachStatement, catalogName, datasetFileName, MEMORY_CATALOG, searchPathStatement, sqlString, type DatasetName } from '../../queries/setup.ts';
import { readSchema, type OwnTableNote, type SchemaObject } from './schema.ts';

/** Rows kept of one result; beyond them the query is stopped (the page says so). */
export const MAX_RESULT_ROWS = 500_000;

export interface QueryResult {
  table: Table;
  /** True when the result had more rows than were kept. */
  truncated: boolean;
  ms: number;
}

export class QueryCancelled extends Error {
  constructor() {
    super('query was canceled');
    this.name = 'QueryCancelled';
  }
}

class ConnectionRunner implements Runner {
  private readonly conn: AsyncDuckDBConnection;
  constructor(conn: AsyncDuckDBConnection) {
    this.conn = conn;
  }
  async run<T = Row>(sql: string): Promise<T[]> {
    return tableToRows(await this.conn.query(sql)) as T[];
  }
}

export class Workbench {
  readonly db: AsyncDuckDB;
  readonly datasets: DatasetName[];
  private readonly queryConn: AsyncDuckDBConnection;
  private readonly metaConn: AsyncDuckDBConnection;
  private readonly meta: Runner;
  private cancelRequested = false;
  private running = false;

  private constructor(db: AsyncDuckDB, queryConn: AsyncDuckDBConnection, metaConn: AsyncDuckDBConnection, datasets: DatasetName[]) {
    this.db = db;
    this.queryConn = queryConn;
    this.metaConn = metaConn;
    this.meta = new ConnectionRunner(metaConn);
    this.datasets = datasets;
  }

  /** Starts the engine with `datasets` attached. Rejects with a plain Swedish message when it cannot. */
  static async open(datasets: DatasetName[], onProgress?: ProgressListener): Promise<Workbench> {
    const db = await getDatabase(datasets, onProgress);
    const queryConn = await db.connect();
    const metaConn = await db.connect();
    const bench = new Workbench(db, queryConn, metaConn, datasets);
    await bench.restore();
    return bench;
  }

  get busy(): boolean {
    return this.running;
  }

  /**
   * Runs the analyst's text (one or more statements; the last one's result is returned). Rejects with
   * DuckDB's error, or with QueryCancelled after `cancel()`.
   */
  async run(sql: string, maxRows = MAX_RESULT_ROWS): Promise<QueryResult> {
    if (this.running) throw new Error('a query is already running');
    this.running = true;
    this.cancelRequested = false;
    const started = performance.now();
    try {
      const reader = await this.queryConn.send(sql, true);
      if (this.cancelRequested) throw new QueryCancelled();
      const batches: RecordBatch[] = [];
      let rows = 0;
      let truncated = false;
      for await (const batch of reader) {
        if (this.cancelRequested) throw new QueryCancelled();
        if (rows + batch.numRows > maxRows) {
          batches.push(batch.slice(0, maxRows - rows));
          rows = maxRows;
          truncated = true;
          break;
        }
        batches.push(batch);
        rows += batch.numRows;
      }
      const table = batches.length ? new Table(batches) : new Table(reader.schema);
      return { table, truncated, ms: performance.now() - started };
    } catch (error) {
      if (this.cancelRequested || /query was cancell?ed/i.test(String((error as Error)?.message ?? error))) throw new QueryCancelled();
      throw error;
    } finally {
      this.running = false;
    }
  }

  /** Cancels the running query; it rejects with QueryCancelled. */
  async cancel(): Promise<void> {
    if (!this.running) return;
    this.cancelRequested = true;
    try {
      await this.queryConn.cancelSent();
    } catch {
      /* already finished */
    }
  }

  /**
   * Puts the published catalogs and the query connection's search path back as they were opened. Returns
   * whether anything had been changed.
   */
  async restore(): Promise<boolean> {
    let changed = false;
    const attached = await this.meta.run<{ database_name: string; path: string | null; readonly: boolean }>(
      'SELECT database_name, path, readonly FROM duckdb_databases()',
    );
    for (const dataset of this.datasets) {
      const name = catalogName(dataset);
      const file = datasetFileName(dataset);
      const found = attached.find((d) => d.database_name === name);
      const right = found && found.readonly && (found.path ?? '').endsWith(file);
      if (right) continue;
      changed = true;
      if (found) await this.metaConn.query(`DETACH ${name}`);
      await this.metaConn.query(attachStatement(dataset, file));
    }
    const wanted = [MEMORY_CATALOG, ...this.datasets.map(catalogName)];
    const [state] = tableToRows(
      await this.queryConn.query("SELECT current_setting('search_path') AS path, current_database() AS db"),
    ) as { path: string; db: string }[];
    // DuckDB reports the path with schemas: "memory.main,pub_kallor.main,…".
    const path = (state?.path ?? '').split(',').map((p) => p.trim().replace(/^"|"$/g, '').replace(/\.main$/, '')).filter(Boolean);
    const same = path.length === wanted.length && path.every((p, i) => p === wanted[i]);
    if (!same || state?.db !== MEMORY_CATALOG) {
      // A fresh connection has an empty search path: setting it then is no change the analyst made.
      if (path.length || state?.db !== MEMORY_CATALOG) changed = true;
      await this.queryConn.query(`USE ${MEMORY_CATALOG}`);
      await this.queryConn.query(searchPathStatement(this.datasets));
    }
    return changed;
  }

  /** Every table and view with columns, types, row counts and descriptions. */
  schema(notes: ReadonlyMap<string, OwnTableNote>): Promise<SchemaObject[]> {
    return readSchema(this.meta, notes);
  }

  /** Names of the analyst's own tables and views (memory and temp). */
  async ownNames(): Promise<Set<string>> {
    const rows = await this.meta.run<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name IN (${sqlString(MEMORY_CATALOG)}, 'temp')
       UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name IN (${sqlString(MEMORY_CATALOG)}, 'temp')`,
    );
    return new Set(rows.map((r) => r.name));
  }

  /** A connection for bulk inserts (the analyst's own files), separate from the query connection. */
  get insertConnection(): AsyncDuckDBConnection {
    return this.metaConn;
  }
}
