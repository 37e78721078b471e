// The start page (Översikt) as data: for one unit, the latest figures of the three topics with their
// change from the quarter before and from the same quarter a year earlier (in words, with arrows), and
// a small trend chart per topic linking to its page. Run at build time (src/pages/index.astro) and in
// the browser when another unit is chosen.

import { shiftPeriod } from '../../data/period.ts';
import { MEASURE_LABELS, MEASURES } from '../../data/schema.ts';
import { summarizeTrend } from '../../charts/summary.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatDate, formatNumber, formatValue, periodLabel, periodRangeLabel, type ValueFormat } from '../../i18n/format.ts';
import { href } from '../nav.ts';
import { runQuery } from '../../queries/dashboard-common.ts';
import { isQuarter } from '../../data/period.ts';
import { runCatalog, type UnitCatalogRow } from '../../queries/unit-catalogs.ts';
import { decisionSourcesQuery } from '../../queries/decisions.ts';
import { unitsQuery } from '../../queries/unit-catalogs.ts';
import { totalsQuery, type TotalRow } from '../../queries/decisions.ts';
import {
  computedShareQuery,
  computedShareSourcesQuery,
  reportedShareQuery,
  shareMeasuresQuery,
  sharePeriodsQuery,
  type ComputedShareRow,
  type ReportedShareRow,
  type ShareMeasureRow,
} from '../../queries/network.ts';
import {
  placementMeasuresQuery,
  placementSlicesQuery,
  placementTotalQuery,
  type PlacementMeasureRow,
  type PlacementRow,
  type PlacementSliceRow,
} from '../../queries/placements.ts';
import type { Runner } from '../../queries/runner.ts';
import { emptyFigure, trendFigure, type FigureModel, type TrendRecipe } from './figure.ts';
import { esc } from './html.ts';
import {
  PARAM,
  SourceBook,
  emptyView,
  fileStem,
  inventedNoticeHtml,
  loadEvents,
  markerText,
  pickDefaultUnit,
  pickPeriodKind,
  unitOptions,
  resolveUnit,
  type DashboardPage,
  type PageEnv,
  type PageView,
} from './page.ts';
import { pickMeasure } from './placements-page.ts';

const SMALL_WIDTH = 400;
const SMALL_HEIGHT = 230;
const o = words.overview;

export interface SeriesPoint {
  period: string;
  varde: number | null;
  markering: string | null;
}

export interface Change {
  /** The period compared with. */
  period: string;
  /** Latest minus then, or null when either has no number. */
  delta: number | null;
  /** Why there is no delta (the marker of the period compared with, or 'saknas'). */
  why: string | null;
}

export interface KeyFigure {
  id: string;
  label: string;
  /** The word after the number ("barn", "beslut"); for shares the unit is part of the number. */
  unitWord: string;
  format: ValueFormat;
  period: string;
  value: number | null;
  markering: string | null;
  changes: Change[];
  invented: boolean;
  /** E.g. the measure ("placerade vid periodens slut"). */
  note?: string;
}

/**
 * The latest point of a series and its change from the period before and (for quarters) from the same
 * quarter a year earlier. A point without a number is compared with nothing.
 */
export function keyFigureOf(points: readonly SeriesPoint[]): { period: string; value: number | null; markering: string | null; changes: Change[] } | null {
  if (!points.length) return null;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const last = points.reduce((a, b) => (b.period > a.period ? b : a));
  const value = last.varde;
  const compare = (period: string): Change => {
    const then = byPeriod.get(period);
    if (value === null) return { period, delta: null, why: last.markering ?? 'saknas' };
    if (!then || then.varde === null) return { period, delta: null, why: then?.markering ?? 'saknas' };
    return { period, delta: value - then.varde, why: null };
  };
  const changes = [compare(shiftPeriod(last.period, -1))];
  if (isQuarter(last.period)) changes.push(compare(shiftPeriod(last.period, -4)));
  return { period: last.period, value, markering: value === null ? (last.markering ?? 'saknas') : null, changes };
}

/** A change in words: "ökning med 7 från kv. 3 2025"; shares in percentage points. */
export function changeText(change: Change, format: ValueFormat): { arrow: string; direction: 'up' | 'down' | 'same' | 'none'; text: string } {
  const period = periodLabel(change.period);
  if (change.delta === null) return { arrow: '', direction: 'none', text: words.change.none(period, markerText(change.why)) };
  const digits = format === 'percent' ? 1 : 0;
  const rounded = Number(formatNumber(Math.abs(change.delta), digits).replace(/\s/g, '').replace(',', '.'));
  const amount = format === 'percent' ? words.change.percentagePoints(formatNumber(Math.abs(change.delta), digits)) : formatNumber(Math.abs(change.delta), digits);
  if (rounded === 0) return { arrow: '\u2192', direction: 'same', text: words.change.same(period) };
  return change.delta > 0
    ? { arrow: '\u2191', direction: 'up', text: words.change.up(amount, period) }
    : { arrow: '\u2193', direction: 'down', text: words.change.down(amount, period) };
}

