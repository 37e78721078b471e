// Ej verkställda beslut: the page's figures from its data (./data.ts), one function per figure, and the
// committee report's comparison as a region. Words and numbers in Swedish, no markup.

import { summarizeTrend } from '../../charts/summary.ts';
import { DECISION_STATUS_LABELS } from '../../data/schema.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { formatNumber, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { capitalize, listText, markerText } from '../../i18n/text.ts';
import { DECISIONS, SOL_AREAS } from '../../queries/contract.ts';
import type { Law, StatusRow } from '../../queries/decisions.ts';
import { barsFigure, emptyFigure, fileName, FIGURE_WIDTH, latestPeriod, recipeRows, trendFigure, type FigureModel } from '../figure.ts';
import type { SourceBook } from '../sources.ts';
import type { TimeEvent } from '../sources.ts';
import type { Region } from '../view.ts';
import { sexLabel, type DecisionChoices } from './choices.ts';
import { comparisonPeriods, comparisonTable, type ComparisonPart } from './comparison.ts';
import type { DecisionData } from './data.ts';
import { hierarchyRegion, hierarchyRegions, type Ancestor } from '../compare/hierarchy.ts';
import { compareWords } from '../../i18n/compare.ts';
import {
  areaLabel, areaName, areasPresent, areasTrend, insatsBars, insatsKey, insatsLabel, LAW_ORDER, lawsPresent, periodsWithHiddenParts,
  sexBars, statusBars, statusLabel, totalsTrend,
} from './shape.ts';

/** The figure ids on the page, in page order (the Astro page places each one). */
export const FIGURE_IDS = {
  totals: 'beslut-totalt',
  areas: 'beslut-verksamhet',
  insatsSol: 'beslut-insats-sol',
  insatsLss: 'beslut-insats-lss',
  sexes: 'beslut-kon',
  statusSol: 'beslut-lage-sol',
  statusLss: 'beslut-lage-lss',
} as const;

/** What the figures share besides the data: the events on the time axis and the sources. */
export interface DecisionContext {
  events: TimeEvent[];
  sources: SourceBook;
}

/** "kv. 2 2025, kv. 3 2025 och kv. 4 2025", or "12 kvartal, senast kv. 4 2025". */
function periodsText(periods: readonly string[]): string {
  if (periods.length <= 3) return listText(periods.map(periodLabel));
  return w.manyPeriods(periods.length, periodLabel(periods[periods.length - 1]));
}

function hiddenNote(rows: Parameters<typeof periodsWithHiddenParts>[0]): string[] {
  const periods = periodsWithHiddenParts(rows);
  return periods.length ? [w.hiddenTotals(periodsText(periods))] : [];
}

/** The bar of highest value with its label, or null when no bar has a number. */
function topBar<T extends { varde: number | null; kategori: string }>(bars: readonly T[]): T | null {
  return bars.filter((b) => b.varde !== null).sort((a, b) => (b.varde as number) - (a.varde as number))[0] ?? null;
}

/** The parts every figure of the page shares: who and when, the sources, the file names. */
function frame(c: DecisionChoices, d: DecisionData, x: DecisionContext) {
  const who = w.sexWho(c.sex === DECISIONS.allSexes ? DECISIONS.allSexes : sexLabel(c.sex));
  const rangeText = c.range.from ? periodRangeLabel(c.range.from, c.range.to) : '';
  const invented = c.unit.pahittad || x.sources.invented(d.sources);
  const lawSource = (lag: Law) => x.sources.line(d.sourcesByLaw[lag], c.unit.pahittad);
  const stem = (what: string) => fileName('ej-verkstallda-beslut', what, c.unit.enhetskod, c.range.from, c.range.to);
  const base = (id: string, level: 2 | 3, title: string, when: string, whoText = who, source = x.sources.line(d.sources, c.unit.pahittad)) => ({
    id, level, title, subtitle: w.subtitle(c.unit.enhetsnamn, whoText, when), source, invented, file: stem(id.replace('beslut-', '')),
  });
  return { who, rangeText, latestText: d.latest ? periodLabel(d.latest) : '', lawSource, stem, base };
}

