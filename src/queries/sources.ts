// The sources (kallor) the published figures cite: one query for the source lines under the charts, the
// data page's table and the page "Om statistiken".

import { runQuery, type Runner } from './runner.ts';
import { sql, type Sql } from './sql.ts';

export interface SourceRow {
  kalla: string;
  titel: string;
  utgivare: string | null;
  /** ISO date, 'YYYY-MM-DD'. */
  datum: string | null;
  url: string | null;
  pahittad: boolean | null;
  /** What the source's totals count: omfattar_dolda (also the cells it hid) or bara_synliga (only what it shows). */
  totaler: string | null;
}

/** Every source, newest first (kallor is small: one row per document). */
export function sourcesQuery(): Sql {
  return sql`SELECT kalla, titel, utgivare, CAST(datum AS VARCHAR) AS datum, url, pahittad, totaler FROM kallor ORDER BY datum DESC NULLS LAST, kalla`;
}

/** The sources table, or an empty list when kallor is not published. */
export async function sources(runner: Runner, datasets: readonly string[]): Promise<SourceRow[]> {
  if (!datasets.includes('kallor')) return [];
  return runQuery<SourceRow>(runner, sourcesQuery());
}