/** The key figures as a list of cards; the arrows are decoration, the words say the direction. */
export function keyFiguresHtml(figures: readonly KeyFigure[], empty: string): string {
  if (!figures.length) return `<p>${esc(empty)}</p>`;
  const items = figures.map((f) => {
    const number =
      f.value !== null
        ? `<data value="${esc(f.value)}">${esc(formatValue(f.value, f.format))}</data>${f.unitWord ? ` <span class="key-figure__unit">${esc(f.unitWord)}</span>` : ''}`
        : `<span class="key-figure__marker" data-markering="${esc(f.markering ?? 'saknas')}">${esc(capitalizeFirst(markerText(f.markering)))}</span>`;
    const changes = f.changes
      .map((c) => {
        const t = changeText(c, f.format);
        return `<li class="change change--${t.direction}">${t.arrow ? `<span class="change__arrow" aria-hidden="true">${t.arrow}</span> ` : ''}${esc(t.text)}</li>`;
      })
      .join('');
    return (
      `<li class="key-figure" data-key="${esc(f.id)}">` +
      `<h3 class="key-figure__label">${esc(f.label)}</h3>` +
      `<p class="key-figure__value">${number}</p>` +
      `<p class="key-figure__period">${esc(periodLabel(f.period))}${f.note ? ` · ${esc(f.note)}` : ''}</p>` +
      (changes ? `<ul class="key-figure__changes">${changes}</ul>` : '') +
      (f.invented ? `<p class="key-figure__invented">${esc(words.figure.invented)}</p>` : '') +
      `</li>`
    );
  });
  return `<ul class="key-figures">${items.join('')}</ul>`;
}

function capitalizeFirst(s: string): string {
  return s ? s[0].toLocaleUpperCase('sv-SE') + s.slice(1) : s;
}

/** Units of every topic, merged: periods add up over the topics; invented if any topic's figures are. */
export function mergeUnits(lists: readonly (readonly UnitCatalogRow[])[]): UnitCatalogRow[] {
  const byCode = new Map<string, UnitCatalogRow>();
  for (const list of lists) {
    for (const u of list) {
      const seen = byCode.get(u.enhetskod);
      byCode.set(
        u.enhetskod,
        seen
          ? {
              ...seen,
              niva: seen.niva ?? u.niva,
              enhetsnamn: seen.enhetsnamn === seen.enhetskod ? u.enhetsnamn : seen.enhetsnamn,
              perioder: seen.perioder + u.perioder,
              varden: seen.varden + u.varden,
              pahittad: seen.pahittad || u.pahittad,
            }
          : { ...u },
      );
    }
  }
  return [...byCode.values()].sort((a, b) => a.enhetskod.localeCompare(b.enhetskod));
}

