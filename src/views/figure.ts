// One chart figure of a dashboard page, described once as data and drawn by the same renderers at build
// time and in the browser:
//
//   view (figures.ts) ──rows──▶ recipe ──chartModel (once)──▶ ChartModel ──▶ table, CSV  (here)
//                                                              └──▶ SVG (src/render/chart.ts)
//   FigureModel ──src/render/figure.ts──▶ the inside of <figure data-chart>
//
// The recipe is JSON, so the page carries it with the figure (figureData, in a <template data-figure> at
// the figure's end in the built page): the browser redraws from it (line/area switch, narrow screens) and
// makes the SVG and PNG downloads without starting the engine.

import type { Heading } from '../charts/heading.ts';
import { chartModel, type BarsRecipe, type ChartModel, type ChartRecipe, type HeatmapRecipe, type TrendRecipe } from '../charts/recipe.ts';
import type { TrendRow } from '../charts/trend.ts';
import { barsCsv, barsTable, heatmapCsv, heatmapTable, trendCsv, trendTable, type CsvCell, type DataTable } from '../charts/table.ts';
import { dashboard as words } from '../i18n/dashboard.ts';
import type { ExportTable, ExportValue } from '../exports/table.ts';

export interface FigureTable extends DataTable {
  /** Columns from this index on hold numbers (right-aligned). */
  numericFrom: number;
}

/** Everything a chart figure shows. Built at build time and again in the browser. */
export interface FigureModel {
  /** The figure's `data-chart` value and id prefix, unique on the page. */
  id: string;
  /** Heading level of the title. */
  level: 2 | 3;
  title: string;
  /** Unit, measure and period: "Exempelstad · antal barn · kv. 1 2016–kv. 4 2025". */
  subtitle: string;
  /** "Källa: … Data publicerade …" (starts with "Påhittade siffror." for invented figures). */
  source: string;
  invented: boolean;
  recipe: ChartRecipe | null;
  /** The chart's model as drawn by default (lines, the recipe's width): the SVG, table and CSV read it. */
  chart: ChartModel | null;
  /** Shown instead of a chart when there is nothing to draw. */
  empty: string | null;
  summary: string;
  /** Notes under the chart: definitions, totals that include suppressed parts. */
  notes: string[];
  table: FigureTable | null;
  csv: CsvCell[][];
  /** Download file name without extension. */
  file: string;
  /** Offer the line / stacked-area switch. */
  switchable: boolean;
  /** A link under the figure (the overview's small charts lead to their page). */
  link?: { href: string; text: string };
  /** The numbers to download when the figure's table is not the chart's own grid (its own columns). */
  exportRows?: FigureExport;
  /**
   * Left out in print (`data-print="omit"`): a table the page prints carries the same numbers, and the
   * figure's section says where in print (FigureSection's `printNote`).
   */
  printOmit?: boolean;
}

/** A figure's own table as a download's rows: its CSV's values, each marker kept apart (src/exports). */
export type FigureExport = Omit<ExportTable, 'meta'>;

/** The table a figure shows (cells with markers) and its CSV (raw numbers) as download rows. */
export function figureExport(table: FigureTable, csv: readonly (readonly CsvCell[])[]): FigureExport {
  const [header = [], ...rows] = csv;
  const markerAt = (r: number, c: number) => table.rows[r]?.[c]?.marker ?? null;
  return {
    columns: header.map((h, i) => ({ name: String(h ?? ''), kind: i >= table.numericFrom ? 'number' : 'text' })),
    rows: rows.map((row, r) => row.map((v, c) => (markerAt(r, c) || v === undefined ? null : (v as ExportValue)))),
    markers: rows.map((row, r) => row.map((_, c) => markerAt(r, c))),
  };
}

/** The texts of a figure: what a figure function writes itself. */
export type FigureBase = Omit<FigureModel, 'recipe' | 'chart' | 'table' | 'csv' | 'empty' | 'switchable'> & { switchable?: boolean };

/** What the browser needs to re-render or download a figure without new data (`data-figure`). */
export interface FigureData {
  recipe: ChartRecipe | null;
  heading: Heading;
  file: string;
  /** Only when the figure's table has columns of its own (else the downloads read the recipe). */
  exportRows?: FigureExport;
}

export function figureData(model: FigureModel): FigureData {
  return {
    recipe: model.recipe,
    heading: { title: model.title, subtitle: model.subtitle, source: model.source },
    file: model.file,
    ...(model.exportRows ? { exportRows: model.exportRows } : {}),
  };
}

