// Pieces the chart kinds share: the value axis, the marker legend drawn inside the SVG (so a downloaded
// SVG or PNG explains its own glyphs), and label resolution.

import * as Plot from '@observablehq/plot';
import { scaleLinear, precisionFixed } from 'd3';
import { formatNumber, formatPercent, type ValueFormat } from '../i18n/format.ts';
import { capitalize, defaultChartLabels, defaultMarkerLabel, type ChartLabels } from './labels.ts';
import { FONT_SIZE, LINE_HEIGHT, MARKER_ORDER, MUTED_TEXT_COLOR, SVG_STYLE, markerGlyph, textWidth } from './theme.ts';

/** Options every chart kind takes. */
export interface CommonChartOptions {
  /** Outer width in pixels (the SVG scales down with CSS). */
  width?: number;
  /** How values are formatted: counts (default) or shares already in percent. */
  format?: ValueFormat;
  /** Decimals in labels and tooltips; default 0 for counts, 1 for percent. */
  digits?: number;
  /** The chart's title: the SVG's accessible name. */
  title?: string;
  /** Text appended to the computed description (e.g. the source). */
  description?: string;
  /** Label of a marker code (from the data contract); default src/data/markers.ts. */
  markerLabel?: (code: string) => string;
  /** Generic words (chart kinds, legends); default Swedish. */
  labels?: Partial<ChartLabels>;
}

/** The options every chart kind resolves once: formats, words, title and description. */
export interface CommonSettings {
  format: ValueFormat;
  digits?: number;
  fmt: (v: number) => string;
  markerLabel: (code: string) => string;
  labels: ChartLabels;
  title?: string;
  description?: string;
}

export function commonSettings(options: CommonChartOptions): CommonSettings {
  const format = options.format ?? 'count';
  return {
    format,
    digits: options.digits,
    fmt: valueFormatter(format, options.digits),
    markerLabel: resolveMarkerLabel(options.markerLabel),
    labels: resolveLabels(options.labels),
    title: options.title,
    description: options.description,
  };
}

export interface Frame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

/** The Plot options of a chart's frame: its size and margins, the shared look, its name and description. */
export function frameOptions(f: Frame, ariaLabel: string, ariaDescription: string): Plot.PlotOptions {
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = f;
  return { width, height, marginTop, marginRight, marginBottom, marginLeft, style: SVG_STYLE, ariaLabel, ariaDescription };
}

export function resolveLabels(labels: Partial<ChartLabels> | undefined): ChartLabels {
  return { ...defaultChartLabels, ...labels };
}

export function resolveMarkerLabel(markerLabel: ((code: string) => string) | undefined): (code: string) => string {
  return markerLabel ?? defaultMarkerLabel;
}

/** A value formatter for labels and tooltips. */
export function valueFormatter(format: ValueFormat, digits?: number): (v: number) => string {
  const d = digits ?? (format === 'percent' ? 1 : 0);
  return format === 'percent' ? (v) => formatPercent(v, d) : (v) => formatNumber(v, d);
}

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  tickFormat: (v: number) => string;
  /** Estimated width of the widest tick label in pixels. */
  labelWidth: number;
}

/**
 * A value axis from zero: counts and shares are compared with zero, so the baseline is always 0.
 * Counts get whole-number ticks only; percent ticks carry only the decimals their step needs.
 */
export function valueAxis(max: number, format: ValueFormat, pixels: number, spacing = 45): ValueAxis {
  const top = max > 0 && Number.isFinite(max) ? max : format === 'percent' ? 10 : 1;
  const count = Math.max(2, Math.min(8, Math.round(pixels / spacing)));
  const scale = scaleLinear().domain([0, top]).nice(count);
  let ticks = scale.ticks(count);
  if (format === 'count') ticks = ticks.filter(Number.isInteger);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const digits = Number.isInteger(step) ? 0 : precisionFixed(step);
  const tickFormat = format === 'percent' ? (v: number) => formatPercent(v, digits) : (v: number) => formatNumber(v, digits);
  const domain = scale.domain() as [number, number];
  const labelWidth = Math.max(0, ...ticks.map((t) => textWidth(tickFormat(t))));
  return { domain, ticks, tickFormat, labelWidth };
}

/** Marker codes present, in legend order (known codes first, then others by name). */
export function markerCodesPresent(codes: Iterable<string>): string[] {
  const present = new Set(codes);
  const known = MARKER_ORDER.filter((c) => present.has(c));
  const other = [...present].filter((c) => !MARKER_ORDER.includes(c)).sort();
  return [...known, ...other];
}

export interface LegendLayout {
  marks: Plot.Markish[];
  /** Height in pixels the legend needs. */
  height: number;
}

interface LegendItem {
  glyph: string;
  text: string;
  x: number;
  row: number;
}

/** The legend's items laid out in rows that fit `width`. */
function legendItems(codes: readonly string[], markerLabel: (code: string) => string, width: number): LegendItem[] {
  const items: LegendItem[] = [];
  const gap = 16;
  let x = 0;
  let row = 0;
  for (const code of codes) {
    const text = capitalize(markerLabel(code));
    const w = GLYPH_WIDTH + textWidth(text);
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    items.push({ glyph: markerGlyph(code).symbol, text, x, row });
    x += w + gap;
  }
  return items;
}

const GLYPH_WIDTH = 14;

/** A glyph and its words, anchored at the frame's bottom-left corner. */
function legendItemMarks(item: LegendItem, top: number, left: number): Plot.Markish[] {
  const dy = top + item.row * LINE_HEIGHT + LINE_HEIGHT / 2;
  const dx = item.x - left;
  return [
    Plot.dot([item], {
      frameAnchor: 'bottom-left',
      dx: dx + 5,
      dy,
      r: 4,
      symbol: item.glyph,
      stroke: MUTED_TEXT_COLOR,
      strokeWidth: 1.5,
      fill: item.glyph === 'times' ? 'none' : 'white',
      ariaHidden: 'true',
    }),
    Plot.text([item], {
      frameAnchor: 'bottom-left',
      dx: dx + GLYPH_WIDTH,
      dy,
      text: () => item.text,
      textAnchor: 'start',
      lineAnchor: 'middle',
      fill: MUTED_TEXT_COLOR,
      fontSize: FONT_SIZE,
      ariaHidden: 'true',
    }),
  ];
}

/**
 * The marker legend ("× Skyddad av sekretess  ○ Uppgift saknas"), laid out in rows that fit `width`,
 * anchored at the plot frame's bottom-left corner and placed `top` pixels below the frame.
 */
export function markerLegend(
  codes: readonly string[],
  markerLabel: (code: string) => string,
  { width, top, left, note }: { width: number; top: number; left: number; note?: string },
): LegendLayout {
  const items = legendItems(codes, markerLabel, width);
  const rows = items.length ? items[items.length - 1].row + 1 : 0;
  const marks = items.flatMap((item) => legendItemMarks(item, top, left));
  let height = rows * LINE_HEIGHT;
  if (note) {
    const dy = top + height + LINE_HEIGHT / 2;
    marks.push(
      Plot.text([note], { frameAnchor: 'bottom-left', dx: -left, dy, text: () => note, textAnchor: 'start', lineAnchor: 'middle', fill: MUTED_TEXT_COLOR, ariaHidden: 'true' }),
    );
    height += LINE_HEIGHT;
  }
  return { marks, height };
}
