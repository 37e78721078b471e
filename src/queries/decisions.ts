// Favourable decisions not executed within three months (ej_verkstallda_beslut): the SQL of every
// indicator on the page "Ej verkställda beslut", written once and run both by DuckDB in Node at build
// time and by duckdb-wasm in the browser. Each function returns { sql, params }; the parameters are
// bound to `?`, never pasted into the SQL.
//
// Totals are always the published totals rows (insats = 'totalt', status = 'totalt', and for SoL overall
// verksamhet = 'totalt'), never sums of parts: a hidden part would otherwise turn into a wrong total.
// Every figure comes with `dolda_delar`, the number of hidden (sekretess) cells below it, so a page can
// say that a total includes parts that are not shown. The one figure that has no published total, the
// status at the reporting date across insatser, is a sum of the published parts and says so
// (`summerad`, `dolda_delar`): with hidden parts it is a lower bound, never presented as the total.
// The unit list, events and the sources table come from the queries every dashboard page shares
// (./dashboard-common.ts, ./decisions-overview.ts).

import { ADULT_SEXES, LAWS } from '../data/schema.ts';
import { runQuery as run, type Query } from './dashboard-common.ts';
import type { Runner } from './runner.ts';

export type { Query };
export type Law = (typeof LAWS)[number];
export type AdultSex = (typeof ADULT_SEXES)[number];

/** What the page is filtered on: one unit, a period range (inclusive, canonical) and a sex. */
export interface DecisionFilter {
  /** enhetskod */
  unit: string;
  /** First period shown (canonical, e.g. "2024-Q1"); null or undefined = from the first. */
  from?: string | null;
  /** Last period shown; null or undefined = up to the latest. */
  to?: string | null;
  /** Default 'totalt'. */
  sex?: AdultSex;
}

/** The SoL areas in the order the committee reports list them. */
export const SOL_AREAS = ['ÄO', 'OF', 'IFO'] as const;
export type SolArea = (typeof SOL_AREAS)[number];

/** The value of `verksamhet` of a law's overall total: 'totalt' for SoL, empty for LSS. */
export const OVERALL_AREA: Record<Law, string> = { SoL: 'totalt', LSS: '' };

// Bounds that every canonical period lies between ("2025" < "2025-Q1" < "2025-Q4" < "2026").
const FIRST = '0000';
const LAST = '9999-Q9';

function range(filter: DecisionFilter): [string, string] {
  return [filter.from || FIRST, filter.to || LAST];
}

function sexOf(filter: DecisionFilter): AdultSex {
  return filter.sex ?? 'totalt';
}

/**
 * How many hidden cells lie below the cell `t`: rows of the same unit, period and law that the cell
 * adds up (same or any area, insats, sex and status, as the cell is specific or a total), other than
 * the cell itself.
 */
const HIDDEN_PARTS = `(
  SELECT count(*) FROM ej_verkstallda_beslut p
  WHERE p.enhetskod = t.enhetskod AND p.period = t.period AND p.lag = t.lag
    AND p.markering = 'sekretess'
    AND (t.verksamhet IN ('totalt', '') OR p.verksamhet = t.verksamhet)
    AND (t.insats = 'totalt' OR p.insats = t.insats)
    AND (t.kon = 'totalt' OR p.kon = t.kon)
    AND (t.status = 'totalt' OR p.status = t.status)
    AND NOT (p.verksamhet = t.verksamhet AND p.insats = t.insats AND p.kon = t.kon AND p.status = t.status)
)`;

/** A count as published: `antal` NULL with `markering` saying why, and the hidden cells below it. */
export interface CountCell {
  antal: number | null;
  markering: string | null;
  dolda_delar: number;
}

export interface TotalRow extends CountCell {
  period: string;
  lag: Law;
}

/** Totals per quarter for SoL (all areas) and LSS, for the filter's sex. */
export function totalsQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT t.period, t.lag, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE t.enhetskod = ? AND t.period BETWEEN ? AND ?
  AND t.insats = 'totalt' AND t.status = 'totalt' AND t.kon = ?
  AND ((t.lag = 'SoL' AND t.verksamhet = 'totalt') OR (t.lag = 'LSS' AND t.verksamhet = ''))
ORDER BY t.period, t.lag`,
    params: [filter.unit, from, to, sexOf(filter)],
  };
}

export interface AreaRow extends CountCell {
  period: string;
  verksamhet: SolArea;
}

/** SoL totals per area (ÄO, OF, IFO) per quarter, for the filter's sex. */
export function areasQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT t.period, t.verksamhet, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE t.enhetskod = ? AND t.period BETWEEN ? AND ?
  AND t.lag = 'SoL' AND t.verksamhet IN ('ÄO', 'OF', 'IFO')
  AND t.insats = 'totalt' AND t.status = 'totalt' AND t.kon = ?
ORDER BY t.period, CASE t.verksamhet WHEN 'ÄO' THEN 1 WHEN 'OF' THEN 2 ELSE 3 END`,
    params: [filter.unit, from, to, sexOf(filter)],
  };
}

export interface InsatsRow extends CountCell {
  period: string;
  lag: Law;
  /** ÄO, OF or IFO for SoL; '' for LSS. */
  verksamhet: string;
  insats: string;
}

/**
 * Every published cell of the comparison table: per insats, per SoL area, and the laws' overall totals,
 * for the filter's sex and periods (all statuses together). Rows come in no particular order; the table
 * model orders them as the reports do.
 */
export function insatserQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT t.period, t.lag, t.verksamhet, t.insats, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE t.enhetskod = ? AND t.period BETWEEN ? AND ?
  AND t.status = 'totalt' AND t.kon = ?
