// Placeringar: the page's figures from its data (./data.ts), one function per figure. Words and numbers
// in Swedish, no markup; tested from fixed data without a database.

import { summarizeTrend } from '../../charts/summary.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { AGE_GROUP_LABELS, AGE_GROUPS, CHILD_SEX_LABELS, CHILD_SEXES, PLACEMENT_FORM_LABELS, PLACEMENT_FORMS } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatNumber, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { capitalize, listText, markerText, midSentence } from '../../i18n/text.ts';
import { PLACEMENTS } from '../../queries/contract.ts';
import type { BreakdownRow } from '../../queries/placements.ts';
import { measureLabel } from '../choices.ts';
import { barsFigure, emptyFigure, fileName, FIGURE_WIDTH, latestPeriod, recipeRows, trendFigure, type FigureModel } from '../figure.ts';
import type { PlacementChoices } from './choices.ts';
import type { PlacementData } from './data.ts';
import type { Region } from '../view.ts';
import { hierarchyRegion } from '../compare/hierarchy.ts';
import { compareWords } from '../../i18n/compare.ts';

const w = words.placements;
const TOTAL = PLACEMENTS.allForms;

type Form = (typeof PLACEMENT_FORMS)[number];
const formLabel = (f: string) => PLACEMENT_FORM_LABELS[f as Form] ?? f;
/** Forms in the order of the contract, with the published total first (it gets the most distinct style). */
const FORM_ORDER: string[] = [TOTAL, ...PLACEMENT_FORMS.filter((f) => f !== TOTAL)];
const sexLabel = (k: string) => CHILD_SEX_LABELS[k as (typeof CHILD_SEXES)[number]] ?? k;
const ageLabel = (a: string) => AGE_GROUP_LABELS[a as (typeof AGE_GROUPS)[number]] ?? a;

/** Periods in which a published total has a number while one of its parts is suppressed. */
export function periodsWithSuppressedParts(rows: readonly TrendRow[], total: string): string[] {
  const byPeriod = new Map<string, { total: boolean; hidden: boolean }>();
  for (const r of rows) {
    const e = byPeriod.get(r.period) ?? { total: false, hidden: false };
    if (r.serie === total) e.total = r.varde !== null;
    else if (r.markering === 'sekretess') e.hidden = true;
    byPeriod.set(r.period, e);
  }
  return [...byPeriod].filter(([, e]) => e.total && e.hidden).map(([p]) => p).sort();
}

function suppressedNote(periods: string[]): string[] {
  if (!periods.length) return [];
  const shown = periods.length <= 3 ? listText(periods.map(periodLabel)) : words.figure.periodsLatest(periods.length, periodLabel(periods[periods.length - 1]));
  return [w.suppressedInTotal(shown)];
}

/** "Flickor 260 och pojkar 308": each series' value at the latest period (its marker when hidden). */
function latestList(rows: readonly TrendRow[], order: string[], label: (s: string) => string): { period: string; text: string } | null {
  const period = latestPeriod(rows);
  if (!period) return null;
  const items = order
    .map((s) => rows.find((r) => r.period === period && r.serie === s))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r, i) => {
      const name = i === 0 ? label(r.serie) : midSentence(label(r.serie));
      return r.varde !== null ? `${name} ${formatNumber(r.varde)}` : `${name}: ${markerText(r.markering)}`;
    });
  return { period, text: listText(items) };
}

/** The parts every figure of the page shares: the subtitle's words and the file names. */
function context(c: PlacementChoices) {
  const measure = measureLabel(c.avser).toLowerCase();
  const sex = sexLabel(c.kon).toLowerCase();
  const age = ageLabel(c.aldersgrupp);
  const range = periodRangeLabel(c.range.from, c.range.to);
  return {
    measure, sex, age,
    subtitle: (who: string) => `${c.unit.enhetsnamn} · ${measure} · ${who} · ${w.yLabel.toLowerCase()}, ${range}`,
    file: (what: string) => fileName('placeringar', what, c.unit.enhetskod, c.range.from, c.range.to),
  };
}

