// Ej verkställda beslut: the committee report's three-quarter comparison as a table model. For SoL the
// insatser of each area followed by the area's total, then the total of all areas; for LSS the insatser and
// the total. A hidden value stays its marker; a total whose parts above it include a hidden one is flagged,
// so the renderer (src/render/comparison.ts) can footnote it. Pure, and read by the CSV as well.

import { isQuarter, shiftPeriod } from '../../data/period.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { capitalize, markerText } from '../../i18n/text.ts';
import { DECISIONS, SOL_AREAS } from '../../queries/contract.ts';
import type { InsatsRow, Law } from '../../queries/decisions.ts';
import { areaLabel, cellText, compareInsats } from './shape.ts';

/**
 * The quarters of the committee report's comparison: the latest and the two before it (consecutive, as
 * "de två föregående kvartalsrapporterna samt det aktuella läget"), none before `from`.
 */
export function comparisonPeriods(latest: string | null, from?: string | null): string[] {
  if (!latest || !isQuarter(latest)) return latest ? [latest] : [];
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
  /** Some cell is missing (the quarter's report has no such row). */
  hasMissing: boolean;
}

/** A comparison table with what the page says around it. */
export interface ComparisonPart {
  table: ComparisonTable;
  /** The unit (and the sex chosen) for the caption. */
  unitName: string;
  heading: string;
  source: string;
  /** Download file name without extension. */
  file: string;
}

const TOTAL = DECISIONS.allInsatser;

function cellsFor(rows: readonly InsatsRow[], periods: readonly string[], match: (r: InsatsRow) => boolean): ComparisonCell[] {
  return periods.map((period) => {
    const r = rows.find((x) => x.period === period && match(x));
    const antal = r ? r.antal : null;
    const markering = r ? (r.antal === null ? (r.markering ?? 'saknas') : r.markering) : 'saknas';
    return { period, antal, markering, text: r ? cellText(r) : capitalize(markerText('saknas')), hiddenParts: false };
  });
}

/** Marks total cells whose parts (the rows above them in the group or table) include a hidden one. */
function flagHidden(total: ComparisonRow, parts: readonly ComparisonRow[]): ComparisonRow {
  total.cells.forEach((cell, i) => {
    cell.hiddenParts = cell.antal !== null && parts.some((p) => p.cells[i].markering === 'sekretess');
  });
  return total;
}

/** The insatser of an area published in any of the periods, in report order ("9.2" before "9.10"). */
function insatsRows(own: readonly InsatsRow[], periods: readonly string[], area: string): ComparisonRow[] {
  return [...new Set(own.filter((r) => r.verksamhet === area && r.insats !== TOTAL).map((r) => r.insats))]
    .sort(compareInsats)
    .map((insats) => ({ kind: 'insats' as const, label: insats, verksamhet: area, insats, cells: cellsFor(own, periods, (r) => r.verksamhet === area && r.insats === insats) }));
}

/** A total row: of an area ("Totalt ÄO") or of the law, flagged when its parts include a hidden one. */
function totalRow(own: readonly InsatsRow[], periods: readonly string[], kind: 'area' | 'total', area: string, label: string, parts: readonly ComparisonRow[]): ComparisonRow {
  const row = { kind, label, verksamhet: area, insats: TOTAL, cells: cellsFor(own, periods, (r) => r.verksamhet === area && r.insats === TOTAL) };
  return flagHidden(row, parts);
}

/** SoL: a group per area, its insatser and its total; returns the groups and the parts of the law's total. */
function solGroups(own: readonly InsatsRow[], periods: readonly string[]): { groups: ComparisonGroup[]; parts: ComparisonRow[] } {
  const groups: ComparisonGroup[] = [];
  const parts: ComparisonRow[] = [];
  for (const area of SOL_AREAS) {
    const insatser = insatsRows(own, periods, area);
    const hasTotal = own.some((r) => r.verksamhet === area && r.insats === TOTAL);
    if (!insatser.length && !hasTotal) continue;
    const total = hasTotal ? totalRow(own, periods, 'area', area, w.areaTotal(area), insatser) : null;
    parts.push(...(total ? [total] : insatser));
    groups.push({ verksamhet: area, heading: areaLabel(area), rows: total ? [...insatser, total] : insatser });
  }
  return { groups, parts };
}

/**
 * The comparison table of one law, as the committee report lays it out. Rows are the insatser published
 * in any of the periods. Returns null when the law has no figure there.
 */
export function comparisonTable(rows: readonly InsatsRow[], lag: Law, periods: readonly string[]): ComparisonTable | null {
  const own = rows.filter((r) => r.lag === lag && periods.includes(r.period));
  if (own.length === 0 || periods.length === 0) return null;
  const overall = DECISIONS.overallArea[lag];
  const lss = insatsRows(own, periods, '');
  const { groups, parts } = lag === 'SoL' ? solGroups(own, periods) : { groups: lss.length ? [{ verksamhet: '', heading: null, rows: lss }] : [], parts: lss };
  if (own.some((r) => r.verksamhet === overall && r.insats === TOTAL)) {
    groups.push({ verksamhet: '', heading: null, rows: [totalRow(own, periods, 'total', overall, w.lawTotal(lag), parts)] });
  }
  const cells = groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
  return {
    lag,
    periods: [...periods],
    groups,
    hasHiddenParts: cells.some((c) => c.hiddenParts),
    hasHidden: cells.some((c) => c.markering === 'sekretess'),
    hasMissing: cells.some((c) => c.markering === 'saknas'),
  };
}