/** 1. Totals per quarter, SoL and LSS: the published totals rows. */
export function totalsFigure(c: DecisionChoices, d: DecisionData, x: DecisionContext): FigureModel {
  const f = frame(c, d, x);
  const laws = lawsPresent(d.totals);
  const rows = totalsTrend(d.totals);
  const base = f.base(FIGURE_IDS.totals, 2, w.totals.title, f.rangeText);
  if (!laws.length) return emptyFigure({ ...base, empty: w.totals.none });
  return trendFigure(
    { ...base, summary: laws.map((lag) => summarizeTrend(rows, { serie: lag, subject: w.totals.subject(lag) })).join(' '), notes: hiddenNote(d.totals) },
    { kind: 'trend', rows: recipeRows(rows), chart: 'line', series: laws, labels: Object.fromEntries(laws.map((l) => [l, l])), format: 'count', width: FIGURE_WIDTH, height: 340, yLabel: w.yLabel, events: x.events, title: w.totals.title },
  );
}

/** 2. SoL per area; the areas add up to the SoL total, so they may be stacked. */
export function areasFigure(c: DecisionChoices, d: DecisionData, x: DecisionContext): FigureModel {
  const f = frame(c, d, x);
  const areas = areasPresent(d.areas);
  const rows = areasTrend(d.areas);
  const base = f.base(FIGURE_IDS.areas, 2, w.areas.title, f.rangeText, f.who, f.lawSource('SoL'));
  if (!areas.length) return emptyFigure({ ...base, empty: w.areas.none });
  const last = latestPeriod(d.areas);
  const latest = last
    ? w.areas.latest(periodLabel(last), listText(areas.map((a) => {
        const r = d.areas.find((y) => y.period === last && y.verksamhet === a);
        return r && r.antal !== null ? `${areaName(a)} ${formatNumber(r.antal)}` : `${areaName(a)}: ${markerText(r?.markering)}`;
      })))
    : '';
  const summary = [latest, summarizeTrend(rows, { serie: areas[0], subject: w.areas.subject(areaName(areas[0])) })].filter(Boolean).join(' ');
  return trendFigure(
    { ...base, summary, notes: hiddenNote(d.areas), switchable: areas.length > 1 },
    {
      kind: 'trend', rows: recipeRows(rows), chart: 'line', series: areas, labels: Object.fromEntries(areas.map((a) => [a, areaLabel(a)])), areaNote: w.areas.areaNote,
      format: 'count', width: FIGURE_WIDTH, height: 340, yLabel: w.yLabel, events: x.events, title: w.areas.title,
    },
  );
}