/** 1. Trend by placement form; the published total is a series of its own and never stacked. */
export function formsFigure(c: PlacementChoices, d: PlacementData): FigureModel {
  const x = context(c);
  const rows: TrendRow[] = d.forms.map((r) => ({ period: r.period, serie: r.placeringsform, varde: r.antal, markering: r.markering }));
  const forms = FORM_ORDER.filter((f) => d.forms.some((r) => r.placeringsform === f));
  const parts = forms.filter((f) => f !== TOTAL);
  const hasTotal = forms.includes(TOTAL);
  // What a total is follows its source (kallor.totaler): the sum of what the source shows, or a count of
  // its own that also holds the hidden values.
  const visibleOnly = d.sources.visibleOnly(d.forms.map((r) => r.kalla));
  const notes = visibleOnly && hasTotal ? [w.visibleSumNote] : [
    ...(hasTotal && parts.length ? [w.totalNote] : []),
    ...(hasTotal && parts.length > 1 ? [w.areaNote] : []),
    ...(hasTotal ? suppressedNote(periodsWithSuppressedParts(rows, TOTAL)) : []),
  ];
  const subject = hasTotal ? { serie: TOTAL, subject: w.subject } : { serie: forms[0], subject: w.subjectForm(midSentence(formLabel(forms[0]))) };
  return trendFigure(
    {
      id: 'placeringar-trend',
      level: 2,
      title: w.trendTitle,
      subtitle: x.subtitle(`${x.sex}, ${x.age}`),
      ...d.sources.cite(d.forms.map((r) => r.kalla), c.unit.pahittad),
      summary: rows.length ? summarizeTrend(rows, subject) : '',
      notes,
      file: x.file('former'),
      switchable: parts.length > 1,
    },
    {
      kind: 'trend',
      rows: recipeRows(rows),
      chart: 'line',
      series: forms,
      areaSeries: parts.length ? parts : forms,
      areaNote: hasTotal && parts.length ? w.areaNote : undefined,
      labels: Object.fromEntries(forms.map((f) => [f, formLabel(f)])),
      format: 'count',
      width: FIGURE_WIDTH,
      height: 380,
      yLabel: w.yLabel,
      events: d.events,
      title: w.trendTitle,
    },
  );
}

/** The composition's summary: the three largest forms, the total, and the hidden ones by their marker. */
function compositionSummary(last: string | null, rows: PlacementData['forms']): string {
  const total = rows.find((r) => r.placeringsform === TOTAL);
  const bars = rows.filter((r) => r.placeringsform !== TOTAL);
  const known = bars.filter((r) => r.antal !== null).sort((a, b) => (b.antal ?? 0) - (a.antal ?? 0));
  const hidden = bars.filter((r) => r.antal === null);
  if (!last || !known.length) return '';
  return [
    w.compositionSummary(periodLabel(last), listText(known.slice(0, 3).map((r) => `${midSentence(formLabel(r.placeringsform))} (${formatNumber(r.antal as number)})`))),
    ...(total?.antal != null ? [`${w.compositionTotal}: ${formatNumber(total.antal)}.`] : []),
    ...(hidden.length ? [`${capitalize(listText(hidden.map((r) => `${midSentence(formLabel(r.placeringsform))}: ${markerText(r.markering)}`)))}.`] : []),
  ].join(' ');
}

/** 2. Composition in the latest period of the range: the forms as bars, the total as a reference. */
export function compositionFigure(c: PlacementChoices, d: PlacementData): FigureModel {
  const x = context(c);
  const last = latestPeriod(d.forms);
  const rows = last ? d.forms.filter((r) => r.period === last) : [];
  const total = rows.find((r) => r.placeringsform === TOTAL);
  const bars = rows.filter((r) => r.placeringsform !== TOTAL);
  const parts = FORM_ORDER.filter((f) => f !== TOTAL && d.forms.some((r) => r.placeringsform === f));
  const title = w.compositionTitle(last ? periodLabel(last) : '').trim();
  return barsFigure(
    {
      id: 'placeringar-fordelning',
      level: 2,
      title,
      subtitle: `${c.unit.enhetsnamn} · ${x.measure} · ${x.sex}, ${x.age} · ${w.xLabel.toLowerCase()}${last ? `, ${periodLabel(last)}` : ''}`,
      ...d.sources.cite(rows.map((r) => r.kalla), c.unit.pahittad),
      summary: compositionSummary(last, rows),
      notes: d.sources.visibleOnly(rows.map((r) => r.kalla)) ? (total ? [w.visibleSumNote] : [])
        : total?.antal != null && bars.some((r) => r.antal === null && r.markering === 'sekretess') ? [w.suppressedInTotal(last ? periodLabel(last) : '')] : [],
      file: x.file(`fordelning-${last ?? ''}`),
    },
    {
      kind: 'bars',
      rows: bars.map((r) => [r.placeringsform, r.antal, r.markering]),
      labels: Object.fromEntries(parts.map((f) => [f, formLabel(f)])),
      format: 'count',
      width: FIGURE_WIDTH,
      xLabel: w.xLabel,
      references: total?.antal != null ? [{ label: w.compositionTotal, value: total.antal }] : [],
      categoryHeader: w.formHeader,
      title,
    },
    w.xLabel,
  );
}

