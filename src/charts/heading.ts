// A chart that stands alone: the title above and the source under the plot, inside the SVG. On a page
// the title and source are HTML around the chart; a downloaded SVG or PNG has no page, so the download
// renders `withHeading(spec, …)` instead of `spec`.

import * as Plot from '@observablehq/plot';
import { LINE_HEIGHT, MUTED_TEXT_COLOR, TEXT_COLOR, wrapText } from './theme.ts';

export interface Heading {
  title: string;
  /** Unit and period, e.g. "Antal barn, kv. 1 2022–kv. 3 2025". */
  subtitle?: string;
  /** E.g. "Källa: Socialstyrelsen. Data från 31 december 2025." */
  source?: string;
}

const TITLE_SIZE = 15;
const TITLE_LINE = 19;

/** A text block anchored at the frame's corner with `facet: 'super'`, so a faceted chart draws it once. */
function block(lines: string[], frameAnchor: 'top-left' | 'bottom-left', dx: number, dy: number, style: Record<string, unknown>): Plot.Markish {
  return Plot.text([lines.join('\n')], {
    frameAnchor,
    dx,
    dy,
    textAnchor: 'start',
    lineAnchor: 'top',
    facet: 'super',
    ariaHidden: 'true',
    text: (d: string) => d,
    ...style,
  });
}

/**
 * The same chart with its heading and source drawn in added top and bottom margins. The plot frame
 * keeps its size and every mark keeps its place relative to it.
 */
export function withHeading(spec: Plot.PlotOptions, heading: Heading): Plot.PlotOptions {
  const width = Number(spec.width ?? 640);
  const dx = -Number(spec.marginLeft ?? 0) + 1;
  const marginTop = Number(spec.marginTop ?? 0);
  const marginBottom = Number(spec.marginBottom ?? 0);
  const titleLines = wrapText(heading.title, width - 4, TITLE_SIZE);
  const subtitleLines = heading.subtitle ? wrapText(heading.subtitle, width - 4) : [];
  const sourceLines = heading.source ? wrapText(heading.source, width - 4) : [];
  const top = titleLines.length * TITLE_LINE + subtitleLines.length * LINE_HEIGHT + 12;
  const bottom = sourceLines.length ? sourceLines.length * LINE_HEIGHT + 8 : 0;
  const newTop = marginTop + top;
  const muted = { fill: MUTED_TEXT_COLOR, lineHeight: LINE_HEIGHT / 12 };
  const marks: Plot.Markish[] = [
    ...(spec.marks ?? []),
    block(titleLines, 'top-left', dx, -newTop + 2, { fontSize: TITLE_SIZE, fontWeight: 700, lineHeight: TITLE_LINE / TITLE_SIZE, fill: TEXT_COLOR }),
    ...(subtitleLines.length ? [block(subtitleLines, 'top-left', dx, -newTop + 2 + titleLines.length * TITLE_LINE, muted)] : []),
    ...(sourceLines.length ? [block(sourceLines, 'bottom-left', dx, marginBottom + 6, muted)] : []),
  ];
  return { ...spec, height: Number(spec.height) + top + bottom, marginTop: newTop, marginBottom: marginBottom + bottom, marks };
}
