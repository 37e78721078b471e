// The layers of a trend chart's marks, one builder each, in drawing order: grid and axes, events,
// reference lines, the series (areas, lines, points), missing values, direct labels. Each reads the model
// (./trend-model.ts) and the layout (./trend-layout.ts) and returns Plot marks; nothing is computed twice.

import * as Plot from '@observablehq/plot';
import { pathRound, symbolCircle, symbolDiamond, symbolSquare, symbolTimes, type SymbolType } from 'd3';
import { AREA_OPACITY, FONT_SIZE, GRID_COLOR, LINE_HEIGHT, MUTED_TEXT_COLOR, RULE_COLOR, TEXT_COLOR, markerGlyph } from './theme.ts';
import { INSET, LABEL_GAP, LANE_HEIGHT, SWATCH, type TrendLayout } from './trend-layout.ts';
import type { TrendModel, TrendPoint, TrendReference } from './trend-model.ts';
import { periodToDate } from '../data/period.ts';
import { periodLabel } from '../i18n/format.ts';
import { capitalize } from './labels.ts';

type Marks = Plot.Markish[];

/** The value grid, the value axis, the time axis (with minor ticks) and the value axis' label. */
export function axesMarks(model: TrendModel, L: TrendLayout): Marks {
  const marks: Marks = [
    Plot.gridY({ ticks: L.axis.ticks, stroke: GRID_COLOR, strokeOpacity: 1 }),
    Plot.axisY({ ticks: L.axis.ticks, tickFormat: L.axis.tickFormat, tickSize: 0, tickPadding: 6, label: null, fill: MUTED_TEXT_COLOR }),
    Plot.axisX({
      ticks: L.ticks.major,
      tickFormat: L.ticks.format,
      tickSize: 4,
      tickPadding: L.tickLabelTop - 4,
      label: null,
      fill: MUTED_TEXT_COLOR,
      stroke: MUTED_TEXT_COLOR,
    }),
  ];
  if (L.ticks.minor.length) marks.push(Plot.axisX({ ticks: L.ticks.minor, tickSize: 2, fill: 'none', stroke: MUTED_TEXT_COLOR, label: null }));
  const yLabel = model.settings.yLabel;
  if (yLabel) {
    marks.push(
      Plot.text([yLabel], {
        text: (d: string) => d,
        frameAnchor: 'top-left',
        dx: -L.marginLeft + 1,
        dy: -L.marginTop + 1,
        textAnchor: 'start',
        lineAnchor: 'top',
        fill: TEXT_COLOR,
        fontWeight: 600,
      }),
    );
  }
  return marks;
}

/** Events: a rule from the label row down through the plot, the label beside its top. */
export function eventMarks(L: TrendLayout): Marks {
  return L.events.flatMap((e) => {
    const lift = 4 + e.row * LINE_HEIGHT;
    return [
      Plot.ruleX([e], { x: 'date', stroke: RULE_COLOR, strokeWidth: 1, insetTop: -lift - (e.lines - 1) * LINE_HEIGHT }),
      Plot.text([e], {
        x: 'date',
        frameAnchor: 'top',
        dy: -lift - 1,
        dx: e.toRight ? 3 : -3,
        text: 'text',
        textAnchor: e.toRight ? 'start' : 'end',
        lineAnchor: 'bottom',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fill: MUTED_TEXT_COLOR,
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        title: (d: { datum: string; rubrik: string }) => `${d.rubrik} (${d.datum})`,
      }),
    ];
  });
}

/** References: a dashed rule with its label above the left end. */
export function referenceMarks(model: TrendModel): Marks {
  const fmt = model.settings.fmt;
  return model.settings.references.flatMap((r) => [
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
  ]);
}

/** Series of more periods than this are drawn as lines only, with a symbol at the end (no point per period). */
export const MAX_POINTS_DRAWN = 24;

/** The data: in area mode all bands first, then each series' line and its symbols on top. */
export function seriesMarks(model: TrendModel, L: TrendLayout): Marks {
  const bands = L.area
    ? model.series.map((s) => Plot.areaY(s.points, { x: 'date', y1: 'y1', y2: 'y2', fill: s.style.color, fillOpacity: AREA_OPACITY, curve: 'linear' }))
    : [];
  const y = L.area ? 'y2' : 'varde';
  const every = model.periods.length <= MAX_POINTS_DRAWN;
  const known = (p: TrendPoint | undefined) => p !== undefined && (L.area ? p.y2 !== null : p.varde !== null);
  const lines = model.series.flatMap((s, i) => {
    const end = L.ends[i]?.last;
    // A point per period for a short series; for a long one only the line's end (its symbol tells the
    // series apart in greyscale) and any value standing alone between gaps, which a line cannot draw.
    const points = s.points.filter((p, k) => known(p) && (every || p === end || (!known(s.points[k - 1]) && !known(s.points[k + 1]))));
    return [
      Plot.line(s.points, { x: 'date', y, stroke: s.style.color, strokeWidth: 2.25, strokeDasharray: s.style.dash, curve: 'linear' }),
      Plot.dot(points, {
        x: 'date',
        y,
        r: every ? (model.periods.length > 12 ? 2.5 : 3.5) : 3.5,
        symbol: s.style.symbol,
        fill: s.style.color,
        stroke: 'white',
        strokeWidth: 0.75,
        className: 'ss-symbols',
        ariaHidden: 'true',
      }),
    ];
  });
  return [...bands, ...lines];
}

