// The committee's quarterly statistikrapport as a model: for one unit and quarter, per law (SoL, LSS) the
// heading with the law's paragraph, the summary sentence, the table by verksamhet and insats with Kvinnor,
// Män and Summa and the area subtotals, the per-insats lists of the state at the reporting date, and the
// comparison with the two previous quarters; or the sentence that there is nothing to report. Pure: rows
// in, words and cells out. The page (src/render/report.ts) and the Word file (src/render/report-docx.ts)
// are both drawn from it, so they say the same.

import { DECISION_STATUSES } from '../../data/schema.ts';
import { markerGlyph } from '../../charts/theme.ts';
import { formatNumber } from '../../i18n/format.ts';
import { reportWords as w } from '../../i18n/report.ts';
import { capitalize, markerText } from '../../i18n/text.ts';
import { DECISIONS, SOL_AREAS } from '../../queries/contract.ts';
import type { InsatsRow, Law } from '../../queries/decisions.ts';
import type { ReportRow } from '../../queries/report.ts';
import { comparisonPeriods, comparisonTable, type ComparisonTable } from '../decisions/comparison.ts';
import { compareInsats } from '../decisions/shape.ts';

export interface ReportCell {
  antal: number | null;
  /** Why there is no number ('sekretess', 'saknas', 'inget_att_redovisa'); null for a number. */
  markering: string | null;
  /** The number, or the marker's glyph and words ("× Skyddad av sekretess"). */
  text: string;
  /** A sum whose parts shown beside or above it include a hidden one (footnoted with *). */
  hiddenParts: boolean;
}

export interface DetailRow {
  kind: 'insats' | 'area' | 'total';
  label: string;
  verksamhet: string;
  insats: string;
  women: ReportCell;
  men: ReportCell;
  sum: ReportCell;
}

export interface DetailTable {
  caption: string;
  header: [string, string, string, string];
  /** One group per SoL area (its insatser, then its total), and a last group with the law's total. */
  groups: DetailRow[][];
}

export interface StatusItem {
  status: string;
  cell: ReportCell;
  text: string;
}

export interface InsatsList {
  /** "Särskilt boende (ÄO)". */
  label: string;
  intro: string;
  items: StatusItem[];
}

export interface LawReport {
  lag: Law;
  heading: string;
  duty: string;
  /** "Socialnämnden rapporterar 111 …", or the sentence that there is nothing (or no report) for the quarter. */
  summary: string;
  /** Zero decisions, or no report for the law: no table or lists follow. */
  nothing: boolean;
  intro: string | null;
  detail: DetailTable | null;
  areaKey: string | null;
  lists: InsatsList[];
  listNote: string | null;
  comparison: ComparisonTable | null;
  comparisonLead: string | null;
  /** Footnotes of the markers and sums that occur. */
  notes: string[];
  source: string;
  /** The foot of the law's printed pages: unit, quarter, data date and the law's source. */
  footer: string;
}

export interface ReportQuarter {
  period: string;
  label: string;
}

/** A quarter in the report page's chooser: `page`, it has a prerendered page (else it is computed in the browser). */
export interface QuarterLink extends ReportQuarter {
  href: string;
  page: boolean;
}

/** The links of a report shown on the site (not in `npm run rapport`'s internal version). */
export interface ReportLinks {
  /** The Word file built with the site; null: made in the browser from the model. */
  docx: string | null;
  /** Every quarter of the unit, latest first. */
  quarters: QuarterLink[];
  /** The index of all units' reports. */
  units: string;
}

export interface ReportModel {
  unitCode: string;
  unitName: string;
  period: string;
  /** "kvartal 4 2025". */
  quarter: string;
  /** "Kvartalsrapport om ej verkställda beslut, Luleå, kvartal 4 2025". */
  title: string;
  laws: LawReport[];
  /** The unit's quarters with a report, latest first. */
  quarters: ReportQuarter[];
  invented: boolean;
  /** The footer of every printed page: unit, quarter, data date, source. */
  footer: string;
  /** The exact internal version (`npm run rapport`): every count, also those below the threshold. */
  internal: { warning: string; footer: string } | null;
  /** Word file name. */
  docxFile: string;
}

const TOTAL = DECISIONS.allInsatser;
const ALL_SEXES = DECISIONS.allSexes;
const ALL_STATUSES = DECISIONS.allStatuses;
const TOP = DECISIONS.topLevel;
const [WOMEN, MEN] = DECISIONS.sexes;

