// Favourable decisions not executed within three months (ej_verkstallda_beslut): the SQL of every
// indicator on the page "Ej verkställda beslut", written once and run both by DuckDB in Node at build
// time and by duckdb-wasm in the browser. Each function returns an `Sql` (./sql.ts); the parameters are
// bound to `?`, never pasted into the SQL; the contract's totals come from ./contract.ts.
//
// Totals are always the published totals rows (insats = 'totalt', status = 'totalt', and for SoL overall
// verksamhet = 'totalt'), never sums of parts: a hidden part would otherwise turn into a wrong total.
// Every figure comes with `dolda_delar`, the number of hidden (sekretess) cells below it, so a page can
// say that a total includes parts that are not shown. The one figure that has no published total, the
// status at the reporting date across insatser, is a sum of the published parts and says so
// (`summerad`, `dolda_delar`): with hidden parts it is a lower bound, never presented as the total.

import { DECISIONS, lawOverall, SOL_AREAS, type AdultSex, type Law, type SolArea } from './contract.ts';
import { join, literal, sql, type Sql } from './sql.ts';

export type { AdultSex, Law, SolArea };
export type { Query } from './sql.ts';
export { SOL_AREAS };

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

// Bounds that every canonical period lies between ("2025" < "2025-Q1" < "2025-Q4" < "2026").
const FIRST = '0000';
const LAST = '9999-Q9';

const ALL_SEXES = literal(DECISIONS.allSexes);
const ALL_STATUSES = literal(DECISIONS.allStatuses);
const ALL_INSATSER = literal(DECISIONS.allInsatser);
const TOP_LEVEL = literal(DECISIONS.topLevel);
/** The verksamhet values of an overall total ('totalt' for SoL, '' for LSS). */
const OVERALL_AREAS = join(DECISIONS.laws.map((l) => literal(DECISIONS.overallArea[l])));

function sexOf(filter: DecisionFilter): AdultSex {
  return filter.sex ?? DECISIONS.allSexes;
}

/** The rows of the filter's unit and period range (alias t). */
function unitAndRange(filter: DecisionFilter): Sql {
  return sql`t.enhetskod = ${filter.unit} AND t.period BETWEEN ${filter.from || FIRST} AND ${filter.to || LAST}`;
}

/**
 * How many hidden cells lie below the cell `t`: rows of the same unit, period and law that the cell
 * adds up (same or any area, insats, sex and status, as the cell is specific or a total; an insats adds
 * up its sub-insatser too), other than the cell itself.
 */
export const HIDDEN_PARTS = sql`(
  SELECT count(*) FROM ej_verkstallda_beslut p
  WHERE p.enhetskod = t.enhetskod AND p.period = t.period AND p.lag = t.lag
    AND p.markering = 'sekretess'
    AND (t.verksamhet IN (${OVERALL_AREAS}) OR p.verksamhet = t.verksamhet)
    AND (t.insats = ${ALL_INSATSER} OR p.insats = t.insats OR p.overordnad_insats = t.insats)
    AND (t.kon = ${ALL_SEXES} OR p.kon = t.kon)
    AND (t.status = ${ALL_STATUSES} OR p.status = t.status)
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
export function totalsQuery(filter: DecisionFilter): Sql {
  return sql`SELECT t.period, t.lag, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE ${unitAndRange(filter)}
  AND t.insats = ${ALL_INSATSER} AND t.status = ${ALL_STATUSES} AND t.kon = ${sexOf(filter)}
  AND ${lawOverall('t')}
ORDER BY t.period, t.lag`;
}

export interface AreaRow extends CountCell {
  period: string;
  verksamhet: SolArea;
}

/** SoL totals per area (ÄO, OF, IFO) per quarter, for the filter's sex. */
export function areasQuery(filter: DecisionFilter): Sql {
  const areas = join(SOL_AREAS.map((a) => literal(a)));
  const order = join(SOL_AREAS.map((a, i) => sql`WHEN ${literal(a)} THEN ${literal(i + 1)}`), ' ');
  return sql`SELECT t.period, t.verksamhet, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE ${unitAndRange(filter)}
  AND t.lag = 'SoL' AND t.verksamhet IN (${areas})
  AND t.insats = ${ALL_INSATSER} AND t.status = ${ALL_STATUSES} AND t.kon = ${sexOf(filter)}
