// Downloads of a chart figure: the chart as SVG or PNG with its title, subtitle and source drawn in
// (src/charts/heading.ts), made from the recipe the figure carries in `data-figure`, so they work for the
// prerendered view as well as after a filter change, with no database engine. The data as CSV is a plain
// link (a data: URL written with the figure), so it works without JavaScript too.

import type { FigureData, RecipeOverride } from '../../components/dashboard/figure.ts';
import { canvasToPng, paintSvg } from './png.ts';
import { saveBlob } from '../save-file.ts';

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
  const { standaloneSvg } = await import('../../components/dashboard/figure.ts');
  const text = standaloneSvg(data.recipe, data.heading, scratchDocument(), id, override);
  saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), `${data.file}.svg`);
}

export async function downloadPng(data: FigureData, id: string, override: RecipeOverride): Promise<void> {
  if (!data.recipe) return;
  const [{ chartSpec, stripInlineStyle }, { withHeading }, { render }] = await Promise.all([
    import('../../components/dashboard/figure.ts'),
    import('../../charts/heading.ts'),
    import('../../charts/render.ts'),
  ]);
  const spec = withHeading(chartSpec(data.recipe, override), data.heading);
  const svg = render({ ...spec, style: undefined }, scratchDocument(), { id: `${id}-png` });
  stripInlineStyle(svg);
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