/** "2025-Q4" → "kvartal 4 2025". */
export function quarterWords(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? w.quarterLong(Number(m[2]), m[1]) : period;
}

export function cellOf(row: Pick<ReportRow, 'antal' | 'markering'> | undefined): ReportCell {
  if (!row) return { antal: null, markering: 'saknas', text: markedText('saknas'), hiddenParts: false };
  if (row.antal === null) {
    const code = row.markering ?? 'saknas';
    return { antal: null, markering: code, text: markedText(code), hiddenParts: false };
  }
  return { antal: row.antal, markering: null, text: formatNumber(row.antal), hiddenParts: false };
}

/** "× Skyddad av sekretess": the site's glyph for the marker, then its words. */
export function markedText(code: string): string {
  return `${markerGlyph(code).text}\u00a0${capitalize(markerText(code))}`;
}

const hidden = (c: ReportCell) => c.markering === 'sekretess';

/** Marks a sum whose parts include a hidden cell. */
function flag(sum: ReportCell, parts: readonly ReportCell[]): ReportCell {
  return { ...sum, hiddenParts: sum.antal !== null && parts.some(hidden) };
}

interface Context {
  unitName: string;
  period: string;
  quarter: string;
  source: (lag: Law) => string;
  footer: (lag: Law) => string;
}

function find(rows: readonly ReportRow[], area: string, insats: string, kon: string, status = ALL_STATUSES): ReportRow | undefined {
  return rows.find((r) => r.verksamhet === area && r.insats === insats && r.kon === kon && r.status === status);
}

function detailRow(rows: readonly ReportRow[], kind: DetailRow['kind'], area: string, insats: string, label: string): DetailRow {
  const women = cellOf(find(rows, area, insats, WOMEN));
  const men = cellOf(find(rows, area, insats, MEN));
  return { kind, label, verksamhet: area, insats, women, men, sum: flag(cellOf(find(rows, area, insats, ALL_SEXES)), [women, men]) };
}

/** A total row whose cells are flagged when a cell of the same column above it is hidden. */
function totalRow(rows: readonly ReportRow[], kind: 'area' | 'total', area: string, label: string, parts: readonly DetailRow[]): DetailRow {
  const r = detailRow(rows, kind, area, TOTAL, label);
  const col = (pick: (d: DetailRow) => ReportCell) => parts.map(pick);
  return {
    ...r,
    women: flag(r.women, col((d) => d.women)),
    men: flag(r.men, col((d) => d.men)),
    sum: flag(r.sum, [...col((d) => d.sum), r.women, r.men]),
  };
}

/**
 * The order the committee's reports list the SoL insatser in (source 002); others follow alphabetically,
 * LSS's "9.2" before "9.10".
 */
const SOL_ORDER = ['Särskilt boende', 'Korttidsboende', 'Dagverksamhet/sysselsättning', 'Kontaktperson', 'Boendestöd', 'Bostad', 'Kontaktfamilj', 'Familjehem', 'Öppenvården', 'Externt skyddat boende', 'Behandlingshem', 'Övrigt'];

export function reportInsatsOrder(a: string, b: string): number {
  const rank = (x: string) => {
    const i = SOL_ORDER.indexOf(x.split('/')[0]);
    return i < 0 ? SOL_ORDER.length - 1 : i;
  };
  return rank(a) - rank(b) || compareInsats(a, b);
}

/** The insatser counted directly in an area's total, in report order. */
function topInsatser(rows: readonly ReportRow[], area: string, withSex: boolean): string[] {
  const own = rows.filter((r) => r.verksamhet === area && r.insats !== TOTAL && r.overordnad_insats === TOP && r.status === ALL_STATUSES);
  const shown = withSex ? own.filter((r) => r.kon !== ALL_SEXES) : own;
  return [...new Set(shown.map((r) => r.insats))].sort(reportInsatsOrder);
}

