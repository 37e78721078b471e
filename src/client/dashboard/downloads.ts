// Downloads of a chart figure: the chart as SVG or PNG with its title, subtitle and source drawn in
// (src/charts/heading.ts), made from the recipe the figure carries in `data-figure`, so they work for the
// prerendered view as well as after a filter change, with no database engine. The data as CSV is a plain
// link (a data: URL written with the figure), so it works without JavaScript too.

import type { RecipeOverride } from '../../charts/recipe.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import type { FigureData } from '../../views/figure.ts';
import { saveBlob } from '../save-file.ts';
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

/** The download buttons of every figure (SVG, PNG), drawn as the chart is shown (lines or areas). */
export function wireDownloads(root: HTMLElement, dataOf: (el: HTMLElement) => FigureData | null, chart: () => 'line' | 'area'): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-download]');
    const el = button?.closest<HTMLElement>('figure[data-chart]');
    const data = el ? dataOf(el) : null;
    if (!button || !el || !data) return;
    const id = el.dataset.chart ?? 'chart';
    button.disabled = true;
    const work = button.dataset.download === 'png' ? downloadPng(data, id, { chart: chart() }) : downloadSvg(data, id, { chart: chart() });
    work
      .catch((error) => {
        console.warn(error);
        const note = Object.assign(document.createElement('p'), { className: 'chart-figure__download-error', textContent: words.figure.pngFailed });
        note.setAttribute('role', 'alert');
        button.parentElement?.after(note);
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}
