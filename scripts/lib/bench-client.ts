// Browser entry of the benchmark (bundled by bench-bundle.ts into the benchmark's own copy of the site,
// never into the product): the site's own browser engine (src/client/duckdb.ts getRunner) and the
// dashboard pages' own `load` functions, so the timings are those of what the pages run.
import { getRunner } from '../../src/client/duckdb.ts';
import type { PageEnv } from '../../src/views/view.ts';
import { BENCH_PAGES, captureQueries, type CapturedQuery } from './bench-queries.ts';

export interface QueryTiming {
  name: string;
  page: string;
  /** Milliseconds of each run, in order (the first includes reading the blocks it needs). */
  times: number[];
  /** Rows returned for each parameter list (the first time it ran), to check against DuckDB in Node. */
  rows: number[];
}

export interface ViewTiming {
  page: string;
  /** Milliseconds of each run of the page's `load` (all its queries and the figure models). */
  times: number[];
  error: string | null;
}

export interface BenchApi {
  /** Starts the engine and attaches `datasets`; resolves with the milliseconds it took. */
  start(datasets: string[]): Promise<number>;
  /** The statements each dashboard page runs for each unit; pages that fail to load are reported. */
  capture(env: PageEnv, units: string[]): Promise<{ queries: CapturedQuery[]; errors: string[] }>;
  /** Runs each statement `runs` times, cycling through its parameter lists. */
  measureQueries(queries: CapturedQuery[], runs: number): Promise<QueryTiming[]>;
  /** Runs each page's whole `load` `runs` times, cycling through the units. */
  measureViews(env: PageEnv, units: string[], runs: number): Promise<ViewTiming[]>;
  /** DuckDB's own memory use (bytes) inside the engine's worker. */
  engineMemory(): Promise<number>;
}

const api: BenchApi = {
  async start(datasets) {
    const t0 = performance.now();
    await getRunner(datasets);
    return performance.now() - t0;
  },
  async capture(env, units) {
    const runner = await getRunner(env.datasets);
    const queries: CapturedQuery[] = [];
    const errors: string[] = [];
    for (const p of BENCH_PAGES) {
      try {
        queries.push(...(await captureQueries(p.id, await p.load(), runner, env, units)));
      } catch (error) {
        errors.push(`${p.id}: ${(error as Error).message}`);
      }
    }
    return { queries, errors };
  },
  async measureQueries(queries, runs) {
    const runner = await getRunner([]);
    const out: QueryTiming[] = queries.map((q) => ({ name: q.name, page: q.page, times: [], rows: [] }));
    // Round by round through all statements, so a burst of other load on the machine falls on all of
    // them alike instead of on the few that happened to run then.
    for (let i = 0; i < runs; i++) {
      for (let j = 0; j < queries.length; j++) {
        const q = queries[j];
        const k = i % q.params.length;
        const t0 = performance.now();
        const result = await runner.run(q.sql, q.params[k]);
        out[j].times.push(performance.now() - t0);
        if (i < q.params.length) out[j].rows.push(result.length);
      }
    }
    return out;
  },
  async measureViews(env, units, runs) {
    const runner = await getRunner(env.datasets);
    const out: ViewTiming[] = [];
    for (const p of BENCH_PAGES) {
      const times: number[] = [];
      try {
        const page = await p.load();
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await page.load(runner, new URLSearchParams({ enhet: units[i % units.length] }), env);
          times.push(performance.now() - t0);
        }
        out.push({ page: p.id, times, error: null });
      } catch (error) {
        out.push({ page: p.id, times, error: (error as Error).message });
      }
    }
    return out;
  },
  async engineMemory() {
    const runner = await getRunner([]);
    const [row] = await runner.run<{ bytes: number }>('SELECT sum(memory_usage_bytes) AS bytes FROM duckdb_memory()');
    return Number(row?.bytes ?? 0);
  },
};

(globalThis as unknown as { socialstatistikBench: BenchApi }).socialstatistikBench = api;