function detailTable(q: readonly ReportRow[], lag: Law, c: Context): DetailTable | null {
  const withSex = q.some((r) => r.kon !== ALL_SEXES);
  const groups: DetailRow[][] = [];
  const parts: DetailRow[] = [];
  if (lag === 'SoL') {
    for (const area of SOL_AREAS) {
      const insatser = topInsatser(q, area, withSex).map((i) => detailRow(q, 'insats', area, i, w.insatsInArea(i, area)));
      const hasTotal = !!find(q, area, TOTAL, ALL_SEXES);
      if (!insatser.length && !hasTotal) continue;
      const total = hasTotal ? totalRow(q, 'area', area, w.areaTotal(area), insatser) : null;
      parts.push(...(total ? [total] : insatser));
      groups.push(total ? [...insatser, total] : insatser);
    }
  } else {
    const insatser = topInsatser(q, DECISIONS.overallArea.LSS, withSex).map((i) => detailRow(q, 'insats', '', i, i));
    if (insatser.length) groups.push(insatser);
    parts.push(...insatser);
  }
  const overall = DECISIONS.overallArea[lag];
  if (find(q, overall, TOTAL, ALL_SEXES)) groups.push([totalRow(q, 'total', overall, w.lawTotal(lag), parts)]);
  if (!groups.length) return null;
  return { caption: w.tableCaption(lag, c.unitName, c.quarter), header: [w.insatsHeader(lag), w.women, w.men, w.sum], groups };
}

const STATUS_ORDER = new Map<string, number>(DECISION_STATUSES.map((s, i) => [s, i]));

function insatsLists(q: readonly ReportRow[], lag: Law): InsatsList[] {
  const statusRows = q.filter((r) => r.status !== ALL_STATUSES && r.kon === ALL_SEXES && r.insats !== TOTAL && r.overordnad_insats === TOP);
  const keys = [...new Map(statusRows.map((r) => [`${r.verksamhet}|${r.insats}`, r])).values()].sort(
    (a, b) => areaRank(a.verksamhet) - areaRank(b.verksamhet) || reportInsatsOrder(a.insats, b.insats),
  );
  return keys.map((k) => {
    const label = w.insatsInArea(k.insats, lag === 'SoL' ? k.verksamhet : '');
    const total = cellOf(find(q, k.verksamhet, k.insats, ALL_SEXES));
    const items = statusRows
      .filter((r) => r.verksamhet === k.verksamhet && r.insats === k.insats && (r.antal === null ? r.markering === 'sekretess' : r.antal > 0))
      .sort((a, b) => (STATUS_ORDER.get(a.status) ?? 99) - (STATUS_ORDER.get(b.status) ?? 99))
      .map((r) => {
        const cell = cellOf(r);
        const text = r.antal === null ? w.statusItemHidden(r.status, markerGlyph('sekretess').text) : w.statusItem(r.status, r.antal);
        return { status: r.status, cell, text };
      });
    const intro = total.antal === null ? w.listIntroHidden(label) : w.listIntro(label, total.text, total.antal === 1);
    return { label, intro, items };
  });
}

function areaRank(area: string): number {
  const i = (SOL_AREAS as readonly string[]).indexOf(area);
  return i < 0 ? SOL_AREAS.length : i;
}

/** The comparison table as the reports show it: a parent insats whose parts are listed gives way to them. */
function reportComparison(own: readonly ReportRow[], lag: Law, periods: readonly string[]): ComparisonTable | null {
  const cells: InsatsRow[] = own.filter((r) => r.kon === ALL_SEXES && r.status === ALL_STATUSES);
  const table = comparisonTable(cells, lag, periods);
  if (!table) return null;
  const parents = new Set(cells.filter((r) => r.overordnad_insats !== TOP).map((r) => `${r.verksamhet}|${r.overordnad_insats}`));
  const groups = table.groups
    .map((g) => ({
      ...g,
      rows: g.rows
        .filter((r) => !(r.kind === 'insats' && parents.has(`${r.verksamhet}|${r.insats}`)))
        .sort((a, b) => Number(a.kind !== 'insats') - Number(b.kind !== 'insats') || (a.kind === 'insats' && b.kind === 'insats' ? reportInsatsOrder(a.insats, b.insats) : 0)),
    }))
    .filter((g) => g.rows.length);
  const all = groups.flatMap((g) => g.rows.flatMap((r) => r.cells));
  return {
    ...table,
    groups,
    hasHiddenParts: all.some((x) => x.hiddenParts),
    hasHidden: all.some((x) => x.markering === 'sekretess'),
    hasMissing: all.some((x) => x.markering === 'saknas'),
  };
}

function notesFor(cells: readonly ReportCell[], hiddenSums: boolean): string[] {
  const has = (code: string) => cells.some((c) => c.markering === code);
  return [
    ...(has('sekretess') ? [w.hiddenNote(markerGlyph('sekretess').text)] : []),
    ...(hiddenSums ? [w.hiddenTotalNote] : []),
    ...(has('saknas') ? [w.missingNote(markerGlyph('saknas').text)] : []),
    ...(has('inget_att_redovisa') ? [w.nothingNote(markerGlyph('inget_att_redovisa').text)] : []),
  ];
}

