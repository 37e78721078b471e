// Downloads of a chart figure: the chart as SVG or PNG with its title, subtitle and source drawn in
// (src/charts/heading.ts), made from the recipe the figure carries in `data-figure`, so they work for the
// prerendered view as well as after a filter change, with no database engine. The data as CSV is a plain
// link (a data: URL written with the figure), so it works without JavaScript too; the same numbers as CSV
// in the data profile, as XLSX and as JSON-stat are made here from the recipe (src/exports, exceljs
// loaded only when an Excel file is asked for).

import type { RecipeOverride } from '../../charts/recipe.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { exportWords } from '../../i18n/exports.ts';
import type { ExportMeta } from '../../exports/table.ts';
import type { FigureData } from '../../views/figure.ts';
import { saveBlob } from '../save-file.ts';
import { siteFacts } from '../site-facts.ts';
import { canvasToPng, paintSvg } from './png.ts';

/**
 * A document with no browsing context to render charts in: Plot's <style> element, never connected to a
 * document, is never applied, so a strict CSP (style-src 'self') has nothing to refuse.
 */
let scratch: Document | null = null;
export function scratchDocument(): Document {
  return (scratch ??= document.implementation.createHTMLDocument(''));
}

export async function downloadSvg(data: FigureData, id: string, override: RecipeOverride): Promise<void> {
  if (!data.recipe) return;
  const { chartFor, standaloneSvg } = await import('./drawing.ts');
  const text = standaloneSvg(chartFor(data.recipe, override), data.heading, scratchDocument(), id);
  saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), `${data.file}.svg`);
}

export async function downloadPng(data: FigureData, id: string, override: RecipeOverride): Promise<void> {
  if (!data.recipe) return;
  const { chartFor, headedPageSvg } = await import('./drawing.ts');
  const svg = headedPageSvg(chartFor(data.recipe, override), data.heading, scratchDocument(), id);
  // Laid out off screen in this document (the page's stylesheet gives it its fonts), painted, removed.
  const holder = document.createElement('div');
  holder.className = 'chart-offscreen';
  holder.setAttribute('aria-hidden', 'true');
  holder.append(document.importNode(svg, true));
  document.body.append(holder);
  try {
    const el = holder.querySelector('svg') as SVGSVGElement;
    const blob = await canvasToPng(paintSvg(el, 2));
    saveBlob(blob, `${data.file}.png`);
  } finally {
    holder.remove();
  }
}

/** What a downloaded file says about its figures: the heading, and the data date and threshold the footer carries. */
export function figureMeta(data: FigureData, doc: Document = document): ExportMeta {
  return {
    title: data.heading.title,
    subtitle: data.heading.subtitle,
    source: data.heading.source ?? '',
    ...siteFacts(doc),
    invented: (data.heading.source ?? '').startsWith(words.figure.invented),
  };
}

/** The figure's numbers as CSV (data profile), XLSX or JSON-stat, from its recipe. */
export async function downloadData(data: FigureData, kind: 'csv-data' | 'xlsx' | 'jsonstat'): Promise<void> {
  if (!data.recipe) return;
  const [{ chartModel }, { figureTable, figureCube }] = await Promise.all([import('../../charts/recipe.ts'), import('../../exports/figure.ts')]);
  const chart = chartModel(data.recipe);
  const meta = figureMeta(data);
  // A figure whose table has columns of its own carries them; the others' table is the chart's grid.
  const table = data.exportRows ? { ...data.exportRows, meta } : figureTable(chart, meta);
  if (kind === 'csv-data') {
    const { exportCsv } = await import('../../exports/csv.ts');
    saveBlob(new Blob([exportCsv(table, 'data')], { type: 'text/csv;charset=utf-8' }), `${data.file}-data.csv`);
  } else if (kind === 'xlsx') {
    const { exportXlsx } = await import('../../exports/xlsx.ts');
    saveBlob(new Blob([(await exportXlsx(table)) as BlobPart], { type: XLSX_TYPE }), `${data.file}.xlsx`);
  } else {
    const { exportJsonStat, tableCube } = await import('../../exports/jsonstat.ts');
    const cube = data.exportRows ? tableCube(table) : figureCube(chart, meta);
    if (!cube) throw new Error('not a cube');
    saveBlob(new Blob([JSON.stringify(exportJsonStat(cube), null, 1)], { type: 'application/json;charset=utf-8' }), `${data.file}.json`);
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The download buttons of every figure (SVG, PNG), drawn as the chart is shown (lines or areas). */
export function wireDownloads(root: HTMLElement, dataOf: (el: HTMLElement) => FigureData | null, chart: () => 'line' | 'area'): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-download]');
    const el = button?.closest<HTMLElement>('figure[data-chart]');
    const data = el ? dataOf(el) : null;
    if (!button || !el || !data) return;
    const id = el.dataset.chart ?? 'chart';
    button.disabled = true;
    const kind = button.dataset.download;
    const work =
      kind === 'png' ? downloadPng(data, id, { chart: chart() })
      : kind === 'csv-data' || kind === 'xlsx' || kind === 'jsonstat' ? downloadData(data, kind)
      : downloadSvg(data, id, { chart: chart() });
    work
      .catch((error) => {
        console.warn(error);
        const text = kind === 'png' || kind === 'svg' ? words.figure.pngFailed : exportWords.failed;
        const note = Object.assign(document.createElement('p'), { className: 'chart-figure__download-error', textContent: text });
        note.setAttribute('role', 'alert');
        button.parentElement?.after(note);
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
