// Tooltips for a rendered chart, added in the browser on top of the prerendered SVG (no re-render needed).
// Without JavaScript every point keeps its native <title> tooltip. With it, the titles become one drawn
// tooltip that follows the pointer to the nearest point and, for keyboard users, the chart takes focus
// (one tab stop) and the arrow keys move between points: ←/→ along a series, ↑/↓ across series,
// Home/End to the ends, Escape to hide.

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
    for (const el of g.children) {
      const title = el.querySelector(':scope > title');
      const text = title?.textContent ?? el.getAttribute('data-tip');
      if (!text) continue;
      points.push({ element: el, lines: text.split('\n'), ...geometryOf(el, svg), group });
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

/**
 * Makes a rendered chart's tooltips work with pointer and keyboard. Returns a function that removes
 * the listeners and the drawn tooltip and restores the titles.
 */
export function enhanceTooltips(svg: SVGSVGElement): () => void {
  const doc = svg.ownerDocument;
  const points = tipPoints(svg);
  if (!points.length) return () => {};

  // Titles move to data-tip, so the browser's own tooltip does not appear beside the drawn one.
  const removed: [Element, Element][] = [];
  for (const p of points) {
    const title = p.element.querySelector(':scope > title');
    if (title) {
      p.element.setAttribute('data-tip', title.textContent ?? '');
      removed.push([p.element, title]);
      title.remove();
    }
  }

  const tip = doc.createElementNS(SVG_NS, 'g');
  tip.setAttribute('class', 'ss-tip');
  tip.setAttribute('pointer-events', 'none');
  tip.setAttribute('aria-hidden', 'true');
  tip.setAttribute('display', 'none');
  const box = doc.createElementNS(SVG_NS, 'rect');
  box.setAttribute('fill', 'white');
  box.setAttribute('stroke', MUTED_TEXT_COLOR);
  box.setAttribute('rx', '3');
  const label = doc.createElementNS(SVG_NS, 'text');
  label.setAttribute('fill', TEXT_COLOR);
  label.setAttribute('text-anchor', 'start');
  const ring = doc.createElementNS(SVG_NS, 'circle');
  ring.setAttribute('r', '7');
  ring.setAttribute('fill', 'none');
  ring.setAttribute('stroke', TEXT_COLOR);
  ring.setAttribute('stroke-width', '2');
  tip.append(ring, box, label);
  svg.append(tip);

  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[ ,]+/).map(Number);
  const width = viewBox[2] || num(svg, 'width');
  let active = -1;

  const show = (i: number) => {
    active = i;
    const p = points[i];
    label.replaceChildren(
      ...p.lines.map((line, k) => {
        const t = doc.createElementNS(SVG_NS, 'tspan');
        t.setAttribute('x', '0');
        t.setAttribute('dy', k === 0 ? '0' : String(LINE_HEIGHT));
        if (k === 0) t.setAttribute('font-weight', '600');
        t.textContent = line;
        return t;
      }),
    );
    let w = Math.max(...p.lines.map((l) => textWidth(l)));
    try {
      // In a browser, measure; a server-side DOM cannot (no layout), so the estimate stays.
      const measured = Math.max(...[...label.children].map((t) => (t as SVGTextContentElement).getComputedTextLength()));
      if (measured > 0) w = measured;
    } catch {
      /* keep the estimate */
    }
    const pad = 6;
    const h = p.lines.length * LINE_HEIGHT + pad;
    let x = p.x - w / 2 - pad;
    x = Math.max(0, Math.min(width - w - 2 * pad, x));
    const above = p.y - 12 - h >= 0;
    const y = above ? p.y - 12 - h : p.y + 12;
    box.setAttribute('x', String(x));
    box.setAttribute('y', String(y));
    box.setAttribute('width', String(w + 2 * pad));
    box.setAttribute('height', String(h));
    label.setAttribute('transform', `translate(${x + pad},${y + pad / 2 + LINE_HEIGHT * 0.75})`);
    ring.setAttribute('cx', String(p.x));
    ring.setAttribute('cy', String(p.y));
    // A bar is found anywhere on it; a ring at its end would only clutter.
    if (p.box) ring.setAttribute('display', 'none');
    else ring.removeAttribute('display');
    tip.removeAttribute('display');
  };
  const hide = () => {
    tip.setAttribute('display', 'none');
  };

  const onPointerMove = (event: PointerEvent) => {
    const ctm = svg.getScreenCTM?.();
    if (!ctm) return;
    const pt = new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse());
    let best = -1;
    let bestD = 40 * 40;
    points.forEach((p, i) => {
      const d = distance2(p, pt.x, pt.y);
      if (d < bestD) [best, bestD] = [i, d];
    });
    if (best >= 0) show(best);
    else hide();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') return hide();
    const next = nextPoint(points, active, event.key);
    if (next === null) return;
    event.preventDefault();
    show(next);
  };
  const onFocus = () => show(active >= 0 ? active : 0);

  const hadTabindex = svg.getAttribute('tabindex');
  if (hadTabindex === null) svg.setAttribute('tabindex', '0');
  svg.addEventListener('pointermove', onPointerMove);
  svg.addEventListener('pointerleave', hide);
  svg.addEventListener('keydown', onKeyDown);
  svg.addEventListener('focus', onFocus);
  svg.addEventListener('blur', hide);

  return () => {
    svg.removeEventListener('pointermove', onPointerMove);
    svg.removeEventListener('pointerleave', hide);
    svg.removeEventListener('keydown', onKeyDown);
    svg.removeEventListener('focus', onFocus);
    svg.removeEventListener('blur', hide);
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
  return [...root.querySelectorAll<SVGSVGElement>('svg.ss-chart')].map(enhanceTooltips);
}
