// Horizontal bars, one per category (optionally several per category, one per group), sorted, with the
// value written at the end of each bar. A category without a number gets its marker text where the bar
// would start ("× Skyddad av sekretess"), never a bar of length zero.

import * as Plot from '@observablehq/plot';
import { ascending } from 'd3';
import {
  resolveLabels,
  resolveMarkerLabel,
  valueAxis,
  valueFormatter,
  type CommonChartOptions,
} from './common.ts';
import { capitalize, listText } from './labels.ts';
import {
  BAR_COLOR,
  BAR_MUTED_COLOR,
  GRID_COLOR,
  LINE_HEIGHT,
  MUTED_TEXT_COLOR,
  RULE_COLOR,
  SVG_STYLE,
  TEXT_COLOR,
  markerGlyph,
  seriesStyle,
  textWidth,
  truncateText,
} from './theme.ts';

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

export interface BarsModel {
  categories: string[];
  groups: string[];
  items: BarItem[];
}

/** Bars in drawing order, with formatted values and marker texts. */
export function barsModel(rows: readonly BarRow[], options: BarsOptions = {}): BarsModel {
  const fmt = valueFormatter(options.format ?? 'count', options.digits);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const catName = options.categoryLabel ?? ((k: string) => k);
  const grpName = options.groupLabel ?? ((g: string) => g);
  const grouped = rows.some((r) => r.grupp != null && r.grupp !== '');
  const groups = grouped ? [...new Set(rows.map((r) => r.grupp ?? ''))] : [];
  const highlight = options.highlight ? new Set(options.highlight) : null;
  const sort = options.sort ?? (grouped ? 'none' : 'descending');

  // A category's sort key: its largest value; categories with no value at all go last.
  const given = [...new Set(rows.map((r) => r.kategori))];
  const key = new Map<string, number | null>();
  for (const k of given) {
    const vs = rows.filter((r) => r.kategori === k && r.varde != null).map((r) => r.varde as number);
    key.set(k, vs.length ? Math.max(...vs) : null);
  }
  const position = new Map(given.map((k, i) => [k, i]));
  const categories = [...given].sort((a, b) => {
    const ka = key.get(a) ?? null;
    const kb = key.get(b) ?? null;
    if (ka === null || kb === null) return (ka === null ? 1 : 0) - (kb === null ? 1 : 0) || (position.get(a) ?? 0) - (position.get(b) ?? 0);
    if (sort === 'none') return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    return (sort === 'descending' ? kb - ka : ka - kb) || ascending(catName(a), catName(b));
  });
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
  return { categories, groups, items };
}

/** An accessible description: kind, count, highest and lowest, and which categories lack a number. */
export function barsDescription(model: BarsModel, options: BarsOptions = {}): string {
  const labels = resolveLabels(options.labels);
  const markerLabel = resolveMarkerLabel(options.markerLabel);
  const fmt = valueFormatter(options.format ?? 'count', options.digits);
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
  for (const r of options.references ?? []) parts.push(`${r.label}: ${fmt(r.value)}.`);
  if (options.description) parts.push(options.description);
  return parts.join(' ');
}

const STEP = 26; // pixels per bar
const BAR_PADDING = 0.3;

