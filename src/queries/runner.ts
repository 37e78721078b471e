// The one interface every query goes through, at build time (Node, src/queries/node-runner.ts) and in the
// browser (duckdb-wasm, src/client/duckdb.ts). Rows come back as plain objects whose values are JS
// numbers, strings, booleans or null, so the same query gives the same rows in both places.

import type { Sql } from './sql.ts';

export type Row = Record<string, unknown>;

export interface Runner {
  /** Run one statement; `params` are bound to `?` placeholders (never pasted into the SQL). */
  run<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Runs one composed statement (./sql.ts) with its bound parameters. */
export function runQuery<T = Row>(runner: Runner, query: Sql): Promise<T[]> {
  return runner.run<T>(query.sql, query.params);
}

/**
 * Nested values: a LIST comes as an array and a STRUCT as an object in both runners; dates inside them and
 * MAPs may differ between the runners, so queries meant for both should return flat columns.
 *
 * Normalise one value to what both runners promise: bigint → number (exact up to 2^53, which any count
 * here stays far below), Date → ISO date string ('2025-09-30', or a full timestamp when it has a time),
 * undefined → null. Other values pass through.
 */
export function plainValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return isoDate(value);
  return value;
}

export function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

export function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
  return out;
}

/**
 * A runner that answers a statement it has run before (same SQL, same parameters) from memory. Only for
 * the published tables, which are read-only: the same query always has the same answer within a page.
 * The dashboard runs the same unit list and catalog queries on every filter change; with this they cost
 * nothing after the first. Keeps the `limit` most recent answers; each caller gets its own copy of the rows.
 */
export function memoRunner(runner: Runner, limit = 100): Runner {
  const answers = new Map<string, Promise<Row[]>>();
  return {
    async run<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
      const key = JSON.stringify([sql, params]);
      let answer = answers.get(key);
      if (answer) {
        answers.delete(key); // most recent last
      } else {
        answer = runner.run<Row>(sql, params);
        answer.catch(() => answers.delete(key)); // a failed query is tried again
      }
      answers.set(key, answer);
      if (answers.size > limit) answers.delete(answers.keys().next().value as string);
      const rows = await answer;
      return rows.map((row) => ({ ...row })) as T[];
    },
  };
}
