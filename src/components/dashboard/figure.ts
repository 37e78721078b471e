// One chart figure of a dashboard page, described once as data (a FigureModel) and rendered by the same
// code at build time and in the browser:
//
//   page module (…-page.ts) ──rows──▶ FigureModel { recipe, title, subtitle, source, summary, table, csv }
//   recipe ──chartSpec──▶ Plot options ──render(document)──▶ SVG   (src/charts: the same chart code)
//   FigureModel + SVG ──figureInnerHtml──▶ the inside of <figure data-chart>
//
// A recipe is plain JSON (rows as arrays, labels as maps), so the page can carry it with the figure
// (`data-figure`, on a <template> at the figure's end in the built page): the browser re-renders from it
// (line/area switch, narrow screens) and makes the SVG and PNG downloads without starting the engine.
//
// For another page (e.g. Ej verkställda beslut): build FigureModels with `trendFigure` / `barsFigure`
// (or fill one in yourself), render each with <ChartFigure figure={…} />, and return them from your
// page module's `load` (see page.ts) so the browser can re-render them after a filter change.

import type * as Plot from '@observablehq/plot';
import { barsSpec, type BarRow, type BarsOptions } from '../../charts/bars.ts';
import { withHeading, type Heading } from '../../charts/heading.ts';
import { capitalize } from '../../charts/labels.ts';
import { render } from '../../charts/render.ts';
import { barsCsv, barsTable, toCsv, trendCsv, trendTable, type CsvCell, type DataTable } from '../../charts/table.ts';
import { markerGlyph } from '../../charts/theme.ts';
import { trendSpec, type TrendOptions, type TrendRow } from '../../charts/trend.ts';
import { MARKER_LABELS, MARKERS } from '../../data/markers.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import type { ValueFormat } from '../../i18n/format.ts';
import { esc } from './html.ts';

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

export type ChartRecipe = TrendRecipe | BarsRecipe;

/** Changes the browser may make to a recipe without new data. */
export interface RecipeOverride {
  width?: number;
  chart?: 'line' | 'area';
}

export function trendRows(recipe: TrendRecipe): TrendRow[] {
  return recipe.rows.map(([period, serie, varde, markering]) => ({ period, serie, varde, markering }));
}

export function barRows(recipe: BarsRecipe): BarRow[] {
  return recipe.rows.map(([kategori, varde, markering, grupp]) => ({ kategori, varde, markering, ...(grupp ? { grupp } : {}) }));
}

function trendOptions(recipe: TrendRecipe, override: RecipeOverride = {}): TrendOptions {
  const chart = override.chart ?? recipe.chart;
  const area = chart === 'area';
  const description = [recipe.description, area ? recipe.areaNote : undefined].filter(Boolean).join(' ');
  return {
    kind: chart,
    width: override.width ?? recipe.width,
    height: recipe.height,
    format: recipe.format,
    digits: recipe.digits,
    title: recipe.title,
    description: description || undefined,
    yLabel: recipe.yLabel,
    series: area ? (recipe.areaSeries ?? recipe.series) : recipe.series,
    seriesLabel: (s) => recipe.labels[s] ?? s,
    events: recipe.events ?? [],
    references: recipe.references ?? [],
  };
}

