// The model of a trend chart, built once and read by every consumer (the SVG, the data table, the CSV, the
// description), as Plot normalises a mark's options once in its constructor: the period × series grid with
// a point per period inside each series' span, the stacked bands, the missing values, and every option
// resolved (format, labels, marker words, events, references, size).

import { isQuarter, periodToDate, shiftPeriod } from '../data/period.ts';
import type { ValueFormat } from '../i18n/format.ts';
import { commonSettings, type CommonChartOptions, type CommonSettings } from './common.ts';
import { seriesStyle, type SeriesStyle } from './theme.ts';

export interface TrendRow {
  period: string;
  serie: string;
  varde: number | null;
  markering: string | null;
}

/** A dated event (from handelser.csv), drawn as a vertical rule with a short label. */
export interface TrendEvent {
  /** ISO date, YYYY-MM-DD. */
  datum: string;
  rubrik: string;
}

/** A horizontal reference line, e.g. the national share. */
export interface TrendReference {
  label: string;
  value: number;
}

export interface TrendOptions extends CommonChartOptions {
  /** Lines (default) or stacked areas. */
  kind?: 'line' | 'area';
  /** Outer height in pixels (default 320). */
  height?: number;
  /** The value axis' label, e.g. "Antal barn". */
  yLabel?: string;
  /** Which series, in which order; default every series in order of first appearance. */
  series?: readonly string[];
  /**
   * The series whose order gives each its colour, dash and symbol (default `series`): the line chart's
   * series, so that a series keeps its look in the stacked areas, which leave the total out.
   */
  styleOrder?: readonly string[];
  /** Display name of a series code; default the code itself. */
  seriesLabel?: (serie: string) => string;
  events?: readonly TrendEvent[];
  references?: readonly TrendReference[];
}

/** The options, resolved once. */
export interface TrendSettings extends CommonSettings {
  kind: 'line' | 'area';
  width: number;
  height: number;
  yLabel?: string;
  events: readonly TrendEvent[];
  references: readonly TrendReference[];
}

/** One cell of the period × series grid the chart draws. */
export interface TrendPoint {
  period: string;
  date: Date;
  serie: string;
  name: string;
  varde: number | null;
  /** Why the value is missing; set whenever varde is null ("saknas" for a row that is not there). */
  markering: string | null;
  /** Area mode: the stacked band; null when a series below is missing (the stack is unknown). */
  y1: number | null;
  y2: number | null;
}

export interface TrendSeries {
  code: string;
  name: string;
  style: SeriesStyle;
  points: TrendPoint[];
}

export interface TrendModel {
  periods: string[];
  series: TrendSeries[];
  missing: TrendPoint[];
  format: ValueFormat;
  settings: TrendSettings;
}

/** Whether a trend's periods are quarters (the first decides: a series never mixes the kinds). */
export function quarterly(periods: readonly string[]): boolean {
  return periods.length > 0 && isQuarter(periods[0]);
}

/** Every period from first to last, with no holes (quarters stay quarters, years stay years). */
function periodSequence(sorted: string[]): string[] {
  if (sorted.length === 0) return [];
  const last = sorted[sorted.length - 1];
  const out = [sorted[0]];
  for (let p = sorted[0]; p !== last && out.length < 10_000; ) {
    p = shiftPeriod(p, 1);
    out.push(p);
  }
  return out;
}

function settingsOf(options: TrendOptions): TrendSettings {
  return {
    ...commonSettings(options),
    kind: options.kind === 'area' ? 'area' : 'line',
    width: options.width ?? 640,
    height: options.height ?? 320,
    yLabel: options.yLabel,
    events: options.events ?? [],
    references: options.references ?? [],
  };
}

/** A series' points from its first to its last row; a period without a row in between is "saknas". */
function seriesPoints(code: string, name: string, periods: string[], byKey: Map<string, TrendRow>, own: number[], s: TrendSettings): TrendPoint[] {
  const points: TrendPoint[] = [];
  if (!own.length) return points;
  const [from, to] = [Math.min(...own), Math.max(...own)];
  for (let k = from; k <= to; k++) {
    const period = periods[k];
    const row = byKey.get(`${code}\u0000${period}`);
    const varde = row && row.varde != null && Number.isFinite(row.varde) ? row.varde : null;
    const markering = varde === null ? (row?.markering ?? 'saknas') : (row?.markering ?? null);
    points.push({ period, date: periodToDate(period), serie: code, name, varde, markering, y1: null, y2: null });
  }
  return points;
}

/** Stacks the bands bottom-up; a band is unknown where it or any band below it is missing. */
function stack(series: TrendSeries[], index: Map<string, number>, count: number): void {
  const base = new Array<number>(count).fill(0);
  const broken = new Array<boolean>(count).fill(false);
  for (const s of series) {
    for (const p of s.points) {
      const k = index.get(p.period) ?? 0;
      if (p.varde === null) broken[k] = true;
      if (!broken[k] && p.varde !== null) {
        p.y1 = base[k];
        p.y2 = base[k] + p.varde;
      }
      if (p.varde !== null) base[k] += p.varde;
    }
  }
}

/**
 * The grid behind the chart: each series from its first to its last row, with a point per period.
 * A period without a row inside that span is a missing value ("saknas"), so the line is broken there
 * rather than drawn straight across.
 */
export function trendModel(rows: readonly TrendRow[], options: TrendOptions = {}): TrendModel {
  const settings = settingsOf(options);
  const nameOf = options.seriesLabel ?? ((s: string) => s);
  const codes = options.series ? [...options.series] : [...new Set(rows.map((r) => r.serie))];
  const wanted = new Set(codes);
  const used = rows.filter((r) => wanted.has(r.serie));
  const periods = periodSequence([...new Set(used.map((r) => r.period))].sort());
  const index = new Map(periods.map((p, i) => [p, i]));
  const byKey = new Map(used.map((r) => [`${r.serie}\u0000${r.period}`, r]));
  const order = options.styleOrder ?? codes;
  const series = codes.map((code, i) => {
    const look = order.indexOf(code);
    const own = used.filter((r) => r.serie === code).map((r) => index.get(r.period) ?? 0);
    const name = nameOf(code);
    return { code, name, style: seriesStyle(look >= 0 ? look : i), points: seriesPoints(code, name, periods, byKey, own, settings) };
  });
  stack(series, index, periods.length);
  const missing = series.flatMap((s) => s.points.filter((p) => p.varde === null));
  return { periods, series, missing, format: settings.format, settings };
}

/** The same model drawn at another size (the grid does not depend on it). */
export function resized(model: TrendModel, width: number): TrendModel {
  return width === model.settings.width ? model : { ...model, settings: { ...model.settings, width } };
}
