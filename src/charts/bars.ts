// Horizontal bars, one per category (optionally several per category, one per group), sorted, with the
// value written at the end of each bar. A category without a number gets its marker text where the bar
// would start ("× Skyddad av sekretess"), never a bar of length zero.

import * as Plot from '@observablehq/plot';
import { ascending } from 'd3';
import { commonSettings, frameOptions, valueAxis, type CommonChartOptions, type CommonSettings, type ValueAxis } from './common.ts';
import { capitalize, listText } from './labels.ts';
import { BAR_COLOR, BAR_MUTED_COLOR, FONT_SIZE, GRID_COLOR, LINE_HEIGHT, MUTED_TEXT_COLOR, RULE_COLOR, TEXT_COLOR, LABEL_LINE_HEIGHT, labelLines, markerGlyph, seriesStyle, textWidth } from './theme.ts';

export { labelLines };

export interface BarRow {
  kategori: string;
  varde: number | null;
  markering: string | null;
  /** A second level inside a category (e.g. sex within an age group): bars are grouped by category. */
  grupp?: string;
}

export interface BarReference {
  label: string;
  value: number;
}

export interface BarsOptions extends CommonChartOptions {
  /** The value axis' label, e.g. "Andel i nätverkshem". */
  xLabel?: string;
  /**
   * Order of categories: by value, largest first (default without groups), smallest first, or as given
   * (default with groups, where categories such as age groups have their own order). Categories
   * without a number always come last.
   */
  sort?: 'descending' | 'ascending' | 'none';
  references?: readonly BarReference[];
  /** Categories drawn in the accent colour with a bold label; the others in grey. Default: all accent. */
  highlight?: readonly string[];
  categoryLabel?: (kategori: string) => string;
  groupLabel?: (grupp: string) => string;
}

export interface BarItem {
  kategori: string;
  grupp: string | null;
  name: string;
  group: string | null;
  varde: number | null;
  markering: string | null;
  /** "Skyddad av sekretess" for a missing value, else the formatted number. */
  shown: string;
  title: string;
  color: string;
  highlighted: boolean;
}

/** The options, resolved once. */
export interface BarsSettings extends CommonSettings {
  width: number;
  xLabel?: string;
  references: readonly BarReference[];
  /** Whether some categories are highlighted (then the others are grey and their labels regular). */
  highlighting: boolean;
}

export interface BarsModel {
  categories: string[];
  groups: string[];
  items: BarItem[];
  settings: BarsSettings;
}

function settingsOf(options: BarsOptions): BarsSettings {
  return {
    ...commonSettings(options),
    width: options.width ?? 640,
    xLabel: options.xLabel,
    references: options.references ?? [],
    highlighting: !!options.highlight,
  };
}

/** The categories in drawing order: by their largest value (or as given); those without a number last. */
function categoryOrder(rows: readonly BarRow[], sort: 'descending' | 'ascending' | 'none', catName: (k: string) => string): string[] {
  const given = [...new Set(rows.map((r) => r.kategori))];
  const key = new Map<string, number | null>();
  for (const k of given) {
    const vs = rows.filter((r) => r.kategori === k && r.varde != null).map((r) => r.varde as number);
    key.set(k, vs.length ? Math.max(...vs) : null);
  }
  const position = new Map(given.map((k, i) => [k, i]));
  return [...given].sort((a, b) => {
    const ka = key.get(a) ?? null;
    const kb = key.get(b) ?? null;
    if (ka === null || kb === null) return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || (position.get(a) ?? 0) - (position.get(b) ?? 0);
    if (sort === 'none') return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    return (sort === 'descending' ? kb - ka : ka - kb) || ascending(catName(a), catName(b));
  });
}

