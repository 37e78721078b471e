// The page "Ej verkställda beslut" as data: which queries answer the user's choices (unit, period range,
// sex) and which figures and tables they make. Run at build time (src/pages/ej-verkstallda-beslut.astro,
// Node runner, no choices: the default view) and in the browser after a filter change (the dashboard
// controller, duckdb-wasm), through the same `load`.

import { summarizeTrend } from '../../charts/summary.ts';
import { listText } from '../../charts/labels.ts';
import { ADULT_SEX_LABELS, ADULT_SEXES, DECISION_STATUS_LABELS } from '../../data/schema.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { decisionsWords as w } from '../../i18n/decisions.ts';
import { formatNumber, periodLabel, periodRangeLabel } from '../../i18n/format.ts';
import { runQuery } from '../../queries/dashboard-common.ts';
import { isQuarter } from '../../data/period.ts';
import { runCatalog } from '../../queries/unit-catalogs.ts';
import { unitsQuery } from '../../queries/unit-catalogs.ts';
import {
  decisionSlicesQuery,
  loadDecisionData,
  type AdultSex,
  type DecisionData,
  type DecisionSliceRow,
  type Law,
  type StatusRow,
} from '../../queries/decisions.ts';
import type { Runner } from '../../queries/runner.ts';
import { barsFigure, emptyFigure, trendFigure, type FigureModel } from '../dashboard/figure.ts';
import { esc } from '../dashboard/html.ts';
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
  resolveRange,
  resolveUnit,
  unitOptions,
  viewLabel,
  type DashboardPage,
  type PageEnv,
  type PageView,
} from '../dashboard/page.ts';
import { comparisonTableHtml } from './comparison.ts';
import {
  areaLabel,
  areaName,
  areasPresent,
  areasTrend,
  comparisonPeriods,
  comparisonTable,
  insatsBars,
  insatsKey,
  insatsLabel,
  LAW_ORDER,
  lawsPresent,
  periodsWithHiddenParts,
  sexBars,
  statusBars,
  statusLabel,
  totalsTrend,
} from './model.ts';

const WIDTH = 760;

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

const sexLabel = (k: string) => ADULT_SEX_LABELS[k as AdultSex] ?? k;

/** "kv. 2 2025, kv. 3 2025 och kv. 4 2025", or "12 kvartal, senast kv. 4 2025". */
function periodsText(periods: readonly string[]): string {
  if (periods.length <= 3) return listText(periods.map(periodLabel));
  return w.manyPeriods(periods.length, periodLabel(periods[periods.length - 1]));
}

function hiddenNote(rows: Parameters<typeof periodsWithHiddenParts>[0]): string[] {
  const periods = periodsWithHiddenParts(rows);
  return periods.length ? [w.hiddenTotals(periodsText(periods))] : [];
}

function capitalizeFirst(s: string): string {
  return s ? s[0].toLocaleUpperCase('sv-SE') + s.slice(1) : s;
}

/** The bar of highest value with its label, or null when no bar has a number. */
function topBar<T extends { varde: number | null; kategori: string }>(bars: readonly T[]): T | null {
  return bars.filter((b) => b.varde !== null).sort((a, b) => (b.varde as number) - (a.varde as number))[0] ?? null;
}