ORDER BY t.period, t.lag, t.verksamhet, t.insats`,
    params: [filter.unit, from, to, sexOf(filter)],
  };
}

export interface SexRow extends CountCell {
  period: string;
  lag: Law;
  kon: 'kvinnor' | 'män';
}

/** Each law's overall total for women and for men per quarter (the sex filter does not apply). */
export function sexQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT t.period, t.lag, t.kon, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE t.enhetskod = ? AND t.period BETWEEN ? AND ?
  AND t.insats = 'totalt' AND t.status = 'totalt' AND t.kon IN ('kvinnor', 'män')
  AND ((t.lag = 'SoL' AND t.verksamhet = 'totalt') OR (t.lag = 'LSS' AND t.verksamhet = ''))
ORDER BY t.period, t.lag, t.kon`,
    params: [filter.unit, from, to],
  };
}

export interface StatusRow extends CountCell {
  lag: Law;
  status: string;
  /**
   * True when no total per status is published and `antal` is the sum of the published parts (one per
   * insats). With hidden parts (`dolda_delar` > 0) the sum is then a lower bound.
   */
  summerad: boolean;
}

/**
 * The state at the reporting date of one quarter's decisions, per law and status (verkställt since,
 * tackat nej, saknar plats, …), for the filter's sex. A published total per status (insats = 'totalt'
 * across all areas) is used as published; otherwise the published parts per insats are added up and
 * the hidden ones counted.
 */
export function statusQuery(filter: DecisionFilter, period: string): Query {
  return {
    sql: `WITH s AS (
  SELECT lag, verksamhet, insats, antal, markering, status,
         insats = 'totalt' AND verksamhet IN ('totalt', '') AS is_total
  FROM ej_verkstallda_beslut
  WHERE enhetskod = ? AND period = ? AND kon = ? AND status <> 'totalt'
    AND (insats <> 'totalt' OR verksamhet IN ('totalt', ''))
)
SELECT lag, status,
  CASE WHEN bool_or(is_total) THEN max(antal) FILTER (WHERE is_total)
       ELSE CAST(sum(antal) AS INTEGER) END AS antal,
  CASE
    WHEN bool_or(is_total) THEN max(markering) FILTER (WHERE is_total)
    WHEN count(antal) > 0 THEN NULL
    WHEN bool_or(markering = 'sekretess') THEN 'sekretess'
    WHEN bool_and(markering = 'inget_att_redovisa') THEN 'inget_att_redovisa'
    ELSE 'saknas'
  END AS markering,
  CASE WHEN bool_or(is_total) THEN 0
       ELSE count(*) FILTER (WHERE markering = 'sekretess') END AS dolda_delar,
  NOT bool_or(is_total) AS summerad
FROM s
GROUP BY lag, status
ORDER BY lag DESC, status`,
    params: [filter.unit, period, sexOf(filter)],
  };
}

export interface DecisionSliceRow {
  period: string;
  kon: string;
}

/** The periods and sexes a unit has figures for: the filter's choices. */
export function decisionSlicesQuery(unit: string): Query {
  return {
    sql: `SELECT DISTINCT period, kon FROM ej_verkstallda_beslut WHERE enhetskod = ? ORDER BY period, kon`,
    params: [unit],
  };
}

/** The latest quarter with any figure for the unit within the filter's range, or null. */
export function latestPeriodQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT max(period) AS period FROM ej_verkstallda_beslut WHERE enhetskod = ? AND period BETWEEN ? AND ?`,
    params: [filter.unit, from, to],
  };
}

/** The sources (kallor) cited by the unit's decisions in the filter's range, per law. */
export function citedSourcesQuery(filter: DecisionFilter): Query {
  const [from, to] = range(filter);
  return {
    sql: `SELECT DISTINCT lag, kalla FROM ej_verkstallda_beslut
WHERE enhetskod = ? AND period BETWEEN ? AND ? AND kalla <> ''
ORDER BY lag, kalla`,
    params: [filter.unit, from, to],
  };
}

/** Everything the page shows for one filter, queried in one go (build time and browser alike). */
export interface DecisionData {
  filter: DecisionFilter;
  /** The latest quarter with figures in the range, or null when the unit has none there. */
  latest: string | null;
  totals: TotalRow[];
  areas: AreaRow[];
  insatser: InsatsRow[];
  sexes: SexRow[];
  /** The status at the reporting date of the latest quarter. */
  statuses: StatusRow[];
  /** Source keys cited, all laws together and per law. */
  sources: string[];
  sourcesByLaw: Record<Law, string[]>;
}

export async function loadDecisionData(runner: Runner, filter: DecisionFilter): Promise<DecisionData> {
  const [latestRow] = await run<{ period: string | null }>(runner, latestPeriodQuery(filter));
  const latest = latestRow?.period ?? null;
  // One after the other: a runner's connection runs one statement at a time anyway.
  const totals = await run<TotalRow>(runner, totalsQuery(filter));
  const areas = await run<AreaRow>(runner, areasQuery(filter));
  const insatser = await run<InsatsRow>(runner, insatserQuery(filter));
  const sexes = await run<SexRow>(runner, sexQuery(filter));
  const statuses = latest ? await run<StatusRow>(runner, statusQuery(filter, latest)) : [];
  const cited = await run<{ lag: Law; kalla: string }>(runner, citedSourcesQuery(filter));
  const sources = [...new Set(cited.map((c) => c.kalla))].sort();
  const of = (lag: Law) => cited.filter((c) => c.lag === lag).map((c) => c.kalla);
  return { filter, latest, totals, areas, insatser, sexes, statuses, sources, sourcesByLaw: { SoL: of('SoL'), LSS: of('LSS') } };
}