/** A trend figure: the chart's model built once, its table and CSV read from it (every series listed). */
export function trendFigure(base: FigureBase, recipe: TrendRecipe, table?: { table: FigureTable; csv: CsvCell[][] }): FigureModel {
  if (recipe.rows.length === 0) return { ...base, recipe: null, chart: null, empty: words.figure.empty, table: null, csv: [], switchable: false };
  const chart = chartModel(recipe, { chart: 'line' });
  const model = chart.kind === 'trend' ? chart.model : null;
  const figure: FigureModel = {
    ...base,
    recipe,
    chart: recipe.chart === 'line' ? chart : chartModel(recipe),
    empty: null,
    table: table?.table ?? (model ? { ...trendTable(model), numericFrom: 1 } : null),
    csv: table?.csv ?? (model ? trendCsv(model) : []),
    switchable: base.switchable ?? false,
    ...(table ? { exportRows: figureExport(table.table, table.csv) } : {}),
  };
  // One period is no trend: a line of one dot says nothing. The chart shows its values as bars, one per
  // series; the table and CSV stay the trend's (the period, then a column per series).
  if (new Set(recipe.rows.map(([period]) => period)).size !== 1) return figure;
  const bars = singlePeriodBars(recipe);
  return { ...figure, recipe: bars, chart: chartModel(bars), switchable: false };
}

/** A trend recipe of one period as bars: a bar per series, in the series' order, with the same references. */
export function singlePeriodBars(recipe: TrendRecipe): BarsRecipe {
  const order = new Map(recipe.series.map((s, i) => [s, i]));
  const rows = recipe.rows
    .filter(([, serie]) => order.has(serie))
    .sort((a, b) => (order.get(a[1]) ?? 0) - (order.get(b[1]) ?? 0))
    .map(([, serie, varde, markering]): [string, number | null, string | null] => [serie, varde, markering]);
  return {
    kind: 'bars', rows, labels: recipe.labels, format: recipe.format, digits: recipe.digits, width: recipe.width,
    xLabel: recipe.yLabel, references: recipe.references, sort: 'none', title: recipe.title, description: recipe.description,
  };
}

/** A bar figure: the chart's model built once, its table and CSV read from it. */
export function barsFigure(base: FigureBase, recipe: BarsRecipe, valueHeader?: string): FigureModel {
  if (recipe.rows.length === 0) return { ...base, recipe: null, chart: null, empty: words.figure.empty, table: null, csv: [], switchable: false };
  const chart = chartModel(recipe);
  const model = chart.kind === 'bars' ? chart.model : null;
  const table = model ? barsTable(model, valueHeader) : null;
  return {
    ...base,
    recipe,
    chart,
    empty: null,
    table: table ? { ...table, numericFrom: table.header.length - 1 } : null,
    csv: model ? barsCsv(model, valueHeader) : [],
    switchable: false,
  };
}

/** A heat map figure: the chart's model built once, its table and CSV read from it. */
export function heatmapFigure(base: FigureBase, recipe: HeatmapRecipe): FigureModel {
  if (recipe.rows.length === 0) return { ...base, recipe: null, chart: null, empty: words.figure.empty, table: null, csv: [], switchable: false };
  const chart = chartModel(recipe);
  const model = chart.kind === 'heatmap' ? chart.model : null;
  return {
    ...base,
    recipe,
    chart,
    empty: null,
    table: model ? { ...heatmapTable(model), numericFrom: 1 } : null,
    csv: model ? heatmapCsv(model) : [],
    switchable: false,
  };
}

/** An empty figure: the same frame with a sentence instead of a chart. */
export function emptyFigure(base: Omit<FigureBase, 'summary' | 'notes'> & { empty: string }): FigureModel {
  return { ...base, recipe: null, chart: null, table: null, csv: [], switchable: false, summary: '', notes: [] };
}

/** A download's file name from its parts: "placeringar-former-9999-2016-q1-2025-q4". */
export function fileName(...parts: (string | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Trend rows as a recipe's JSON rows. */
export function recipeRows(rows: readonly TrendRow[]): TrendRecipe['rows'] {
  return rows.map((r) => [r.period, r.serie, r.varde, r.markering]);
}

/** The latest period of rows, or null. */
export function latestPeriod(rows: readonly { period: string }[]): string | null {
  return rows.reduce<string | null>((m, r) => (m === null || r.period > m ? r.period : m), null);
}

/** The width a dashboard chart is drawn at on a wide screen (the browser redraws narrower ones). */
export const FIGURE_WIDTH = 760;