/** Bars in drawing order, with formatted values and marker texts. */
export function barsModel(rows: readonly BarRow[], options: BarsOptions = {}): BarsModel {
  const settings = settingsOf(options);
  const { fmt, markerLabel } = settings;
  const catName = options.categoryLabel ?? ((k: string) => k);
  const grpName = options.groupLabel ?? ((g: string) => g);
  const grouped = rows.some((r) => r.grupp != null && r.grupp !== '');
  const groups = grouped ? [...new Set(rows.map((r) => r.grupp ?? ''))] : [];
  const highlight = options.highlight ? new Set(options.highlight) : null;
  const categories = categoryOrder(rows, options.sort ?? (grouped ? 'none' : 'descending'), catName);
  const catIndex = new Map(categories.map((k, i) => [k, i]));
  const grpIndex = new Map(groups.map((g, i) => [g, i]));
  const items = rows
    .map((r): BarItem => {
      const varde = r.varde != null && Number.isFinite(r.varde) ? r.varde : null;
      const markering = varde === null ? (r.markering ?? 'saknas') : r.markering;
      const grupp = grouped ? (r.grupp ?? '') : null;
      const name = catName(r.kategori);
      const group = grupp === null ? null : grpName(grupp);
      const shown = varde === null ? `${markerGlyph(markering ?? 'saknas').text} ${capitalize(markerLabel(markering ?? 'saknas'))}` : fmt(varde);
      const highlighted = highlight ? highlight.has(r.kategori) : true;
      const color = grupp !== null ? seriesStyle(grpIndex.get(grupp) ?? 0).color : highlighted ? BAR_COLOR : BAR_MUTED_COLOR;
      const title = `${group === null ? name : `${name}, ${group}`}: ${varde === null ? capitalize(markerLabel(markering ?? 'saknas')) : shown}`;
      return { kategori: r.kategori, grupp, name, group, varde, markering, shown, title, color, highlighted };
    })
    .sort(
      (a, b) =>
        (catIndex.get(a.kategori) ?? 0) - (catIndex.get(b.kategori) ?? 0) ||
        (grpIndex.get(a.grupp ?? '') ?? 0) - (grpIndex.get(b.grupp ?? '') ?? 0),
    );
  return { categories, groups, items, settings };
}

/** An accessible description: kind, count, highest and lowest, and which categories lack a number. */
export function barsDescription(model: BarsModel): string {
  const { labels, markerLabel, fmt, references, description } = model.settings;
  const label = (i: BarItem) => (i.group === null ? i.name : `${i.name}, ${i.group}`);
  const parts = [`${labels.barChart}, ${labels.categoryCount(model.categories.length)}.`];
  const known = model.items.filter((i) => i.varde !== null).sort((a, b) => (b.varde ?? 0) - (a.varde ?? 0));
  if (known.length > 1) {
    const hi = known[0];
    const lo = known[known.length - 1];
    parts.push(`${capitalize(labels.highest)}: ${label(hi)} (${hi.shown}); ${labels.lowest}: ${label(lo)} (${lo.shown}).`);
  }
  const missing = model.items.filter((i) => i.varde === null);
  if (missing.length) {
    const list = missing.map((i) => `${label(i)} (${markerLabel(i.markering ?? 'saknas')})`);
    parts.push(`${capitalize(labels.missingCount(missing.length))}: ${listText(list, labels.and)}.`);
  }
  for (const r of references) parts.push(`${r.label}: ${fmt(r.value)}.`);
  if (description) parts.push(description);
  return parts.join(' ');
}

const STEP = 26; // pixels per bar
/** Row labels wrap to at most this many lines. */
const LABEL_LINES = 3;
const BAR_PADDING = 0.3;
const FACET_PADDING = 0.1;
const HEADING = LINE_HEIGHT + 4;

interface BarsLayout {
  width: number;
  height: number;
  grouped: boolean;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
  axis: ValueAxis;
  rowLabel: (i: BarItem) => string;
  /** Channels shared by the marks: a bar per group within a category facet, or a bar per category. */
  y: 'grupp' | 'kategori';
  fy: 'kategori' | undefined;
  /** In groups, the rules stop below each group's heading. */
  ruleInset: { insetTop?: number };
  /** Each reference's label as placed above the frame. */
  referenceLabels: ReferenceLabel[];
}

/** A reference's label above the frame: on the side of its rule that holds it, wrapped if neither does. */
export interface ReferenceLabel {
  lines: string[];
  side: 'right' | 'left';
  /** Pixels from the frame's top up to the label's last line. */
  lift: number;
}

const REFERENCE_GAP = 3;

/**
 * Where a reference's label goes: to the right of its rule when it fits before the drawing's right
 * edge, else to the left when it fits after the left edge, else wrapped on the roomier side. Never cut
 * at the edge, as "Totalt (" was on a phone.
 */
