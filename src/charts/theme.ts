// The look every chart shares: colours, line styles, symbols, type sizes, and a text-width estimate.
// A series is told apart by colour AND dash pattern AND symbol AND a direct label, so a chart still
// reads in greyscale print and with any colour-vision deficiency.

/**
 * Okabe–Ito categorical colours (Okabe & Ito 2008, designed for colour-vision deficiency), ordered so
 * the first series get the most distinct hues; the yellow is left out (1.3:1 on white) and the orange
 * and sky blue are replaced by a darkened orange and a near-black, so every line has at least 3:1
 * contrast against white (WCAG 1.4.11, non-text contrast).
 */
export const PALETTE = [
  '#0072B2', // blue, 5.2:1
  '#D55E00', // vermilion, 3.9:1
  '#009E73', // bluish green, 3.4:1
  '#CC79A7', // reddish purple, 3.1:1
  '#C27C00', // orange (Okabe–Ito #E69F00 darkened), 3.4:1
  '#3D3D3D', // near-black, 11:1
] as const;

/** SVG stroke-dasharray per series: solid, dashed, dotted, dash-dot, long dash, dash-dot-dot. */
export const DASHES = ['none', '8 4', '2 3', '10 3 2 3', '16 4', '10 3 2 3 2 3'] as const;

/** Point symbols per series (Plot symbol names); filled, so they never look like a marker glyph. */
export const SERIES_SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'wye'] as const;

export interface SeriesStyle {
  color: string;
  dash: string;
  symbol: string;
}

/**
 * The style of the i-th series. Beyond six series the colours repeat with the next dash pattern, so no
 * two of the first 36 series look the same.
 */
export function seriesStyle(i: number): SeriesStyle {
  const n = PALETTE.length;
  const cycle = Math.floor(i / n);
  return {
    color: PALETTE[i % n],
    dash: DASHES[(i + cycle) % DASHES.length],
    symbol: SERIES_SYMBOLS[(i + cycle) % SERIES_SYMBOLS.length],
  };
}

/**
 * The glyph that stands where a value is missing, by marker code: never a bar or a point at zero.
 * Glyphs are hollow or stroked so they cannot be mistaken for a series' filled points.
 */
export const MARKER_GLYPHS: Record<string, { symbol: string; text: string }> = {
  sekretess: { symbol: 'times', text: '\u00d7' },
  saknas: { symbol: 'circle', text: '\u25cb' },
  inget_att_redovisa: { symbol: 'diamond', text: '\u25c7' },
};
const UNKNOWN_GLYPH = { symbol: 'square', text: '\u25a1' };

export function markerGlyph(code: string): { symbol: string; text: string } {
  return MARKER_GLYPHS[code] ?? UNKNOWN_GLYPH;
}

/** The order marker kinds are listed in a legend. */
export const MARKER_ORDER = ['sekretess', 'saknas', 'inget_att_redovisa'];

export const TEXT_COLOR = '#1a1a1a'; // 17:1 on white
export const MUTED_TEXT_COLOR = '#4d4d4d'; // 8.5:1 on white: ticks, notes, marker texts
export const RULE_COLOR = '#595959'; // 7:1: reference and event rules
export const GRID_COLOR = '#e3e3e3'; // decoration only
export const BAR_COLOR = PALETTE[0];
export const BAR_MUTED_COLOR = '#8a8a8a'; // 3.5:1: bars that are not highlighted
export const AREA_OPACITY = 0.35;

export const FONT_SIZE = 12;
export const LINE_HEIGHT = 15;
/** Pixels per line of a row label that wraps (bar and heat-map rows): tighter than LINE_HEIGHT. */
export const LABEL_LINE_HEIGHT = 13;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The inline style of every chart's SVG. */
export const SVG_STYLE = {
  fontSize: `${FONT_SIZE}px`,
  fontFamily: FONT_FAMILY,
  color: TEXT_COLOR,
  background: 'white',
  overflow: 'visible',
};

