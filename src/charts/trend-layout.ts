// Where everything of a trend chart goes: margins, the time domain and its ticks, the rows of event
// labels, the lanes of missing-value glyphs, the marker legend, the value axis and the direct labels at the
// series' ends. A pure step from the model (./trend-model.ts) to positions; the marks are built from it in
// ./trend-marks.ts, one builder per layer.

import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from 'd3';
import { periodToDate, shiftPeriod } from '../data/period.ts';
import { markerCodesPresent, markerLegend, valueAxis, type LegendLayout, type ValueAxis } from './common.ts';
import { LINE_HEIGHT, dodge, labelLines, textWidth, wrapText } from './theme.ts';
import { quarterly, type TrendEvent, type TrendModel, type TrendPoint, type TrendSeries } from './trend-model.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Space between the plot frame and the first and last point. */
export const INSET = 8;
/** The height of one lane of missing-value glyphs under the time axis. */
export const LANE_HEIGHT = 11;
/** The line sample before a direct label, and its gap from the frame. */
export const SWATCH = 18;
export const LABEL_GAP = 2;

export interface TimeTicks {
  major: Date[];
  minor: Date[];
  format: (d: Date) => string;
  lines: number;
}

export interface PlacedEvent extends TrendEvent {
  date: Date;
  /** The label as drawn, its lines joined by "\n". */
  text: string;
  lines: number;
  /** The lowest of the label's rows above the frame. */
  row: number;
  toRight: boolean;
}

export interface SeriesEnd {
  s: TrendSeries;
  last: TrendPoint | undefined;
  value: number;
}

export interface TrendLayout {
  width: number;
  height: number;
  area: boolean;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  x0: number;
  x1: number;
  ticks: TimeTicks;
  tickLabelTop: number;
  events: PlacedEvent[];
  /** The series with missing values, each with its lane under the axis. */
  lanes: TrendSeries[];
  laneOf: Map<string, number>;
  codes: string[];
  legend: LegendLayout;
  axis: ValueAxis;
  yScale: ScaleLinear<number, number>;
  /** Direct labels: their lines, where the series ends, where the label is drawn (after dodging). */
  labelLines: string[][];
  ends: SeriesEnd[];
  wanted: number[];
  placed: number[];
  xEnd: Date;
  xSwatchEnd: Date;
}

/**
 * Time-axis ticks. Few quarters: every quarter, "kv. 3" with the year under the first quarter of each
 * year and under the first tick. Many quarters or years: years only (every k-th), quarters as minor ticks.
 */
export function timeTicks(periods: string[], plotWidth: number): TimeTicks {
  const byQuarter = quarterly(periods);
  const dates = periods.map((p) => periodToDate(p));
  const label = new Map(periods.map((p, i) => [dates[i].getTime(), p]));
  if (byQuarter && periods.length * 48 <= plotWidth) {
    return {
      major: dates,
      minor: [],
      lines: 2,
      format: (d) => {
        const p = label.get(d.getTime());
        if (!p) return '';
        const [year, q] = p.split('-Q');
        return q === '1' || d.getTime() === dates[0].getTime() ? `kv.\u00a0${q}\n${year}` : `kv.\u00a0${q}`;
      },
    };
  }
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
  const first = dates[0]?.getTime() ?? 0;
  const yearStarts = years.map((y) => new Date(Date.UTC(y, 0, 1))).filter((d) => d.getTime() >= first);
  const step = Math.max(1, Math.ceil((yearStarts.length * 44) / Math.max(1, plotWidth)));
  const major = yearStarts.filter((d) => d.getUTCFullYear() % step === 0 || step === 1);
  return { major, minor: byQuarter ? dates : step > 1 ? yearStarts : [], lines: 1, format: (d) => String(d.getUTCFullYear()) };
}

/**
 * The direct labels' lines and the right margin they need: at most 30 % of the width, or what the
 * longest word needs (a word is never cut: "Nätverkshem" on a phone), up to 40 %.
 */