export function referenceLabel(text: string, ruleX: number, width: number): Pick<ReferenceLabel, 'lines' | 'side'> {
  const right = width - ruleX - REFERENCE_GAP - 1;
  const left = ruleX - REFERENCE_GAP - 1;
  const w = textWidth(text);
  if (w <= right) return { lines: [text], side: 'right' };
  if (w <= left) return { lines: [text], side: 'left' };
  const side = right >= left ? 'right' : 'left';
  return { lines: labelLines(text, Math.max(right, left), 4), side };
}

/** Margins from the labels and values, height from the bars, the value axis from the largest value. */
function barsLayout(model: BarsModel): BarsLayout {
  const { width, references, xLabel, highlighting, format } = model.settings;
  const grouped = model.groups.length > 0;
  const items = model.items;
  const maxLabel = Math.round(width * 0.4);
  // A label is drawn 8 px left of the axis inside a margin of at most maxLabel: cut it to fit there.
  const lines = new Map(items.map((i) => [i, labelLines(grouped ? (i.group ?? '') : i.name, maxLabel - 12, LABEL_LINES)]));
  const rowLabel = (i: BarItem) => (lines.get(i) ?? []).join('\n');
  const step = Math.max(STEP, Math.max(...[...lines.values()].map((l) => l.length)) * LABEL_LINE_HEIGHT + 8);
  // Bold labels are about a tenth wider than the estimate for regular text.
  const widest = (i: BarItem) => Math.max(...(lines.get(i) ?? ['']).map((l) => textWidth(l.trimEnd())));
  const marginLeft = Math.min(maxLabel, Math.max(...items.map((i) => widest(i) * (i.highlighted && highlighting ? 1.1 : 1) + 12), 40));
  const valueWidth = Math.max(0, ...items.filter((i) => i.varde !== null).map((i) => textWidth(i.shown)));
  const marginRight = Math.max(valueWidth + 10, 16);
  const marginBottom = 26 + (xLabel ? LINE_HEIGHT + 2 : 0);
  const plotHeight = grouped
    ? model.categories.length * (model.groups.length * step + HEADING) * (1 + FACET_PADDING)
    : items.length * step;
  const max = Math.max(0, ...items.map((i) => i.varde ?? 0), ...references.map((r) => r.value));
  const axis = valueAxis(max, format, width - marginLeft - marginRight, 80);
  const [d0, d1] = axis.domain;
  const ruleX = (v: number) => marginLeft + ((v - d0) / (d1 - d0 || 1)) * (width - marginLeft - marginRight);
  // The last reference sits lowest, just above the frame; each earlier one above those after it.
  const placed = references.map((r) => referenceLabel(`${r.label}: ${model.settings.fmt(r.value)}`, ruleX(r.value), width));
  let below = 0;
  const referenceLabels: ReferenceLabel[] = [];
  for (let k = placed.length - 1; k >= 0; k--) {
    referenceLabels[k] = { ...placed[k], lift: 4 + below * LINE_HEIGHT };
    below += placed[k].lines.length;
  }
  const marginTop = 6 + below * LINE_HEIGHT + (references.length ? 2 : 0);
  return {
    width,
    height: Math.round(marginTop + marginBottom + plotHeight),
    grouped,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    axis,
    rowLabel,
    y: grouped ? 'grupp' : 'kategori',
    fy: grouped ? 'kategori' : undefined,
    ruleInset: grouped ? { insetTop: HEADING } : {},
    referenceLabels,
  };
}

