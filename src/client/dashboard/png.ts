// A chart as a PNG, painted onto a canvas element by element from the laid-out SVG.
//
// Why not the usual <img src="blob:…svg"> → canvas: a strict Content-Security-Policy (img-src 'self')
// refuses blob: and data: images, and Chromium will not decode an SVG blob with createImageBitmap. The
// charts are made of a few SVG shapes (paths, lines, rects, circles, text), so they are painted here
// with the Canvas API: positions from the browser's own layout (getScreenCTM, getStartPositionOfChar),
// colours, widths, dashes and fonts from getComputedStyle. The SVG must be in the document (laid out).

type Painter = CanvasRenderingContext2D;

const SKIP = new Set(['title', 'desc', 'style', 'defs', 'clipPath', 'mask', 'pattern', 'linearGradient', 'radialGradient', 'marker', 'metadata', 'script']);

function numbers(list: string): number[] {
  return list
    .split(/[\s,]+/)
    .map((s) => parseFloat(s))
    .filter((n) => Number.isFinite(n));
}

function paintKind(value: string): string | null {
  return !value || value === 'none' || value.startsWith('url(') ? null : value;
}

function applyStroke(ctx: Painter, cs: CSSStyleDeclaration): boolean {
  const stroke = paintKind(cs.stroke);
  const width = parseFloat(cs.strokeWidth);
  if (!stroke || !(width > 0)) return false;
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width;
  const dash = cs.strokeDasharray === 'none' ? [] : numbers(cs.strokeDasharray);
  ctx.setLineDash(dash.length % 2 ? [...dash, ...dash] : dash);
  ctx.lineJoin = (cs.strokeLinejoin as CanvasLineJoin) || 'miter';
  ctx.lineCap = (cs.strokeLinecap as CanvasLineCap) || 'butt';
  const miter = parseFloat(cs.strokeMiterlimit);
  if (miter > 0) ctx.miterLimit = miter;
  return true;
}

function strokeFirst(cs: CSSStyleDeclaration): boolean {
  return (cs.paintOrder || 'normal').trim().startsWith('stroke');
}

/** Fill and stroke in the element's paint order (Plot's halos are strokes painted first). */
function paintInOrder(cs: CSSStyleDeclaration, fill: () => void, stroke: () => void): void {
  for (const paint of strokeFirst(cs) ? [stroke, fill] : [fill, stroke]) paint();
}

function paintShape(ctx: Painter, cs: CSSStyleDeclaration, path: Path2D, opacity: number): void {
  const fill = paintKind(cs.fill);
  const fillAlpha = opacity * parseFloat(cs.fillOpacity || '1');
  const strokeAlpha = opacity * parseFloat(cs.strokeOpacity || '1');
  const doFill = () => {
    if (!fill) return;
    ctx.globalAlpha = fillAlpha;
    ctx.fillStyle = fill;
    ctx.fill(path, cs.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
  };
  const doStroke = () => {
    if (!applyStroke(ctx, cs)) return;
    ctx.globalAlpha = strokeAlpha;
    ctx.stroke(path);
  };
  paintInOrder(cs, doFill, doStroke);
}

/** The element's own text: its text nodes, not a <title> child (the tooltip). */
function ownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) if (node.nodeType === 3) text += node.nodeValue ?? '';
  return text;
}

function paintText(ctx: Painter, el: SVGTextContentElement, cs: CSSStyleDeclaration, opacity: number): void {
  const text = ownText(el);
  if (!text || el.getNumberOfChars() === 0) return;
  let start: DOMPoint;
  try {
    start = el.getStartPositionOfChar(0);
  } catch {
    return;
  }
  ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const fill = paintKind(cs.fill);
  const doFill = () => {
    if (!fill) return;
    ctx.globalAlpha = opacity * parseFloat(cs.fillOpacity || '1');
    ctx.fillStyle = fill;
    ctx.fillText(text, start.x, start.y);
  };
  const doStroke = () => {
    if (!applyStroke(ctx, cs)) return;
    ctx.globalAlpha = opacity * parseFloat(cs.strokeOpacity || '1');
    ctx.setLineDash([]);
    ctx.strokeText(text, start.x, start.y);
  };
  paintInOrder(cs, doFill, doStroke);
}

