// The committee's quarterly statistikrapport on ej verkställda gynnande beslut (issue 14): the SQL of the
// report of one unit and quarter, run at build time (the prerendered report and its DOCX), in the browser
// (an earlier quarter) and by `npm run rapport` over the exact, unsuppressed figures. Values are bound; the
// contract's facts come from ./contract.ts, the hidden-parts count from ./decisions.ts.

import { periodIsQuarter } from './contract.ts';
import { HIDDEN_PARTS, type CountCell, type Law } from './decisions.ts';
import { list, sql, type Sql } from './sql.ts';

/** One published cell of a report: any area, insats, sex and status of the unit in the report's quarters. */
export interface ReportRow extends CountCell {
  period: string;
  lag: Law;
  /** ÄO, OF, IFO or 'totalt' for SoL; '' for LSS. */
  verksamhet: string;
  insats: string;
  /** The insats a sub-insats is part of ('' for one counted directly in its area's total). */
  overordnad_insats: string;
  kon: string;
  status: string;
  kalla: string | null;
}

/**
 * Every cell of the unit in the given quarters (the report's quarter and the two before it), with the
 * number of hidden cells below each, so a total can say that it includes hidden parts.
 */
export function reportRowsQuery(unit: string, periods: readonly string[]): Sql {
  return sql`SELECT t.period, t.lag, t.verksamhet, t.insats, t.overordnad_insats, t.kon, t.status, t.antal, t.markering,
  ${HIDDEN_PARTS} AS dolda_delar, t.kalla
FROM ej_verkstallda_beslut t
WHERE t.enhetskod = ${unit} AND t.period IN (${list(periods.length ? [...periods] : [''])})
ORDER BY t.period, t.lag, t.verksamhet, t.insats, t.kon, t.status`;
}

export interface ReportQuarterRow {
  enhetskod: string;
  period: string;
}

/** The quarters every unit has decision figures for (a year is never a quarterly report). */
export function reportQuartersQuery(unit?: string): Sql {
  const own = unit ? sql` AND enhetskod = ${unit}` : sql``;
  return sql`SELECT DISTINCT enhetskod, period FROM ej_verkstallda_beslut
WHERE ${periodIsQuarter(true)}${own}
ORDER BY enhetskod, period`;
}