ORDER BY t.period, CASE t.verksamhet ${order} END`;
}

export interface InsatsRow extends CountCell {
  period: string;
  lag: Law;
  /** ÄO, OF or IFO for SoL; '' for LSS. */
  verksamhet: string;
  insats: string;
  /** The insats a sub-insats is part of (Bostad for Bostad/Fyren); '' for one counted directly in the area's total. */
  overordnad_insats: string;
}

/**
 * Every published cell of the comparison table: per insats, per SoL area, and the laws' overall totals,
 * for the filter's sex and periods (all statuses together). Rows come in no particular order; the table
 * model orders them as the reports do.
 */
export function insatserQuery(filter: DecisionFilter): Sql {
  return sql`SELECT t.period, t.lag, t.verksamhet, t.insats, t.overordnad_insats, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE ${unitAndRange(filter)}
  AND t.status = ${ALL_STATUSES} AND t.kon = ${sexOf(filter)}
ORDER BY t.period, t.lag, t.verksamhet, t.insats`;
}

export interface SexRow extends CountCell {
  period: string;
  lag: Law;
  kon: 'kvinnor' | 'män';
}

/** Each law's overall total for women and for men per quarter (the sex filter does not apply). */
export function sexQuery(filter: DecisionFilter): Sql {
  const sexes = join(DECISIONS.sexes.map((k) => literal(k)));
  return sql`SELECT t.period, t.lag, t.kon, t.antal, t.markering, ${HIDDEN_PARTS} AS dolda_delar
FROM ej_verkstallda_beslut t
WHERE ${unitAndRange(filter)}
  AND t.insats = ${ALL_INSATSER} AND t.status = ${ALL_STATUSES} AND t.kon IN (${sexes})
  AND ${lawOverall('t')}
ORDER BY t.period, t.lag, t.kon`;
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
 * the hidden ones counted: the insatser counted directly in their area's total, since a sub-insats's
 * status is in its parent's already.
 */
export function statusQuery(filter: DecisionFilter, period: string): Sql {
  return sql`WITH s AS (
  SELECT lag, verksamhet, insats, antal, markering, status,
         insats = ${ALL_INSATSER} AND verksamhet IN (${OVERALL_AREAS}) AS is_total
  FROM ej_verkstallda_beslut
  WHERE enhetskod = ${filter.unit} AND period = ${period} AND kon = ${sexOf(filter)} AND status <> ${ALL_STATUSES}
    AND (insats <> ${ALL_INSATSER} OR verksamhet IN (${OVERALL_AREAS}))
    AND overordnad_insats = ${TOP_LEVEL}
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
ORDER BY lag DESC, status`;
}

export interface DecisionSliceRow {
  period: string;
  kon: string;
}

/** The periods and sexes a unit has figures for: the filter's choices. */
export function decisionSlicesQuery(unit: string): Sql {
  return sql`SELECT DISTINCT period, kon FROM ej_verkstallda_beslut WHERE enhetskod = ${unit} ORDER BY period, kon`;
}

/** The latest quarter with any figure for the unit within the filter's range, or null. */
export function latestPeriodQuery(filter: DecisionFilter): Sql {
  return sql`SELECT max(period) AS period FROM ej_verkstallda_beslut t WHERE ${unitAndRange(filter)}`;
}

/** The sources (kallor) cited by the unit's decisions in the filter's range, per law. */
export function citedSourcesQuery(filter: DecisionFilter): Sql {
  return sql`SELECT DISTINCT lag, kalla FROM ej_verkstallda_beslut t
WHERE ${unitAndRange(filter)} AND kalla <> ''
ORDER BY lag, kalla`;
}

/** The sources of a unit's decision totals (the keys in kallor), for the start page. */
export function decisionSourcesQuery(unit: string): Sql {
  return sql`SELECT DISTINCT kalla FROM ej_verkstallda_beslut
WHERE enhetskod = ${unit} AND insats = ${ALL_INSATSER} AND kon = ${ALL_SEXES} AND status = ${ALL_STATUSES} AND kalla IS NOT NULL
ORDER BY kalla`;
}