function barsOptions(recipe: BarsRecipe, override: RecipeOverride = {}): BarsOptions {
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

/** The Plot options of a recipe: the one chart code of src/charts. */
export function chartSpec(recipe: ChartRecipe, override: RecipeOverride = {}): Plot.PlotOptions {
  return recipe.kind === 'trend'
    ? trendSpec(trendRows(recipe), trendOptions(recipe, override))
    : barsSpec(barRows(recipe), barsOptions(recipe, override));
}

/** The data table of a recipe, as display strings (markers as their text, never a number). */
export function recipeTable(recipe: ChartRecipe, valueHeader?: string): FigureTable {
  if (recipe.kind === 'trend') {
    // The table always lists every series, also those not stacked in area mode.
    return { ...trendTable(trendRows(recipe), trendOptions(recipe, { chart: 'line' })), numericFrom: 1 };
  }
  const table = barsTable(barRows(recipe), { ...barsOptions(recipe), valueHeader });
  return { ...table, numericFrom: table.header.length - 1 };
}

/** The CSV rows of a recipe: canonical periods and raw numbers, markers as text. */
export function recipeCsv(recipe: ChartRecipe, valueHeader?: string): CsvCell[][] {
  return recipe.kind === 'trend'
    ? trendCsv(trendRows(recipe), trendOptions(recipe, { chart: 'line' }))
    : barsCsv(barRows(recipe), { ...barsOptions(recipe), valueHeader });
}

/**
 * Renders a recipe to an SVG element for the page. Plot writes a <style> element and a style attribute,
 * which a strict Content-Security-Policy (style-src 'self') refuses inline; they are removed here and the
 * same rules come from the stylesheet (dashboard.css, `.ss-chart`). Downloads keep them (`standaloneSvg`).
 */
export function pageSvg(recipe: ChartRecipe, doc: Document, id: string, override: RecipeOverride = {}): Element {
  const el = render({ ...chartSpec(recipe, override), style: undefined }, doc, { id });
  stripInlineStyle(el);
  return el;
}

export function stripInlineStyle(el: Element): void {
  for (const node of [el, ...el.querySelectorAll('[style]')]) {
    // Reading first makes Chromium write a pending CSSOM change to the attribute, which would otherwise
    // come back as style="" when the element is serialised.
    node.getAttribute('style');
    node.removeAttribute('style');
  }
  for (const style of [...el.querySelectorAll('style')]) style.remove();
}

/**
 * The chart with its title, subtitle and source drawn in, as a standalone .svg file's text. Serialised as
 * XML, not HTML: outerHTML writes a no-break space (in every period label) as `&nbsp;`, which is no XML
 * entity, and an SVG editor refuses the file.
 */
export function standaloneSvg(recipe: ChartRecipe, heading: Heading, doc: Document, id: string, override: RecipeOverride = {}): string {
  const el = render(withHeading(chartSpec(recipe, override), heading), doc, { id: `${id}-fil` });
  // A document made with createHTMLDocument (the browser's scratch document) has no window of its own.
  const Serializer = doc.defaultView?.XMLSerializer ?? globalThis.XMLSerializer;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(el)}\n`;
}

export interface FigureTable extends DataTable {
  /** Columns from this index on hold numbers (right-aligned). */
  numericFrom: number;
}

/** Everything a chart figure shows. Plain data: it is built at build time and again in the browser. */
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
}

/** What the browser needs to re-render or download a figure without new data (`data-figure`). */
export interface FigureData {
  recipe: ChartRecipe | null;
  heading: Heading;
  file: string;
}

export function figureData(model: FigureModel): FigureData {
  return { recipe: model.recipe, heading: { title: model.title, subtitle: model.subtitle, source: model.source }, file: model.file };
}

/** Builds a trend figure: table and CSV from the recipe, the rest given. */
export function trendFigure(
  base: Omit<FigureModel, 'recipe' | 'table' | 'csv' | 'empty' | 'switchable'> & { switchable?: boolean },
  recipe: TrendRecipe,
): FigureModel {
  const empty = recipe.rows.length === 0;
  return {
    ...base,
    recipe: empty ? null : recipe,
    empty: empty ? words.figure.empty : null,
    table: empty ? null : recipeTable(recipe),
    csv: empty ? [] : recipeCsv(recipe),
    switchable: !empty && (base.switchable ?? false),
  };
}

/** Builds a bar figure: table and CSV from the recipe, the rest given. */
export function barsFigure(
  base: Omit<FigureModel, 'recipe' | 'table' | 'csv' | 'empty' | 'switchable'>,
  recipe: BarsRecipe,
  valueHeader?: string,
): FigureModel {
  const empty = recipe.rows.length === 0;
  return {
    ...base,
    recipe: empty ? null : recipe,
    empty: empty ? words.figure.empty : null,
    table: empty ? null : recipeTable(recipe, valueHeader),
    csv: empty ? [] : recipeCsv(recipe, valueHeader),
    switchable: false,
  };
}

/** An empty figure: the same frame with a sentence instead of a chart. */
export function emptyFigure(base: Omit<FigureModel, 'recipe' | 'table' | 'csv' | 'empty' | 'switchable' | 'summary' | 'notes'> & { empty: string }): FigureModel {
  return { ...base, recipe: null, table: null, csv: [], switchable: false, summary: '', notes: [] };
}

const MARKER_BY_TEXT = new Map<string, string>(MARKERS.map((m) => [capitalize(MARKER_LABELS[m]), m]));

function tableHtml(model: FigureModel, table: FigureTable): string {
  const captionId = `${model.id}-tabell`;
  const head = table.header
    .map((h, i) => `<th scope="col"${i >= table.numericFrom ? ' class="num"' : ''}>${esc(h)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.map((cell, i) => {
        if (i === 0) return `<th scope="row">${esc(cell)}</th>`;
        const marker = MARKER_BY_TEXT.get(cell);
        if (marker) {
          return `<td class="num marker" data-markering="${esc(marker)}"><span aria-hidden="true">${esc(markerGlyph(marker).text)}\u00a0</span>${esc(cell)}</td>`;
        }
        return `<td${i >= table.numericFrom ? ' class="num"' : ''}>${esc(cell)}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return (
    `<details class="chart-figure__table"><summary>${esc(words.figure.showTable)}</summary>` +
    `<div class="table-scroll" role="region" aria-labelledby="${esc(captionId)}" tabindex="0">` +
    `<table class="data-table"><caption id="${esc(captionId)}">${esc(model.title)}<span class="data-table__sub">${esc(model.subtitle)}</span></caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></details>`
  );
}

/** The CSV as a data: URL, so the download works without JavaScript too. */
export function csvHref(csv: readonly (readonly CsvCell[])[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csv))}`;
}

function headingTag(level: 2 | 3): string {
  return level === 2 ? 'h2' : 'h3';
}

/**
 * The inside of <figure data-chart>: title, subtitle, (switch,) chart, source, notes, summary, table,
 * downloads. `svg` is the chart's markup (from `pageSvg`). With `js` false, controls that need
 * JavaScript are written `hidden` (the browser shows them when it takes over).
 */
export function figureInnerHtml(model: FigureModel, svg: string | null, options: { js: boolean; chart?: 'line' | 'area' } = { js: false }): string {
  const h = headingTag(model.level);
  const jsOnly = options.js ? '' : ' hidden';
  const chart = options.chart ?? (model.recipe?.kind === 'trend' ? model.recipe.chart : 'line');
  const parts: string[] = [];
  parts.push(
    `<figcaption class="chart-figure__caption"><${h} class="chart-figure__title" id="${esc(model.id)}-titel">${esc(model.title)}</${h}>` +
      `<p class="chart-figure__subtitle">${esc(model.subtitle)}</p></figcaption>`,
  );
  if (model.switchable) {
    const name = `${model.id}-visning`;
    const radio = (value: 'line' | 'area', label: string) =>
      `<label><input type="radio" name="${esc(name)}" value="${value}"${value === chart ? ' checked' : ''}> ${esc(label)}</label>`;
    parts.push(
      `<fieldset class="chart-switch" data-chart-switch${jsOnly}><legend>${esc(words.figure.chartKind)}</legend>` +
        `${radio('line', words.figure.lines)}${radio('area', words.figure.areas)}</fieldset>`,
    );
  }
  // Without JavaScript a chart wider than a small screen scrolls sideways: its box takes keyboard focus so
  // it can be scrolled. With JavaScript the chart itself takes focus (tooltips) and fits the screen.
  const scrollable = options.js ? '' : ` tabindex="0" role="group" aria-labelledby="${esc(model.id)}-titel"`;
  if (svg) parts.push(`<div class="chart-figure__plot" data-plot${scrollable}>${svg}</div>`);
  else parts.push(`<p class="chart-figure__empty">${esc(model.empty ?? words.figure.empty)}</p>`);
  // Invented figures: the words that say so come first, in bold.
  const flag = `${words.figure.invented}.`;
  const source = model.invented && model.source.startsWith(flag)
    ? `<strong>${esc(flag)}</strong>${esc(model.source.slice(flag.length))}`
    : esc(model.source);
  parts.push(`<p class="chart-figure__source${model.invented ? ' chart-figure__source--invented' : ''}">${source}</p>`);
  for (const note of model.notes) parts.push(`<p class="chart-figure__note">${esc(note)}</p>`);
  if (model.summary) parts.push(`<p class="chart-figure__summary" data-summary>${esc(model.summary)}</p>`);
  if (model.table) parts.push(tableHtml(model, model.table));
  if (model.recipe) {
    const csv = model.csv.length
      ? `<a class="chart-figure__download" download="${esc(model.file)}.csv" href="${esc(csvHref(model.csv))}" data-download="csv">${esc(words.figure.csv)}</a>`
      : '';
    parts.push(
      `<p class="chart-figure__downloads"><span class="chart-figure__downloads-label">${esc(words.figure.downloads)}:</span> ${csv}` +
        `<button type="button" class="chart-figure__download" data-download="svg"${jsOnly}>${esc(words.figure.svg)}</button>` +
        `<button type="button" class="chart-figure__download" data-download="png"${jsOnly}>${esc(words.figure.png)}</button></p>`,
    );
  }
  if (model.link) parts.push(`<p class="chart-figure__link"><a href="${esc(model.link.href)}">${esc(model.link.text)}</a></p>`);
  return parts.join('\n');
}
