// Queries every dashboard page shares: unit names and levels, events for the time axis, and the sources.
// Each function returns an `Sql` ({ sql, params }, ./sql.ts): the same statement runs in Node at build time
// and in duckdb-wasm in the browser (run it with `runQuery`). Parameters are always bound.
//
// Tables that may be missing from a build (kallor, enheter, handelser) are only referred to when the
// caller says they are published (`datasets`, the names the runner attached).

import { empty, sql, type Sql } from './sql.ts';

export type { Param, Query } from './sql.ts';
export { runQuery } from './runner.ts';

/** Names and levels of every unit in enheter (when it is published). */
export function unitNamesQuery(): Sql {
  return sql`SELECT enhetskod, enhetsnamn, niva, overordnad FROM enheter ORDER BY enhetskod`;
}

/**
 * How a query names a unit: from `enheter` when it is published (joined as `e`), else from the row itself.
 * The parts are chosen here, once, and put into the statement whole.
 */
export function unitNaming(datasets: readonly string[], key: Sql) {
  const published = datasets.includes('enheter');
  return {
    /** `LEFT JOIN enheter e …`, or nothing. */
    join: published ? sql`LEFT JOIN enheter e ON e.enhetskod = ${key}` : empty,
    /** The name: enheter's first (through `pick`, e.g. any_value for a grouped row), then the fallbacks. */
    name: (fallbacks: Sql, pick = (e: Sql) => e) => (published ? sql`coalesce(${pick(sql`e.enhetsnamn`)}, ${fallbacks})` : sql`coalesce(${fallbacks})`),
    /** The level (riket, lan, kommun, …), or NULL. */
    level: (pick = (e: Sql) => e) => (published ? pick(sql`e.niva`) : sql`CAST(NULL AS VARCHAR)`),
  };
}

export interface EventRow {
  datum: string;
  rubrik: string;
  beskrivning: string | null;
  enhetskod: string;
}

/** The events to mark on a unit's time axis: its own and those for every unit (empty enhetskod). */
export function eventsQuery(unit: string): Sql {
  return sql`SELECT CAST(datum AS VARCHAR) AS datum, rubrik, beskrivning, enhetskod FROM handelser
WHERE enhetskod = '' OR enhetskod = ${unit} ORDER BY datum, rubrik`;
}
