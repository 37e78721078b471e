// A heat map: units down, breakdowns across (placement forms, insatser), each cell's number written in
// it and its shade from the column's largest value (a total column is not squashed by the parts, a
// small form is still readable). A cell without a number is white with its marker glyph, never a shade
// of zero, and the marker legend is drawn in the SVG so a download explains itself. Drawn at build time
// like every chart, so it is readable without JavaScript; the table under it has the same numbers.

import * as Plot from '@observablehq/plot';
import { interpolateBlues } from 'd3';
import { commonSettings, frameOptions, markerCodesPresent, markerLegend, type CommonChartOptions, type CommonSettings } from './common.ts';
import { capitalize, listText } from './labels.ts';
import { FONT_SIZE, LINE_HEIGHT, MUTED_TEXT_COLOR, TEXT_COLOR, LABEL_LINE_HEIGHT, breakParts, labelLines, markerGlyph, textWidth, truncateText, wrapText } from './theme.ts';

export interface HeatRow {
  /** The row (a unit's code). */
  rad: string;
  /** The column (a placement form, an insats). */
  kolumn: string;
  varde: number | null;
  markering: string | null;
}

export interface HeatmapOptions extends CommonChartOptions {
  rowLabel?: (rad: string) => string;
  columnLabel?: (kolumn: string) => string;
  /** Rows in this order (default: as given). */
  rows?: readonly string[];
  columns?: readonly string[];
  /** Rows drawn with a bold label and a frame (the chosen unit). */
  highlight?: readonly string[];
  /** The first column's header in the table and CSV ("Enhet"). */
  rowHeader?: string;
  /** What the columns are ("Placeringsform"): the name of their dimension in a JSON-stat download. */
  columnHeader?: string;
}

export interface HeatCell {
  rad: string;
  kolumn: string;
  rowName: string;
  columnName: string;
  varde: number | null;
  markering: string | null;
  /** The number, or the marker's glyph. */
  shown: string;
  title: string;
  fill: string;
  textFill: string;
}

export interface HeatmapSettings extends CommonSettings {
  width: number;
  highlight: readonly string[];
  rowHeader: string;
  columnHeader: string;
}

export interface HeatmapModel {
  rows: { key: string; name: string }[];
  columns: { key: string; name: string }[];
  cells: HeatCell[];
  settings: HeatmapSettings;
}

const MISSING_FILL = '#ffffff';

/** The model: rows, columns and every cell with its shade, text and tooltip. */
export function heatmapModel(data: readonly HeatRow[], options: HeatmapOptions = {}): HeatmapModel {
  const settings: HeatmapSettings = { ...commonSettings(options), width: options.width ?? 760, highlight: options.highlight ?? [], rowHeader: options.rowHeader ?? 'Enhet', columnHeader: options.columnHeader ?? 'Kolumn' };
  const rowName = options.rowLabel ?? ((r: string) => r);
  const colName = options.columnLabel ?? ((c: string) => c);
  const rowKeys = options.rows ?? [...new Set(data.map((d) => d.rad))];
  const colKeys = options.columns ?? [...new Set(data.map((d) => d.kolumn))];
  const max = new Map(colKeys.map((c) => [c, Math.max(0, ...data.filter((d) => d.kolumn === c && d.varde !== null).map((d) => d.varde as number))]));
  const byKey = new Map(data.map((d) => [`${d.rad}\u0000${d.kolumn}`, d]));
  const cells: HeatCell[] = [];
  for (const r of rowKeys) {
    for (const c of colKeys) {
      const d = byKey.get(`${r}\u0000${c}`);
      const varde = d?.varde ?? null;
      const markering = varde === null ? (d?.markering ?? 'saknas') : null;
      const t = varde === null ? 0 : (max.get(c) ?? 0) > 0 ? varde / (max.get(c) as number) : 0;
      const words = varde === null ? capitalize(settings.markerLabel(markering as string)) : settings.fmt(varde);
      cells.push({
        rad: r, kolumn: c, rowName: rowName(r), columnName: colName(c), varde, markering,
        shown: varde === null ? markerGlyph(markering as string).text : settings.fmt(varde),
        title: `${rowName(r)}, ${colName(c)}: ${words}`,
        fill: varde === null ? MISSING_FILL : interpolateBlues(0.08 + 0.72 * t),
        // Dark text on the light shades, white on the dark ones (both at least 4.5:1).
        textFill: varde === null ? MUTED_TEXT_COLOR : t > 0.55 ? '#ffffff' : TEXT_COLOR,
      });
    }
  }
  return { rows: rowKeys.map((k) => ({ key: k, name: rowName(k) })), columns: colKeys.map((k) => ({ key: k, name: colName(k) })), cells, settings };
}

/** An accessible description: the size, the largest value per column, and which cells have no number. */
export function heatmapDescription(model: HeatmapModel): string {
  const { labels, markerLabel } = model.settings;
  const parts = [`${labels.heatmap}: ${model.rows.length} × ${model.columns.length}.`];
  for (const col of model.columns) {
    const known = model.cells.filter((c) => c.kolumn === col.key && c.varde !== null).sort((a, b) => (b.varde as number) - (a.varde as number));
    if (known.length > 1) parts.push(`${col.name}: ${labels.highest} ${known[0].rowName} (${known[0].shown}).`);
  }
  const missing = model.cells.filter((c) => c.varde === null);
  if (missing.length) parts.push(`${capitalize(labels.missingCount(missing.length))}: ${listText(missing.slice(0, 20).map((c) => `${c.rowName} ${c.columnName.toLowerCase()} (${markerLabel(c.markering ?? 'saknas')})`), labels.and)}${missing.length > 20 ? ' …' : ''}.`);
  if (model.settings.description) parts.push(model.settings.description);
  return parts.join(' ');
}