export const decisionsPage: DashboardPage = {
  id: 'ej-verkstallda-beslut',
  datasets: ['ej_verkstallda_beslut', 'kallor', 'enheter', 'handelser'],

  async load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView> {
    if (!env.datasets.includes('ej_verkstallda_beslut')) return emptyView(decisionsPage.id, { notice: '', comparison: `<p>${esc(w.noDataset)}</p>` });
    const messages: string[] = [];
    const units = await runCatalog(runner, unitsQuery('ej_verkstallda_beslut', env.datasets));
    const fallback = pickDefaultUnit(units);
    if (!fallback) return emptyView(decisionsPage.id, { notice: '', comparison: `<p>${esc(w.noDataset)}</p>` });
    const unit = resolveUnit(params.get(PARAM.unit), units, fallback, messages);

    // Decisions are reported per quarter; a year (if ever given) is not mixed into the quarterly series.
    const slices = await runQuery<DecisionSliceRow>(runner, decisionSlicesQuery(unit.enhetskod));
    const periods = [...new Set(slices.map((s) => s.period))].filter(isQuarter).sort();
    const range = periods.length
      ? resolveRange(periods, params.get(PARAM.from), params.get(PARAM.to), messages)
      : { from: '', to: '' };
    const sexes = ADULT_SEXES.filter((k) => slices.some((s) => s.kon === k));
    const defaultSex: AdultSex = sexes.includes('totalt') ? 'totalt' : (sexes[0] ?? 'totalt');
    const askedSex = params.get(PARAM.sex);
    const sex: AdultSex = askedSex && (sexes as readonly string[]).includes(askedSex) ? (askedSex as AdultSex) : defaultSex;
    if (askedSex && askedSex !== sex) messages.push(w.invalidSex);

    const filter = { unit: unit.enhetskod, from: range.from || null, to: range.to || null, sex };
    const data: DecisionData = await loadDecisionData(runner, filter);
    const [events, sources] = await Promise.all([loadEvents(runner, env, unit.enhetskod), SourceBook.load(runner, env)]);

    const unitName = unit.enhetsnamn;
    const rangeText = range.from ? periodRangeLabel(range.from, range.to) : '';
    const who = w.sexWho(sex === 'totalt' ? 'totalt' : sexLabel(sex));
    const latest = data.latest;
    const latestText = latest ? periodLabel(latest) : '';
    const invented = unit.pahittad || sources.invented(data.sources);
    const sourceLine = sources.line(data.sources, unit.pahittad);
    const stem = (what: string) => fileStem('ej-verkstallda-beslut', what, unit.enhetskod, range.from, range.to);
    const lawSource = (lag: Law) => sources.line(data.sourcesByLaw[lag], unit.pahittad);
    const base = (id: string, level: 2 | 3, title: string, when: string, whoText = who, source = sourceLine) => ({
      id,
      level,
      title,
      subtitle: w.subtitle(unitName, whoText, when),
      source,
      invented,
      file: stem(id.replace('beslut-', '')),
    });

    const figures: Record<string, FigureModel> = {};

    // 1. Totals per quarter, SoL and LSS: the published totals rows.
    const laws = lawsPresent(data.totals);
    const totalRows = totalsTrend(data.totals);
    figures[FIGURE_IDS.totals] = laws.length
      ? trendFigure(
          {
            ...base(FIGURE_IDS.totals, 2, w.totals.title, rangeText),
            summary: laws.map((lag) => summarizeTrend(totalRows, { serie: lag, subject: w.totals.subject(lag) })).join(' '),
            notes: hiddenNote(data.totals),
          },
          {
            kind: 'trend',
            rows: totalRows.map((r) => [r.period, r.serie, r.varde, r.markering]),
            chart: 'line',
            series: laws,
            labels: Object.fromEntries(laws.map((l) => [l, l])),
            format: 'count',
            width: WIDTH,
            height: 340,
            yLabel: w.yLabel,
            events,
            title: w.totals.title,
          },
        )
      : emptyFigure({ ...base(FIGURE_IDS.totals, 2, w.totals.title, rangeText), empty: w.totals.none });

    // 2. SoL per area; the areas add up to the SoL total, so they may be stacked.
    const areas = areasPresent(data.areas);
    const areaRows = areasTrend(data.areas);
    const lastArea = data.areas.reduce<string | null>((m, r) => (m === null || r.period > m ? r.period : m), null);
    figures[FIGURE_IDS.areas] = areas.length
      ? trendFigure(
          {
            ...base(FIGURE_IDS.areas, 2, w.areas.title, rangeText, who, lawSource('SoL')),
            summary: [
              lastArea
                ? w.areas.latest(
                    periodLabel(lastArea),
                    listText(
                      areas.map((a) => {
                        const r = data.areas.find((x) => x.period === lastArea && x.verksamhet === a);
                        const name = areaName(a);
                        return r && r.antal !== null ? `${name} ${formatNumber(r.antal)}` : `${name}: ${markerText(r?.markering)}`;
                      }),
                    ),
                  )
                : '',
              summarizeTrend(areaRows, { serie: areas[0], subject: w.areas.subject(areaName(areas[0])) }),
            ].filter(Boolean).join(' '),
            notes: hiddenNote(data.areas),
            switchable: areas.length > 1,
          },
          {
            kind: 'trend',
            rows: areaRows.map((r) => [r.period, r.serie, r.varde, r.markering]),
            chart: 'line',
            series: areas,
            labels: Object.fromEntries(areas.map((a) => [a, areaLabel(a)])),
            areaNote: w.areas.areaNote,
            format: 'count',
            width: WIDTH,
            height: 340,
            yLabel: w.yLabel,
            events,
            title: w.areas.title,
          },
        )
      : emptyFigure({ ...base(FIGURE_IDS.areas, 2, w.areas.title, rangeText, who, lawSource('SoL')), empty: w.areas.none });

    // 3. Per insats in the latest quarter, one chart per law.
    const insatsFigure = (lag: Law, id: string): FigureModel => {
      const title = latest ? w.insatser.title(lag, latest) : w.insatser.title(lag, range.to || '');
      const bars = latest ? insatsBars(data.insatser, lag, latest) : [];
      const b = base(id, 3, title, latestText, who, lawSource(lag));
      if (!bars.length) return emptyFigure({ ...b, empty: w.insatser.none(lag) });
      const top = topBar(bars);
      const total = data.totals.find((t) => t.period === latest && t.lag === lag);
      const labels = Object.fromEntries(
        data.insatser.filter((r) => r.lag === lag && r.insats !== 'totalt').map((r) => [insatsKey(r), insatsLabel(insatsKey(r))]),
      );
      return barsFigure(
        {
          ...b,
          summary: top
            ? w.insatser.summary(latestText, lag, labels[top.kategori] ?? top.kategori, formatNumber(top.varde as number), total?.antal != null ? formatNumber(total.antal) : null)
            : '',
          notes: hiddenNote(data.totals.filter((t) => t.lag === lag && t.period === latest)),
        },
        {
          kind: 'bars',
          rows: bars.map((r) => [r.kategori, r.varde, r.markering]),
          labels,
          format: 'count',
          width: WIDTH,
          xLabel: w.yLabel,
          title,
        },
        w.valueHeader,
      );
    };
    figures[FIGURE_IDS.insatsSol] = insatsFigure('SoL', FIGURE_IDS.insatsSol);
    figures[FIGURE_IDS.insatsLss] = insatsFigure('LSS', FIGURE_IDS.insatsLss);

    // 4. Women and men in the latest quarter of the range that has the split (the sex filter does not apply).
    const sexPeriod = data.sexes.reduce<string | null>((m, r) => (m === null || r.period > m ? r.period : m), null);
    const sexRows = sexPeriod ? sexBars(data.sexes, sexPeriod) : [];
    const sexTitle = sexPeriod ? w.sexes.title(sexPeriod) : w.sexes.heading;
    const sexBase = base(FIGURE_IDS.sexes, 2, sexTitle, sexPeriod ? periodLabel(sexPeriod) : rangeText, w.sexWho('totalt'));
    figures[FIGURE_IDS.sexes] = sexRows.length
      ? barsFigure(
          {
            ...sexBase,
            summary: w.sexes.summary(
              periodLabel(sexPeriod as string),
              listText(
                LAW_ORDER.flatMap((lag) => {
                  const of = (kon: string) => sexRows.find((r) => r.kategori === lag && r.grupp === kon);
                  const women = of('kvinnor');
                  const men = of('män');
                  if (!women && !men) return [];
                  const text = (r: typeof women) => (r && r.varde !== null ? formatNumber(r.varde) : `(${markerText(r?.markering)})`);
                  return [w.sexes.part(lag, text(women), text(men))];
                }),
              ),
            ),
            notes: hiddenNote(data.sexes.filter((r) => r.period === sexPeriod)),
          },
          {
            kind: 'bars',
            rows: sexRows.map((r) => [r.kategori, r.varde, r.markering, r.grupp]),
            labels: Object.fromEntries(LAW_ORDER.map((l) => [l, l])),
            groupLabels: { kvinnor: sexLabel('kvinnor'), män: sexLabel('män') },
            format: 'count',
            width: WIDTH,
            xLabel: w.yLabel,
            sort: 'none',
            title: sexTitle,
          },
          w.valueHeader,
        )
      : emptyFigure({ ...sexBase, empty: w.sexes.none });

    // 5. The state at the reporting date of the latest quarter, one chart per law.
    const statusFigure = (lag: Law, id: string): FigureModel => {
      const title = latest ? w.statuses.title(lag, latest) : w.statuses.title(lag, range.to || '');
      const own = data.statuses.filter((s) => s.lag === lag);
      const b = base(id, 3, title, latestText, who, lawSource(lag));
      if (!own.length) return emptyFigure({ ...b, empty: w.statuses.none(lag) });
      const label = statusLabel(data.statuses, lag);
      const bars = statusBars(data.statuses, lag);
      const top = topBar(bars);
      const topRow = top ? (own.find((s) => s.status === top.kategori) as StatusRow) : null;
      const plain = (s: string) => ((DECISION_STATUS_LABELS as Record<string, string>)[s] ?? s).toLocaleLowerCase('sv-SE');
      return barsFigure(
        {
          ...b,
          summary:
            top && topRow
              ? w.statuses.summary(
                  latestText,
                  lag,
                  plain(top.kategori),
                  topRow.summerad && topRow.dolda_delar > 0 ? w.statuses.atLeastValue(formatNumber(top.varde as number)) : formatNumber(top.varde as number),
                )
              : '',
          notes: own.some((s) => s.summerad) ? [w.statuses.summed] : [],
        },
        {
          kind: 'bars',
          rows: bars.map((r) => [r.kategori, r.varde, r.markering]),
          labels: Object.fromEntries(own.map((s) => [s.status, label(s.status)])),
          format: 'count',
          width: WIDTH,
          xLabel: w.yLabel,
          title,
        },
        w.valueHeader,
      );
    };
    figures[FIGURE_IDS.statusSol] = statusFigure('SoL', FIGURE_IDS.statusSol);
    figures[FIGURE_IDS.statusLss] = statusFigure('LSS', FIGURE_IDS.statusLss);

    // 6. The committee report's comparison of three quarters, per law.
    const quarters = comparisonPeriods(latest, range.from || null);
    const tables = LAW_ORDER.map((lag) => comparisonTable(data.insatser, lag, quarters)).filter((t) => t !== null);
    const comparison = tables.length
      ? `<p>${esc(w.comparison.quarters(listText(quarters.map(periodLabel))))}</p>` +
        tables
          .map(
            (t) =>
              comparisonTableHtml(t, {
                unitName: sex === 'totalt' ? unitName : `${unitName}, ${who}`,
                id: 'jamforelse',
                heading: capitalizeFirst(w.lawLong(t.lag)),
                source: lawSource(t.lag),
                file: stem(`jamforelse-${latest ?? ''}`),
              }),
          )
          .join('')
      : `<p>${esc(w.comparison.none)}</p>`;

    const state = { [PARAM.unit]: unit.enhetskod, [PARAM.from]: range.from, [PARAM.to]: range.to, [PARAM.sex]: sex };
    const defaults = {
      [PARAM.unit]: fallback.enhetskod,
      [PARAM.from]: periods[0] ?? '',
      [PARAM.to]: periods[periods.length - 1] ?? '',
      [PARAM.sex]: defaultSex,
    };
    return {
      page: decisionsPage.id,
      state,
      defaults,
      filters: [
        { ...field(PARAM.unit, words.filters.unit, unitOptions(units), unit.enhetskod), hidden: false },
        field(PARAM.from, words.filters.from, periodOptions(periods), range.from),
        field(PARAM.to, words.filters.to, periodOptions(periods), range.to),
        field(PARAM.sex, words.filters.sex, sexes.map((k) => ({ value: k, label: sexLabel(k) })), sex),
      ],
      figures,
      regions: { notice: inventedNoticeHtml(unitName, invented), comparison },
      label: viewLabel(unitName, range.from || undefined, range.to || undefined),
      messages,
    };
  },
};
