// The SQL of the network-home share (the share of children placed in nätverkshem of all placed in any
// kind of familjehem), written once and run at build time (Node) and in the browser (duckdb-wasm).
//
// Two kinds of figures, never confused:
// - the computed share, from the counts in `placeringar` (view natverkshemsandel_beraknad, one row per
//   period, unit and measure, with the counts behind it);
// - reported shares, published as shares in `natverkshemsandel` (`typ` utfall = a measured share, e.g.
//   the national figure under enhetskod 00; `typ` mal = a unit's target), shown as reported, with source.

import { FAMILY_HOME_FORMS } from '../data/schema.ts';
import { NETWORK_SHARE_VIEW } from './network-share.ts';
import { periodKindSql, type Query } from './dashboard-common.ts';

/** The enhetskod of the nation (riket) in the data contract. */
export const NATION = '00';

export interface NetworkUnitRow {
  enhetskod: string;
  enhetsnamn: string;
  niva: string | null;
  perioder: number;
  varden: number;
  pahittad: boolean;
}

/**
 * Units with a share: computed (from placeringar, any measure) or reported (typ utfall). Periods are
 * counted over both. Only the published tables are referred to. The build stores the result (see
 * unit-catalogs.ts); the pages read the stored table.
 */
export function networkUnitsSourceQuery(datasets: readonly string[]): Query | null {
  const computed = datasets.includes('placeringar');
  const reported = datasets.includes('natverkshemsandel');
  if (!computed && !reported) return null;
  const withSources = datasets.includes('kallor');
  const withUnits = datasets.includes('enheter');
  const forms = FAMILY_HOME_FORMS.map((f) => `'${f}'`).join(', ');
  const parts: string[] = [];
  if (computed) {
    parts.push(`SELECT v.enhetskod, v.enhetsnamn, v.period, v.andel, CAST(NULL AS BOOLEAN) AS pahittad FROM ${NETWORK_SHARE_VIEW} v`);
  }
  if (reported) {
    parts.push(`SELECT r.enhetskod, r.enhetsnamn, r.period, r.andel, ${withSources ? 'k.pahittad' : 'false'} AS pahittad
FROM natverkshemsandel r ${withSources ? 'LEFT JOIN kallor k ON k.kalla = r.kalla' : ''}
WHERE r.typ = 'utfall'`);
  }
  // The view has no source column: a computed share is invented when the unit's counts are.
  const invented = computed && withSources
    ? `LEFT JOIN (SELECT p.enhetskod, bool_or(k.pahittad) AS pahittad FROM placeringar p JOIN kallor k ON k.kalla = p.kalla
  WHERE p.placeringsform IN (${forms}) GROUP BY p.enhetskod) pu ON pu.enhetskod = s.enhetskod`
    : '';
  return {
    sql: `WITH shares AS (${parts.join('\nUNION ALL\n')})
SELECT s.enhetskod,
  ${withUnits ? "coalesce(any_value(e.enhetsnamn), nullif(max(s.enhetsnamn), ''), s.enhetskod)" : "coalesce(nullif(max(s.enhetsnamn), ''), s.enhetskod)"} AS enhetsnamn,
  ${withUnits ? 'any_value(e.niva)' : 'CAST(NULL AS VARCHAR)'} AS niva,
  count(DISTINCT s.period) AS perioder,
  count(s.andel) AS varden,
  coalesce(bool_or(s.pahittad), false) ${invented ? 'OR coalesce(any_value(pu.pahittad), false)' : ''} AS pahittad
FROM shares s ${withUnits ? 'LEFT JOIN enheter e ON e.enhetskod = s.enhetskod' : ''}
${invented}
GROUP BY s.enhetskod
ORDER BY s.enhetskod`,
    params: [],
  };
}

export interface ShareMeasureRow {
  avser: string;
  perioder: number;
  varden: number;
}

/** The measures a unit has a computed share for, with how much data each has. */
export function shareMeasuresQuery(unit: string): Query {
  return {
    sql: `SELECT avser, count(DISTINCT period) AS perioder, count(andel) AS varden
FROM ${NETWORK_SHARE_VIEW} WHERE enhetskod = ? GROUP BY avser ORDER BY avser`,
    params: [unit],
  };
}

