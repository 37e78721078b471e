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
// Plot's own (plot-clip-3) and the charts' own markers (plot-glyph-times0072B2, trend-marks.ts).
const GENERATED_ID = /^plot-(clip|pattern|marker|glyph)-\w+$/;
const URL_REF = /url\(#(plot-(?:clip|pattern|marker|glyph)-\w+)\)/g;

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
  // The chart is one image (role="img", named and described on its root; the data table is its text
  // alternative): the names Plot gives its groups ("line", "dot") are not allowed inside it and say nothing.
  for (const node of root.querySelectorAll('[aria-label], [aria-description]')) {
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  }
  reindexIds(root, options.id ?? 'chart');
  roundCoordinates(root);
  return root;
}

const GEOMETRY = ['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points'];
const LONG_DECIMAL = /-?\d*\.\d{2,}(?:e-?\d+)?/g;

/**
 * Rounds the coordinates Plot writes with full double precision (`M52.52173913043478,287.1304347826087`)
 * to a tenth of a pixel, which no screen or printer shows: a chart's markup shrinks by a third or more,
 * which is most of what a topic page weighs before any script.
 */
function roundCoordinates(root: Element): void {
  for (const node of [root, ...root.querySelectorAll('*')]) {
    for (const name of GEOMETRY) {
      const value = node.getAttribute(name);
      if (value && LONG_DECIMAL.test(value)) {
        LONG_DECIMAL.lastIndex = 0;
        node.setAttribute(name, value.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 10) / 10)));
      }
      LONG_DECIMAL.lastIndex = 0;
    }
  }
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