/** 3. Per insats in the latest quarter, one chart per law. */
export function insatsFigure(c: DecisionChoices, d: DecisionData, x: DecisionContext, lag: Law, id: string): FigureModel {
  const f = frame(c, d, x);
  const title = w.insatser.title(lag, d.latest ?? (c.range.to || ''));
  const bars = d.latest ? insatsBars(d.insatser, lag, d.latest) : [];
  // Printed, the comparison tables' last column (the same quarter, per insats) stands for this chart.
  const base = { ...f.base(id, 3, title, f.latestText, f.who, f.lawSource(lag)), printOmit: true };
  if (!bars.length) return emptyFigure({ ...base, empty: w.insatser.none(lag) });
  const top = topBar(bars);
  const total = d.totals.find((t) => t.period === d.latest && t.lag === lag);
  const labels = Object.fromEntries(d.insatser.filter((r) => r.lag === lag && r.insats !== DECISIONS.allInsatser).map((r) => [insatsKey(r), insatsLabel(insatsKey(r))]));
  // A hidden insats counted directly in the total may be larger than the largest shown: where the
  // total less the shown direct insatser leaves room for more than it, the summary says "of those shown".
  const direct = d.insatser.filter((r) => r.lag === lag && r.period === d.latest && r.insats !== DECISIONS.allInsatser && !r.overordnad_insats)
    .filter((r) => lag === 'LSS' || (SOL_AREAS as readonly string[]).includes(r.verksamhet));
  const hiddenDirect = direct.filter((r) => r.antal === null && r.markering === 'sekretess').length;
  const room = total?.antal != null ? total.antal - direct.reduce((sum, r) => sum + (r.antal ?? 0), 0) : Infinity;
  const mayExceed = top !== null && hiddenDirect > 0 && room > (top.varde as number);
  const summary = top
    ? (mayExceed ? w.insatser.summaryAmongShown : w.insatser.summary)(f.latestText, lag, labels[top.kategori] ?? top.kategori, formatNumber(top.varde as number), total?.antal != null ? formatNumber(total.antal) : null)
      + (mayExceed ? ` ${w.insatser.hiddenMayBeMore(hiddenDirect)}` : '')
    : '';
  return barsFigure(
    { ...base, summary, notes: hiddenNote(d.totals.filter((t) => t.lag === lag && t.period === d.latest)) },
    { kind: 'bars', rows: bars.map((r) => [r.kategori, r.varde, r.markering]), labels, format: 'count', width: FIGURE_WIDTH, xLabel: w.yLabel, title },
    w.valueHeader,
  );
}

/** 4. Women and men in the latest quarter of the range that has the split (the sex filter does not apply). */
export function sexesFigure(c: DecisionChoices, d: DecisionData, x: DecisionContext): FigureModel {
  const f = frame(c, d, x);
  const period = latestPeriod(d.sexes);
  const rows = period ? sexBars(d.sexes, period) : [];
  const title = period ? w.sexes.title(period) : w.sexes.heading;
  const base = f.base(FIGURE_IDS.sexes, 2, title, period ? periodLabel(period) : f.rangeText, w.sexWho(DECISIONS.allSexes));
  if (!rows.length || !period) return emptyFigure({ ...base, empty: w.sexes.none });
  const text = (r: (typeof rows)[number] | undefined) => (r && r.varde !== null ? formatNumber(r.varde) : `(${markerText(r?.markering)})`);
  const parts = LAW_ORDER.flatMap((lag) => {
    const [women, men] = DECISIONS.sexes.map((kon) => rows.find((r) => r.kategori === lag && r.grupp === kon));
    return !women && !men ? [] : [w.sexes.part(lag, text(women), text(men))];
  });
  return barsFigure(
    { ...base, summary: w.sexes.summary(periodLabel(period), listText(parts)), notes: hiddenNote(d.sexes.filter((r) => r.period === period)) },
    {
      kind: 'bars', rows: rows.map((r) => [r.kategori, r.varde, r.markering, r.grupp]), labels: Object.fromEntries(LAW_ORDER.map((l) => [l, l])),
      groupLabels: Object.fromEntries(DECISIONS.sexes.map((k) => [k, sexLabel(k)])), format: 'count', width: FIGURE_WIDTH, xLabel: w.yLabel, sort: 'none', title,
    },
    w.valueHeader,
  );
}

