// Ej verkställda beslut: the decision rows (src/queries/decisions.ts) shaped into what the page's charts
// draw: trend rows per law and per area, bars per insats, per sex and per status, and the periods whose
// totals include hidden parts. Pure, so unit tests reach it directly.

import { AREA_LABELS, DECISION_STATUS_LABELS } from '../../data/schema.ts';
import type { BarRow } from '../../charts/bars.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { formatNumber } from '../../i18n/format.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { capitalize, markerText } from '../../i18n/text.ts';
import { DECISIONS, SOL_AREAS } from '../../queries/contract.ts';
import type { AreaRow, CountCell, InsatsRow, Law, SexRow, StatusRow, TotalRow } from '../../queries/decisions.ts';

export const LAW_ORDER: readonly Law[] = DECISIONS.laws;

/** A cell as shown: the number, or its marker text (a hidden value never becomes a number). */
export function cellText(cell: Pick<CountCell, 'antal' | 'markering'> | undefined): string {
  if (!cell) return capitalize(markerText('saknas'));
  return cell.antal === null ? capitalize(markerText(cell.markering)) : formatNumber(cell.antal);
}

const collator = new Intl.Collator('sv-SE', { numeric: true, sensitivity: 'base' });

/** Insatser in report order: "9.2 …" before "9.10 …", Swedish alphabetical otherwise. */
export function compareInsats(a: string, b: string): number {
  return collator.compare(a, b);
}

// Trend rows --------------------------------------------------------------------------------------------

/** Totals per quarter, one series per law ("SoL", "LSS"). */
export function totalsTrend(rows: readonly TotalRow[]): TrendRow[] {
  return rows.map((r) => ({ period: r.period, serie: r.lag, varde: r.antal, markering: r.markering }));
}

/** SoL totals per area, one series per area code. */
export function areasTrend(rows: readonly AreaRow[]): TrendRow[] {
  return rows.map((r) => ({ period: r.period, serie: r.verksamhet, varde: r.antal, markering: r.markering }));
}

/** The series present, in their canonical order. */
export function lawsPresent(rows: readonly { lag: Law }[]): Law[] {
  return LAW_ORDER.filter((l) => rows.some((r) => r.lag === l));
}

export function areasPresent(rows: readonly { verksamhet: string }[]): string[] {
  return SOL_AREAS.filter((a) => rows.some((r) => r.verksamhet === a));
}

export function areaLabel(code: string): string {
  return (AREA_LABELS as Record<string, string>)[code] ?? code;
}

/** The area as it reads mid-sentence: "äldreomsorg (ÄO)". */
export function areaName(code: string): string {
  const label = areaLabel(code);
  return label[0].toLocaleLowerCase('sv-SE') + label.slice(1);
}

/**
 * Periods (ascending) in which a figure of the series is a published total that includes hidden parts:
 * the page says so under the chart.
 */
export function periodsWithHiddenParts(rows: readonly (CountCell & { period: string })[]): string[] {
  return [...new Set(rows.filter((r) => r.antal !== null && r.dolda_delar > 0).map((r) => r.period))].sort();
}

// Bars -----------------------------------------------------------------------------------------------------

/** One law's insatser in a quarter: a bar per insats (SoL: "Särskilt boende (ÄO)"). */
export function insatsBars(rows: readonly InsatsRow[], lag: Law, period: string): BarRow[] {
  return rows
    .filter((r) => r.lag === lag && r.period === period && r.insats !== DECISIONS.allInsatser)
    .filter((r) => lag === 'LSS' || (SOL_AREAS as readonly string[]).includes(r.verksamhet))
    .sort((a, b) => areaRank(a.verksamhet) - areaRank(b.verksamhet) || compareInsats(a.insats, b.insats))
    .map((r) => ({ kategori: insatsKey(r), varde: r.antal, markering: r.markering }));
}

/** The bar key of an insats row, unique within a law: "ÄO|Särskilt boende" (LSS: the insats itself). */
export function insatsKey(r: Pick<InsatsRow, 'verksamhet' | 'insats'>): string {
  return r.verksamhet ? `${r.verksamhet}|${r.insats}` : r.insats;
}

/** "Särskilt boende (ÄO)" for a key from insatsKey. */
export function insatsLabel(key: string): string {
  const cut = key.indexOf('|');
  return cut < 0 ? key : `${key.slice(cut + 1)} (${key.slice(0, cut)})`;
}

function areaRank(area: string): number {
  const i = (SOL_AREAS as readonly string[]).indexOf(area);
  return i < 0 ? SOL_AREAS.length : i;
}

/** Women and men per law in a quarter: categories are the laws, groups the sexes. */
export function sexBars(rows: readonly SexRow[], period: string): BarRow[] {
  return LAW_ORDER.flatMap((lag) =>
    DECISIONS.sexes.flatMap((kon) => {
      const r = rows.find((x) => x.period === period && x.lag === lag && x.kon === kon);
      return r ? [{ kategori: lag, grupp: kon, varde: r.antal, markering: r.markering }] : [];
    }),
  );
}

/** One law's status at the reporting date: a bar per status present. */
export function statusBars(rows: readonly StatusRow[], lag: Law): BarRow[] {
  return rows.filter((r) => r.lag === lag).map((r) => ({ kategori: r.status, varde: r.antal, markering: r.markering }));
}

/**
 * The label of a status bar. A sum of published parts with hidden parts beside it is a lower bound, and
 * the label says so: "Plats saknas (t.ex. kö), minst".
 */
export function statusLabel(rows: readonly StatusRow[], lag: Law): (status: string) => string {
  return (status) => {
    const base = (DECISION_STATUS_LABELS as Record<string, string>)[status] ?? status;
    const r = rows.find((x) => x.lag === lag && x.status === status);
    return r && r.summerad && r.antal !== null && r.dolda_delar > 0 ? `${base}${w.atLeast}` : base;
  };
}

