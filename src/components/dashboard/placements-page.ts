// The Placeringar page as data: which queries answer the user's choices and which figures they make.
// Run at build time (src/pages/placeringar.astro, Node runner, no choices: the default view) and in the
// browser after a filter change (src/client/dashboard/controller.ts, duckdb-wasm).

import { summarizeTrend } from '../../charts/summary.ts';
import { listText } from '../../charts/labels.ts';
import {
  AGE_GROUP_LABELS,
  AGE_GROUPS,
  CHILD_SEX_LABELS,
  CHILD_SEXES,
  MEASURE_LABELS,
  MEASURES,
  PLACEMENT_FORM_LABELS,
  PLACEMENT_FORMS,
} from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatNumber, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { runQuery } from '../../queries/dashboard-common.ts';
import { isQuarter } from '../../data/period.ts';
import { runCatalog } from '../../queries/unit-catalogs.ts';
import { unitsQuery } from '../../queries/unit-catalogs.ts';
import {
  placementBreakdownQuery,
  placementFormsQuery,
  placementMeasuresQuery,
  placementSlicesQuery,
  type BreakdownRow,
  type PlacementMeasureRow,
  type PlacementRow,
  type PlacementSelection,
  type PlacementSliceRow,
} from '../../queries/placements.ts';
import type { Runner } from '../../queries/runner.ts';
import { barsFigure, emptyFigure, trendFigure, type FigureModel, type TrendRecipe } from './figure.ts';
import {
  PARAM,
  SourceBook,
  emptyView,
  field,
  fileStem,
  inventedNoticeHtml,
  loadEvents,
  markerText,
  periodOptions,
  pickDefaultUnit,
  pickPeriodKind,
  resolveRange,
  resolveUnit,
  unitOptions,
  viewLabel,
  type DashboardPage,
  type PageEnv,
  type PageView,
} from './page.ts';

const WIDTH = 760;
const w = words.placements;

type Form = (typeof PLACEMENT_FORMS)[number];
const formLabel = (f: string) => PLACEMENT_FORM_LABELS[f as Form] ?? f;
/** Forms in the order of the contract, with the published total first (it gets the most distinct style). */
const FORM_ORDER: string[] = ['totalt', ...PLACEMENT_FORMS.filter((f) => f !== 'totalt')];

/** The measure with most data for the unit (periods, then numbers; the contract's order on a tie). */
export function pickMeasure(rows: readonly PlacementMeasureRow[]): string | null {
  const sorted = [...rows].sort(
    (a, b) =>
      b.perioder - a.perioder ||
      b.varden - a.varden ||
      MEASURES.indexOf(a.avser as (typeof MEASURES)[number]) - MEASURES.indexOf(b.avser as (typeof MEASURES)[number]),
  );
  return sorted[0]?.avser ?? null;
}

/** The latest period of rows, or null. */
function latest(rows: readonly { period: string }[]): string | null {
  return rows.reduce<string | null>((m, r) => (m === null || r.period > m ? r.period : m), null);
}

/** Periods in which a published total has a number while one of its parts is suppressed. */
export function periodsWithSuppressedParts(rows: readonly { period: string; serie: string; varde: number | null; markering: string | null }[], total: string): string[] {
  const byPeriod = new Map<string, { total: boolean; hidden: boolean }>();
  for (const r of rows) {
    const e = byPeriod.get(r.period) ?? { total: false, hidden: false };
    if (r.serie === total) e.total = r.varde !== null;
    else if (r.markering === 'sekretess') e.hidden = true;
    byPeriod.set(r.period, e);
  }
  return [...byPeriod].filter(([, e]) => e.total && e.hidden).map(([p]) => p).sort();
}

function suppressedNote(periods: string[]): string | null {
  if (!periods.length) return null;
  const shown = periods.length <= 3 ? listText(periods.map(periodLabel)) : words.figure.periodsLatest(periods.length, periodLabel(periods[periods.length - 1]));
  return w.suppressedInTotal(shown);
}

