// The one interface every query goes through, at build time (Node, src/queries/node-runner.ts) and in the
// browser (duckdb-wasm, src/client/duckdb.ts). Rows come back as plain objects whose values are JS
// numbers, strings, booleans or null, so the same query gives the same rows in both places.

export type Row = Record<string, unknown>;

export interface Runner {
  /** Run one statement; `params` are bound to `?` placeholders (never pasted into the SQL). */
  run<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
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
