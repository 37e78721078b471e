// A chart as plain JSON (a recipe: rows as arrays, labels as maps), so a page can carry it with its figure
// (`data-figure`) and the browser can redraw it (line/area switch, narrow screens) and make the SVG and PNG
// downloads without the engine. `chartModel` turns a recipe into the chart's model, built once and read by
// the SVG, the data table and the CSV alike.

import type * as Plot from '@observablehq/plot';
import type { ValueFormat } from '../i18n/format.ts';
import { barsModel, barsPlot, barsResized, type BarRow, type BarsModel, type BarsOptions } from './bars.ts';
import { resized, trendModel, trendPlot, type TrendModel, type TrendOptions, type TrendRow } from './trend.ts';
import { heatmapModel, heatmapPlot, heatmapResized, type HeatmapModel } from './heatmap.ts';

/** A trend chart as JSON: rows are [period, serie, varde, markering]. */
export interface TrendRecipe {
  kind: 'trend';
  rows: [string, string, number | null, string | null][];
  /** Lines (default) or stacked areas. */
  chart: 'line' | 'area';
  /** The series drawn, in order. */
  series: string[];
  /** The series stacked in area mode (default all); a published total is never stacked on its parts. */
  areaSeries?: string[];
  /** Added to the description in area mode (e.g. why the total is not drawn). */
  areaNote?: string;
  labels: Record<string, string>;
  format: ValueFormat;
  digits?: number;
  width: number;
  height: number;
  yLabel?: string;
  events?: { datum: string; rubrik: string }[];
  references?: { label: string; value: number }[];
  title: string;
  description?: string;
}

/** A bar chart as JSON: rows are [kategori, varde, markering, grupp?]. */
export interface BarsRecipe {
  kind: 'bars';
  rows: [string, number | null, string | null, string?][];
  labels: Record<string, string>;
  groupLabels?: Record<string, string>;
  format: ValueFormat;
  digits?: number;
  width: number;
  xLabel?: string;
  references?: { label: string; value: number }[];
  highlight?: string[];
  sort?: 'descending' | 'ascending' | 'none';
  /** The first column's header in the table and CSV ("Enhet", "Placeringsform"). */
  categoryHeader?: string;
  title: string;
  description?: string;
}

/** A heat map as JSON: rows are [rad, kolumn, varde, markering]; rows and columns in drawing order. */
export interface HeatmapRecipe {
  kind: 'heatmap';
  rows: [string, string, number | null, string | null][];
  rowOrder: string[];
  columnOrder: string[];
  rowLabels: Record<string, string>;
  columnLabels: Record<string, string>;
  format: ValueFormat;
  digits?: number;
  width: number;
  highlight?: string[];
  rowHeader?: string;
  /** What the columns are ("Placeringsform"): the column dimension's name in a JSON-stat download. */
  columnHeader?: string;
  title: string;
  description?: string;
}

export type ChartRecipe = TrendRecipe | BarsRecipe | HeatmapRecipe;

/** Changes the browser may make to a recipe without new data. */
export interface RecipeOverride {
  width?: number;
  chart?: 'line' | 'area';
}

/** A chart's model: what its SVG, its table and its CSV are made from. */
export type ChartModel = { kind: 'trend'; model: TrendModel } | { kind: 'bars'; model: BarsModel } | { kind: 'heatmap'; model: HeatmapModel };

function trendRows(recipe: TrendRecipe): TrendRow[] {
  return recipe.rows.map(([period, serie, varde, markering]) => ({ period, serie, varde, markering }));
}

function barRows(recipe: BarsRecipe): BarRow[] {
  return recipe.rows.map(([kategori, varde, markering, grupp]) => ({ kategori, varde, markering, ...(grupp ? { grupp } : {}) }));
}

function trendOptions(recipe: TrendRecipe, override: RecipeOverride): TrendOptions {
  const area = (override.chart ?? recipe.chart) === 'area';
  const description = [recipe.description, area ? recipe.areaNote : undefined].filter(Boolean).join(' ');
  return {
    kind: area ? 'area' : 'line',
    width: override.width ?? recipe.width,
    height: recipe.height,
    format: recipe.format,
    digits: recipe.digits,
    title: recipe.title,
    description: description || undefined,
    yLabel: recipe.yLabel,
    series: area ? (recipe.areaSeries ?? recipe.series) : recipe.series,
    styleOrder: recipe.series,
    seriesLabel: (s) => recipe.labels[s] ?? s,
    events: recipe.events ?? [],
    references: recipe.references ?? [],
  };
}

function barsOptions(recipe: BarsRecipe, override: RecipeOverride): BarsOptions {
  return {
    width: override.width ?? recipe.width,
    format: recipe.format,
    digits: recipe.digits,
    title: recipe.title,
    description: recipe.description,
    xLabel: recipe.xLabel,
    references: recipe.references ?? [],
    highlight: recipe.highlight,
    sort: recipe.sort,
    categoryLabel: (k) => recipe.labels[k] ?? k,
    groupLabel: (g) => recipe.groupLabels?.[g] ?? g,
    ...(recipe.categoryHeader ? { labels: { category: recipe.categoryHeader } } : {}),
  };
}

/** The model of a recipe's chart (lines or stacked areas, at the recipe's width unless overridden). */
export function chartModel(recipe: ChartRecipe, override: RecipeOverride = {}): ChartModel {
  if (recipe.kind === 'heatmap') {
    const rows = recipe.rows.map(([rad, kolumn, varde, markering]) => ({ rad, kolumn, varde, markering }));
    return {
      kind: 'heatmap',
      model: heatmapModel(rows, {
        width: override.width ?? recipe.width, format: recipe.format, digits: recipe.digits, title: recipe.title, description: recipe.description,
        rows: recipe.rowOrder, columns: recipe.columnOrder, rowLabel: (r) => recipe.rowLabels[r] ?? r, columnLabel: (c) => recipe.columnLabels[c] ?? c,
        highlight: recipe.highlight, rowHeader: recipe.rowHeader, columnHeader: recipe.columnHeader,
      }),
    };
  }
  return recipe.kind === 'trend'
    ? { kind: 'trend', model: trendModel(trendRows(recipe), trendOptions(recipe, override)) }
    : { kind: 'bars', model: barsModel(barRows(recipe), barsOptions(recipe, override)) };
}

/** The same chart at another width: the model is kept, only the layout changes. */
export function resizedChart(chart: ChartModel, width: number): ChartModel {
  if (chart.kind === 'heatmap') return { kind: 'heatmap', model: heatmapResized(chart.model, width) };
  return chart.kind === 'trend' ? { kind: 'trend', model: resized(chart.model, width) } : { kind: 'bars', model: barsResized(chart.model, width) };
}

/** The Plot options of a chart model: the one chart code of src/charts. */
export function chartPlot(chart: ChartModel): Plot.PlotOptions {
  if (chart.kind === 'heatmap') return heatmapPlot(chart.model);
  return chart.kind === 'trend' ? trendPlot(chart.model) : barsPlot(chart.model);
}
