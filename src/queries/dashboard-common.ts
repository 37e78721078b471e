// Queries every dashboard page shares: which units have figures for a topic (and how many periods,
// and whether any of their figures are invented), unit names, events for the time axis, and sources.
// Each function returns { sql, params }: the same statement runs in Node at build time and in duckdb-wasm
// in the browser (run it with `runQuery`). Parameters are always bound, never pasted into the SQL.
//
// Tables that may be missing from a build (kallor, enheter, handelser) are only referred to when the
// caller says they are published (`datasets`, the names the runner attached).

import type { Runner } from './runner.ts';

export type Param = string | number | boolean | null;

/** One statement with its bound parameters. */
export interface Query {
  sql: string;
  params: Param[];
}

export async function runQuery<T>(runner: Runner, query: Query): Promise<T[]> {
  return runner.run<T>(query.sql, query.params);
}

/** The figure tables a unit catalog can be built from (each has period, enhetskod, enhetsnamn, kalla). */
export type TopicTable = 'placeringar' | 'ej_verkstallda_beslut' | 'natverkshemsandel';

/** One unit with figures for a topic. */
export interface UnitCatalogRow {
  enhetskod: string;
  enhetsnamn: string;
  /** riket, lan, kommun, stadsdel, enhet, or null when enheter is not published. */
  niva: string | null;
  /** Distinct periods with a row (a number or a marker). */
  perioder: number;
  /** Rows with a number. */
  varden: number;
  /** Some figure of the unit comes from a source marked pahittad (invented). */
  pahittad: boolean;
}

/**
 * The units of a topic table, with their number of periods: what the unit select lists and what picks a
 * page's default unit. `where` narrows the rows counted (e.g. `typ = 'utfall'`), as fixed SQL text.
 */
export function unitCatalogQuery(table: TopicTable, datasets: readonly string[], where = 'TRUE'): Query {
  const withSources = datasets.includes('kallor');
  const withUnits = datasets.includes('enheter');
  const value = table === 'natverkshemsandel' ? 'andel' : 'antal';
  return {
    sql: `
SELECT t.enhetskod,
  ${withUnits ? "coalesce(any_value(e.enhetsnamn), nullif(max(t.enhetsnamn), ''), t.enhetskod)" : "coalesce(nullif(max(t.enhetsnamn), ''), t.enhetskod)"} AS enhetsnamn,
  ${withUnits ? 'any_value(e.niva)' : 'CAST(NULL AS VARCHAR)'} AS niva,
  count(DISTINCT t.period) AS perioder,
  count(t.${value}) AS varden,
  ${withSources ? 'coalesce(bool_or(k.pahittad), false)' : 'false'} AS pahittad
FROM ${table} t
${withSources ? 'LEFT JOIN kallor k ON k.kalla = t.kalla' : ''}
${withUnits ? 'LEFT JOIN enheter e ON e.enhetskod = t.enhetskod' : ''}
WHERE ${where}
GROUP BY t.enhetskod
ORDER BY t.enhetskod`,
    params: [],
  };
}

/** Names and levels of every unit in enheter (when it is published). */
export function unitNamesQuery(): Query {
  return { sql: 'SELECT enhetskod, enhetsnamn, niva, overordnad FROM enheter ORDER BY enhetskod', params: [] };
}

export interface EventRow {
  datum: string;
  rubrik: string;
  beskrivning: string | null;
  enhetskod: string;
}

/** The events to mark on a unit's time axis: its own and those for every unit (empty enhetskod). */
export function eventsQuery(unit: string): Query {
  return {
    sql: `SELECT CAST(datum AS VARCHAR) AS datum, rubrik, beskrivning, enhetskod FROM handelser
WHERE enhetskod = '' OR enhetskod = ? ORDER BY datum, rubrik`,
    params: [unit],
  };
}

export interface SourceInfo {
  kalla: string;
  titel: string;
  utgivare: string | null;
  datum: string | null;
  url: string | null;
  pahittad: boolean | null;
}

/** Every source (kallor is small: one row per document). */
export function sourcesQuery(): Query {
  return {
    sql: 'SELECT kalla, titel, utgivare, CAST(datum AS VARCHAR) AS datum, url, pahittad FROM kallor ORDER BY kalla',
    params: [],
  };
}

/** Whether canonical periods are quarters ('2025-Q3') rather than years ('2020'). */
export function isQuarter(period: string): boolean {
  return period.includes('-Q');
}

/** SQL that is true for rows whose period is of the given kind (quarters or years). */
export function periodKindSql(column = 'period'): string {
  return `(${column} LIKE '%-Q%') = ?`;
}
