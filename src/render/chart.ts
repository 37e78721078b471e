// A chart's SVG, from its model: for the page (no inline style, which a strict Content-Security-Policy
// refuses; the same rules come from the stylesheet, `.ss-chart` in dashboard.css) and as a standalone .svg
// file with its title, subtitle and source drawn in (downloads, which keep Plot's inline style).

import { withHeading, type Heading } from '../charts/heading.ts';
import { chartModel, chartPlot, resizedChart, type ChartModel, type ChartRecipe, type RecipeOverride } from '../charts/recipe.ts';
import { render } from '../charts/render.ts';

/** The model to draw: the one given when it fits the override, else one built from the recipe. */
export function chartFor(recipe: ChartRecipe, override: RecipeOverride = {}, built?: ChartModel | null): ChartModel {
  const kind = override.chart ?? (recipe.kind === 'trend' ? recipe.chart : 'line');
  const fits = built && (recipe.kind !== 'trend' || kind === 'line');
  const chart = fits ? built : chartModel(recipe, { chart: kind });
  return override.width ? resizedChart(chart, override.width) : chart;
}

function stripInlineStyle(el: Element): void {
  for (const node of [el, ...el.querySelectorAll('[style]')]) {
    // Reading first makes Chromium write a pending CSSOM change to the attribute, which would otherwise
    // come back as style="" when the element is serialised.
    node.getAttribute('style');
    node.removeAttribute('style');
  }
  for (const style of [...el.querySelectorAll('style')]) style.remove();
}

/** The chart's SVG element for the page, without inline style. */
export function pageSvg(chart: ChartModel, doc: Document, id: string): Element {
  const el = render({ ...chartPlot(chart), style: undefined }, doc, { id });
  stripInlineStyle(el);
  return el;
}

/** The width of the build's narrow rendering: shown at 324–358 px on a 360–390 px phone, so 12 px text stays ≥ 11 px. */
export const NARROW_WIDTH = 340;

/**
 * The built page's chart: drawn at its own width and, when that is wider than a phone, once more at
 * NARROW_WIDTH; the stylesheet shows the one that fits (dashboard.css, `.ss-chart--narrow`), so a phone
 * without JavaScript gets a chart whose text is legible, and with JavaScript nothing has to be redrawn
 * (and nothing moves) when the page starts. `describedBy`: the id of the chart's text summary.
 */
export function builtSvgs(chart: ChartModel, doc: Document, id: string, describedBy?: string): string {
  const width = chart.model.settings.width;
  const wide = pageSvg(chart, doc, id);
  if (describedBy) wide.setAttribute('aria-describedby', describedBy);
  if (width <= NARROW_WIDTH * 1.1) return pageMarkup(wide);
  const narrow = pageSvg(resizedChart(chart, NARROW_WIDTH), doc, `${id}-smal`);
  if (describedBy) narrow.setAttribute('aria-describedby', describedBy);
  wide.classList.add('ss-chart--wide');
  narrow.classList.add('ss-chart--narrow');
  return pageMarkup(wide) + pageMarkup(narrow);
}

/**
 * A chart's markup for an HTML page: outerHTML, with each no-break space (in every period label and
 * tooltip) as the character itself rather than `&nbsp;`, the same text in 2 bytes instead of 6 (the
 * first chart is most of what a page sends before it is seen).
 */
function pageMarkup(el: Element): string {
  return el.outerHTML.replaceAll('&nbsp;', '\u00a0');
}

/**
 * The chart with its title, subtitle and source drawn in, as a standalone .svg file's text. Serialised as
 * XML, not HTML: outerHTML writes a no-break space (in every period label) as `&nbsp;`, which is no XML
 * entity, and an SVG editor refuses the file.
 */
export function standaloneSvg(chart: ChartModel, heading: Heading, doc: Document, id: string): string {
  const el = render(withHeading(chartPlot(chart), heading), doc, { id: `${id}-fil` });
  // A document made with createHTMLDocument (the browser's scratch document) has no window of its own.
  const Serializer = doc.defaultView?.XMLSerializer ?? globalThis.XMLSerializer;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new Serializer().serializeToString(el)}\n`;
}

/** The same, without inline style, for painting into a PNG in the page's document. */
export function headedPageSvg(chart: ChartModel, heading: Heading, doc: Document, id: string): Element {
  const el = render({ ...withHeading(chartPlot(chart), heading), style: undefined }, doc, { id: `${id}-png` });
  stripInlineStyle(el);
  return el;
}
