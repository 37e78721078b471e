// Which queries the benchmark times: exactly those the dashboard pages run when a user picks a unit.
// Each page's own view (src/views/<page>/index.ts, the DashboardPage the page, its browser controller and
// this share; listed once in src/views/pages.ts) is run with
// a runner that records every statement, once per unit, so the benchmark follows the pages as they
// change and never keeps a copy of their SQL. Browser-side (bundled into bench-client.ts).
import { DASHBOARD_PAGES } from '../../src/views/pages.ts';
import type { DashboardPage, PageEnv } from '../../src/views/view.ts';
import type { Row, Runner } from '../../src/queries/runner.ts';

export type Param = string | number | boolean | null;

/** One distinct statement a page ran, with the parameters it was run with for each unit. */
export interface CapturedQuery {
  page: string;
  /** Short readable name: the page and what the statement selects from. */
  name: string;
  sql: string;
  /** One parameter list per unit it was run for, in the order of the units. */
  params: Param[][];
}

/** The dashboard pages, loaded lazily so a missing page module does not stop the other measurements. */
export const BENCH_PAGES = DASHBOARD_PAGES;

/** A runner that passes every statement on and remembers it. */
export function recordingRunner(inner: Runner, record: (sql: string, params: Param[]) => void): Runner {
  return {
    run<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
      record(sql, params as Param[]);
      return inner.run<T>(sql, params);
    },
  };
}

/** The statements `page` runs for each of `units` (URL ?enhet=<unit>), grouped by statement text. */
export async function captureQueries(pageId: string, page: DashboardPage, runner: Runner, env: PageEnv, units: string[]): Promise<CapturedQuery[]> {
  const bySql = new Map<string, CapturedQuery>();
  for (let u = 0; u < units.length; u++) {
    const recorder = recordingRunner(runner, (sql, params) => {
      let q = bySql.get(sql);
      if (!q) bySql.set(sql, (q = { page: pageId, name: '', sql, params: [] }));
      // A statement run twice for one unit (e.g. for two laws) keeps every parameter list.
      q.params.push(params.map((p) => (typeof p === 'bigint' ? Number(p) : (p ?? null))));
    });
    await page.load(recorder, new URLSearchParams({ enhet: units[u] }), env);
  }
  const out = [...bySql.values()];
  const seen = new Map<string, number>();
  for (const q of out) {
    const base = `${pageId}: ${describeSql(q.sql)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    q.name = n > 1 ? `${base} (${n})` : base;
  }
  return out;
}

/** "placeringar GROUP BY enhetskod": the tables a statement reads and its shape, for a readable name. */
export function describeSql(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const tables = [...new Set([...text.matchAll(/\bFROM\s+([a-z_]+)/gi)].map((m) => m[1]).filter((t) => !/^select$/i.test(t)))];
  const groupBy = /\bGROUP BY\s+([a-z_., ]+?)(?=\s+(?:ORDER|HAVING|UNION|LIMIT|QUALIFY)\b|\s*[);]|$)/i.exec(text)?.[1]?.trim();
  const where = [...text.matchAll(/\b([a-z_.]+)\s*=\s*\?/gi)].map((m) => m[1].replace(/^[a-z]\./, ''));
  const parts = [tables.join('+') || 'konstant'];
  if (where.length) parts.push(`där ${[...new Set(where)].join(', ')}`);
  if (groupBy) parts.push(`per ${groupBy.replace(/^[a-z]\./, '')}`);
  return parts.join(' ');
}
