// Översikt: the start page's key figures, its small trend chart per topic (each linking to its page) and
// the line with the data's date, from its data (./data.ts). Words and numbers in Swedish, no markup.

import { summarizeTrend } from '../../charts/summary.ts';
import type { TrendRow } from '../../charts/trend.ts';
import { isQuarter } from '../../data/period.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatDate, periodLabel, periodRangeLabel, type ValueFormat } from '../../i18n/format.ts';
import { DECISIONS, PLACEMENTS } from '../../queries/contract.ts';
import { measureLabel } from '../choices.ts';
import { emptyFigure, fileName, recipeRows, trendFigure, type FigureModel } from '../figure.ts';
import { href } from '../nav.ts';
import { PARAM } from '../url.ts';
import type { Region } from '../view.ts';
import type { OverviewChoices } from './choices.ts';
import type { OverviewData } from './data.ts';
import { keyFigureOf, type KeyFigure } from './key-figures.ts';

const SMALL_WIDTH = 400;
const SMALL_HEIGHT = 230;
const o = words.overview;

interface Small {
  id: string;
  title: string;
  what: string;
  page: string;
  pageName: string;
  rows: TrendRow[];
  series: string[];
  labels: Record<string, string>;
  format: ValueFormat;
  yLabel: string;
  keys: (string | null)[];
  subject: string;
  subtitleWhat: string;
}

/** The address of a topic page, carrying the unit when it is not the default. */
function linkTo(c: OverviewChoices, path: string): string {
  const code = c.unit.enhetskod;
  return `${href(path)}${code !== c.fallback.enhetskod ? `?${PARAM.unit}=${encodeURIComponent(code)}` : ''}`;
}

/** A small trend chart of a topic, linking to its page. */
function smallFigure(c: OverviewChoices, d: OverviewData, s: Small): FigureModel {
  const periods = s.rows.map((r) => r.period).sort();
  const range = periods.length ? periodRangeLabel(periods[0], periods[periods.length - 1]) : '';
  const invented = d.sources.invented(s.keys) || (c.unit.pahittad && s.rows.length > 0);
  const base = {
    id: s.id,
    level: 3 as const,
    title: s.title,
    subtitle: [c.unit.enhetsnamn, ...s.subtitleWhat.split(' · ').filter(Boolean)].join(' · ') + (range ? `, ${range}` : ''),
    source: d.sources.line(s.keys, invented),
    invented,
    file: fileName('oversikt', s.id, c.unit.enhetskod),
    link: { href: linkTo(c, s.page), text: o.toPage(s.pageName) },
  };
  if (!s.rows.length) return emptyFigure({ ...base, empty: o.noData(s.what) });
  return trendFigure(
    { ...base, summary: summarizeTrend(s.rows, { serie: s.series[0], format: s.format, subject: s.subject }), notes: [] },
    {
      kind: 'trend', rows: recipeRows(s.rows), chart: 'line', series: s.series, labels: s.labels, format: s.format, width: SMALL_WIDTH,
      height: SMALL_HEIGHT, yLabel: s.yLabel, events: d.events, references: [], title: s.title,
    },
  );
}

const placementMeasure = (d: OverviewData) => (d.placements.measure ? measureLabel(d.placements.measure).toLowerCase() : undefined);
const shareSerie = (d: OverviewData) => d.share.rows[0]?.serie ?? 'beraknad';

export function placementsFigure(c: OverviewChoices, d: OverviewData): FigureModel {
  return smallFigure(c, d, {
    id: 'oversikt-placeringar', title: o.placementsTitle, what: o.placementsWhat, page: 'placeringar/', pageName: words.placements.title,
    rows: d.placements.rows.map((r) => ({ period: r.period, serie: PLACEMENTS.allForms, varde: r.antal, markering: r.markering })),
    series: [PLACEMENTS.allForms], labels: { [PLACEMENTS.allForms]: words.figure.total }, format: 'count', yLabel: words.placements.yLabel, keys: d.placements.rows.map((r) => r.kalla),
    subject: words.placements.subject, subtitleWhat: `${placementMeasure(d) ?? ''} · ${words.placements.yLabel.toLowerCase()}`,
  });
}

