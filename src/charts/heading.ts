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

/**
 * The same chart with its heading and source drawn in added top and bottom margins. The plot frame
 * keeps its size and every mark keeps its place relative to it.
 */
export function withHeading(spec: Plot.PlotOptions, heading: Heading): Plot.PlotOptions {
  const width = Number(spec.width ?? 640);
  const marginLeft = Number(spec.marginLeft ?? 0);
  const marginTop = Number(spec.marginTop ?? 0);
  const marginBottom = Number(spec.marginBottom ?? 0);
  const textWidth = width - 4;
  const titleLines = wrapText(heading.title, textWidth, TITLE_SIZE);
  const subtitleLines = heading.subtitle ? wrapText(heading.subtitle, textWidth) : [];
  const sourceLines = heading.source ? wrapText(heading.source, textWidth) : [];
  const top = titleLines.length * TITLE_LINE + subtitleLines.length * LINE_HEIGHT + 12;
  const bottom = sourceLines.length ? sourceLines.length * LINE_HEIGHT + 8 : 0;
  const newTop = marginTop + top;
  const newBottom = marginBottom + bottom;

  // Anchored at the frame's corners with `facet: 'super'`, so a faceted chart draws them once.
  const at = (frameAnchor: 'top-left' | 'bottom-left', dy: number) => ({
    frameAnchor,
    dx: -marginLeft + 1,
    dy,
    textAnchor: 'start' as const,
    lineAnchor: 'top' as const,
    facet: 'super' as const,
    ariaHidden: 'true',
  });
  const marks: Plot.Markish[] = [
    ...(spec.marks ?? []),
    Plot.text([titleLines.join('\n')], {
      ...at('top-left', -newTop + 2),
      text: (d: string) => d,
      fontSize: TITLE_SIZE,
      fontWeight: 700,
      lineHeight: TITLE_LINE / TITLE_SIZE,
      fill: TEXT_COLOR,
    }),
  ];
  if (subtitleLines.length) {
    marks.push(
      Plot.text([subtitleLines.join('\n')], {
        ...at('top-left', -newTop + 2 + titleLines.length * TITLE_LINE),
        text: (d: string) => d,
        fill: MUTED_TEXT_COLOR,
        lineHeight: LINE_HEIGHT / 12,
      }),
    );
  }
  if (sourceLines.length) {
    marks.push(
      Plot.text([sourceLines.join('\n')], {
        ...at('bottom-left', marginBottom + 6),
        text: (d: string) => d,
        fill: MUTED_TEXT_COLOR,
        lineHeight: LINE_HEIGHT / 12,
      }),
    );
  }
  return {
    ...spec,
    height: Number(spec.height) + top + bottom,
    marginTop: newTop,
    marginBottom: newBottom,
    marks,
  };
}
