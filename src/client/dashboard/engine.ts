// The code a filter change needs, loaded when it is needed: the page's view module, the engine's (duckdb-wasm,
// src/client/duckdb.ts) and the drawing code (Plot, d3). The engine starts once the page is idle after its
// first chart (`prepare`, unless the user asked to save data), or at the first sign that a choice is
// coming, so the seconds of its download come before the choice or overlap with the choosing; repeated
// queries (the unit list, the catalogs) are answered from memory.

import { memoRunner, type Runner } from '../../queries/runner.ts';
import type { DashboardPage, PageEnv } from '../../views/view.ts';
import type { EngineProgress } from './status.ts';

export interface PageEngine {
  /** The page's view module, the engine's and the drawing code; with `start` the engine starts at once. */
  modules(start: boolean): Promise<[DashboardPage, typeof import('../duckdb.ts'), typeof import('./drawing.ts')]>;
  /** The engine's runner over the page's data, started once. */
  runner(progress: (p: EngineProgress) => void): Promise<{ page: DashboardPage; runner: Runner }>;
  /** Starts the engine and fetches the page's data ahead of "Visa"; a failure is left to `runner`. */
  warmUp(): void;
  /**
   * The same ahead of any sign of a choice, a step at a time: the engine's module (the engine starts),
   * the page's view module (its data are fetched and opened), the drawing code, then the view `shown`
   * computed once and put aside (the engine's first queries are its slowest, and the unit list and the
   * catalogs are then answered from memory) and `draw` (a chart drawn off the page, for the same reason),
   * with `pause()` (the page's other work) between the steps, so no step adds to a long task. A failure
   * is left to `runner`.
   */
  prepare(pause: () => Promise<void>, shown: URLSearchParams, draw: () => Promise<void>): Promise<void>;
  /** The engine is running with the page's data attached: a change waits only for its queries. */
  ready(): boolean;
}

export function pageEngine(loadPage: () => Promise<DashboardPage>, env: PageEnv): PageEngine {
  let runner: Runner | null = null;
  let warming = false;
  let preparing = false;
  let loaded: DashboardPage | null = null;
  /** A change has asked for the engine: the rehearsal sends no more queries ahead of the change's. */
  let asked = false;
  const datasets = (page: DashboardPage) => page.datasets.filter((d) => env.datasets.includes(d));

  /** The engine starts as soon as its module is in: its wasm download does not wait for the other two. */
  function modules(start: boolean) {
    const engine = import('../duckdb.ts');
    if (start) void engine.then((e) => e.getRunner([])).catch(() => undefined);
    return Promise.all([loadPage(), engine, import('./drawing.ts')]);
  }

  return {
    modules,
    async runner(progress) {
      asked = true;
      if (runner && loaded) return { page: loaded, runner };
      // The chart code loads while the engine starts, not after the queries.
      const [page, engine] = await modules(true);
      runner ??= memoRunner(await engine.getRunner(datasets(page), progress));
      return { page, runner };
    },
    warmUp() {
      if (warming || runner) return;
      warming = true;
      void modules(true)
        .then(([page, engine]) => engine.getRunner(datasets(page)))
        .catch(() => {
          warming = false;
        });
    },
    async prepare(pause, shown, draw) {
      // A sign of a choice meanwhile (`warmUp`) does not wait for these steps: it asks for everything at once.
      if (preparing || warming || runner) return;
      preparing = true;
      try {
        // The engine first: its wasm downloads and compiles in its worker while the rest comes in.
        const engine = await import('../duckdb.ts');
        engine.getRunner([]).catch(() => undefined);
        await pause();
        const page = await loadPage();
        loaded = page;
        const opening = engine.getRunner(datasets(page));
        opening.catch(() => undefined);
        await pause();
        await import('./drawing.ts');
        runner ??= memoRunner(await opening);
        await pause();
        const started = runner;
        const rehearsal: Runner = {
          run: (sql, params) => (asked ? Promise.reject(new Error('a change came first')) : started.run(sql, params)),
        };
        if (!asked) await page.load(rehearsal, shown, env);
        await pause();
        if (!asked) await draw();
        // For the benchmark: when a filter change stopped waiting for the engine.
        performance.mark('socialstatistik:engine-ready');
      } catch {
        // `runner` tries again and says why.
      } finally {
        preparing = false;
      }
    },
    ready: () => runner !== null,
  };
}