function lawReport(rows: readonly ReportRow[], lag: Law, periods: readonly string[], c: Context): LawReport {
  const own = rows.filter((r) => r.lag === lag);
  const q = own.filter((r) => r.period === c.period);
  const overall = DECISIONS.overallArea[lag];
  const total = find(q, overall, TOTAL, ALL_SEXES);
  const base = { lag, heading: w.heading(lag, c.period, c.quarter), duty: w.duty(lag, c.period), source: c.source(lag), footer: c.footer(lag) };
  const earlier = own.some((r) => r.period !== c.period);
  const comparison = earlier ? reportComparison(own, lag, periods) : null;
  const comparisonLead = comparison ? w.comparisonLead(comparison.periods.map(periodEndIso).join(', ')) : null;
  const empty = { intro: null, detail: null, areaKey: null, lists: [], listNote: null, comparison, comparisonLead };
  if (!q.length) return { ...base, ...empty, summary: w.notReported(lag, c.quarter), nothing: true, notes: [] };
  if (total?.antal === 0) return { ...base, ...empty, summary: w.nothing(lag, c.quarter), nothing: true, notes: [] };
  const summary = !total
    ? w.summaryMissing(lag)
    : total.antal === null
      ? w.summaryHidden(lag, c.period)
      : w.summary(formatNumber(total.antal), lag, c.period);
  const detail = detailTable(q, lag, c);
  const lists = insatsLists(q, lag);
  const detailCells = detail ? detail.groups.flat().flatMap((r) => [r.women, r.men, r.sum]) : [];
  const listHidden = lists.some((l) => l.items.some((i) => hidden(i.cell)));
  // The comparison table carries its own notes (src/render/comparison.ts); these are the table's and the lists'.
  const notes = [...new Set([...notesFor(detailCells, detailCells.some((x) => x.hiddenParts)), ...(listHidden ? [w.hiddenNote(markerGlyph('sekretess').text)] : [])])];
  return {
    ...base,
    summary,
    nothing: false,
    intro: w.intro(lag, c.quarter),
    detail,
    areaKey: lag === 'SoL' && detail ? w.areaKey : null,
    lists,
    listNote: listHidden ? w.listHasHidden : null,
    comparison,
    comparisonLead,
    notes,
  };
}

/** "2025-Q4" → "2025-12-31", the quarter-end date the reports head their columns with. */
export function periodEndIso(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) return period;
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return `${m[1]}-${ends[Number(m[2]) - 1]}`;
}

export interface ReportInput {
  unitCode: string;
  unitName: string;
  period: string;
  /** Every quarter the unit has (any order). */
  quarters: readonly string[];
  rows: readonly ReportRow[];
  invented: boolean;
  /** The data's date in words ("2 december 2026"). */
  dataDate: string;
  /** The source line of each law (SourceBook.line), and of the whole report for the footer. */
  source: (lag: Law) => string;
  /** The source line without the data date, of one law or (none given) of the whole report, for the footers. */
  footerSource: (lag?: Law) => string;
  /** The exact internal version, with the site's threshold (counts 1 to threshold − 1 shown). */
  internal?: { threshold: number } | null;
}

/** The report of one unit and quarter (a quarter the unit has; `period` is one of `quarters`). */
export function reportModel(input: ReportInput): ReportModel {
  const quarter = quarterWords(input.period);
  const periods = comparisonPeriods(input.period);
  const internalFooter = input.internal ? `${w.internalFooter} ` : '';
  const footerOf = (lag?: Law) => `${internalFooter}${w.footer(input.unitName, quarter, input.dataDate, input.footerSource(lag))}`;
  const context: Context = { unitName: input.unitName, period: input.period, quarter, source: input.source, footer: (lag) => footerOf(lag) };
  const laws = DECISIONS.laws.map((lag) => lawReport(input.rows, lag, periods, context));
  const internal = input.internal ? { warning: w.internalWarning(input.internal.threshold), footer: w.internalFooter } : null;
  const footer = footerOf();
  return {
    unitCode: input.unitCode,
    unitName: input.unitName,
    period: input.period,
    quarter,
    title: `${w.title}, ${input.unitName}, ${quarter}`,
    laws,
    quarters: [...new Set(input.quarters)].sort().reverse().map((p) => ({ period: p, label: quarterWords(p) })),
    invented: input.invented,
    footer,
    internal,
    docxFile: `statistikrapport-ej-verkstallda-beslut-${input.unitCode}-${input.period}${internal ? '-intern' : ''}.docx`,
  };
}
