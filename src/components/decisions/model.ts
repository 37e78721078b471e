// Pure shaping of the decision rows (src/queries/decisions.ts) into what the page draws: chart rows, the
// committee report's three-quarter comparison table, and the notes about hidden parts. No DOM and no
// DuckDB, so the build (Astro) and the browser (re-render after a filter change) share it and unit tests
// reach it directly.

import { shiftPeriod } from '../../data/period.ts';
import { AREA_LABELS, DECISION_STATUS_LABELS } from '../../data/schema.ts';
import type { BarRow } from '../../charts/bars.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { formatNumber } from '../../i18n/format.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import type { AreaRow, CountCell, InsatsRow, Law, SexRow, StatusRow, TotalRow } from '../../queries/decisions.ts';
import { SOL_AREAS } from '../../queries/decisions.ts';
import { MARKER_LABELS } from '../../data/markers.ts';

export const LAW_ORDER: readonly Law[] = ['SoL', 'LSS'];

/** "Skyddad av sekretess" for a marker code (as the data contract names it). */
export function markerText(code: string | null): string {
  const label = (MARKER_LABELS as Record<string, string>)[code ?? 'saknas'] ?? code ?? '';
  return label ? label[0].toLocaleUpperCase('sv-SE') + label.slice(1) : label;
}

/** A cell as shown: the number, or its marker text (a hidden value never becomes a number). */
export function cellText(cell: Pick<CountCell, 'antal' | 'markering'> | undefined): string {
  if (!cell) return markerText('saknas');
  return cell.antal === null ? markerText(cell.markering) : formatNumber(cell.antal);
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
    .filter((r) => r.lag === lag && r.period === period && r.insats !== 'totalt')
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
    (['kvinnor', 'män'] as const).flatMap((kon) => {
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

// The comparison table ----------------------------------------------------------------------------------

/**
 * The quarters of the committee report's comparison: the latest and the two before it (consecutive, as
 * "de två föregående kvartalsrapporterna samt det aktuella läget"), none before `from`.
 */
export function comparisonPeriods(latest: string | null, from?: string | null): string[] {
  if (!latest || !latest.includes('-Q')) return latest ? [latest] : [];
  return [shiftPeriod(latest, -2), shiftPeriod(latest, -1), latest].filter((p) => !from || p >= from);
}

export interface ComparisonCell {
  period: string;
  antal: number | null;
  /** Why there is no number: a marker code; 'saknas' when the quarter has no such row. */
  markering: string | null;
  /** The shown text: a number or the marker text. */
  text: string;
  /** For totals: a part shown above it in the same column is hidden, so the parts do not add up. */
  hiddenParts: boolean;
}

export interface ComparisonRow {
  kind: 'insats' | 'area' | 'total';
  /** The row header: the insats, "Totalt ÄO" or the law's total. */
  label: string;
  verksamhet: string;
  insats: string;
  cells: ComparisonCell[];
}

export interface ComparisonGroup {
  /** SoL area code, or '' for LSS and for the overall total. */
  verksamhet: string;
  /** Heading of the group ("Äldreomsorg (ÄO)"), or null for none. */
  heading: string | null;
  rows: ComparisonRow[];
}

export interface ComparisonTable {
  lag: Law;
  periods: string[];
  groups: ComparisonGroup[];
  /** Some total has hidden parts above it (the footnote is shown). */
  hasHiddenParts: boolean;
  /** Some cell is hidden (sekretess). */
  hasHidden: boolean;
}

function cellsFor(rows: readonly InsatsRow[], periods: readonly string[], match: (r: InsatsRow) => boolean): ComparisonCell[] {
  return periods.map((period) => {
    const r = rows.find((x) => x.period === period && match(x));
    const antal = r ? r.antal : null;
    const markering = r ? (r.antal === null ? (r.markering ?? 'saknas') : r.markering) : 'saknas';
    return { period, antal, markering, text: r ? cellText(r) : markerText('saknas'), hiddenParts: false };
  });
}

/** Marks total cells whose parts (the rows above them in the group or table) include a hidden one. */
function flagHidden(total: ComparisonRow, parts: readonly ComparisonRow[]): void {
  total.cells.forEach((cell, i) => {
    cell.hiddenParts = cell.antal !== null && parts.some((p) => p.cells[i].markering === 'sekretess');
  });
}

/**
 * The comparison table of one law, as the committee report lays it out: for SoL the insatser of each
 * area followed by the area's total, then the total of all areas; for LSS the insatser and the total.
 * Rows are the insatser published in any of the periods. Returns null when the law has no figure there.
 */
export function comparisonTable(rows: readonly InsatsRow[], lag: Law, periods: readonly string[]): ComparisonTable | null {
  const own = rows.filter((r) => r.lag === lag && periods.includes(r.period));
  if (own.length === 0 || periods.length === 0) return null;
  const overallArea = lag === 'SoL' ? 'totalt' : '';
  const groups: ComparisonGroup[] = [];
  const insatsRows = (area: string): ComparisonRow[] =>
    [...new Set(own.filter((r) => r.verksamhet === area && r.insats !== 'totalt').map((r) => r.insats))]
      .sort(compareInsats)
      .map((insats) => ({
        kind: 'insats' as const,
        label: insats,
        verksamhet: area,
        insats,
        cells: cellsFor(own, periods, (r) => r.verksamhet === area && r.insats === insats),
      }));

  const allParts: ComparisonRow[] = [];
  if (lag === 'SoL') {
    for (const area of SOL_AREAS) {
      const parts = insatsRows(area);
      const hasTotal = own.some((r) => r.verksamhet === area && r.insats === 'totalt');
      if (!parts.length && !hasTotal) continue;
      const groupRows = [...parts];
      if (hasTotal) {
        const total: ComparisonRow = {
          kind: 'area',
          label: w.areaTotal(area),
          verksamhet: area,
          insats: 'totalt',
          cells: cellsFor(own, periods, (r) => r.verksamhet === area && r.insats === 'totalt'),
        };
        flagHidden(total, parts);
        groupRows.push(total);
        allParts.push(total);
      } else {
        allParts.push(...parts);
      }
      groups.push({ verksamhet: area, heading: areaLabel(area), rows: groupRows });
    }
  } else {
    const parts = insatsRows('');
    if (parts.length) groups.push({ verksamhet: '', heading: null, rows: parts });
    allParts.push(...parts);
  }
  if (own.some((r) => r.verksamhet === overallArea && r.insats === 'totalt')) {
    const total: ComparisonRow = {
      kind: 'total',
      label: w.lawTotal(lag),
      verksamhet: overallArea,
      insats: 'totalt',
      cells: cellsFor(own, periods, (r) => r.verksamhet === overallArea && r.insats === 'totalt'),
    };
    flagHidden(total, allParts);
    groups.push({ verksamhet: '', heading: null, rows: [total] });
  }
  const cells = groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
  return {
    lag,
    periods: [...periods],
    groups,
    hasHiddenParts: cells.some((c) => c.hiddenParts),
    hasHidden: cells.some((c) => c.markering === 'sekretess'),
  };
}
