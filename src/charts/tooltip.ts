// Tooltips for a rendered chart, added in the browser on top of the prerendered SVG (no re-render needed).
// Without JavaScript every point keeps its native <title> tooltip. With it, the titles become one drawn
// tooltip that follows the pointer to the nearest point and, for keyboard users, the chart takes focus
// (one tab stop) and the arrow keys move between points: ←/→ along a series, ↑/↓ across series,
// Home/End to the ends, Escape to hide. A trend chart has one point per period (an invisible column,
// class ss-periods, whose tooltip lists every series), so there ←/→ move period by period.

import { LINE_HEIGHT, MUTED_TEXT_COLOR, TEXT_COLOR, textWidth } from './theme.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface TipPoint {
  element: Element;
  /** Lines of the tooltip (the former <title>, split at line breaks). */
  lines: string[];
  x: number;
  y: number;
  /** For a bar: its rectangle (x0, y0, x1, y1), so the pointer anywhere on the bar finds it. */
  box: [number, number, number, number] | null;
  /** Index of the point's group (a series, or a set of missing-value glyphs). */
  group: number;
  /** A period's column (a trend chart): the tooltip lists every series, a rule marks the period. */
  column: boolean;
}

function translateOf(el: Element): [number, number] {
  const m = /translate\(\s*([-\d.e]+)(?:[ ,]+([-\d.e]+))?\s*\)/.exec(el.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

function num(el: Element, name: string): number {
  const v = Number(el.getAttribute(name));
  return Number.isFinite(v) ? v : 0;
}

/** The translation of an element's own coordinates into the SVG's (Plot only translates). */
function offsetOf(el: Element, svg: Element): [number, number] {
  let x = 0;
  let y = 0;
  for (let node: Element | null = el; node && node !== svg; node = node.parentElement) {
    const [dx, dy] = translateOf(node);
    x += dx;
    y += dy;
  }
  return [x, y];
}

/** The point's anchor in SVG coordinates (a dot's centre, a bar's end, a text's start), and a bar's box. */
function geometryOf(el: Element, svg: Element): { x: number; y: number; box: TipPoint['box'] } {
  const [ox, oy] = offsetOf(el, svg);
  const tag = el.tagName.toLowerCase();
  if (tag === 'circle') return { x: ox + num(el, 'cx'), y: oy + num(el, 'cy'), box: null };
  if (tag === 'rect') {
    const [x0, y0] = [ox + num(el, 'x'), oy + num(el, 'y')];
    const [x1, y1] = [x0 + num(el, 'width'), y0 + num(el, 'height')];
    return { x: x1, y: (y0 + y1) / 2, box: [x0, y0, x1, y1] };
  }
  return { x: ox + num(el, 'x'), y: oy + num(el, 'y'), box: null };
}

/** Squared distance from a point to a tip point (to its box, for bars). */
function distance2(p: TipPoint, x: number, y: number): number {
  if (!p.box) return (p.x - x) ** 2 + (p.y - y) ** 2;
  const dx = Math.max(p.box[0] - x, 0, x - p.box[2]);
  const dy = Math.max(p.box[1] - y, 0, y - p.box[3]);
  return dx * dx + dy * dy;
}

/** The points of a chart that carry a tooltip, in document order (series by series, period order). */
export function tipPoints(svg: Element): TipPoint[] {
  const points: TipPoint[] = [];
  svg.querySelectorAll('.ss-points').forEach((g, group) => {
    const column = g.classList.contains('ss-periods');
    for (const el of g.children) {
      const title = el.querySelector(':scope > title');
      const text = title?.textContent ?? el.getAttribute('data-tip');
      if (!text) continue;
      const at = geometryOf(el, svg);
      // A column's tooltip stands at the top of the plot, centred on the period.
      if (column && at.box) Object.assign(at, { x: (at.box[0] + at.box[2]) / 2, y: at.box[1] });
      points.push({ element: el, lines: text.split('\n'), ...at, group, column });
    }
  });
  return points;
}

/** The next point from `from` for a key, or null to stay. */
export function nextPoint(points: readonly TipPoint[], from: number, key: string): number | null {
  const cur = points[from];
  if (!cur) return points.length ? 0 : null;
  if (key === 'Home') return 0;
  if (key === 'End') return points.length - 1;
  if (key === 'ArrowRight') return from + 1 < points.length ? from + 1 : null;
  if (key === 'ArrowLeft') return from > 0 ? from - 1 : null;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    // The nearest point above (below): at the same period if there is one, else the closest.
    const sign = key === 'ArrowUp' ? -1 : 1;
    let best: number | null = null;
    let bestScore = Infinity;
    points.forEach((p, i) => {
      const dy = (p.y - cur.y) * sign;
      if (i === from || dy <= 0.5) return;
      const dx = Math.abs(p.x - cur.x);
      const score = (dx <= 2 ? 0 : 1e6 + dx * 10) + dy;
      if (score < bestScore) [best, bestScore] = [i, score];
    });
    return best;
  }
  return null;
}

/** Titles move to data-tip, so the browser's own tooltip does not appear beside the drawn one. */
function moveTitles(points: readonly TipPoint[]): [Element, Element][] {
  const removed: [Element, Element][] = [];
  for (const p of points) {
    const title = p.element.querySelector(':scope > title');
    if (title) {
      p.element.setAttribute('data-tip', title.textContent ?? '');
      removed.push([p.element, title]);
      title.remove();
    }
  }
  return removed;
}

function svgElement(doc: Document, name: string, attributes: Record<string, string>): SVGElement {
  const el = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

interface Tip {
  show(p: TipPoint): void;
  hide(): void;
  remove(): void;
}

/** The drawn tooltip: a ring at the point and a box with the point's lines, kept inside the chart. */
function drawnTip(svg: SVGSVGElement): Tip {
  const doc = svg.ownerDocument;
  const tip = svgElement(doc, 'g', { class: 'ss-tip', 'pointer-events': 'none', 'aria-hidden': 'true', display: 'none' });
  const box = svgElement(doc, 'rect', { fill: 'white', stroke: MUTED_TEXT_COLOR, rx: '3' });
  const label = svgElement(doc, 'text', { fill: TEXT_COLOR, 'text-anchor': 'start' });
  const ring = svgElement(doc, 'circle', { r: '7', fill: 'none', stroke: TEXT_COLOR, 'stroke-width': '2' });
  const rule = svgElement(doc, 'line', { stroke: TEXT_COLOR, 'stroke-width': '1', 'stroke-dasharray': '2 2' });
  tip.append(rule, ring, box, label);
  svg.append(tip);
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[ ,]+/).map(Number);
  const width = viewBox[2] || num(svg, 'width');
  const measure = (lines: string[]) => {
    let w = Math.max(...lines.map((l) => textWidth(l)));
    try {
      // In a browser, measure; a server-side DOM cannot (no layout), so the estimate stays.
      const measured = Math.max(...[...label.children].map((t) => (t as SVGTextContentElement).getComputedTextLength()));
      if (measured > 0) w = measured;
    } catch {
      /* keep the estimate */
    }
    return w;
  };
  const show = (p: TipPoint) => {
    label.replaceChildren(...p.lines.map((line, k) => svgElement(doc, 'tspan', { x: '0', dy: k === 0 ? '0' : String(LINE_HEIGHT), ...(k === 0 ? { 'font-weight': '600' } : {}) })));
    [...label.children].forEach((t, k) => (t.textContent = p.lines[k]));
    const w = measure(p.lines);
    const pad = 6;
    const h = p.lines.length * LINE_HEIGHT + pad;
    // A period's box stands beside its rule (right of it, or left where the chart ends), not over it.
    const beside = p.x + 8 + w + 2 * pad <= width ? p.x + 8 : p.x - 8 - w - 2 * pad;
    const x = Math.max(0, Math.min(width - w - 2 * pad, p.column ? beside : p.x - w / 2 - pad));
    const y = p.column ? p.y + 4 : p.y - 12 - h >= 0 ? p.y - 12 - h : p.y + 12;
    for (const [k, v] of Object.entries({ x, y, width: w + 2 * pad, height: h })) box.setAttribute(k, String(v));
    label.setAttribute('transform', `translate(${x + pad},${y + pad / 2 + LINE_HEIGHT * 0.75})`);
    ring.setAttribute('cx', String(p.x));
    ring.setAttribute('cy', String(p.y));
    // A bar is found anywhere on it; a ring at its end would only clutter.
    if (p.box) ring.setAttribute('display', 'none');
    else ring.removeAttribute('display');
    // A period's column: a thin rule down through the plot at the period, the values listed beside it.
    if (p.column && p.box) {
      for (const [k, v] of Object.entries({ x1: p.x, x2: p.x, y1: p.box[1], y2: p.box[3] })) rule.setAttribute(k, String(v));
      rule.removeAttribute('display');
    } else rule.setAttribute('display', 'none');
    tip.removeAttribute('display');
  };
  return { show, hide: () => tip.setAttribute('display', 'none'), remove: () => tip.remove() };
}

/** The point nearest the pointer, within 40 px, or -1. */
function nearest(svg: SVGSVGElement, points: readonly TipPoint[], event: PointerEvent): number | null {
  const ctm = svg.getScreenCTM?.();
  if (!ctm) return null;
  const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
  let best = -1;
  let bestD = 40 * 40;
  points.forEach((p, i) => {
    const d = distance2(p, pt.x, pt.y);
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}

/**
 * Makes a rendered chart's tooltips work with pointer and keyboard. Returns a function that removes
 * the listeners and the drawn tooltip and restores the titles.
 */
export interface TooltipOptions {
  /**
   * Says the point reached with the keyboard (focus, arrow keys) in words, in the page's one polite live
   * region: the drawn tooltip is aria-hidden, so without it a screen reader hears nothing.
   */
  announce?: (text: string) => void;
}

export function enhanceTooltips(svg: SVGSVGElement, options: TooltipOptions = {}): () => void {
  const points = tipPoints(svg);
  if (!points.length) return () => {};
  const removed = moveTitles(points);
  const tip = drawnTip(svg);
  let active = -1;
  const show = (i: number, said = false) => {
    active = i;
    tip.show(points[i]);
    if (said) options.announce?.(points[i].lines.join('. '));
  };
  const listeners: [string, EventListener][] = [
    ['pointermove', ((event: PointerEvent) => {
      const best = nearest(svg, points, event);
      if (best === null) return;
      if (best >= 0) show(best);
      else tip.hide();
    }) as EventListener],
    ['pointerleave', tip.hide],
    ['keydown', ((event: KeyboardEvent) => {
      if (event.key === 'Escape') return tip.hide();
      const next = nextPoint(points, active, event.key);
      if (next === null) return;
      event.preventDefault();
      show(next, true);
    }) as EventListener],
    ['focus', () => show(active >= 0 ? active : 0, true)],
    ['blur', tip.hide],
  ];
  const hadTabindex = svg.getAttribute('tabindex');
  if (hadTabindex === null) svg.setAttribute('tabindex', '0');
  for (const [type, listener] of listeners) svg.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of listeners) svg.removeEventListener(type, listener);
    if (hadTabindex === null) svg.removeAttribute('tabindex');
    tip.remove();
    for (const [el, title] of removed) {
      el.removeAttribute('data-tip');
      el.append(title);
    }
  };
}

/** Enhances every chart rendered by `render` under `root`. */
export function enhanceAllTooltips(root: ParentNode): (() => void)[] {
  return [...root.querySelectorAll<SVGSVGElement>('svg.ss-chart')].map((svg) => enhanceTooltips(svg));
}