/**
 * One period's tooltip: the period, then every series' value there, in the series' order. The series
 * without a value for one reason share a line, where the first of them stands: "Jourhem, HVB: ×
 * Skyddad av sekretess", or "Alla serier: …" when none has one. A unit with many hidden values (a small
 * municipality over ten years) then says each reason once a quarter, not once a series.
 */
export function periodTitle(model: TrendModel, k: number): string {
  const { fmt, markerLabel, labels } = model.settings;
  const period = model.periods[k];
  const lines: (string | { code: string; names: string[] })[] = [periodLabel(period)];
  const missing = new Map<string, { code: string; names: string[] }>();
  let present = 0;
  for (const s of model.series) {
    const p = s.points.find((q) => q.period === period);
    if (!p) continue;
    present++;
    if (p.varde !== null) {
      lines.push(`${s.name}: ${fmt(p.varde)}`);
      continue;
    }
    const code = p.markering ?? 'saknas';
    const group = missing.get(code);
    if (group) group.names.push(s.name);
    else {
      const first = { code, names: [s.name] };
      missing.set(code, first);
      lines.push(first);
    }
  }
  return lines
    .map((l) => {
      if (typeof l === 'string') return l;
      const who = l.names.length > 1 && l.names.length === present ? labels.allSeries : l.names.join(', ');
      return `${who}: ${markerGlyph(l.code).text}\u00a0${capitalize(markerLabel(l.code))}`;
    })
    .join('\n');
}

/**
 * Per period one invisible column over the plot and the missing-value lanes, with one tooltip listing
 * every series: the pointer anywhere in the column finds it, the arrow keys move period by period.
 */
export function periodMarks(model: TrendModel, L: TrendLayout): Marks {
  const dates = model.periods.map((p) => +periodToDate(p));
  if (!dates.length) return [];
  const half = (k: number) => (dates.length > 1 ? (k + 1 < dates.length ? dates[k + 1] - dates[k] : dates[k] - dates[k - 1]) / 2 : 45 * 86_400_000);
  const columns = dates.map((d, k) => ({
    from: new Date(k > 0 ? (dates[k - 1] + d) / 2 : d - half(k)),
    to: new Date(k + 1 < dates.length ? (d + dates[k + 1]) / 2 : d + half(k)),
    title: periodTitle(model, k),
  }));
  const lanes = L.lanes.length ? 6 + L.lanes.length * LANE_HEIGHT : 0;
  return [Plot.rect(columns, { x1: 'from', x2: 'to', insetBottom: -lanes, fill: 'transparent', title: 'title', className: 'ss-points ss-periods' })];
}

/** Missing-value glyphs as d3 draws Plot's symbols of the same names. */
const GLYPH_TYPES: Record<string, SymbolType> = { times: symbolTimes, circle: symbolCircle, diamond: symbolDiamond, square: symbolSquare };
const GLYPH_R = 4;

/** Glyphs of one type at the given points, as one path. */
export function glyphsPath(symbol: string, points: readonly (readonly [number, number])[], r = GLYPH_R): string {
  const type = GLYPH_TYPES[symbol] ?? symbolSquare;
  const path = pathRound(1);
  for (const [x, y] of points) {
    type.draw(
      {
        moveTo: (a: number, b: number) => path.moveTo(x + a, y + b),
        lineTo: (a: number, b: number) => path.lineTo(x + a, y + b),
        arc: (a: number, b: number, radius: number, start: number, end: number, ccw?: boolean) => path.arc(x + a, y + b, radius, start, end, ccw),
        closePath: () => path.closePath(),
      } as CanvasPath,
      r * r * Math.PI,
    );
  }
  return path.toString();
}

/**
 * A lane of glyphs as the vertices of one path that carries the glyph as its marker: a zero-length
 * stroke at each quarter, "M26,223h0m13.4,0h0…", some 9 characters a glyph where drawing it costs 45.
 */
export function laneVertices(xs: readonly number[], y: number): string {
  const r = (v: number) => Math.round(v * 10) / 10;
  return xs.map((x, k) => (k === 0 ? `M${r(x)},${r(y)}h0` : `m${r(x - xs[k - 1])},0h0`)).join('');
}

/** From this many glyphs in a lane on, they are drawn by a marker (its definition costs some 250 characters). */
const MARKER_FROM = 8;