/** Plot options for a bar chart; render with `render` from ./render.ts. */
export function barsSpec(rows: readonly BarRow[], options: BarsOptions = {}): Plot.PlotOptions {
  const model = barsModel(rows, options);
  const labels = resolveLabels(options.labels);
  const format = options.format ?? 'count';
  const fmt = valueFormatter(format, options.digits);
  const width = options.width ?? 640;
  const grouped = model.groups.length > 0;
  const references = options.references ?? [];
  const items = model.items;

  const maxLabel = Math.round(width * 0.4);
  // A label is drawn 8 px left of the axis inside a margin of at most maxLabel: cut it to fit there.
  const rowLabel = (i: BarItem) => truncateText(grouped ? (i.group ?? '') : i.name, maxLabel - 12);
  // Bold labels are about a tenth wider than the estimate for regular text.
  const marginLeft = Math.min(maxLabel, Math.max(...items.map((i) => textWidth(rowLabel(i)) * (i.highlighted && options.highlight ? 1.1 : 1) + 12), 40));
  const valueWidth = Math.max(0, ...items.filter((i) => i.varde !== null).map((i) => textWidth(i.shown)));
  const marginRight = Math.max(valueWidth + 10, 16);

  const marginTop = 6 + references.length * LINE_HEIGHT + (references.length ? 2 : 0);
  const marginBottom = 26 + (options.xLabel ? LINE_HEIGHT + 2 : 0);
  const heading = LINE_HEIGHT + 4;
  const facetPadding = 0.1;
  const plotHeight = grouped
    ? model.categories.length * (model.groups.length * STEP + heading) * (1 + facetPadding)
    : items.length * STEP;
  const height = Math.round(marginTop + marginBottom + plotHeight);

  const max = Math.max(0, ...items.map((i) => i.varde ?? 0), ...references.map((r) => r.value));
  const axis = valueAxis(max, format, width - marginLeft - marginRight, 80);

  const y = grouped ? 'grupp' : 'kategori';
  const fy = grouped ? 'kategori' : undefined;
  const known = items.filter((i) => i.varde !== null);
  const missing = items.filter((i) => i.varde === null);

  // In groups, the rules stop below each group's heading.
  const ruleInset = grouped ? { insetTop: heading } : {};
  const marks: Plot.Markish[] = [
    Plot.gridX({ ticks: axis.ticks, stroke: GRID_COLOR, strokeOpacity: 1, ...ruleInset }),
    Plot.axisX({
      ticks: axis.ticks,
      tickFormat: axis.tickFormat,
      tickSize: 0,
      tickPadding: 6,
      fill: MUTED_TEXT_COLOR,
      label: null,
    }),
    Plot.barX(known, {
      x: 'varde',
      y,
      fy,
      fill: (d: BarItem) => d.color,
      title: 'title',
      className: 'ss-points',
    }),
    Plot.text(known, {
      x: 'varde',
      y,
      fy,
      text: 'shown',
      dx: 4,
      textAnchor: 'start',
      fill: TEXT_COLOR,
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
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

  // Row labels drawn as text (not an axis) so highlighted categories can be bold.
  for (const bold of [false, true]) {
    const subset = items.filter((i) => (grouped ? !bold : bold === (options.highlight ? i.highlighted : false)));
    if (!subset.length) continue;
    marks.push(
      Plot.text(subset, {
        y,
        fy,
        frameAnchor: 'left',
        dx: -8,
        text: rowLabel,
        textAnchor: 'end',
        fill: TEXT_COLOR,
        fontWeight: bold ? 700 : 400,
      }),
    );
  }
  if (grouped) {
    marks.push(
      Plot.text(model.categories, {
        fy: (d: string) => d,
        frameAnchor: 'top-left',
        dx: -marginLeft + 1,
        dy: 1,
        text: (d: string) => items.find((i) => i.kategori === d)?.name ?? d,
        textAnchor: 'start',
        lineAnchor: 'top',
        fill: TEXT_COLOR,
        fontWeight: 700,
      }),
    );
  }

  references.forEach((r, k) => {
    const lift = 4 + (references.length - 1 - k) * LINE_HEIGHT;
    marks.push(
      Plot.ruleX([r], { x: 'value', stroke: RULE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3', insetTop: -lift }),
      Plot.text([r], {
        x: 'value',
        frameAnchor: 'top',
        dy: -lift - 1,
        dx: 3,
        text: (d: BarReference) => `${d.label}: ${fmt(d.value)}`,
        textAnchor: 'start',
        lineAnchor: 'bottom',
        fill: TEXT_COLOR,
      }),
    );
  });
  marks.push(Plot.ruleX([0], { stroke: MUTED_TEXT_COLOR, ...ruleInset }));
  if (options.xLabel) {
    const xLabel = options.xLabel;
    marks.push(
      Plot.text([xLabel], {
        text: (d: string) => d,
        frameAnchor: 'bottom-right',
        dy: marginBottom - 2,
        textAnchor: 'end',
        lineAnchor: 'bottom',
        fill: MUTED_TEXT_COLOR,
        ...(grouped ? { facet: 'super' as const } : {}),
      }),
    );
  }

  const caption = barsDescription(model, options);
  return {
    width,
    height,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    style: SVG_STYLE,
    ariaLabel: options.title ?? labels.barChart,
    ariaDescription: caption,
    x: { type: 'linear', domain: axis.domain, axis: null },
    y: {
      type: 'band',
      domain: grouped ? model.groups : model.categories,
      padding: BAR_PADDING,
      axis: null,
      ...(grouped ? { insetTop: heading } : {}),
    },
    ...(grouped ? { fy: { domain: model.categories, axis: null, padding: facetPadding } } : {}),
    marks,
  };
}
