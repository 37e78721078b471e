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

/** A unit catalog's rows (none when the topic is not published: `query` null). */
export async function runCatalog(runner: Runner, query: Query | null): Promise<UnitCatalogRow[]> {
  return query ? runQuery<UnitCatalogRow>(runner, query) : [];
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
 * page's default unit. `where` narrows the rows counted (e.g. `typ = 'utfall'`), as fixed SQL text. The
 * build stores the result (unit-catalogs.ts); the pages read the stored table.
 */
export function unitCatalogQuery(table: TopicTable, datasets: readonly string[], where = 'TRUE'): Query {
  const withSources = datasets.includes('kallor');
  const withUnits = datasets.includes('enheter');
  const value = table === 'natverkshemsandel' ? 'andel' : 'antal';
  // Grouped first by unit and period (and source), then by unit: the sources are looked up once per unit
  // rather than joined to every row. On the national benchmark data (1.5 million rows) this is a third
  // faster than one GROUP BY over the joined rows.
  return {
    sql: `
WITH per_period AS (
  SELECT enhetskod, period, kalla, max(enhetsnamn) AS namn, count(${value}) AS varden
  FROM ${table}
  WHERE ${where}
  GROUP BY enhetskod, period, kalla
), per_unit AS (
  SELECT enhetskod, max(namn) AS namn, count(DISTINCT period) AS perioder, CAST(sum(varden) AS BIGINT) AS varden,
    list(DISTINCT kalla) AS kallor
  FROM per_period
  GROUP BY enhetskod
)
SELECT t.enhetskod,
  ${withUnits ? "coalesce(e.enhetsnamn, nullif(t.namn, ''), t.enhetskod)" : "coalesce(nullif(t.namn, ''), t.enhetskod)"} AS enhetsnamn,
  ${withUnits ? 'e.niva' : 'CAST(NULL AS VARCHAR)'} AS niva,
  t.perioder,
  t.varden,
  ${withSources ? 'coalesce((SELECT bool_or(k.pahittad) FROM kallor k WHERE list_contains(t.kallor, k.kalla)), false)' : 'false'} AS pahittad
FROM per_unit t
${withUnits ? 'LEFT JOIN enheter e ON e.enhetskod = t.enhetskod' : ''}
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