export const overviewPage: DashboardPage = {
  id: '',
  datasets: ['placeringar', 'natverkshemsandel', 'ej_verkstallda_beslut', 'kallor', 'enheter', 'handelser'],

  async load(runner: Runner, params: URLSearchParams, env: PageEnv): Promise<PageView> {
    const ds = env.datasets;
    const hasPlacements = ds.includes('placeringar');
    const hasDecisions = ds.includes('ej_verkstallda_beslut');
    const networkUnits = unitsQuery('natverkshem', ds);
    const [placementUnits, shareUnits, decisionUnits] = await Promise.all([
      runCatalog(runner, unitsQuery('placeringar', ds)),
      runCatalog(runner, networkUnits),
      runCatalog(runner, unitsQuery('ej_verkstallda_beslut', ds)),
    ]);
    const units = mergeUnits([placementUnits, shareUnits, decisionUnits]);
    const fallback = pickDefaultUnit(units);
    if (!fallback) return emptyView(overviewPage.id, { notice: '', keyfigures: '', datadate: '' });
    const messages: string[] = [];
    const unit = resolveUnit(params.get(PARAM.unit), units, fallback, messages);
    const code = unit.enhetskod;
    const [events, sources] = await Promise.all([loadEvents(runner, env, code), SourceBook.load(runner, env)]);
    const linkTo = (path: string) => `${href(path)}${code !== fallback.enhetskod ? `?${PARAM.unit}=${encodeURIComponent(code)}` : ''}`;

    const keyFigures: KeyFigure[] = [];
    const figures: Record<string, FigureModel> = {};
    const small = (
      id: string,
      title: string,
      what: string,
      page: string,
      pageName: string,
      rows: { period: string; serie: string; varde: number | null; markering: string | null }[],
      series: string[],
      labels: Record<string, string>,
      format: ValueFormat,
      yLabel: string,
      keys: (string | null)[],
      subject: string,
      subtitleWhat: string,
      references: { label: string; value: number }[] = [],
    ): FigureModel => {
      const periods = rows.map((r) => r.period).sort();
      const range = periods.length ? periodRangeLabel(periods[0], periods[periods.length - 1]) : '';
      const invented = sources.invented(keys) || (unit.pahittad && rows.length > 0);
      const base = {
        id,
        level: 3 as const,
        title,
        subtitle: [unit.enhetsnamn, ...subtitleWhat.split(' · ').filter(Boolean)].join(' · ') + (range ? `, ${range}` : ''),
        source: sources.line(keys, invented),
        invented,
        file: fileStem('oversikt', id, code),
        link: { href: linkTo(page), text: o.toPage(pageName) },
      };
      if (!rows.length) return emptyFigure({ ...base, empty: o.noData(what) });
      const recipe: TrendRecipe = {
        kind: 'trend',
        rows: rows.map((r) => [r.period, r.serie, r.varde, r.markering]),
        chart: 'line',
        series,
        labels,
        format,
        width: SMALL_WIDTH,
        height: SMALL_HEIGHT,
        yLabel,
        events,
        references,
        title,
      };
      return trendFigure({ ...base, summary: summarizeTrend(rows, { serie: series[0], format, subject }), notes: [] }, recipe);
    };

    // Placements: the published total (each child once), in the unit's measure with most data.
    let placementPoints: PlacementRow[] = [];
    let placementMeasure: string | null = null;
    if (hasPlacements) {
      placementMeasure = pickMeasure(await runQuery<PlacementMeasureRow>(runner, placementMeasuresQuery(code)));
      if (placementMeasure) {
        const slices = await runQuery<PlacementSliceRow>(runner, placementSlicesQuery(code, placementMeasure));
        const periods = [...new Set(slices.map((s) => s.period))].sort();
        const quarterly = pickPeriodKind(periods);
        const own = periods.filter((p) => isQuarter(p) === quarterly);
        if (own.length) {
          placementPoints = await runQuery<PlacementRow>(
            runner,
            placementTotalQuery({ unit: code, avser: placementMeasure, quarterly, from: own[0], to: own[own.length - 1] }),
          );
        }
      }
    }
    const measureText = placementMeasure ? (MEASURE_LABELS[placementMeasure as (typeof MEASURES)[number]] ?? placementMeasure).toLowerCase() : undefined;
    const placementKey = keyFigureOf(placementPoints.map((r) => ({ period: r.period, varde: r.antal, markering: r.markering })));
    const placementKeys = placementPoints.map((r) => r.kalla);
    if (placementKey) {
      keyFigures.push({ id: 'placeringar', label: o.placements, unitWord: o.placementsUnit, format: 'count', ...placementKey, invented: sources.invented(placementKeys), note: measureText });
    }
    figures.placements = small(
      'oversikt-placeringar', o.placementsTitle, o.placementsWhat, 'placeringar/', words.placements.title,
      placementPoints.map((r) => ({ period: r.period, serie: 'totalt', varde: r.antal, markering: r.markering })),
      ['totalt'], { totalt: words.figure.total }, 'count', words.placements.yLabel, placementKeys,
      words.placements.subject, `${measureText ?? ''} · ${words.placements.yLabel.toLowerCase()}`,
    );

    // The network-home share: computed from counts where they exist, else reported.
    let shareRows: { period: string; serie: string; varde: number | null; markering: string | null }[] = [];
    let shareKeys: (string | null)[] = [];
    let shareMeasure: string | null = null;
    if (networkUnits) {
      const measures = hasPlacements ? await runQuery<ShareMeasureRow>(runner, shareMeasuresQuery(code)) : [];
      shareMeasure = pickMeasure(measures);
      const periods = (await runQuery<{ period: string }>(runner, sharePeriodsQuery(code, shareMeasure, ds))).map((r) => r.period);
      const quarterly = pickPeriodKind(periods);
      const own = periods.filter((p) => isQuarter(p) === quarterly);
      if (own.length) {
        const sel = { unit: code, avser: shareMeasure ?? MEASURES[0], quarterly, from: own[0], to: own[own.length - 1] };
        const [computed, computedSources, reported] = await Promise.all([
          shareMeasure ? runQuery<ComputedShareRow>(runner, computedShareQuery(sel)) : Promise.resolve([]),
          shareMeasure ? runQuery<{ kalla: string }>(runner, computedShareSourcesQuery(sel)) : Promise.resolve([]),
          ds.includes('natverkshemsandel') ? runQuery<ReportedShareRow>(runner, reportedShareQuery(code, 'utfall')) : Promise.resolve([]),
        ]);
        const rep = reported.filter((r) => isQuarter(r.period) === quarterly);
        shareRows = computed.length
          ? computed.map((r) => ({ period: r.period, serie: 'beraknad', varde: r.andel, markering: r.markering }))
          : rep.map((r) => ({ period: r.period, serie: 'rapporterad', varde: r.andel, markering: r.markering }));
        shareKeys = computed.length ? computedSources.map((r) => r.kalla) : rep.map((r) => r.kalla);
      }
    }
    const shareKey = keyFigureOf(shareRows.map((r) => ({ period: r.period, varde: r.varde, markering: r.markering })));
    const shareSerie = shareRows[0]?.serie ?? 'beraknad';
    if (shareKey) {
      keyFigures.push({
        id: 'natverkshem', label: o.network, unitWord: '', format: 'percent', ...shareKey, invented: sources.invented(shareKeys),
        note: shareSerie === 'rapporterad' ? words.network.reported.toLowerCase() : o.networkUnit,
      });
    }
    figures.network = small(
      'oversikt-natverkshem', o.networkTitle, o.networkWhat, 'natverkshem/', words.network.title,
      shareRows, [shareSerie], { beraknad: words.network.computed, rapporterad: words.network.reported }, 'percent', words.network.yLabel, shareKeys,
      shareSerie === 'rapporterad' ? words.network.subjectReported : words.network.subject, words.figure.percent,
    );

    // Decisions not executed in time: each law's published total.
    const decisionRows = hasDecisions ? await runQuery<TotalRow>(runner, totalsQuery({ unit: code })) : [];
    const decisionKeys = hasDecisions ? (await runQuery<{ kalla: string | null }>(runner, decisionSourcesQuery(code))).map((r) => r.kalla) : [];
    for (const lag of ['SoL', 'LSS'] as const) {
      const rows = decisionRows.filter((r) => r.lag === lag);
      const key = keyFigureOf(rows.map((r) => ({ period: r.period, varde: r.antal, markering: r.markering })));
      if (key) {
        keyFigures.push({
          id: `beslut-${lag.toLowerCase()}`, label: lag === 'SoL' ? o.decisionsSol : o.decisionsLss, unitWord: o.decisionsUnit, format: 'count',
          ...key, invented: sources.invented(decisionKeys),
        });
      }
    }
    const laws = (['SoL', 'LSS'] as const).filter((l) => decisionRows.some((r) => r.lag === l));
    const decisionsHidden = decisionRows.filter((r) => r.antal !== null && r.dolda_delar > 0).map((r) => r.period);
    figures.decisions = small(
      'oversikt-beslut', o.decisionsTitle, o.decisionsWhat, 'ej-verkstallda-beslut/', words.overview.decisions,
      decisionRows.map((r) => ({ period: r.period, serie: r.lag, varde: r.antal, markering: r.markering })),
      [...laws], { SoL: 'SoL', LSS: 'LSS' }, 'count', o.decisionsYLabel, decisionKeys,
      o.decisionsSubject(laws[0] ?? 'SoL'), o.decisionsYLabel.toLowerCase(),
    );
    if (decisionsHidden.length) {
      const last = [...decisionsHidden].sort().pop() as string;
      figures.decisions.notes.push(o.hiddenInTotal(decisionsHidden.length === 1 ? periodLabel(last) : words.figure.periodsLatest(new Set(decisionsHidden).size, periodLabel(last))));
    }

    const latestPeriod = keyFigures.map((k) => k.period).filter(isQuarter).sort().pop() ?? keyFigures.map((k) => k.period).sort().pop() ?? null;
    const invented = unit.pahittad || Object.values(figures).some((f) => f.invented);
    const state = { [PARAM.unit]: code };
    return {
      page: overviewPage.id,
      state,
      defaults: { [PARAM.unit]: fallback.enhetskod },
      filters: [{ name: PARAM.unit, label: words.filters.unit, options: unitOptions(units), value: code, hidden: false }],
      figures,
      regions: {
        notice: inventedNoticeHtml(unit.enhetsnamn, invented),
        keyheading: esc(o.keyHeading(unit.enhetsnamn)),
        keyfigures: keyFiguresHtml(keyFigures, o.noData('statistiken')),
        datadate: esc(o.dataDate(formatDate(env.generated), latestPeriod ? periodLabel(latestPeriod) : null)),
      },
      label: unit.enhetsnamn,
      messages,
    };
  },
};