export function networkFigure(c: OverviewChoices, d: OverviewData): FigureModel {
  const serie = shareSerie(d);
  return smallFigure(c, d, {
    id: 'oversikt-natverkshem', title: o.networkTitle, what: o.networkWhat, page: 'natverkshem/', pageName: words.network.title,
    rows: d.share.rows, series: [serie], labels: { beraknad: words.network.computed, rapporterad: words.network.reported }, format: 'percent',
    yLabel: words.network.yLabel, keys: d.share.sources, subject: serie === 'rapporterad' ? words.network.subjectReported : words.network.subject,
    subtitleWhat: words.figure.percent,
  });
}

export function decisionsFigure(c: OverviewChoices, d: OverviewData): FigureModel {
  const rows = d.decisions.rows;
  const laws = DECISIONS.laws.filter((l) => rows.some((r) => r.lag === l));
  const figure = smallFigure(c, d, {
    id: 'oversikt-beslut', title: o.decisionsTitle, what: o.decisionsWhat, page: 'ej-verkstallda-beslut/', pageName: o.decisions,
    rows: rows.map((r) => ({ period: r.period, serie: r.lag, varde: r.antal, markering: r.markering })),
    series: [...laws], labels: { SoL: 'SoL', LSS: 'LSS' }, format: 'count', yLabel: o.decisionsYLabel, keys: d.decisions.sources,
    subject: o.decisionsSubject(laws[0] ?? 'SoL'), subtitleWhat: o.decisionsYLabel.toLowerCase(),
  });
  const hidden = rows.filter((r) => r.antal !== null && r.dolda_delar > 0).map((r) => r.period);
  if (hidden.length) {
    const last = [...hidden].sort().pop() as string;
    figure.notes.push(o.hiddenInTotal(hidden.length === 1 ? periodLabel(last) : words.figure.periodsLatest(new Set(hidden).size, periodLabel(last))));
  }
  return figure;
}

/** The key figures: the latest value of each topic with its changes. */
export function keyFigures(d: OverviewData): KeyFigure[] {
  const out: KeyFigure[] = [];
  const placements = keyFigureOf(d.placements.rows.map((r) => ({ period: r.period, varde: r.antal, markering: r.markering })));
  if (placements) out.push({ id: 'placeringar', label: o.placements, unitWord: o.placementsUnit, format: 'count', ...placements, invented: d.sources.invented(d.placements.rows.map((r) => r.kalla)), note: placementMeasure(d) });
  const share = keyFigureOf(d.share.rows);
  if (share) {
    const note = shareSerie(d) === 'rapporterad' ? words.network.reported.toLowerCase() : o.networkUnit;
    out.push({ id: 'natverkshem', label: o.network, unitWord: '', format: 'percent', ...share, invented: d.sources.invented(d.share.sources), note });
  }
  for (const lag of DECISIONS.laws) {
    const key = keyFigureOf(d.decisions.rows.filter((r) => r.lag === lag).map((r) => ({ period: r.period, varde: r.antal, markering: r.markering })));
    if (key) out.push({ id: `beslut-${lag.toLowerCase()}`, label: lag === 'SoL' ? o.decisionsSol : o.decisionsLss, unitWord: o.decisionsUnit, format: 'count', ...key, invented: d.sources.invented(d.decisions.sources) });
  }
  return out;
}

/** The start page's changing parts besides its figures: the key figures' heading and cards, the data's date. */
export function overviewRegions(c: OverviewChoices, figures: KeyFigure[], generated: string): Record<string, Region> {
  const periods = figures.map((k) => k.period);
  const latest = periods.filter(isQuarter).sort().pop() ?? [...periods].sort().pop() ?? null;
  return {
    keyheading: { kind: 'text', text: o.keyHeading(c.unit.enhetsnamn) },
    keyfigures: { kind: 'keyFigures', figures, empty: o.noData('statistiken') },
    datadate: { kind: 'text', text: o.dataDate(formatDate(generated), latest ? periodLabel(latest) : null) },
  };
}