/** 5. The state at the reporting date of the latest quarter, one chart per law. */
export function statusFigure(c: DecisionChoices, d: DecisionData, x: DecisionContext, lag: Law, id: string): FigureModel {
  const f = frame(c, d, x);
  const title = w.statuses.title(lag, d.latest ?? (c.range.to || ''));
  const own = d.statuses.filter((s) => s.lag === lag);
  const base = f.base(id, 3, title, f.latestText, f.who, f.lawSource(lag));
  if (!own.length) return emptyFigure({ ...base, empty: w.statuses.none(lag) });
  const label = statusLabel(d.statuses, lag);
  const bars = statusBars(d.statuses, lag);
  const top = topBar(bars);
  const topRow = top ? (own.find((s) => s.status === top.kategori) as StatusRow) : null;
  const plain = (s: string) => ((DECISION_STATUS_LABELS as Record<string, string>)[s] ?? s).toLocaleLowerCase('sv-SE');
  const value = (n: number, row: StatusRow) => (row.summerad && row.dolda_delar > 0 ? w.statuses.atLeastValue(formatNumber(n)) : formatNumber(n));
  return barsFigure(
    { ...base, summary: top && topRow ? w.statuses.summary(f.latestText, lag, plain(top.kategori), value(top.varde as number, topRow)) : '', notes: own.some((s) => s.summerad) ? [w.statuses.summed] : [] },
    { kind: 'bars', rows: bars.map((r) => [r.kategori, r.varde, r.markering]), labels: Object.fromEntries(own.map((s) => [s.status, label(s.status)])), format: 'count', width: FIGURE_WIDTH, xLabel: w.yLabel, title },
    w.valueHeader,
  );
}

/** 6. The committee report's comparison of three quarters, per law. */
/** "Kommunen – Länet – Riket": each law's published total of the unit beside those above it, latest quarter. */
export function levelsRegion(c: DecisionChoices, latest: string | null, ancestors: readonly Ancestor[], totals: readonly { enhetskod: string; lag: string; antal: number | null; markering: string | null }[]): Region {
  if (!latest || !ancestors.length) return { kind: 'none' };
  return hierarchyRegions(DECISIONS.laws.filter((law) => totals.some((t) => t.lag === law && t.enhetskod === c.unit.enhetskod)).map((law) =>
    hierarchyRegion({
      id: `beslut-nivaer-${law.toLowerCase()}`,
      unit: c.unit,
      ancestors,
      values: new Map(totals.filter((t) => t.lag === law).map((t) => [t.enhetskod, { value: t.antal, markering: t.markering }])),
      period: latest,
      what: `${compareWords.hierarchy.decisions}, ${law}`,
      format: 'count',
      difference: false,
    }),
  ));
}

export function comparisonRegion(c: DecisionChoices, d: DecisionData, x: DecisionContext): Region {
  const f = frame(c, d, x);
  const quarters = comparisonPeriods(d.latest, c.range.from || null);
  const unitName = c.sex === DECISIONS.allSexes ? c.unit.enhetsnamn : `${c.unit.enhetsnamn}, ${f.who}`;
  const parts: ComparisonPart[] = LAW_ORDER.flatMap((lag) => {
    const table = comparisonTable(d.insatser, lag, quarters);
    return table ? [{ table, unitName, heading: capitalize(w.lawLong(lag)), source: f.lawSource(lag), file: f.stem(`jamforelse-${d.latest ?? ''}`) }] : [];
  });
  return parts.length
    ? { kind: 'comparison', lead: w.comparison.quarters(listText(quarters.map(periodLabel))), parts, none: null }
    : { kind: 'comparison', lead: null, parts: [], none: w.comparison.none };
}

export function decisionFigures(c: DecisionChoices, d: DecisionData, x: DecisionContext): Record<string, FigureModel> {
  return {
    [FIGURE_IDS.totals]: totalsFigure(c, d, x),
    [FIGURE_IDS.areas]: areasFigure(c, d, x),
    [FIGURE_IDS.insatsSol]: insatsFigure(c, d, x, 'SoL', FIGURE_IDS.insatsSol),
    [FIGURE_IDS.insatsLss]: insatsFigure(c, d, x, 'LSS', FIGURE_IDS.insatsLss),
    [FIGURE_IDS.sexes]: sexesFigure(c, d, x),
    [FIGURE_IDS.statusSol]: statusFigure(c, d, x, 'SoL', FIGURE_IDS.statusSol),
    [FIGURE_IDS.statusLss]: statusFigure(c, d, x, 'LSS', FIGURE_IDS.statusLss),
  };
}
