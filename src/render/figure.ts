// The inside of a chart figure (<figure data-chart>): title and subtitle, the line/area switch, the chart,
// the source, notes, the text summary, the data table and the downloads. One renderer per part, joined;
// used by ChartFigure.astro at build time and by src/client/dashboard after a filter change.

import { toCsv, type CsvCell } from '../charts/table.ts';
import { exportWords } from '../i18n/exports.ts';
import { dashboard as words } from '../i18n/dashboard.ts';
import type { FigureModel } from '../views/figure.ts';
import { html, joinHtml, type Html } from './html.ts';
import { figureTableHtml } from './table.ts';

export interface FigureRenderOptions {
  /** The browser has taken over: controls that need JavaScript are shown, the chart box is no tab stop. */
  js: boolean;
  chart?: 'line' | 'area';
}

/** The CSV as a data: URL, so the download works without JavaScript too. */
export function csvHref(csv: readonly (readonly CsvCell[])[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csv))}`;
}

function captionHtml(model: FigureModel): Html {
  const title = model.level === 2
    ? html`<h2 class="chart-figure__title" id="${model.id}-titel">${model.title}</h2>`
    : html`<h3 class="chart-figure__title" id="${model.id}-titel">${model.title}</h3>`;
  return html`<figcaption class="chart-figure__caption">${title}<p class="chart-figure__subtitle">${model.subtitle}</p></figcaption>`;
}

function switchHtml(model: FigureModel, chart: 'line' | 'area', js: boolean): Html {
  const name = `${model.id}-visning`;
  const radio = (value: 'line' | 'area', label: string) =>
    html`<label><input type="radio" name="${name}" value="${value}"${value === chart ? html` checked` : ''}> ${label}</label>`;
  return html`<fieldset class="chart-switch" data-chart-switch${js ? '' : html` data-waiting`}><legend>${words.figure.chartKind}</legend>${radio('line', words.figure.lines)}${radio('area', words.figure.areas)}</fieldset>`;
}

/**
 * The chart, or the sentence that stands in for it. Without JavaScript a chart wider than a small screen
 * scrolls sideways: its box takes keyboard focus so it can be scrolled. With JavaScript the chart itself
 * takes focus (tooltips) and fits the screen.
 */
function plotHtml(model: FigureModel, svg: Html | null, js: boolean): Html {
  if (!svg) return html`<p class="chart-figure__empty">${model.empty ?? words.figure.empty}</p>`;
  return js
    ? html`<div class="chart-figure__plot" data-plot>${svg}</div>`
    : html`<div class="chart-figure__plot" data-plot tabindex="0" role="group" aria-labelledby="${model.id}-titel">${svg}</div>`;
}

/** The source line; for invented figures the words that say so come first, in bold. */
function sourceHtml(model: FigureModel): Html {
  const flag = `${words.figure.invented}.`;
  const cls = model.invented ? 'chart-figure__source chart-figure__source--invented' : 'chart-figure__source';
  const text = model.invented && model.source.startsWith(flag) ? html`<strong>${flag}</strong>${model.source.slice(flag.length)}` : html`${model.source}`;
  return html`<p class="${cls}">${text}</p>`;
}

function downloadsHtml(model: FigureModel, js: boolean): Html {
  const hidden = js ? '' : html` data-waiting`;
  const csv = model.csv.length
    ? html`<a class="chart-figure__download" download="${model.file}.csv" href="${csvHref(model.csv)}" data-download="csv">${words.figure.csv}</a>`
    : '';
  // The other formats of the numbers are made in the browser from the figure's recipe (src/exports).
  const data = model.recipe
    ? html`<button type="button" class="chart-figure__download" data-download="csv-data"${hidden}>${exportWords.csvData}</button><button type="button" class="chart-figure__download" data-download="xlsx"${hidden}>${exportWords.xlsx}</button><button type="button" class="chart-figure__download" data-download="jsonstat"${hidden}>${exportWords.jsonStat}</button>`
    : '';
  return html`<p class="chart-figure__downloads"><span class="chart-figure__downloads-label">${words.figure.downloads}:</span> ${csv}${data}<button type="button" class="chart-figure__download" data-download="svg"${hidden}>${words.figure.svg}</button><button type="button" class="chart-figure__download" data-download="png"${hidden}>${words.figure.png}</button></p>`;
}

/**
 * The inside of <figure data-chart>. `svg` is the chart's markup (src/render/chart.ts). With `js` false,
 * controls that need JavaScript are written `data-waiting`: invisible, but in their place, so that the
 * page does not move when the browser takes over and shows them.
 */
export function figureHtml(model: FigureModel, svg: Html | null, options: FigureRenderOptions = { js: false }): Html {
  const chart = options.chart ?? (model.recipe?.kind === 'trend' ? model.recipe.chart : 'line');
  const parts: Html[] = [captionHtml(model)];
  if (model.switchable) parts.push(switchHtml(model, chart, options.js));
  parts.push(plotHtml(model, svg, options.js), sourceHtml(model));
  for (const note of model.notes) parts.push(html`<p class="chart-figure__note">${note}</p>`);
  if (model.summary) parts.push(html`<p class="chart-figure__summary" id="${model.id}-sammanfattning" data-summary>${model.summary}</p>`);
  if (model.table) parts.push(figureTableHtml(model, model.table));
  if (model.recipe) parts.push(downloadsHtml(model, options.js));
  if (model.link) parts.push(html`<p class="chart-figure__link"><a href="${model.link.href}">${model.link.text}</a></p>`);
  return joinHtml(parts, '\n');
}
