// Trend over periods: one line (or stacked area) per series, on a time axis of period start dates.
// A missing value (NULL) is a gap, never 0 and never bridged: the line breaks there and a hollow or
// "×" glyph on the time axis, explained by a legend, says why. Each series has its own colour, dash
// pattern and point symbol, and is named by a direct label at its end.

import * as Plot from '@observablehq/plot';
import { scaleLinear, scaleUtc } from 'd3';
import { periodToDate, shiftPeriod } from '../data/period.ts';
import { periodLabel, periodRangeLabel, type ValueFormat } from '../i18n/format.ts';
import {
  markerCodesPresent,
  markerLegend,
  resolveLabels,
  resolveMarkerLabel,
  valueAxis,
  valueFormatter,
  type CommonChartOptions,
} from './common.ts';
import { capitalize, listText } from './labels.ts';
import {
  AREA_OPACITY,
  FONT_SIZE,
  GRID_COLOR,
  LINE_HEIGHT,
  MUTED_TEXT_COLOR,
  RULE_COLOR,
  SVG_STYLE,
  TEXT_COLOR,
  dodge,
  markerGlyph,
  seriesStyle,
  textWidth,
  truncateText,
  wrapText,
  type SeriesStyle,
} from './theme.ts';

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
  /** Display name of a series code; default the code itself. */
  seriesLabel?: (serie: string) => string;
  events?: readonly TrendEvent[];
  references?: readonly TrendReference[];
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
  title: string;
}

export interface TrendModel {
  periods: string[];
  series: { code: string; name: string; style: SeriesStyle; points: TrendPoint[] }[];
  missing: TrendPoint[];
  format: ValueFormat;
}

const DAY = 24 * 60 * 60 * 1000;

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

/**
 * The grid behind the chart: each series from its first to its last row, with a point per period.
 * A period without a row inside that span is a missing value ("saknas"), so the line is broken there
 * rather than drawn straight across.
 */
export function trendModel(rows: readonly TrendRow[], options: TrendOptions = {}): TrendModel {
  const format = options.format ?? 'count';
  const fmt = valueFormatter(format, options.digits);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const nameOf = options.seriesLabel ?? ((s: string) => s);
  const codes = options.series ? [...options.series] : [...new Set(rows.map((r) => r.serie))];
  const wanted = new Set(codes);
  const used = rows.filter((r) => wanted.has(r.serie));
  const periods = periodSequence([...new Set(used.map((r) => r.period))].sort());
  const index = new Map(periods.map((p, i) => [p, i]));
  const byKey = new Map(used.map((r) => [`${r.serie}\u0000${r.period}`, r]));

  const series = codes.map((code, i) => {
    const name = nameOf(code);
    const own = used.filter((r) => r.serie === code).map((r) => index.get(r.period) ?? 0);
    const points: TrendPoint[] = [];
    if (own.length) {
      const from = Math.min(...own);
      const to = Math.max(...own);
      for (let k = from; k <= to; k++) {
        const period = periods[k];
        const row = byKey.get(`${code}\u0000${period}`);
        const varde = row && row.varde != null && Number.isFinite(row.varde) ? row.varde : null;
        const markering = varde === null ? (row?.markering ?? 'saknas') : (row?.markering ?? null);
        const shown = varde === null ? capitalize(markerLabel(markering ?? 'saknas')) : fmt(varde);
        points.push({
          period,
          date: periodToDate(period),
          serie: code,
          name,
          varde,
          markering,
          y1: null,
          y2: null,
          title: `${name}\n${periodLabel(period)}: ${shown}`,
        });
      }
    }
    return { code, name, style: seriesStyle(i), points };
  });

  // Stack bottom-up; a band is unknown where it or any band below it is missing.
  const base = new Array<number>(periods.length).fill(0);
  const broken = new Array<boolean>(periods.length).fill(false);
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

  const missing = series.flatMap((s) => s.points.filter((p) => p.varde === null));
  return { periods, series, missing, format };
}

interface TimeTicks {
  major: Date[];
  minor: Date[];
  format: (d: Date) => string;
  lines: number;
}

/**
 * Time-axis ticks. Few quarters: every quarter, "kv. 3" with the year under the first quarter of each
 * year and under the first tick. Many quarters or years: years only (every k-th), quarters as minor ticks.
 */