const ROW = 24;
/** A row name wraps to at most this many lines (a phone: "Enskede-" over "Årsta-Vantör"); every row then grows. */
const ROW_LINES = 2;
/** A bold row name (the chosen unit) is about a tenth wider than `textWidth` measures. */
const BOLD_ROW = 1.1;
/** Bold header text is about this much wider than the regular text `textWidth` measures. */
const BOLD = 1.08;
/** The longest a turned column header may be before it is cut with an ellipsis. */
const MAX_TURNED = 150;

function layout(model: HeatmapModel) {
  const { width } = model.settings;
  // Row names take up to 30 % of the width, more (up to 40 %) where a word that cannot break needs it
  // ("Kungsholmen" on a phone).
  const longestPart = Math.max(0, ...model.rows.flatMap((r) => breakParts(r.name).map((p) => textWidth(p.trimEnd()) * BOLD_ROW + 12)));
  const maxLabel = Math.ceil(Math.max(width * 0.3, Math.min(width * 0.4, longestPart)));
  const rowLines = new Map(model.rows.map((r) => [r.key, labelLines(r.name, (maxLabel - 12) / BOLD_ROW, ROW_LINES)]));
  const rowLabel = (key: string) => (rowLines.get(key) ?? []).join('\n');
  const lineCount = Math.max(1, ...[...rowLines.values()].map((l) => l.length));
  const rowHeight = Math.max(ROW, lineCount * LABEL_LINE_HEIGHT + 8);
  const marginLeft = Math.min(maxLabel, Math.max(40, ...[...rowLines.values()].flat().map((l) => textWidth(l.trimEnd()) * BOLD_ROW + 12)));
  const colWidth = (width - marginLeft - 4) / Math.max(1, model.columns.length);
  // Column headers across, wrapped at spaces into at most three lines; when a word is wider than its
  // column (a phone: "Familjehem" in a 34 px column) every header is turned to read upwards instead, so
  // no two headers run into each other.
  const fits = (line: string) => textWidth(line) * BOLD <= colWidth - 4;
  const wrapped = model.columns.map((c) => wrapText(c.name, (colWidth - 6) / BOLD));
  const turned = wrapped.some((l) => l.length > 3 || !l.every(fits));
  const headLines = turned ? model.columns.map((c) => [truncateText(c.name, MAX_TURNED / BOLD)]) : wrapped;
  const marginTop = turned
    ? 10 + Math.max(...headLines.map((l) => textWidth(l[0]) * BOLD))
    : 6 + Math.max(1, ...headLines.map((l) => l.length)) * LINE_HEIGHT;
  const codes = markerCodesPresent(model.cells.filter((c) => c.markering).map((c) => c.markering as string));
  const legend = markerLegend(codes, model.settings.markerLabel, { width: width - 8, top: 8, left: marginLeft });
  const marginBottom = 8 + legend.height;
  return { width, height: marginTop + model.rows.length * rowHeight + marginBottom, marginTop, marginRight: 4, marginBottom, marginLeft, rowLabel, headLines, turned, legend };
}

/** Plot options for a heat map from its model. */
export function heatmapPlot(model: HeatmapModel): Plot.PlotOptions {
  const L = layout(model);
  const highlight = new Set(model.settings.highlight);
  const heads = model.columns.map((c, i) => ({ key: c.key, text: L.headLines[i].join('\n') }));
  return {
    ...frameOptions(L, model.settings.title ?? 'Värmekarta', heatmapDescription(model)),
    x: { type: 'band', domain: model.columns.map((c) => c.key), axis: null, padding: 0 },
    y: { type: 'band', domain: model.rows.map((r) => r.key), axis: null, padding: 0 },
    marks: [
      Plot.cell(model.cells, { x: 'kolumn', y: 'rad', fill: (d: HeatCell) => d.fill, stroke: '#d0d0d0', strokeWidth: 0.5, inset: 0.5, title: 'title', className: 'ss-points' }),
      Plot.cell(model.cells.filter((c) => highlight.has(c.rad)), { x: 'kolumn', y: 'rad', fill: 'none', stroke: TEXT_COLOR, strokeWidth: 1.5, inset: 0.75 }),
      Plot.text(model.cells, { x: 'kolumn', y: 'rad', text: 'shown', fill: (d: HeatCell) => d.textFill, fontSize: FONT_SIZE, ariaHidden: 'true' }),
      ...[false, true].map((bold) =>
        Plot.text(model.rows.filter((r) => highlight.has(r.key) === bold), {
          y: (r: { key: string }) => r.key, frameAnchor: 'left', dx: -8, textAnchor: 'end', fill: TEXT_COLOR,
          text: (r: { key: string }) => L.rowLabel(r.key), lineHeight: LABEL_LINE_HEIGHT / FONT_SIZE, fontWeight: bold ? 700 : 400,
        }),
      ),
      L.turned
        ? Plot.text(heads, { x: 'key', frameAnchor: 'top', dy: -6, rotate: -90, textAnchor: 'start', lineAnchor: 'middle', text: 'text', fill: TEXT_COLOR, fontWeight: 700 })
        : Plot.text(heads, { x: 'key', frameAnchor: 'top', dy: -4, lineAnchor: 'bottom', text: 'text', fill: TEXT_COLOR, fontWeight: 700, lineHeight: LINE_HEIGHT / FONT_SIZE }),
      ...L.legend.marks,
    ],
  };
}

/** The same model at another width. */
export function heatmapResized(model: HeatmapModel, width: number): HeatmapModel {
  return width === model.settings.width ? model : { ...model, settings: { ...model.settings, width } };
}