function labelMargin(model: TrendModel): { labelLines: string[][]; marginRight: number } {
  const width = model.settings.width;
  const around = LABEL_GAP + SWATCH + 4 + 6;
  const longestWord = Math.max(0, ...model.series.flatMap((s) => s.name.split(/ +/).map((w) => textWidth(w))));
  const maxRight = Math.max(Math.round(width * 0.3), Math.min(Math.round(width * 0.4), longestWord + around));
  const labelLines = model.series.map((s) => wrapText(s.name, maxRight - SWATCH - 12));
  const labelWidth = Math.max(0, ...labelLines.flat().map((l) => textWidth(l)));
  return { labelLines, marginRight: Math.min(maxRight, Math.max(16, around + labelWidth)) };
}

/** The time domain (widened around a single period) and the events inside the periods shown. */
function timeDomain(model: TrendModel): { x0: number; x1: number; shown: (TrendEvent & { date: Date })[] } {
  const periods = model.periods;
  const firstDate = periods.length ? periodToDate(periods[0]) : new Date(Date.UTC(2000, 0, 1));
  const lastDate = periods.length ? periodToDate(periods[periods.length - 1]) : firstDate;
  const lastEnd = periods.length ? periodToDate(shiftPeriod(periods[periods.length - 1], 1)) : firstDate;
  const shown = model.settings.events
    .filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.datum))
    .map((e) => ({ ...e, date: new Date(`${e.datum.slice(0, 10)}T00:00:00Z`) }))
    .filter((e) => e.date >= firstDate && e.date < lastEnd)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  let x0 = firstDate.getTime();
  let x1 = Math.max(lastDate.getTime(), ...shown.map((e) => e.date.getTime()));
  if (x1 === x0) {
    x0 -= 45 * DAY;
    x1 += 45 * DAY;
  }
  return { x0, x1, shown };
}

/** An event's label wraps to at most this many lines (a phone) before its last line is cut ("…"). */
const EVENT_LINES = 2;

/** Event labels in rows above the frame: each goes to the lowest rows where it does not overlap. */
function placeEvents(shown: (TrendEvent & { date: Date })[], xScale: ScaleTime<number, number>, width: number): { events: PlacedEvent[]; rows: number } {
  const rowEnds: number[] = [];
  const events = shown.map((e) => {
    const x = xScale(e.date);
    // On one line where the drawing has room for it on either side of its line (at most 240 px), else on
    // two lines in the roomier side (at least 60 px), cut ("…") only where even that is not enough.
    const room = Math.min(240, Math.max(width - 2 - x - 3, x - 3));
    const lines = textWidth(e.rubrik) <= room ? [e.rubrik] : labelLines(e.rubrik, Math.max(room, 60), EVENT_LINES);
    const w = Math.max(...lines.map((l) => textWidth(l.trimEnd())));
    const toRight = x + 3 + w <= width - 2;
    const [a, b] = toRight ? [x, x + 3 + w] : [x - 3 - w, x];
    const free = (r: number) => lines.every((_, k) => (rowEnds[r + k] ?? -Infinity) + 8 <= a);
    let row = 0;
    while (!free(row)) row++;
    for (let k = 0; k < lines.length; k++) rowEnds[row + k] = b;
    return { ...e, text: lines.join('\n'), lines: lines.length, row, toRight };
  });
  return { events, rows: rowEnds.length };
}

type Frame = Pick<TrendLayout, 'marginLeft' | 'ticks' | 'events' | 'marginTop' | 'tickLabelTop' | 'legend' | 'marginBottom' | 'axis'>;

