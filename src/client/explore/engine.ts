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
import { DIALECT_SQL, type DialectWords } from './sql-dialect.ts';
import { quoteIdent, readSchema, type OwnTableNote, type SchemaObject } from './schema.ts';

/** Rows kept of one result; beyond them the query is stopped (the page says so). */
export const MAX_RESULT_ROWS = 500_000;

export interface QueryResult {
  table: Table;
  /** True when the result had more rows than were kept. */
  truncated: boolean;
  ms: number;
}

export class QueryCancelled extends Error {
  /** True when the query did not stop and the engine was ended (the analyst's own tables are gone). */
  readonly engineEnded: boolean;
  constructor(engineEnded = false) {
    super('query was canceled');
    this.name = 'QueryCancelled';
    this.engineEnded = engineEnded;
  }
}

/** How long a cancelled query may take to stop before the engine itself is ended. */
export const CANCEL_GRACE_MS = 500;

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
  private ended = false;
  /** Rejects the running query when the engine is ended under it. */
  private abortRun: ((error: Error) => void) | null = null;
  /** The names of the published tables and views, lower-case: no own object may take one (name-guard.ts). */
  publishedNames: ReadonlySet<string> = new Set();

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
    const published = await bench.meta.run<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name IN (${bench.catalogList()})
       UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name IN (${bench.catalogList()})`,
    );
    bench.publishedNames = new Set(published.map((r) => r.name.toLowerCase()));
    return bench;
  }

  /** The published catalogs as a SQL list's items (NULL when none, so `IN (…)` stays valid). */
  private catalogList(): string {
    return this.datasets.map((d) => sqlString(catalogName(d))).join(', ') || 'NULL';
  }

  get busy(): boolean {
    return this.running;
  }

  /** True once the engine was ended (a query that would not stop); a new Workbench must be opened. */
  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Runs the analyst's text (one or more statements; the last one's result is returned). Rejects with
   * DuckDB's error, or with QueryCancelled after `cancel()`.
   */
  async run(sql: string, maxRows = MAX_RESULT_ROWS): Promise<QueryResult> {
    if (this.running) throw new Error('a query is already running');
    if (this.ended) throw new QueryCancelled(true);
    this.running = true;
    this.cancelRequested = false;
    const started = performance.now();
    const aborted = new Promise<never>((_, reject) => (this.abortRun = reject));
    aborted.catch(() => undefined);
    try {
      return await Promise.race([this.collect(sql, maxRows, started), aborted]);
    } catch (error) {
      if (this.ended) throw new QueryCancelled(true);
      if (this.cancelRequested || /query was cancell?ed/i.test(String((error as Error)?.message ?? error))) throw new QueryCancelled();
      throw error;
    } finally {
      this.abortRun = null;
      this.running = false;
    }
  }

  private async collect(sql: string, maxRows: number, started: number): Promise<QueryResult> {
    {
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
    }
  }

  /**
   * Cancels the running query; it rejects with QueryCancelled. DuckDB is asked to stop first; a query that
   * is still running after `graceMs` (a CPU-bound join the engine does not interrupt) is stopped by ending
   * the engine's worker: then the query rejects with `engineEnded`, every own table is gone and the caller
   * opens a new Workbench. Resolves with whether the engine was ended.
   */
  async cancel(graceMs = CANCEL_GRACE_MS): Promise<boolean> {
    if (!this.running) return false;
    this.cancelRequested = true;
    const finished = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!this.running) {
          clearInterval(poll);
          resolve();
        }
      }, 25);
    });
    this.queryConn.cancelSent().catch(() => undefined);
    const stopped = await Promise.race([finished.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
    if (stopped || !this.running) return false;
    await this.end();
    return true;
  }

  /** Ends the engine (its worker): the running query rejects, nothing can run on this Workbench any more. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.abortRun?.(new QueryCancelled(true));
    const { discardDatabase } = await import('../duckdb.ts');
    await discardDatabase(this.db);
  }

  /**
   * Drops every own table or view (in memory, in temp, in any catalog the analyst attached) that is named
   * like a published one, however it was made, so that a bare published name never reads anything else.
   * Returns the names dropped.
   */
  async dropShadows(): Promise<string[]> {
    if (this.ended || this.publishedNames.size === 0) return [];
    const names = [...this.publishedNames].map(sqlString).join(', ');
    const catalogs = this.catalogList();
    const found = tableToRows(
      await this.queryConn.query(
        `SELECT database_name AS db, schema_name AS s, table_name AS name, 'TABLE' AS kind FROM duckdb_tables()
         WHERE database_name NOT IN (${catalogs}) AND lower(table_name) IN (${names})
         UNION ALL
         SELECT database_name, schema_name, view_name, 'VIEW' FROM duckdb_views()
         WHERE NOT internal AND database_name NOT IN (${catalogs}) AND lower(view_name) IN (${names})`,
      ),
    ) as { db: string; s: string; name: string; kind: 'TABLE' | 'VIEW' }[];
    for (const o of found) {
      await this.queryConn.query(`DROP ${o.kind} IF EXISTS ${[o.db, o.s, o.name].map(quoteIdent).join('.')}`);
    }
    return [...new Set(found.map((o) => o.name))];
  }

  /**
   * Puts the published catalogs and the query connection's search path back as they were opened. Returns
   * whether anything had been changed.
   */
  async restore(): Promise<boolean> {
    if (this.ended) return false;
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

  /** DuckDB's own keywords, function and type names, for the editor (from this engine, not a copied list). */
  async dialectWords(): Promise<DialectWords> {
    const names = async (sql: string) => (await this.meta.run<{ name: string }>(sql)).map((r) => r.name);
    return { keywords: await names(DIALECT_SQL.keywords), functions: await names(DIALECT_SQL.functions), types: await names(DIALECT_SQL.types) };
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