function timeTicks(periods: string[], plotWidth: number): TimeTicks {
  const quarterly = periods.length > 0 && periods[0].includes('-Q');
  const dates = periods.map((p) => periodToDate(p));
  const label = new Map(periods.map((p, i) => [dates[i].getTime(), p]));
  if (quarterly && periods.length * 48 <= plotWidth) {
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
  return {
    major,
    minor: quarterly ? dates : step > 1 ? yearStarts : [],
    lines: 1,
    format: (d) => String(d.getUTCFullYear()),
  };
}

/** An accessible description of the chart: kind, series, periods, missing values, references. */
export function trendDescription(model: TrendModel, options: TrendOptions = {}): string {
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const fmt = valueFormatter(model.format, options.digits);
  const kind = options.kind === 'area' ? labels.areaChart : labels.lineChart;
  const names = model.series.map((s) => s.name);
  const parts = [`${kind}, ${labels.seriesCount(names.length)}: ${listText(names, labels.and)}`];
  if (model.periods.length) parts[0] += `, ${periodRangeLabel(model.periods[0], model.periods[model.periods.length - 1])}`;
  parts[0] += '.';
  if (model.missing.length) {
    const why = markerCodesPresent(model.missing.map((p) => p.markering ?? 'saknas')).map(markerLabel);
    parts.push(`${capitalize(labels.missingCount(model.missing.length))} (${listText(why, labels.and)}). ${labels.gapNote}`);
  }
  for (const r of options.references ?? []) parts.push(`${r.label}: ${fmt(r.value)}.`);
  if (options.description) parts.push(options.description);
  return parts.join(' ');
}

/** Plot options for a trend chart; render with `render` from ./render.ts. */
export function trendSpec(rows: readonly TrendRow[], options: TrendOptions = {}): Plot.PlotOptions {
  const model = trendModel(rows, options);
  const area = options.kind === 'area';
  const format = model.format;
  const fmt = valueFormatter(format, options.digits);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const labels = resolveLabels(options.labels);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const series = model.series;
  const periods = model.periods;

  // --- horizontal layout: y tick labels on the left, direct series labels on the right.
  const maxRight = Math.round(width * 0.3);
  const swatch = 18;
  const labelLines = series.map((s) => wrapText(s.name, maxRight - swatch - 12));
  const labelWidth = Math.max(0, ...labelLines.flat().map((l) => textWidth(l)));
  const labelGap = 2; // from the frame to the swatch
  const marginRight = Math.min(maxRight, Math.max(16, labelGap + swatch + 4 + labelWidth + 6));

  // --- vertical layout.
  const events = (options.events ?? []).filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.datum));
  const references = options.references ?? [];
  const values = series.flatMap((s) => s.points.map((p) => (area ? p.y2 : p.varde)).filter((v): v is number => v !== null));
  const max = Math.max(0, ...values, ...references.map((r) => r.value));

  const firstDate = periods.length ? periodToDate(periods[0]) : new Date(Date.UTC(2000, 0, 1));
  const lastDate = periods.length ? periodToDate(periods[periods.length - 1]) : firstDate;
  const lastEnd = periods.length ? periodToDate(shiftPeriod(periods[periods.length - 1], 1)) : firstDate;
  const eventDates = events.map((e) => new Date(`${e.datum.slice(0, 10)}T00:00:00Z`));
  const shownEvents = events
    .map((e, i) => ({ ...e, date: eventDates[i] }))
    .filter((e) => e.date >= firstDate && e.date < lastEnd)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  let x0 = firstDate.getTime();
  let x1 = Math.max(lastDate.getTime(), ...shownEvents.map((e) => e.date.getTime()));
  if (x1 === x0) {
    x0 -= 45 * DAY;
    x1 += 45 * DAY;
  }

  const lanes = series.filter((s) => s.points.some((p) => p.varde === null));
  const laneOf = new Map(lanes.map((s, i) => [s.code, i]));
  const laneHeight = 11;
  const lanesHeight = lanes.length ? 6 + lanes.length * laneHeight : 0;

  const inset = 8;
  const codes = markerCodesPresent(model.missing.map((p) => p.markering ?? 'saknas'));

  // The layout depends on the left margin (tick density, event label rows), and the left margin on the
  // value axis' labels, which depend on the layout's height: start from an estimate and redo it once
  // if the value labels turn out wider.
  const layout = (marginLeft: number) => {
    const plotWidth = width - marginLeft - marginRight - 2 * inset;
    const ticks = timeTicks(periods, plotWidth);
    // Event labels sit in rows above the frame; a label goes to the first row where it does not overlap.
    const xScale = scaleUtc()
      .domain([new Date(x0), new Date(x1)])
      .range([marginLeft + inset, width - marginRight - inset]);
    const rowEnds: number[] = [];
    const placedEvents = shownEvents.map((e) => {
      const x = xScale(e.date);
      const text = truncateText(e.rubrik, Math.max(120, Math.min(240, plotWidth / 2.5)));
      const w = textWidth(text);
      const toRight = x + 3 + w <= width - 2;
      const [a, b] = toRight ? [x, x + 3 + w] : [x - 3 - w, x];
      let row = rowEnds.findIndex((end) => end + 8 <= a);
      if (row < 0) row = rowEnds.push(-Infinity) - 1;
      rowEnds[row] = b;
      return { ...e, text, row, toRight };
    });
    const yLabelHeight = options.yLabel ? LINE_HEIGHT + 4 : 0;
    const marginTop = Math.max(10, yLabelHeight + rowEnds.length * LINE_HEIGHT + (rowEnds.length ? 4 : 0) + 6);
    const tickLabelTop = 4 + lanesHeight + 3;
    const legendTop = tickLabelTop + ticks.lines * LINE_HEIGHT + 8;
    const legend = markerLegend(codes, markerLabel, {
      width: width - 4,
      top: legendTop,
      left: marginLeft,
      note: codes.length ? labels.gapNote : undefined,
    });
    const marginBottom = legendTop + legend.height + 2 - (legend.height ? 0 : 6);
    const axis = valueAxis(max, format, height - marginTop - marginBottom);
    return { marginLeft, ticks, xScale, placedEvents, marginTop, tickLabelTop, legend, marginBottom, axis };
  };
  let laid = layout(valueAxis(max, format, height - 80).labelWidth + 10);
  if (laid.axis.labelWidth + 10 > laid.marginLeft) laid = layout(laid.axis.labelWidth + 10);
  const { marginLeft, ticks, xScale, placedEvents, marginTop, tickLabelTop, legend, marginBottom, axis } = laid;

  const yScale = scaleLinear().domain(axis.domain).range([height - marginBottom, marginTop]);

  // --- direct labels at the series' ends, moved apart so they never overlap.
  const ends = series.map((s) => {
    const last = [...s.points].reverse().find((p) => (area ? p.y2 !== null : p.varde !== null));
    const value = last ? (area ? ((last.y1 ?? 0) + (last.y2 ?? 0)) / 2 : (last.varde ?? 0)) : 0;
    return { s, last, value };
  });
  const heights = labelLines.map((l) => l.length * LINE_HEIGHT);
  const wanted = ends.map((e) => yScale(e.value));
  const placed = dodge(wanted, heights, marginTop - 6, height - marginBottom + 6);
  const xEnd = new Date(x1);
  const xSwatchEnd = xScale.invert(xScale(xEnd) + swatch);

  const marks: Plot.Markish[] = [];

  // Grid and axes first, so data draws over them.
  marks.push(
    Plot.gridY({ ticks: axis.ticks, stroke: GRID_COLOR, strokeOpacity: 1 }),
    Plot.axisY({
      ticks: axis.ticks,
      tickFormat: axis.tickFormat,
      tickSize: 0,
      tickPadding: 6,
      label: null,
      fill: MUTED_TEXT_COLOR,
    }),
    Plot.axisX({
      ticks: ticks.major,
      tickFormat: ticks.format,
      tickSize: 4,
      tickPadding: tickLabelTop - 4,
      label: null,
      fill: MUTED_TEXT_COLOR,
      stroke: MUTED_TEXT_COLOR,
    }),
  );
  if (ticks.minor.length) {
    marks.push(Plot.axisX({ ticks: ticks.minor, tickSize: 2, fill: 'none', stroke: MUTED_TEXT_COLOR, label: null }));
  }
  if (options.yLabel) {
    const yLabel = options.yLabel;
    marks.push(
      Plot.text([yLabel], {
        text: (d: string) => d,
        frameAnchor: 'top-left',
        dx: -marginLeft + 1,
        dy: -marginTop + 1,
        textAnchor: 'start',
        lineAnchor: 'top',
        fill: TEXT_COLOR,
        fontWeight: 600,
      }),
    );
  }

  // Events: a rule from the label row down through the plot, the label beside its top.
  for (const e of placedEvents) {
    const lift = 4 + e.row * LINE_HEIGHT;
    marks.push(
      Plot.ruleX([e], { x: 'date', stroke: RULE_COLOR, strokeWidth: 1, insetTop: -lift }),
      Plot.text([e], {
        x: 'date',
        frameAnchor: 'top',
        dy: -lift - 1,
        dx: e.toRight ? 3 : -3,
        text: 'text',
        textAnchor: e.toRight ? 'start' : 'end',
        lineAnchor: 'bottom',
        fill: MUTED_TEXT_COLOR,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        title: (d: { datum: string; rubrik: string }) => `${d.rubrik} (${d.datum})`,
      }),
    );
  }

  // References: a dashed rule with its label above the left end.
  for (const r of references) {
    marks.push(
      Plot.ruleY([r], { y: 'value', stroke: RULE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3' }),
      Plot.text([r], {
        y: 'value',
        frameAnchor: 'left',
        dx: 4,
        dy: -3,
        text: (d: TrendReference) => `${d.label}: ${fmt(d.value)}`,
        textAnchor: 'start',
        lineAnchor: 'bottom',
        fill: TEXT_COLOR,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    );
  }

  // The data. Areas first (all bands), then each series' line and points on top.
  if (area) {
    for (const s of series) {
      marks.push(
        Plot.areaY(s.points, {
          x: 'date',
          y1: 'y1',
          y2: 'y2',
          fill: s.style.color,
          fillOpacity: AREA_OPACITY,
          curve: 'linear',
        }),
      );
    }
  }
  for (const s of series) {
    const y = area ? 'y2' : 'varde';
    const defined = s.points.filter((p) => (area ? p.y2 !== null : p.varde !== null));
    marks.push(
      Plot.line(s.points, {
        x: 'date',
        y,
        stroke: s.style.color,
        strokeWidth: 2.25,
        strokeDasharray: s.style.dash,
        curve: 'linear',
      }),
      Plot.dot(defined, {
        x: 'date',
        y,
        r: periods.length > 24 ? 2.5 : 3.5,
        symbol: s.style.symbol,
        fill: s.style.color,
        stroke: 'white',
        strokeWidth: 0.75,
        title: 'title',
        className: 'ss-points',
      }),
    );
  }

  // Missing values: a glyph per series lane just under the time axis, in the series' colour.
  for (const s of lanes) {
    const lane = laneOf.get(s.code) ?? 0;
    for (const code of codes) {
      const points = s.points.filter((p) => p.varde === null && (p.markering ?? 'saknas') === code);
      if (!points.length) continue;
      const glyph = markerGlyph(code).symbol;
      marks.push(
        Plot.dot(points, {
          x: 'date',
          frameAnchor: 'bottom',
          dy: 4 + 6 + lane * laneHeight,
          r: 4,
          symbol: glyph,
          stroke: s.style.color,
          strokeWidth: 1.75,
          fill: glyph === 'times' ? 'none' : 'white',
          title: 'title',
          className: 'ss-points ss-missing',
        }),
      );
    }
  }

  // Direct labels: a swatch of the series' line style, then the name; a thin leader when moved.
  ends.forEach((e, i) => {
    const s = e.s;
    const yLabel = yScale.invert(placed[i]);
    const moved = Math.abs(placed[i] - wanted[i]) > 2;
    if (moved && e.last) {
      marks.push(
        Plot.link([e], {
          x1: () => xEnd,
          x2: () => xEnd,
          y1: () => e.value,
          y2: () => yLabel,
          dx: inset,
          stroke: RULE_COLOR,
          strokeWidth: 0.75,
          ariaHidden: 'true',
        }),
      );
    }
    marks.push(
      Plot.link([e], {
        x1: () => xEnd,
        x2: () => xSwatchEnd,
        y1: () => yLabel,
        y2: () => yLabel,
        dx: inset + labelGap,
        stroke: s.style.color,
        strokeWidth: 2.25,
        strokeDasharray: s.style.dash,
        ariaHidden: 'true',
      }),
      Plot.text([labelLines[i].join('\n')], {
        x: () => xEnd,
        y: () => yLabel,
        text: (d: string) => d,
        dx: inset + labelGap + swatch + 4,
        textAnchor: 'start',
        lineAnchor: 'middle',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fill: TEXT_COLOR,
        ariaHidden: 'true',
      }),
    );
  });

  // The x axis line at zero.
  marks.push(Plot.ruleY([0], { stroke: MUTED_TEXT_COLOR, strokeWidth: 1 }));
  marks.push(...legend.marks);

  return {
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    style: SVG_STYLE,
    ariaLabel: options.title ?? (area ? labels.areaChart : labels.lineChart),
    ariaDescription: trendDescription(model, options),
    x: { type: 'utc', domain: [new Date(x0), new Date(x1)], inset, axis: null },
    y: { type: 'linear', domain: axis.domain, axis: null },
    marks,
  };
}
