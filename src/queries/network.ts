// The SQL of the network-home share (the share of children placed in nätverkshem of all placed in any
// kind of familjehem), written once and run at build time (Node) and in the browser (duckdb-wasm).
//
// Two kinds of figures, never confused:
// - the computed share, from the counts in `placeringar` (view natverkshemsandel_beraknad, one row per
//   period, unit and measure, with the counts behind it);
// - reported shares, published as shares in `natverkshemsandel` (`typ` utfall = a measured share, e.g.
//   the national figure under enhetskod 00; `typ` mal = a unit's target), shown as reported, with source.

import { isQuarter } from '../data/period.ts';
import { allChildren, familyHomeFormsSql, NATION, periodIsQuarter, SHARE_TYPE } from './contract.ts';
import { unitNaming } from './dashboard-common.ts';
import { NETWORK_SHARE_VIEW } from './network-share.ts';
import { empty, join, literal, ref, sql, type Sql } from './sql.ts';

export { NATION };

const view = ref(NETWORK_SHARE_VIEW);
const outcome = literal(SHARE_TYPE.outcome);

/**
 * Units with a share: computed (from placeringar, any measure) or reported (typ utfall). Periods are
 * counted over both. Only the published tables are referred to. The build stores the result (see
 * unit-catalogs.ts); the pages read the stored table.
 */
export function networkUnitsSourceQuery(datasets: readonly string[]): Sql | null {
  const computed = datasets.includes('placeringar');
  const reported = datasets.includes('natverkshemsandel');
  if (!computed && !reported) return null;
  const withSources = datasets.includes('kallor');
  const naming = unitNaming(datasets, sql`s.enhetskod`);
  const reportedInvented = withSources ? sql`k.pahittad` : sql`false`;
  const sourcesJoin = withSources ? sql`LEFT JOIN kallor k ON k.kalla = r.kalla` : empty;
  const parts = [
    computed ? sql`SELECT v.enhetskod, v.enhetsnamn, v.period, v.andel, CAST(NULL AS BOOLEAN) AS pahittad FROM ${view} v` : null,
    reported
      ? sql`SELECT r.enhetskod, r.enhetsnamn, r.period, r.andel, ${reportedInvented} AS pahittad
FROM natverkshemsandel r ${sourcesJoin}
WHERE r.typ = ${outcome}`
      : null,
  ].filter((p): p is Sql => p !== null);
  // The view has no source column: a computed share is invented when the unit's counts are.
  const inventedCounts = computed && withSources;
  const countsJoin = inventedCounts
    ? sql`LEFT JOIN (SELECT p.enhetskod, bool_or(k.pahittad) AS pahittad FROM placeringar p JOIN kallor k ON k.kalla = p.kalla
  WHERE p.placeringsform IN (${familyHomeFormsSql}) GROUP BY p.enhetskod) pu ON pu.enhetskod = s.enhetskod`
    : empty;
  const invented = inventedCounts
    ? sql`coalesce(bool_or(s.pahittad), false) OR coalesce(any_value(pu.pahittad), false)`
    : sql`coalesce(bool_or(s.pahittad), false)`;
  const anyValue = (e: Sql) => sql`any_value(${e})`;
  return sql`WITH shares AS (${join(parts, '\nUNION ALL\n')})
SELECT s.enhetskod,
  ${naming.name(sql`nullif(max(s.enhetsnamn), ''), s.enhetskod`, anyValue)} AS enhetsnamn,
  ${naming.level(anyValue)} AS niva,
  count(DISTINCT s.period) AS perioder,
  count(s.andel) AS varden,
  ${invented} AS pahittad
FROM shares s ${naming.join}
${countsJoin}
GROUP BY s.enhetskod
ORDER BY s.enhetskod`;
}

export interface ShareMeasureRow {
  avser: string;
  perioder: number;
  varden: number;
}

/** The measures a unit has a computed share for, with how much data each has. */
export function shareMeasuresQuery(unit: string): Sql {
  return sql`SELECT avser, count(DISTINCT period) AS perioder, count(andel) AS varden
FROM ${view} WHERE enhetskod = ${unit} GROUP BY avser ORDER BY avser`;
}

/** Every period of a unit's share, computed (for one measure) and reported (typ utfall), for the filter. */
export function sharePeriodsQuery(unit: string, avser: string | null, datasets: readonly string[]): Sql {
  const parts = [
    avser !== null && datasets.includes('placeringar') ? sql`SELECT period FROM ${view} WHERE enhetskod = ${unit} AND avser = ${avser}` : null,
    datasets.includes('natverkshemsandel') ? sql`SELECT period FROM natverkshemsandel WHERE enhetskod = ${unit} AND typ = ${outcome}` : null,
  ].filter((p): p is Sql => p !== null);
  const periods = parts.length ? join(parts, ' UNION ALL ') : sql`SELECT CAST(NULL AS VARCHAR) AS period WHERE false`;
  return sql`SELECT DISTINCT period FROM (${periods}) ORDER BY period`;
}