function shapeOf(el: Element): Path2D | null {
  const path = new Path2D();
  switch (el.localName) {
    case 'path':
      return new Path2D(el.getAttribute('d') ?? '');
    case 'line': {
      const l = el as SVGLineElement;
      path.moveTo(l.x1.baseVal.value, l.y1.baseVal.value);
      path.lineTo(l.x2.baseVal.value, l.y2.baseVal.value);
      return path;
    }
    case 'rect': {
      const r = el as SVGRectElement;
      const [w, h] = [r.width.baseVal.value, r.height.baseVal.value];
      if (!(w > 0 && h > 0)) return null;
      const rx = r.rx.baseVal.value;
      if (rx > 0) path.roundRect(r.x.baseVal.value, r.y.baseVal.value, w, h, rx);
      else path.rect(r.x.baseVal.value, r.y.baseVal.value, w, h);
      return path;
    }
    case 'circle': {
      const c = el as SVGCircleElement;
      path.arc(c.cx.baseVal.value, c.cy.baseVal.value, c.r.baseVal.value, 0, 2 * Math.PI);
      return path;
    }
    case 'ellipse': {
      const e = el as SVGEllipseElement;
      path.ellipse(e.cx.baseVal.value, e.cy.baseVal.value, e.rx.baseVal.value, e.ry.baseVal.value, 0, 0, 2 * Math.PI);
      return path;
    }
    case 'polyline':
    case 'polygon': {
      const pts = numbers(el.getAttribute('points') ?? '');
      for (let i = 0; i + 1 < pts.length; i += 2) (i ? path.lineTo : path.moveTo).call(path, pts[i], pts[i + 1]);
      if (el.localName === 'polygon') path.closePath();
      return path;
    }
    default:
      return null;
  }
}

function paintTree(ctx: Painter, parent: Element, toRoot: DOMMatrix, scale: number, opacity: number): void {
  for (const el of parent.children) {
    if (SKIP.has(el.localName)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') continue;
    const alpha = opacity * parseFloat(cs.opacity || '1');
    const screen = (el as SVGGraphicsElement).getScreenCTM?.();
    if (!screen) continue;
    const m = toRoot.multiply(screen);
    ctx.setTransform(scale * m.a, scale * m.b, scale * m.c, scale * m.d, scale * m.e, scale * m.f);
    if (el.localName === 'g' || el.localName === 'svg' || el.localName === 'a') {
      paintTree(ctx, el, toRoot, scale, alpha);
      continue;
    }
    if (cs.visibility === 'hidden') continue;
    if (el.localName === 'text') {
      const parts = [...el.children].filter((c) => c.localName === 'tspan') as SVGTextContentElement[];
      if (!parts.length) paintText(ctx, el as SVGTextContentElement, cs, alpha);
      // tspan positions are in the text element's coordinates, so the transform stays.
      for (const t of parts) paintText(ctx, t, getComputedStyle(t), alpha);
      continue;
    }
    const shape = shapeOf(el);
    if (shape) paintShape(ctx, cs, shape, alpha);
  }
}

/** Paints a laid-out SVG element into a new canvas at `scale` times its viewBox size. */
export function paintSvg(svg: SVGSVGElement, scale = 2): HTMLCanvasElement {
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.width.baseVal.value;
  const height = box && box.height > 0 ? box.height : svg.height.baseVal.value;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  const screen = svg.getScreenCTM();
  if (!ctx || !screen) throw new Error('no canvas or layout');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // From screen pixels back to the SVG's user units (its viewBox): whatever size it is shown at.
  const toRoot = screen.inverse();
  const rootUser = new DOMMatrix();
  if (box && box.width > 0) rootUser.translateSelf(-box.x, -box.y);
  paintTree(ctx, svg, rootUser.multiply(toRoot), scale, 1);
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png'),
  );
}
