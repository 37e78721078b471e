// The Nätverkshem page as data: the share of children placed in nätverkshem over time (computed from
// counts where they exist, reported shares as reported), the counts behind it, and a comparison between
// units for the latest period, with every unit that lacks a share listed with the reason.
// Run at build time (src/pages/natverkshem.astro) and in the browser after a filter change.

import { summarizeTrend } from '../../charts/summary.ts';
import { capitalize, listText } from '../../charts/labels.ts';
import { MEASURE_LABELS, MEASURES } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatNumber, formatPercent, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { runQuery, unitNamesQuery } from '../../queries/dashboard-common.ts';
import { isQuarter } from '../../data/period.ts';
import { runCatalog } from '../../queries/unit-catalogs.ts';
import { unitsQuery as catalogQuery } from '../../queries/unit-catalogs.ts';
import {
  NATION,
  comparisonQuery,
  computedShareQuery,
  computedShareSourcesQuery,
  reportedShareQuery,
  shareMeasuresQuery,
  sharePeriodsQuery,
  type ComparisonRow,
  type ComputedShareRow,
  type ReportedShareRow,
  type ShareMeasureRow,
} from '../../queries/network.ts';
import type { Runner } from '../../queries/runner.ts';
import { barsFigure, emptyFigure, trendFigure, type FigureModel, type FigureTable } from './figure.ts';
import { esc } from './html.ts';
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
import { pickMeasure } from './placements-page.ts';
import type { CsvCell } from '../../charts/table.ts';

const WIDTH = 760;
const w = words.network;

/** The latest row with a number, at or before `upTo` when given. */
export function latestKnown<T extends { period: string; andel: number | null }>(rows: readonly T[], upTo?: string): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.andel === null || (upTo && r.period > upTo)) continue;
    if (!best || r.period > best.period) best = r;
  }
  return best;
}

export interface ComparisonItem {
  enhetskod: string;
  name: string;
  andel: number | null;
  markering: string | null;
  reported: boolean;
  kalla: string | null;
}

/**
 * One share per unit for the compared period: the computed share when it has a number, else a reported
 * one; without a number, the reason (a marker of either kind; 'saknas' when the unit has shares for other
 * periods only). The nation is left out: it is the reference line.
 */
export function mergeComparison(rows: readonly ComparisonRow[], names: ReadonlyMap<string, string>): ComparisonItem[] {
  const byUnit = new Map<string, ComparisonRow[]>();
  for (const r of rows) {
    if (r.enhetskod === NATION) continue;
    byUnit.set(r.enhetskod, [...(byUnit.get(r.enhetskod) ?? []), r]);
  }
  const items: ComparisonItem[] = [];
  for (const [code, list] of byUnit) {
    const computed = list.find((r) => r.kind === 'beraknad' && r.har_period);
    const reported = list.find((r) => r.kind === 'rapporterad' && r.har_period);
    const name = names.get(code) ?? list.find((r) => r.enhetsnamn)?.enhetsnamn ?? code;
    if (computed?.andel != null) items.push({ enhetskod: code, name, andel: computed.andel, markering: null, reported: false, kalla: null });
    else if (reported?.andel != null) items.push({ enhetskod: code, name, andel: reported.andel, markering: null, reported: true, kalla: reported.kalla });
    else {
      // A protected share says more than a missing one: prefer 'sekretess' when either kind has it.
      const markers = [computed?.markering, reported?.markering].filter((m): m is string => !!m);
      const markering = markers.includes('sekretess') ? 'sekretess' : (markers[0] ?? 'saknas');
      items.push({ enhetskod: code, name, andel: null, markering, reported: !computed && !!reported, kalla: reported?.kalla ?? null });
    }
  }
  return items;
}

export interface UnitLink {
  enhetskod: string;
  overordnad: string | null;
}

/**
 * The units a unit is compared with, as in the regional comparisons of the source reports: the unit and
 * the units under it when it has any (a municipality and its districts, a county and its municipalities);
 * else the units under the same parent and the parent itself (a municipality among its county's); else
 * every unit. `kind` says which, for the subtitle.
 */