export interface ShareSelection {
  unit: string;
  avser: string;
  quarterly: boolean;
  from: string;
  to: string;
}

export interface ComputedShareRow {
  period: string;
  natverkshem: number | null;
  familjehem_alla: number | null;
  andel: number | null;
  markering: string | null;
}

/** The computed share of one unit and measure, with the counts behind it. */
export function computedShareQuery(s: ShareSelection): Sql {
  return sql`SELECT period, natverkshem, familjehem_alla, andel, markering FROM ${view}
WHERE enhetskod = ${s.unit} AND avser = ${s.avser} AND ${periodIsQuarter(s.quarterly)} AND period BETWEEN ${s.from} AND ${s.to}
ORDER BY period`;
}

/** The sources of the counts a computed share is made from (the view itself has no source column). */
export function computedShareSourcesQuery(s: ShareSelection): Sql {
  return sql`SELECT DISTINCT kalla FROM placeringar
WHERE enhetskod = ${s.unit} AND avser = ${s.avser} AND ${allChildren()} AND placeringsform IN (${familyHomeFormsSql})
  AND ${periodIsQuarter(s.quarterly)} AND period BETWEEN ${s.from} AND ${s.to} AND kalla IS NOT NULL
ORDER BY kalla`;
}

export interface ReportedShareRow {
  period: string;
  andel: number | null;
  markering: string | null;
  kalla: string | null;
}

/** A unit's reported shares of one type (utfall or mal), every period, oldest first. */
export function reportedShareQuery(unit: string, typ: 'utfall' | 'mal'): Sql {
  return sql`SELECT period, andel, markering, kalla FROM natverkshemsandel WHERE enhetskod = ${unit} AND typ = ${typ} ORDER BY period`;
}

export interface ComparisonRow {
  enhetskod: string;
  enhetsnamn: string | null;
  /** 'beraknad' (from the counts) or 'rapporterad' (published as a share). */
  kind: 'beraknad' | 'rapporterad';
  /** The row is for the compared period (false: the unit has a share only for other periods of that kind). */
  har_period: boolean;
  andel: number | null;
  markering: string | null;
  kalla: string | null;
}

const NO_COMPARISON = sql`SELECT CAST(NULL AS VARCHAR) AS enhetskod, CAST(NULL AS VARCHAR) AS enhetsnamn, 'beraknad' AS kind, false AS har_period,
  CAST(NULL AS DOUBLE) AS andel, CAST(NULL AS VARCHAR) AS markering, CAST(NULL AS VARCHAR) AS kalla WHERE false`;

/**
 * Every unit's share for one period, computed (for one measure) and reported, plus the units that have a
 * share of the same period kind for other periods only (they are listed as missing, not left out).
 */
export function comparisonQuery(period: string, avser: string | null, datasets: readonly string[]): Sql {
  const kind = periodIsQuarter(isQuarter(period));
  const computed = sql`SELECT enhetskod, any_value(enhetsnamn) AS enhetsnamn, 'beraknad' AS kind, bool_or(period = ${period}) AS har_period,
  max(andel) FILTER (WHERE period = ${period}) AS andel, max(markering) FILTER (WHERE period = ${period}) AS markering, CAST(NULL AS VARCHAR) AS kalla
FROM ${view} WHERE avser = ${avser} AND ${kind} GROUP BY enhetskod`;
  const reported = sql`SELECT enhetskod, any_value(enhetsnamn) AS enhetsnamn, 'rapporterad' AS kind, bool_or(period = ${period}) AS har_period,
  max(andel) FILTER (WHERE period = ${period}) AS andel, max(markering) FILTER (WHERE period = ${period}) AS markering,
  max(kalla) FILTER (WHERE period = ${period}) AS kalla
FROM natverkshemsandel WHERE typ = ${outcome} AND ${kind} GROUP BY enhetskod`;
  const parts = [
    avser !== null && datasets.includes('placeringar') ? computed : null,
    datasets.includes('natverkshemsandel') ? reported : null,
  ].filter((p): p is Sql => p !== null);
  return parts.length ? sql`${join(parts, '\nUNION ALL\n')}\nORDER BY enhetskod, kind` : NO_COMPARISON;
}