/** "Flickor 260 och pojkar 308": each series' value at the latest period (its marker when hidden). */
function latestList(rows: readonly { period: string; serie: string; varde: number | null; markering: string | null }[], order: string[], label: (s: string) => string): { period: string; text: string } | null {
  const period = latest(rows);
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

export const placementsPage: DashboardPage = {
  id: 'placeringar',
  datasets: ['placeringar', 'kallor', 'enheter', 'handelser'],

  async load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView> {
    if (!env.datasets.includes('placeringar')) return emptyView(placementsPage.id, { notice: '' });
    const messages: string[] = [];
    const units = await runCatalog(runner, unitsQuery('placeringar', env.datasets));
    const fallback = pickDefaultUnit(units);
    if (!fallback) return emptyView(placementsPage.id, { notice: '' });
    const unit = resolveUnit(params.get(PARAM.unit), units, fallback, messages);

    // Measure: the one asked for if the unit has it, else the one with most data.
    const measureRows = await runQuery<PlacementMeasureRow>(runner, placementMeasuresQuery(unit.enhetskod));
    const defaultMeasure = pickMeasure(measureRows) ?? MEASURES[0];
    const askedMeasure = params.get(PARAM.measure);
    const avser = askedMeasure && measureRows.some((m) => m.avser === askedMeasure) ? askedMeasure : defaultMeasure;

    const slices = await runQuery<PlacementSliceRow>(runner, placementSlicesQuery(unit.enhetskod, avser));
    const allPeriods = [...new Set(slices.map((s) => s.period))].sort();
    const quarterly = pickPeriodKind(allPeriods);
    const periods = allPeriods.filter((p) => isQuarter(p) === quarterly);
    const range = resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages);

    const sexes = CHILD_SEXES.filter((k) => slices.some((s) => s.kon === k));
    const ages = AGE_GROUPS.filter((a) => slices.some((s) => s.aldersgrupp === a));
    const askedSex = params.get(PARAM.sex);
    const askedAge = params.get(PARAM.age);
    const kon = askedSex && (sexes as string[]).includes(askedSex) ? askedSex : (sexes.includes('totalt') ? 'totalt' : sexes[0] ?? 'totalt');
    const aldersgrupp = askedAge && (ages as string[]).includes(askedAge) ? askedAge : (ages.includes('0-20') ? '0-20' : ages[0] ?? '0-20');
    if (askedSex && askedSex !== kon) messages.push(w.invalidSex);
    if (askedAge && askedAge !== aldersgrupp) messages.push(w.invalidAge);

    const selection: PlacementSelection = { unit: unit.enhetskod, avser, quarterly, from: range.from, to: range.to };
    const [formRows, sexRows, ageRows, events, sources] = await Promise.all([
      runQuery<PlacementRow>(runner, placementFormsQuery({ ...selection, kon, aldersgrupp })),
      runQuery<BreakdownRow>(runner, placementBreakdownQuery({ ...selection, by: 'kon', placeringsform: 'totalt', kon, aldersgrupp })),
      runQuery<BreakdownRow>(runner, placementBreakdownQuery({ ...selection, by: 'aldersgrupp', placeringsform: 'totalt', kon, aldersgrupp })),
      loadEvents(runner, env, unit.enhetskod),
      SourceBook.load(runner, env),
    ]);

    const unitName = unit.enhetsnamn;
    const rangeText = periodRangeLabel(range.from, range.to);
    const measureText = MEASURE_LABELS[avser as (typeof MEASURES)[number]] ?? avser;
    const sexText = CHILD_SEX_LABELS[kon as (typeof CHILD_SEXES)[number]] ?? kon;
    const ageText = AGE_GROUP_LABELS[aldersgrupp as (typeof AGE_GROUPS)[number]] ?? aldersgrupp;
    const subtitle = (who: string) => `${unitName} · ${measureText.toLowerCase()} · ${who} · ${w.yLabel.toLowerCase()}, ${rangeText}`;
    const stem = (what: string) => fileStem('placeringar', what, unit.enhetskod, range.from, range.to);

    const figures: Record<string, FigureModel> = {};

    // 1. Trend by placement form; the published total is a series of its own and never stacked.
    const trendRows = formRows.map((r) => ({ period: r.period, serie: r.placeringsform, varde: r.antal, markering: r.markering }));
    const forms = FORM_ORDER.filter((f) => formRows.some((r) => r.placeringsform === f));
    const parts = forms.filter((f) => f !== 'totalt');
    const hasTotal = forms.includes('totalt');
    const trendRecipe: TrendRecipe = {
      kind: 'trend',
      rows: trendRows.map((r) => [r.period, r.serie, r.varde, r.markering]),
      chart: 'line',
      series: forms,
      areaSeries: parts.length ? parts : forms,
      areaNote: hasTotal && parts.length ? w.areaNote : undefined,
      labels: Object.fromEntries(forms.map((f) => [f, formLabel(f)])),
      format: 'count',
      width: WIDTH,
      height: 380,
      yLabel: w.yLabel,
      events,
      title: w.trendTitle,
    };
    const trendNotes = [
      ...(hasTotal && parts.length ? [w.totalNote] : []),
      ...(hasTotal && parts.length > 1 ? [w.areaNote] : []),
      ...(hasTotal ? [suppressedNote(periodsWithSuppressedParts(trendRows, 'totalt'))].filter((n): n is string => !!n) : []),
    ];
    const trendSources = formRows.map((r) => r.kalla);
    figures.trend = trendFigure(
      {
        id: 'placeringar-trend',
        level: 2,
        title: w.trendTitle,
        subtitle: subtitle(`${sexText.toLowerCase()}, ${ageText}`),
        source: sources.line(trendSources, unit.pahittad),
        invented: sources.invented(trendSources) || unit.pahittad,
        summary: trendRows.length
          ? summarizeTrend(trendRows, hasTotal ? { serie: 'totalt', subject: w.subject } : { serie: forms[0], subject: w.subjectForm(midSentence(formLabel(forms[0]))) })
          : '',
        notes: trendNotes,
        file: stem('former'),
        switchable: parts.length > 1,
      },
      trendRecipe,
    );

    // 2. Composition in the latest period of the range: the forms as bars, the total as a reference.
    const last = latest(formRows);
    const lastRows = last ? formRows.filter((r) => r.period === last) : [];
    const totalRow = lastRows.find((r) => r.placeringsform === 'totalt');
    const formBars = lastRows.filter((r) => r.placeringsform !== 'totalt');
    const known = formBars.filter((r) => r.antal !== null).sort((a, b) => (b.antal ?? 0) - (a.antal ?? 0));
    const hidden = formBars.filter((r) => r.antal === null);
    const compositionSummary = last && known.length
      ? [
          w.compositionSummary(periodLabel(last), listText(known.slice(0, 3).map((r) => `${midSentence(formLabel(r.placeringsform))} (${formatNumber(r.antal as number)})`))),
          ...(totalRow?.antal != null ? [`${w.compositionTotal}: ${formatNumber(totalRow.antal)}.`] : []),
          ...(hidden.length ? [`${capitalizeFirst(listText(hidden.map((r) => `${midSentence(formLabel(r.placeringsform))}: ${markerText(r.markering)}`)))}.`] : []),
        ].join(' ')
      : '';
    const compositionTitle = last ? w.compositionTitle(periodLabel(last)) : w.compositionTitle('');
    const compositionSources = lastRows.map((r) => r.kalla);
    figures.composition = barsFigure(
      {
        id: 'placeringar-fordelning',
        level: 2,
        title: compositionTitle.trim(),
        subtitle: `${unitName} · ${measureText.toLowerCase()} · ${sexText.toLowerCase()}, ${ageText} · ${w.xLabel.toLowerCase()}${last ? `, ${periodLabel(last)}` : ''}`,
        source: sources.line(compositionSources, unit.pahittad),
        invented: sources.invented(compositionSources) || unit.pahittad,
        summary: compositionSummary,
        notes: totalRow?.antal != null && hidden.some((r) => r.markering === 'sekretess')
          ? [w.suppressedInTotal(last ? periodLabel(last) : '')]
          : [],
        file: stem(`fordelning-${last ?? ''}`),
      },
      {
        kind: 'bars',
        rows: formBars.map((r) => [r.placeringsform, r.antal, r.markering]),
        labels: Object.fromEntries(parts.map((f) => [f, formLabel(f)])),
        format: 'count',
        width: WIDTH,
        xLabel: w.xLabel,
        references: totalRow?.antal != null ? [{ label: w.compositionTotal, value: totalRow.antal }] : [],
        categoryHeader: w.formHeader,
        title: compositionTitle.trim(),
      },
      w.xLabel,
    );

    // 3–4. Breakdowns of all placed children (the published total form) by sex and by age group.
    const breakdown = (
      id: string,
      title: string,
      rows: BreakdownRow[],
      order: readonly string[],
      label: (g: string) => string,
      who: string,
      none: string,
    ): FigureModel => {
      const series = order.filter((g) => rows.some((r) => r.grupp === g));
      const used = rows.filter((r) => series.includes(r.grupp));
      const base = {
        id,
        level: 2 as const,
        title,
        subtitle: subtitle(who),
        source: sources.line(used.map((r) => r.kalla), unit.pahittad),
        invented: sources.invented(used.map((r) => r.kalla)) || unit.pahittad,
        file: stem(id.replace('placeringar-', '')),
      };
      if (series.length < 2) return emptyFigure({ ...base, empty: none });
      const rowsT = used.map((r) => ({ period: r.period, serie: r.grupp, varde: r.antal, markering: r.markering }));
      const latestText = latestList(rowsT, series, label);
      return trendFigure(
        {
          ...base,
          summary: [
            latestText ? w.sexSummary(periodLabel(latestText.period), latestText.text) : '',
            summarizeTrend(rowsT, { serie: series[0], subject: `antalet ${midSentence(label(series[0]))}` }),
          ].filter(Boolean).join(' '),
          notes: [],
        },
        {
          kind: 'trend',
          rows: rowsT.map((r) => [r.period, r.serie, r.varde, r.markering]),
          chart: 'line',
          series,
          labels: Object.fromEntries(series.map((s) => [s, label(s)])),
          format: 'count',
          width: WIDTH,
          height: 300,
          yLabel: w.yLabel,
          events,
          title,
        },
      );
    };
    const sexOrder = CHILD_SEXES.filter((k) => k !== 'totalt');
    const ageOrder = AGE_GROUPS.filter((a) => a !== '0-20');
    figures.sex = breakdown('placeringar-kon', w.sexTitle, sexRows, sexOrder, (k) => CHILD_SEX_LABELS[k as (typeof CHILD_SEXES)[number]] ?? k, `${formLabel('totalt').toLowerCase()}, ${ageText}`, w.noSex);
    figures.age = breakdown('placeringar-alder', w.ageTitle, ageRows, ageOrder, (a) => AGE_GROUP_LABELS[a as (typeof AGE_GROUPS)[number]] ?? a, `${formLabel('totalt').toLowerCase()}, ${sexText.toLowerCase()}`, w.noAge);

    const state = { [PARAM.unit]: unit.enhetskod, [PARAM.from]: range.from, [PARAM.to]: range.to, [PARAM.sex]: kon, [PARAM.age]: aldersgrupp, [PARAM.measure]: avser };
    const defaults = {
      [PARAM.unit]: fallback.enhetskod,
      [PARAM.from]: periods[0] ?? '',
      [PARAM.to]: periods[periods.length - 1] ?? '',
      [PARAM.sex]: sexes.includes('totalt') ? 'totalt' : (sexes[0] ?? 'totalt'),
      [PARAM.age]: ages.includes('0-20') ? '0-20' : (ages[0] ?? '0-20'),
      [PARAM.measure]: defaultMeasure,
    };
    const invented = unit.pahittad || Object.values(figures).some((f) => f.invented);
    return {
      page: placementsPage.id,
      state,
      defaults,
      filters: [
        { ...field(PARAM.unit, words.filters.unit, unitOptions(units), unit.enhetskod), hidden: false },
        field(PARAM.measure, words.filters.measure, measureRows.map((m) => ({ value: m.avser, label: MEASURE_LABELS[m.avser as (typeof MEASURES)[number]] ?? m.avser })), avser),
        field(PARAM.from, words.filters.from, periodOptions(periods), range.from),
        field(PARAM.to, words.filters.to, periodOptions(periods), range.to),
        field(PARAM.sex, words.filters.sex, sexes.map((k) => ({ value: k, label: CHILD_SEX_LABELS[k] })), kon),
        field(PARAM.age, words.filters.age, ages.map((a) => ({ value: a, label: AGE_GROUP_LABELS[a] })), aldersgrupp),
      ],
      figures,
      regions: { notice: inventedNoticeHtml(unitName, invented) },
      label: viewLabel(unitName, range.from, range.to),
      messages,
    };
  },
};

/** A label mid-sentence: "Familjehem" → "familjehem", while "HVB" and "SiS (§ 12-hem)" stay as they are. */
export function midSentence(label: string): string {
  const first = label.split(/\s/)[0];
  return (first.match(/\p{Lu}/gu) ?? []).length > 1 ? label : label.charAt(0).toLocaleLowerCase('sv-SE') + label.slice(1);
}

function capitalizeFirst(s: string): string {
  return s ? s[0].toLocaleUpperCase('sv-SE') + s.slice(1) : s;
}