/** Every period of a unit's share, computed (for one measure) and reported (typ utfall), for the filter. */
export function sharePeriodsQuery(unit: string, avser: string | null, datasets: readonly string[]): Query {
  const parts: string[] = [];
  const params: string[] = [];
  if (avser !== null && datasets.includes('placeringar')) {
    parts.push(`SELECT period FROM ${NETWORK_SHARE_VIEW} WHERE enhetskod = ? AND avser = ?`);
    params.push(unit, avser);
  }
  if (datasets.includes('natverkshemsandel')) {
    parts.push(`SELECT period FROM natverkshemsandel WHERE enhetskod = ? AND typ = 'utfall'`);
    params.push(unit);
  }
  if (!parts.length) parts.push('SELECT CAST(NULL AS VARCHAR) AS period WHERE false');
  return { sql: `SELECT DISTINCT period FROM (${parts.join(' UNION ALL ')}) ORDER BY period`, params };
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
export function computedShareQuery(s: ShareSelection): Query {
  return {
    sql: `SELECT period, natverkshem, familjehem_alla, andel, markering FROM ${NETWORK_SHARE_VIEW}
WHERE enhetskod = ? AND avser = ? AND ${periodKindSql()} AND period BETWEEN ? AND ?
ORDER BY period`,
    params: [s.unit, s.avser, s.quarterly, s.from, s.to],
  };
}

/** The sources of the counts a computed share is made from (the view itself has no source column). */
export function computedShareSourcesQuery(s: ShareSelection): Query {
  const forms = FAMILY_HOME_FORMS.map(() => '?').join(', ');
  return {
    sql: `SELECT DISTINCT kalla FROM placeringar
WHERE enhetskod = ? AND avser = ? AND kon = 'totalt' AND aldersgrupp = '0-20' AND placeringsform IN (${forms})
  AND ${periodKindSql()} AND period BETWEEN ? AND ? AND kalla IS NOT NULL
ORDER BY kalla`,
    params: [s.unit, s.avser, ...FAMILY_HOME_FORMS, s.quarterly, s.from, s.to],
  };
}

export interface ReportedShareRow {
  period: string;
  andel: number | null;
  markering: string | null;
  kalla: string | null;
}

/** A unit's reported shares of one type (utfall or mal), every period, oldest first. */
export function reportedShareQuery(unit: string, typ: 'utfall' | 'mal'): Query {
  return {
    sql: `SELECT period, andel, markering, kalla FROM natverkshemsandel WHERE enhetskod = ? AND typ = ? ORDER BY period`,
    params: [unit, typ],
  };
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

/**
 * Every unit's share for one period, computed (for one measure) and reported, plus the units that have a
 * share of the same period kind for other periods only (they are listed as missing, not left out).
 */
export function comparisonQuery(period: string, avser: string | null, datasets: readonly string[]): Query {
  const quarterly = period.includes('-Q');
  const parts: string[] = [];
  const params: (string | boolean)[] = [];
  if (avser !== null && datasets.includes('placeringar')) {
    parts.push(`SELECT enhetskod, any_value(enhetsnamn) AS enhetsnamn, 'beraknad' AS kind, bool_or(period = ?) AS har_period,
  max(andel) FILTER (WHERE period = ?) AS andel, max(markering) FILTER (WHERE period = ?) AS markering, CAST(NULL AS VARCHAR) AS kalla
FROM ${NETWORK_SHARE_VIEW} WHERE avser = ? AND ${periodKindSql()} GROUP BY enhetskod`);
    params.push(period, period, period, avser, quarterly);
  }
  if (datasets.includes('natverkshemsandel')) {
    parts.push(`SELECT enhetskod, any_value(enhetsnamn) AS enhetsnamn, 'rapporterad' AS kind, bool_or(period = ?) AS har_period,
  max(andel) FILTER (WHERE period = ?) AS andel, max(markering) FILTER (WHERE period = ?) AS markering,
  max(kalla) FILTER (WHERE period = ?) AS kalla
FROM natverkshemsandel WHERE typ = 'utfall' AND ${periodKindSql()} GROUP BY enhetskod`);
    params.push(period, period, period, period, quarterly);
  }
  if (!parts.length) {
    return {
      sql: `SELECT CAST(NULL AS VARCHAR) AS enhetskod, CAST(NULL AS VARCHAR) AS enhetsnamn, 'beraknad' AS kind, false AS har_period,
  CAST(NULL AS DOUBLE) AS andel, CAST(NULL AS VARCHAR) AS markering, CAST(NULL AS VARCHAR) AS kalla WHERE false`,
      params: [],
    };
  }
  return { sql: `${parts.join('\nUNION ALL\n')}\nORDER BY enhetskod, kind`, params };
}