/**
 * Missing values: a glyph per series lane just under the time axis, in the series' colour (the period's
 * tooltip says why). Each lane's glyphs of one kind are one path: drawn glyph by glyph when they are
 * few, and as the vertices of a path with the glyph as its SVG marker when they are many (at national
 * scale a small municipality has hundreds of missing values: a path each cost its first view some
 * 20 kB, all drawn in one path still 2 kB a lane).
 */
export function missingMarks(L: TrendLayout): Marks {
  const lanes = L.lanes.flatMap((s) => {
    const lane = L.laneOf.get(s.code) ?? 0;
    return L.codes.flatMap((code) => {
      const points = s.points.filter((p) => p.varde === null && (p.markering ?? 'saknas') === code);
      return points.length ? [{ s, lane, code, dates: points.map((p) => p.date) }] : [];
    });
  });
  if (!lanes.length) return [];
  const mark = (_index: unknown, scales: { x?: (d: Date) => number }, _values: unknown, dimensions: { height: number; marginBottom: number }, context: { document: Document }) => {
    const el = (name: string, attrs: Record<string, string>) => {
      const e = context.document.createElementNS('http://www.w3.org/2000/svg', name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      return e;
    };
    const g = el('g', { class: 'ss-missing', 'aria-hidden': 'true' });
    const defs = el('defs', {});
    const bottom = dimensions.height - dimensions.marginBottom;
    for (const { s, lane, code, dates } of lanes) {
      const glyph = markerGlyph(code).symbol;
      const paint = { fill: glyph === 'times' ? 'none' : 'white', stroke: s.style.color, 'stroke-width': '1.75' };
      const y = bottom + 4 + 6 + lane * LANE_HEIGHT;
      const xs = dates.map((d) => scales.x?.(d) ?? 0);
      if (xs.length < MARKER_FROM) {
        g.append(el('path', { d: glyphsPath(glyph, xs.map((x) => [x, y] as const)), ...paint, 'data-marker': code }));
        continue;
      }
      // One marker per glyph and colour; render() gives it an id of the chart's own (<chart>-glyph-1).
      const id = `plot-glyph-${glyph}${s.style.color.replace(/\W/g, '')}`;
      if (!defs.querySelector(`[id="${id}"]`)) {
        const marker = el('marker', { id, markerUnits: 'userSpaceOnUse', markerWidth: '12', markerHeight: '12', viewBox: '-6 -6 12 12', overflow: 'visible' });
        marker.append(el('path', { d: glyphsPath(glyph, [[0, 0]]), ...paint }));
        defs.append(marker);
      }
      const url = `url(#${id})`;
      g.append(el('path', { d: laneVertices(xs, y), fill: 'none', stroke: 'none', 'marker-start': url, 'marker-mid': url, 'marker-end': url, 'data-marker': code }));
    }
    if (defs.firstChild) g.prepend(defs);
    return g;
  };
  return [mark as unknown as Plot.Markish];
}

/** Direct labels: a swatch of the series' line style, then the name; a thin leader when moved. */
export function labelMarks(L: TrendLayout): Marks {
  return L.ends.flatMap((e, i) => {
    const s = e.s;
    const yLabel = L.yScale.invert(L.placed[i]);
    const moved = Math.abs(L.placed[i] - L.wanted[i]) > 2;
    const leader = moved && e.last
      ? [Plot.link([e], { x1: () => L.xEnd, x2: () => L.xEnd, y1: () => e.value, y2: () => yLabel, dx: INSET, stroke: RULE_COLOR, strokeWidth: 0.75, ariaHidden: 'true' })]
      : [];
    return [
      ...leader,
      Plot.link([e], {
        x1: () => L.xEnd,
        x2: () => L.xSwatchEnd,
        y1: () => yLabel,
        y2: () => yLabel,
        dx: INSET + LABEL_GAP,
        stroke: s.style.color,
        strokeWidth: 2.25,
        strokeDasharray: s.style.dash,
        ariaHidden: 'true',
      }),
      Plot.dot([e], {
        x: () => L.xEnd,
        y: () => yLabel,
        dx: INSET + LABEL_GAP + SWATCH / 2,
        r: 3.5,
        symbol: s.style.symbol,
        fill: s.style.color,
        stroke: 'white',
        strokeWidth: 0.75,
        ariaHidden: 'true',
        className: 'ss-key',
      }),
      Plot.text([L.labelLines[i].join('\n')], {
        x: () => L.xEnd,
        y: () => yLabel,
        text: (d: string) => d,
        dx: INSET + LABEL_GAP + SWATCH + 4,
        textAnchor: 'start',
        lineAnchor: 'middle',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fill: TEXT_COLOR,
        ariaHidden: 'true',
      }),
    ];
  });
}

/** The x axis line at zero, then the marker legend under the axis. */
export function baselineMarks(L: TrendLayout): Marks {
  return [Plot.ruleY([0], { stroke: MUTED_TEXT_COLOR, strokeWidth: 1 }), ...L.legend.marks];
}