/** The frame for a left margin: ticks, event rows, the top margin, the legend, the bottom margin, the axis. */
function frame(model: TrendModel, marginLeft: number, fixed: { marginRight: number; x0: number; x1: number; shown: (TrendEvent & { date: Date })[]; lanes: number; codes: string[]; max: number }): Frame {
  const { width, height, yLabel, markerLabel, labels } = model.settings;
  const plotWidth = width - marginLeft - fixed.marginRight - 2 * INSET;
  const ticks = timeTicks(model.periods, plotWidth);
  const xScale = scaleUtc().domain([new Date(fixed.x0), new Date(fixed.x1)]).range([marginLeft + INSET, width - fixed.marginRight - INSET]);
  const { events, rows } = placeEvents(fixed.shown, xScale, width);
  const yLabelHeight = yLabel ? LINE_HEIGHT + 4 : 0;
  const marginTop = Math.max(10, yLabelHeight + rows * LINE_HEIGHT + (rows ? 4 : 0) + 6);
  const lanesHeight = fixed.lanes ? 6 + fixed.lanes * LANE_HEIGHT : 0;
  const tickLabelTop = 4 + lanesHeight + 3;
  const legendTop = tickLabelTop + ticks.lines * LINE_HEIGHT + 8;
  const legend = markerLegend(fixed.codes, markerLabel, { width: width - 4, top: legendTop, left: marginLeft, note: fixed.codes.length ? labels.gapNote : undefined });
  const marginBottom = legendTop + legend.height + 2 - (legend.height ? 0 : 6);
  const axis = valueAxis(fixed.max, model.format, height - marginTop - marginBottom);
  return { marginLeft, ticks, events, marginTop, tickLabelTop, legend, marginBottom, axis };
}

/** Where each series ends and where its label goes, moved apart so labels never overlap. */
function seriesEnds(model: TrendModel, labelLines: string[][], yScale: ScaleLinear<number, number>, top: number, bottom: number) {
  const area = model.settings.kind === 'area';
  const ends = model.series.map((s) => {
    const last = [...s.points].reverse().find((p) => (area ? p.y2 !== null : p.varde !== null));
    const value = last ? (area ? ((last.y1 ?? 0) + (last.y2 ?? 0)) / 2 : (last.varde ?? 0)) : 0;
    return { s, last, value };
  });
  const wanted = ends.map((e) => yScale(e.value));
  const placed = dodge(wanted, labelLines.map((l) => l.length * LINE_HEIGHT), top, bottom);
  return { ends, wanted, placed };
}

/** The whole layout of a trend chart from its model. */
export function trendLayout(model: TrendModel): TrendLayout {
  const { width, height, kind, references } = model.settings;
  const area = kind === 'area';
  const { labelLines, marginRight } = labelMargin(model);
  const { x0, x1, shown } = timeDomain(model);
  const values = model.series.flatMap((s) => s.points.map((p) => (area ? p.y2 : p.varde)).filter((v): v is number => v !== null));
  const max = Math.max(0, ...values, ...references.map((r) => r.value));
  const lanes = model.series.filter((s) => s.points.some((p) => p.varde === null));
  const codes = markerCodesPresent(model.missing.map((p) => p.markering ?? 'saknas'));
  const fixed = { marginRight, x0, x1, shown, lanes: lanes.length, codes, max };
  // The frame depends on the left margin (tick density, event rows), and the left margin on the value
  // axis' labels, which depend on the frame's height: start from an estimate, redo once if they are wider.
  let f = frame(model, valueAxis(max, model.format, height - 80).labelWidth + 10, fixed);
  if (f.axis.labelWidth + 10 > f.marginLeft) f = frame(model, f.axis.labelWidth + 10, fixed);
  const yScale = scaleLinear().domain(f.axis.domain).range([height - f.marginBottom, f.marginTop]);
  const { ends, wanted, placed } = seriesEnds(model, labelLines, yScale, f.marginTop - 6, height - f.marginBottom + 6);
  const xScale = scaleUtc().domain([new Date(x0), new Date(x1)]).range([f.marginLeft + INSET, width - marginRight - INSET]);
  const xEnd = new Date(x1);
  return {
    ...f, width, height, area, marginRight, x0, x1, lanes, laneOf: new Map(lanes.map((s, i) => [s.code, i])), codes,
    yScale, labelLines, ends, wanted, placed, xEnd, xSwatchEnd: xScale.invert(xScale(xEnd) + SWATCH),
  };
}