interface Breakdown {
  id: string;
  title: string;
  rows: BreakdownRow[];
  order: readonly string[];
  label: (g: string) => string;
  who: string;
  none: string;
}

/** 3–4. All placed children (the published total form) by sex or by age group. */
function breakdownFigure(c: PlacementChoices, d: PlacementData, b: Breakdown): FigureModel {
  const x = context(c);
  const series = b.order.filter((g) => b.rows.some((r) => r.grupp === g));
  const used = b.rows.filter((r) => series.includes(r.grupp));
  const base = { id: b.id, level: 2 as const, title: b.title, subtitle: x.subtitle(b.who), ...d.sources.cite(used.map((r) => r.kalla), c.unit.pahittad), file: x.file(b.id.replace('placeringar-', '')) };
  if (series.length < 2) return emptyFigure({ ...base, empty: b.none });
  const rows: TrendRow[] = used.map((r) => ({ period: r.period, serie: r.grupp, varde: r.antal, markering: r.markering }));
  const latest = latestList(rows, series, b.label);
  const summary = [
    latest ? w.sexSummary(periodLabel(latest.period), latest.text) : '',
    summarizeTrend(rows, { serie: series[0], subject: `antalet ${midSentence(b.label(series[0]))}` }),
  ].filter(Boolean).join(' ');
  return trendFigure(
    { ...base, summary, notes: [] },
    {
      kind: 'trend', rows: recipeRows(rows), chart: 'line', series, labels: Object.fromEntries(series.map((s) => [s, b.label(s)])),
      format: 'count', width: FIGURE_WIDTH, height: 300, yLabel: w.yLabel, events: d.events, title: b.title,
    },
  );
}

export function sexFigure(c: PlacementChoices, d: PlacementData): FigureModel {
  const who = `${formLabel(TOTAL).toLowerCase()}, ${ageLabel(c.aldersgrupp)}`;
  const order = CHILD_SEXES.filter((k) => k !== PLACEMENTS.allSexes);
  return breakdownFigure(c, d, { id: 'placeringar-kon', title: w.sexTitle, rows: d.bySex, order, label: sexLabel, who, none: w.noSex });
}

export function ageFigure(c: PlacementChoices, d: PlacementData): FigureModel {
  const who = `${formLabel(TOTAL).toLowerCase()}, ${sexLabel(c.kon).toLowerCase()}`;
  const order = AGE_GROUPS.filter((a) => a !== PLACEMENTS.allAges);
  return breakdownFigure(c, d, { id: 'placeringar-alder', title: w.ageTitle, rows: d.byAge, order, label: ageLabel, who, none: w.noAge });
}

/**
 * "Kommunen – Länet – Riket" for the range's last period: placements per 1 000 inhabitants with the
 * difference where the unit and a unit above it have a population (enheter `befolkning`), else the
 * published totals without a difference (the units differ in size).
 */
export function levelsRegion(c: PlacementChoices, d: PlacementData): Region {
  const population = new Map<string, number | null>([[c.unit.enhetskod, d.self?.befolkning ?? null], ...d.ancestors.map((a) => [a.enhetskod, a.befolkning] as [string, number | null])]);
  const rates = (population.get(c.unit.enhetskod) ?? null) !== null && d.ancestors.some((a) => a.befolkning !== null);
  const values = new Map(d.levels.map((l) => {
    const pop = population.get(l.enhetskod) ?? null;
    if (!rates) return [l.enhetskod, { value: l.antal, markering: l.markering }];
    const rate = l.antal !== null && pop ? (l.antal / pop) * 1000 : null;
    return [l.enhetskod, { value: rate, markering: rate === null ? (l.markering ?? 'saknas') : null }];
  }));
  return hierarchyRegion({
    id: 'placeringar-nivaer',
    unit: c.unit,
    ancestors: d.ancestors,
    values,
    period: c.range.to,
    what: rates ? compareWords.hierarchy.rate : compareWords.hierarchy.placed,
    format: rates ? 'rate' : 'count',
    difference: rates,
  });
}

/** Every figure of the page, by its place on the page. */
export function placementFigures(c: PlacementChoices, d: PlacementData): Record<string, FigureModel> {
  return { trend: formsFigure(c, d), composition: compositionFigure(c, d), sex: sexFigure(c, d), age: ageFigure(c, d) };
}
