// The code a filter change needs, loaded when it is needed: the page's view module, the engine's (duckdb-wasm,
// src/client/duckdb.ts) and the drawing code (Plot, d3). The engine starts at the first sign that a choice
// is coming, so the seconds of its download overlap with the choosing; repeated queries (the unit list,
// the catalogs) are answered from memory.

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
}

export function pageEngine(loadPage: () => Promise<DashboardPage>, env: PageEnv): PageEngine {
  let runner: Runner | null = null;
  let warming = false;
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
  };
}