/** The grid, the value axis, the bars with their values, and the marker text where a bar has no number. */
function barMarks(model: BarsModel, L: BarsLayout): Plot.Markish[] {
  const { y, fy } = L;
  const known = model.items.filter((i) => i.varde !== null);
  const missing = model.items.filter((i) => i.varde === null);
  return [
    Plot.gridX({ ticks: L.axis.ticks, stroke: GRID_COLOR, strokeOpacity: 1, ...L.ruleInset }),
    Plot.axisX({ ticks: L.axis.ticks, tickFormat: L.axis.tickFormat, tickSize: 0, tickPadding: 6, fill: MUTED_TEXT_COLOR, label: null }),
    Plot.barX(known, { x: 'varde', y, fy, fill: (d: BarItem) => d.color, title: 'title', className: 'ss-points' }),
    Plot.text(known, { x: 'varde', y, fy, text: 'shown', dx: 4, textAnchor: 'start', fill: TEXT_COLOR, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    Plot.text(missing, {
      x: 0,
      y,
      fy,
      text: 'shown',
      dx: 4,
      textAnchor: 'start',
      fill: MUTED_TEXT_COLOR,
      fontStyle: 'italic',
      title: 'title',
      className: 'ss-points ss-missing',
    }),
  ];
}

/** Row labels drawn as text (not an axis) so highlighted categories can be bold; group headings above. */
function labelMarks(model: BarsModel, L: BarsLayout): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const bold of [false, true]) {
    const subset = model.items.filter((i) => (L.grouped ? !bold : bold === (model.settings.highlighting ? i.highlighted : false)));
    if (!subset.length) continue;
    marks.push(
      Plot.text(subset, {
        y: L.y, fy: L.fy, frameAnchor: 'left', dx: -8, text: L.rowLabel, textAnchor: 'end', lineHeight: LABEL_LINE_HEIGHT / FONT_SIZE, fill: TEXT_COLOR, fontWeight: bold ? 700 : 400,
      }),
    );
  }
  if (L.grouped) {
    marks.push(
      Plot.text(model.categories, {
        fy: (d: string) => d,
        frameAnchor: 'top-left',
        dx: -L.marginLeft + 1,
        dy: 1,
        text: (d: string) => model.items.find((i) => i.kategori === d)?.name ?? d,
        textAnchor: 'start',
        lineAnchor: 'top',
        fill: TEXT_COLOR,
        fontWeight: 700,
      }),
    );
  }
  return marks;
}

/** Reference rules with their labels above the frame, the zero line, and the value axis' label. */
function referenceMarks(model: BarsModel, L: BarsLayout): Plot.Markish[] {
  const { references, xLabel } = model.settings;
  const marks: Plot.Markish[] = references.flatMap((r, k) => {
    const { lines, side, lift } = L.referenceLabels[k];
    return [
      Plot.ruleX([r], { x: 'value', stroke: RULE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3', insetTop: -lift - (lines.length - 1) * LINE_HEIGHT }),
      Plot.text([r], {
        x: 'value',
        frameAnchor: 'top',
        dy: -lift - 1,
        dx: side === 'right' ? REFERENCE_GAP : -REFERENCE_GAP,
        text: () => lines.join('\n'),
        textAnchor: side === 'right' ? 'start' : 'end',
        lineAnchor: 'bottom',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fill: TEXT_COLOR,
      }),
    ];
  });
  marks.push(Plot.ruleX([0], { stroke: MUTED_TEXT_COLOR, ...L.ruleInset }));
  if (xLabel) {
    marks.push(
      Plot.text([xLabel], {
        text: (d: string) => d,
        frameAnchor: 'bottom-right',
        dy: L.marginBottom - 2,
        textAnchor: 'end',
        lineAnchor: 'bottom',
        fill: MUTED_TEXT_COLOR,
        ...(L.grouped ? { facet: 'super' as const } : {}),
      }),
    );
  }
  return marks;
}

/** Plot options for a bar chart from its model. */
export function barsPlot(model: BarsModel): Plot.PlotOptions {
  const L = barsLayout(model);
  const { labels, title } = model.settings;
  return {
    ...frameOptions(L, title ?? labels.barChart, barsDescription(model)),
    x: { type: 'linear', domain: L.axis.domain, axis: null },
    y: {
      type: 'band',
      domain: L.grouped ? model.groups : model.categories,
      padding: BAR_PADDING,
      axis: null,
      ...(L.grouped ? { insetTop: HEADING } : {}),
    },
    ...(L.grouped ? { fy: { domain: model.categories, axis: null, padding: FACET_PADDING } } : {}),
    marks: [...barMarks(model, L), ...labelMarks(model, L), ...referenceMarks(model, L)],
  };
}

/** Plot options for a bar chart from rows; render with `render` from ./render.ts. */
export function barsSpec(rows: readonly BarRow[], options: BarsOptions = {}): Plot.PlotOptions {
  return barsPlot(barsModel(rows, options));
}

/** The same model drawn at another width. */
export function barsResized(model: BarsModel, width: number): BarsModel {
  return width === model.settings.width ? model : { ...model, settings: { ...model.settings, width } };
}