export function comparisonGroup(
  unit: string,
  candidates: readonly string[],
  links: readonly UnitLink[],
): { codes: Set<string>; kind: 'children' | 'siblings' | 'all'; parent: string | null } {
  const parentOf = new Map(links.map((l) => [l.enhetskod, l.overordnad || null]));
  const children = candidates.filter((c) => parentOf.get(c) === unit);
  if (children.length) return { codes: new Set([unit, ...children]), kind: 'children', parent: unit };
  const parent = parentOf.get(unit) ?? null;
  if (parent) {
    const siblings = candidates.filter((c) => parentOf.get(c) === parent);
    return { codes: new Set([parent, ...siblings, unit]), kind: 'siblings', parent };
  }
  return { codes: new Set(candidates), kind: 'all', parent: null };
}

export const networkPage: DashboardPage = {
  id: 'natverkshem',
  datasets: ['placeringar', 'natverkshemsandel', 'kallor', 'enheter', 'handelser'],

  async load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView> {
    const unitsQuery = catalogQuery('natverkshem', env.datasets);
    if (!unitsQuery) return emptyView(networkPage.id, { notice: '', missing: '' });
    const messages: string[] = [];
    const hasComputed = env.datasets.includes('placeringar');
    const hasReported = env.datasets.includes('natverkshemsandel');
    const units = await runCatalog(runner, unitsQuery);
    // The nation is the reference line; it is the default unit only when nothing else has a share.
    const fallback = pickDefaultUnit(units.filter((u) => u.enhetskod !== NATION)) ?? pickDefaultUnit(units);
    if (!fallback) return emptyView(networkPage.id, { notice: '', missing: '' });
    const unit = resolveUnit(params.get(PARAM.unit), units, fallback, messages);
    const names = new Map(units.map((u) => [u.enhetskod, u.enhetsnamn]));

    const measureRows = hasComputed ? await runQuery<ShareMeasureRow>(runner, shareMeasuresQuery(unit.enhetskod)) : [];
    const defaultMeasure = pickMeasure(measureRows);
    const askedMeasure = params.get(PARAM.measure);
    const avser = askedMeasure && measureRows.some((m) => m.avser === askedMeasure) ? askedMeasure : defaultMeasure;

    const allPeriods = (await runQuery<{ period: string }>(runner, sharePeriodsQuery(unit.enhetskod, avser, env.datasets))).map((r) => r.period);
    const quarterly = pickPeriodKind(allPeriods);
    const periods = allPeriods.filter((p) => isQuarter(p) === quarterly);
    if (!periods.length) return emptyView(networkPage.id, { notice: '', missing: '' });
    const range = resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages);
    const inRange = <T extends { period: string }>(rows: T[]) =>
      rows.filter((r) => isQuarter(r.period) === quarterly && r.period >= range.from && r.period <= range.to);

    const selection = { unit: unit.enhetskod, avser: avser ?? MEASURES[0], quarterly, from: range.from, to: range.to };
    const [computed, computedSources, reportedAll, targets, national, events, sources] = await Promise.all([
      avser && hasComputed ? runQuery<ComputedShareRow>(runner, computedShareQuery(selection)) : Promise.resolve([]),
      avser && hasComputed ? runQuery<{ kalla: string }>(runner, computedShareSourcesQuery(selection)) : Promise.resolve([]),
      hasReported ? runQuery<ReportedShareRow>(runner, reportedShareQuery(unit.enhetskod, 'utfall')) : Promise.resolve([]),
      hasReported ? runQuery<ReportedShareRow>(runner, reportedShareQuery(unit.enhetskod, 'mal')) : Promise.resolve([]),
      hasReported && unit.enhetskod !== NATION ? runQuery<ReportedShareRow>(runner, reportedShareQuery(NATION, 'utfall')) : Promise.resolve([]),
      loadEvents(runner, env, unit.enhetskod),
      SourceBook.load(runner, env),
    ]);
    const reported = inRange(reportedAll);

    const unitName = unit.enhetsnamn;
    const rangeText = periodRangeLabel(range.from, range.to);
    const measureText = avser ? (MEASURE_LABELS[avser as (typeof MEASURES)[number]] ?? avser).toLowerCase() : null;
    const stem = (what: string) => fileStem('natverkshem', what, unit.enhetskod, range.from, range.to);

    // References: the latest national share and the unit's latest target, each labelled with its period.
    const nationalRef = latestKnown(national);
    const targetRef = latestKnown(targets);
    const references = [
      ...(nationalRef ? [{ label: w.nationalRef(periodLabel(nationalRef.period)), value: nationalRef.andel as number }] : []),
      ...(targetRef ? [{ label: w.targetRef(periodLabel(targetRef.period)), value: targetRef.andel as number }] : []),
    ];
    const refKeys = [nationalRef?.kalla, targetRef?.kalla];

    // 1. The share over time: computed and reported as two series, never merged.
    const shareRows = [
      ...computed.map((r) => ({ period: r.period, serie: 'beraknad', varde: r.andel, markering: r.markering })),
      ...reported.map((r) => ({ period: r.period, serie: 'rapporterad', varde: r.andel, markering: r.markering })),
    ];
    const series = ['beraknad', 'rapporterad'].filter((s) => shareRows.some((r) => r.serie === s));
    const shareKeys = [...computedSources.map((r) => r.kalla), ...reported.map((r) => r.kalla)];
    const allKeys = [...shareKeys, ...refKeys];
    const seriesLabels: Record<string, string> = { beraknad: w.computed, rapporterad: w.reported };
    const summaryParts: string[] = [];
    if (series.includes('beraknad')) summaryParts.push(summarizeTrend(shareRows, { serie: 'beraknad', format: 'percent', subject: w.subject }));
    if (series.includes('rapporterad')) summaryParts.push(summarizeTrend(shareRows, { serie: 'rapporterad', format: 'percent', subject: w.subjectReported }));
    for (const r of references) summaryParts.push(`${r.label}: ${formatPercent(r.value)}.`);
    const shareTitle = w.shareTitle;
    const sharePeriods = [...new Set(shareRows.map((r) => r.period))].sort();
    const table: FigureTable = {
      header: [w.tablePeriod, ...(series.includes('beraknad') ? [w.tableComputed, w.tableNetwork, w.tableAll] : []), ...(series.includes('rapporterad') ? [w.tableReported] : [])],
      numericFrom: 1,
      rows: sharePeriods.map((p) => {
        const c = computed.find((r) => r.period === p);
        const rep = reported.find((r) => r.period === p);
        const cell = (v: number | null | undefined, marker: string | null | undefined, format: (x: number) => string) =>
          v != null ? format(v) : capitalize(markerText(marker ?? 'saknas'));
        return [
          periodLabel(p),
          ...(series.includes('beraknad')
            ? [
                cell(c?.andel, c?.markering, (x) => formatPercent(x)),
                cell(c?.natverkshem, c?.markering, (x) => formatNumber(x)),
                cell(c?.familjehem_alla, c?.markering, (x) => formatNumber(x)),
              ]
            : []),
          ...(series.includes('rapporterad') ? [cell(rep?.andel, rep?.markering, (x) => formatPercent(x))] : []),
        ];
      }),
    };
    const csv: CsvCell[][] = [
      table.header,
      ...sharePeriods.map((p) => {
        const c = computed.find((r) => r.period === p);
        const rep = reported.find((r) => r.period === p);
        const raw = (v: number | null | undefined, marker: string | null | undefined) => (v != null ? v : capitalize(markerText(marker ?? 'saknas')));
        return [
          p,
          ...(series.includes('beraknad') ? [raw(c?.andel, c?.markering), raw(c?.natverkshem, c?.markering), raw(c?.familjehem_alla, c?.markering)] : []),
          ...(series.includes('rapporterad') ? [raw(rep?.andel, rep?.markering)] : []),
        ];
      }),
    ];
    const shareFigure = trendFigure(
      {
        id: 'natverkshem-andel',
        level: 2,
        title: shareTitle,
        subtitle: `${unitName} · ${measureText ? `${measureText} · ` : ''}${words.figure.percent}, ${rangeText}`,
        source: sources.line(allKeys, unit.pahittad),
        invented: unit.pahittad || sources.invented(allKeys),
        summary: summaryParts.join(' '),
        notes: [
          ...(series.includes('beraknad') ? [w.definition] : []),
          ...(computed.some((r) => r.markering === 'sekretess') ? [w.hiddenShare] : []),
        ],
        file: stem('andel'),
      },
      {
        kind: 'trend',
        rows: shareRows.map((r) => [r.period, r.serie, r.varde, r.markering]),
        chart: 'line',
        series,
        labels: seriesLabels,
        format: 'percent',
        width: WIDTH,
        height: 340,
        yLabel: w.yLabel,
        events,
        references,
        title: shareTitle,
      },
    );
    const figures: Record<string, FigureModel> = {
      share: shareRows.length ? { ...shareFigure, table, csv } : shareFigure,
    };

    // 2. The counts behind the computed share.
    const countRows = computed.flatMap((r) => [
      { period: r.period, serie: 'natverkshem', varde: r.natverkshem, markering: r.natverkshem === null ? (r.markering ?? 'saknas') : null },
      { period: r.period, serie: 'familjehem_alla', varde: r.familjehem_alla, markering: r.familjehem_alla === null ? r.markering : null },
    ]);
    const countLabels = { natverkshem: w.natverkshem, familjehem_alla: w.familjehemAlla };
    const countsBase = {
      id: 'natverkshem-antal',
      level: 2 as const,
      title: w.countsTitle,
      subtitle: `${unitName} · ${measureText ? `${measureText} · ` : ''}${w.countsYLabel.toLowerCase()}, ${rangeText}`,
      source: sources.line(computedSources.map((r) => r.kalla), unit.pahittad),
      invented: unit.pahittad || sources.invented(computedSources.map((r) => r.kalla)),
      file: stem('antal'),
    };
    figures.counts = countRows.length
      ? trendFigure(
          {
            ...countsBase,
            summary: summarizeTrend(countRows, { serie: 'natverkshem', subject: w.subjectCounts }),
            notes: computed.some((r) => r.markering === 'sekretess') ? [w.hiddenShare] : [],
          },
          {
            kind: 'trend',
            rows: countRows.map((r) => [r.period, r.serie, r.varde, r.markering]),
            chart: 'line',
            series: ['familjehem_alla', 'natverkshem'],
            labels: countLabels,
            format: 'count',
            width: WIDTH,
            height: 300,
            yLabel: w.countsYLabel,
            events,
            title: w.countsTitle,
          },
        )
      : emptyFigure({ ...countsBase, empty: w.noCounts });

    // 3. Comparison between units for the latest period of the range that has a share for the unit.
    const comparedPeriod = sharePeriods[sharePeriods.length - 1] ?? range.to;
    const [comparisonRows, links] = await Promise.all([
      runQuery<ComparisonRow>(runner, comparisonQuery(comparedPeriod, avser, env.datasets)),
      env.datasets.includes('enheter') ? runQuery<UnitLink & { enhetsnamn: string }>(runner, unitNamesQuery()) : Promise.resolve([]),
    ]);
    for (const l of links) if (!names.has(l.enhetskod)) names.set(l.enhetskod, l.enhetsnamn);
    const merged = mergeComparison(comparisonRows, names);
    const group = comparisonGroup(unit.enhetskod, merged.map((i) => i.enhetskod), links);
    const items = merged.filter((i) => group.codes.has(i.enhetskod));
    const groupText =
      group.kind === 'children'
        ? w.groupChildren(unitName)
        : group.kind === 'siblings'
          ? w.groupSiblings(names.get(group.parent ?? '') ?? group.parent ?? '')
          : w.groupAll;
    const known = items.filter((i) => i.andel !== null).sort((a, b) => (b.andel ?? 0) - (a.andel ?? 0));
    const missing = items.filter((i) => i.andel === null).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const label = (i: ComparisonItem) => `${i.name}${i.reported ? w.reportedSuffix : ''}`;
    const comparisonTitle = w.comparisonTitle(periodLabel(comparedPeriod));
    const nationalAtCompared = latestKnown(national, comparedPeriod) ?? nationalRef;
    const comparisonRefs = nationalAtCompared ? [{ label: w.nationalRef(periodLabel(nationalAtCompared.period)), value: nationalAtCompared.andel as number }] : [];
    const rank = known.findIndex((i) => i.enhetskod === unit.enhetskod) + 1;
    const comparisonSummary = !known.length
      ? w.noComparison
      : [
          known.length === 1
            ? w.comparisonOne(periodLabel(comparedPeriod), label(known[0]), formatPercent(known[0].andel as number))
            : w.comparisonSummary(
                periodLabel(comparedPeriod),
                `${label(known[0])} (${formatPercent(known[0].andel as number)})`,
                `${label(known[known.length - 1])} (${formatPercent(known[known.length - 1].andel as number)})`,
              ),
          ...(rank > 0 && known.length > 1 ? [w.comparisonUnit(unitName, rank, known.length)] : []),
          ...(missing.length ? [`${w.missingHeading(periodLabel(comparedPeriod))}: ${listText(missing.map((i) => `${i.name} (${markerText(i.markering)})`))}.`] : []),
        ].join(' ');
    const comparisonKeys = [
      ...computedSources.map((r) => r.kalla),
      ...items.map((i) => i.kalla),
      nationalAtCompared?.kalla,
    ];
    const comparedInvented = items.some((i) => units.find((u) => u.enhetskod === i.enhetskod)?.pahittad);
    figures.comparison = barsFigure(
      {
        id: 'natverkshem-jamforelse',
        level: 2,
        title: comparisonTitle,
        subtitle: `${capitalize(groupText)} · ${measureText ? `${measureText} · ` : ''}${words.figure.percent}, ${periodLabel(comparedPeriod)} · ${words.figure.highlighted(unitName)}`,
        source: sources.line(comparisonKeys, comparedInvented),
        invented: comparedInvented || sources.invented(comparisonKeys),
        summary: comparisonSummary,
        notes: [w.comparisonNote],
        file: fileStem('natverkshem-jamforelse', comparedPeriod),
      },
      {
        kind: 'bars',
        rows: items.map((i) => [i.enhetskod, i.andel, i.markering]),
        labels: Object.fromEntries(items.map((i) => [i.enhetskod, label(i)])),
        format: 'percent',
        width: WIDTH,
        xLabel: w.xLabel,
        references: comparisonRefs,
        highlight: [unit.enhetskod],
        categoryHeader: words.filters.unit,
        title: comparisonTitle,
      },
      w.xLabel,
    );

    const missingHtml = items.length
      ? missing.length
        ? `<h3>${esc(w.missingHeading(periodLabel(comparedPeriod)))}</h3><ul class="missing-list">${missing
            .map((i) => `<li data-enhet="${esc(i.enhetskod)}" data-markering="${esc(i.markering ?? 'saknas')}">${esc(w.missingItem(i.name, markerText(i.markering)))}</li>`)
            .join('')}</ul>`
        : `<p>${esc(w.noMissing(periodLabel(comparedPeriod)))}</p>`
      : '';

    const state: Record<string, string> = { [PARAM.unit]: unit.enhetskod, [PARAM.from]: range.from, [PARAM.to]: range.to, ...(avser ? { [PARAM.measure]: avser } : {}) };
    const defaults: Record<string, string> = {
      [PARAM.unit]: fallback.enhetskod,
      [PARAM.from]: periods[0],
      [PARAM.to]: periods[periods.length - 1],
      ...(defaultMeasure ? { [PARAM.measure]: defaultMeasure } : {}),
    };
    const invented = unit.pahittad || figures.share.invented;
    return {
      page: networkPage.id,
      state,
      defaults,
      filters: [
        { ...field(PARAM.unit, words.filters.unit, unitOptions(units), unit.enhetskod), hidden: false },
        field(PARAM.measure, words.filters.measure, measureRows.map((m) => ({ value: m.avser, label: MEASURE_LABELS[m.avser as (typeof MEASURES)[number]] ?? m.avser })), avser ?? ''),
        field(PARAM.from, words.filters.from, periodOptions(periods), range.from),
        field(PARAM.to, words.filters.to, periodOptions(periods), range.to),
      ],
      figures,
      regions: { notice: inventedNoticeHtml(unitName, invented), missing: missingHtml },
      label: viewLabel(unitName, range.from, range.to),
      messages,
    };
  },
};