// Widths of characters in em, rounded up a little: a server-side DOM cannot measure text, so margins and
// label positions are computed from this estimate. Overestimating costs a few pixels of white space;
// underestimating clips a label, so the table errs wide.
const NARROW = new Set([...'iljfrtI!|.,:;\'()[] ']);
const WIDE = new Set([...'mwMWÅÄÖ%@—']);
const DIGITS = new Set([...'0123456789']);

/** Estimated width in pixels of a one-line text at `fontSize`. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch) || ch === '\u00a0') em += 0.32;
    else if (WIDE.has(ch)) em += 0.9;
    else if (DIGITS.has(ch)) em += 0.62;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else em += 0.58;
  }
  // Calibrated against DejaVu Sans (Chromium's system-ui on Linux, one of the widest fallbacks).
  return Math.ceil(em * fontSize * 1.06);
}

/** Splits text into lines no wider than `maxWidth` (breaking at spaces only; a long word stays whole). */
export function wrapText(text: string, maxWidth: number, fontSize = FONT_SIZE): string[] {
  const lines: string[] = [];
  let line = '';
  // A sign that stands for a word keeps its number on its line: "SiS (§ 12-hem)" never ends a line with "(§".
  for (const word of text.split(/(?<![§#№]) +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Shortens text to at most `maxWidth`, ending with "…" when cut. */
export function truncateText(text: string, maxWidth: number, fontSize = FONT_SIZE): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let s = text;
  while (s.length > 1 && textWidth(`${s}\u2026`, fontSize) > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}\u2026`;
}

/**
 * The places a label may break: after a run of spaces (kept at the line's end, not drawn), after a
 * slash, and after the hyphen of a compound name ("Enskede-Årsta-Vantör"), never inside "13-17".
 */
export function breakParts(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const space = /\s/.test(ch);
    if (part && !space && /\s$/.test(part)) {
      parts.push(part);
      part = '';
    }
    part += ch;
    const compound = ch === '-' && /\p{L}/u.test(chars[i - 1] ?? '') && /\p{L}/u.test(chars[i + 1] ?? '');
    if (ch === '/' || compound) {
      parts.push(part);
      part = '';
    }
  });
  if (part) parts.push(part);
  return parts;
}

/**
 * A label in at most `maxLines` lines no wider than `max`, broken where `breakParts` allows; only the
 * last line is cut ("…") if it still does not fit. The lines joined, as an SVG's tspans are read, give
 * the label itself.
 */
export function labelLines(text: string, max: number, maxLines = 3, fontSize = FONT_SIZE): string[] {
  if (textWidth(text, fontSize) <= max) return [text];
  const lines: string[] = [];
  let line = '';
  for (const part of breakParts(text)) {
    const next = line + part;
    if (line.trim() && textWidth(next.trimEnd(), fontSize) > max && lines.length < maxLines - 1) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  lines.push(line);
  return lines
    .map((l) => {
      const body = l.trimEnd();
      const cut = truncateText(body, max, fontSize);
      return cut === body ? l : cut;
    })
    .filter((l) => l.trim());
}

/**
 * Moves label positions (pixels, any order) apart so that neighbours are at least their half-heights
 * apart, keeping them within [min, max] as far as possible; returns new positions in input order.
 */
export function dodge(positions: number[], heights: number[], min: number, max: number): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a] - positions[b] || a - b);
  const y = positions.slice();
  const gap = (a: number, b: number) => (heights[a] + heights[b]) / 2;
  // Push down from the top, then up from the bottom, then down again from the top bound.
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const lo = k === 0 ? min + heights[i] / 2 : y[order[k - 1]] + gap(order[k - 1], i);
    if (y[i] < lo) y[i] = lo;
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    const hi = k === order.length - 1 ? max - heights[i] / 2 : y[order[k + 1]] - gap(i, order[k + 1]);
    if (y[i] > hi) y[i] = hi;
  }
  for (let k = 1; k < order.length; k++) {
    const i = order[k];
    const lo = y[order[k - 1]] + gap(order[k - 1], i);
    if (y[i] < lo) y[i] = lo;
  }
  return y;
}
