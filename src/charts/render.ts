// The one place a chart spec meets a DOM. At build time `document` is a server-side DOM (jsdom); in the
// browser it is `window.document`. The same spec gives the same SVG in both.

import * as Plot from '@observablehq/plot';

export interface RenderOptions {
  /**
   * Prefix for the ids Plot generates (clip paths, patterns, markers). Plot numbers them with a global
   * counter, so the same chart would get different ids depending on what was rendered before; renaming
   * them `<id>-clip-1`, … makes the output deterministic, and unique on a page when each chart has its
   * own id.
   */
  id?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const GENERATED_ID = /^plot-(clip|pattern|marker)-\d+$/;
const URL_REF = /url\(#(plot-(?:clip|pattern|marker)-\d+)\)/g;

/**
 * Renders Plot options to an SVG element (or a figure, if the spec asks for Plot's own title or HTML
 * legend; the chart kinds here never do). The element is labelled as one image: its name and description
 * come from the spec's ariaLabel and ariaDescription, and the data table is the accessible alternative.
 */
export function render(spec: Plot.PlotOptions, document: Document, options: RenderOptions = {}): SVGSVGElement | HTMLElement {
  const root = Plot.plot({ ...spec, document }) as SVGSVGElement | HTMLElement;
  const svgs = root.tagName.toLowerCase() === 'svg' ? [root] : [...root.querySelectorAll('svg')];
  for (const svg of svgs) {
    // So that the element can be saved as a standalone .svg file.
    svg.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
    if (svg === root || svg.parentElement === root) {
      svg.setAttribute('role', 'img');
      // The hook for enhanceAllTooltips and for page styles.
      svg.classList.add('ss-chart');
    }
  }
  reindexIds(root, options.id ?? 'chart');
  return root;
}

/** Serialises a rendered chart to markup for a static page or an .svg download. */
export function toMarkup(element: Element): string {
  return element.outerHTML;
}

function reindexIds(root: Element, prefix: string): void {
  const map = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const node of root.querySelectorAll('[id]')) {
    const id = node.getAttribute('id') ?? '';
    const m = GENERATED_ID.exec(id);
    if (!m) continue;
    let next = map.get(id);
    if (!next) {
      const n = (counts.get(m[1]) ?? 0) + 1;
      counts.set(m[1], n);
      map.set(id, (next = `${prefix}-${m[1]}-${n}`));
    }
    node.setAttribute('id', next);
  }
  if (!map.size) return;
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const attr of ['clip-path', 'fill', 'stroke', 'marker-start', 'marker-mid', 'marker-end', 'mask', 'filter']) {
      const value = node.getAttribute(attr);
      if (value?.includes('url(#plot-')) {
        node.setAttribute(attr, value.replace(URL_REF, (all, id: string) => (map.has(id) ? `url(#${map.get(id)})` : all)));
      }
    }
  }
}
