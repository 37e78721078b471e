// Trend over periods: one line (or stacked area) per series, on a time axis of period start dates.
// A missing value (NULL) is a gap, never 0 and never bridged: the line breaks there and a hollow or
// "×" glyph on the time axis, explained by a legend, says why. Each series has its own colour, dash
// pattern and point symbol, and is named by a direct label at its end.
//
//   rows + options ──trendModel──▶ TrendModel (./trend-model.ts: the grid, options resolved once)
//   TrendModel ──trendLayout──▶ positions (./trend-layout.ts) ──one builder per layer──▶ marks (./trend-marks.ts)
//   TrendModel ──trendPlot──▶ Plot options; the table and CSV read the same model (./table.ts)

import type * as Plot from '@observablehq/plot';
import { periodRangeLabel } from '../i18n/format.ts';
import { frameOptions, markerCodesPresent } from './common.ts';
import { capitalize, listText } from './labels.ts';
import { INSET, trendLayout } from './trend-layout.ts';
import { axesMarks, baselineMarks, eventMarks, labelMarks, missingMarks, periodMarks, referenceMarks, seriesMarks } from './trend-marks.ts';
import { trendModel, type TrendModel, type TrendOptions, type TrendRow } from './trend-model.ts';

export {
  resized,
  trendModel,
  type TrendEvent,
  type TrendModel,
  type TrendOptions,
  type TrendPoint,
  type TrendReference,
  type TrendRow,
} from './trend-model.ts';

/** An accessible description of the chart: kind, series, periods, missing values, references. */
export function trendDescription(model: TrendModel): string {
  const { labels, markerLabel, fmt, kind, references, description } = model.settings;
  const names = model.series.map((s) => s.name);
  const parts = [`${kind === 'area' ? labels.areaChart : labels.lineChart}, ${labels.seriesCount(names.length)}: ${listText(names, labels.and)}`];
  if (model.periods.length) parts[0] += `, ${periodRangeLabel(model.periods[0], model.periods[model.periods.length - 1])}`;
  parts[0] += '.';
  if (model.missing.length) {
    const why = markerCodesPresent(model.missing.map((p) => p.markering ?? 'saknas')).map(markerLabel);
    parts.push(`${capitalize(labels.missingCount(model.missing.length))} (${listText(why, labels.and)}). ${labels.gapNote}`);
  }
  for (const r of references) parts.push(`${r.label}: ${fmt(r.value)}.`);
  if (description) parts.push(description);
  return parts.join(' ');
}

/** Plot options for a trend chart from its model: the layout, then the marks layer by layer. */
export function trendPlot(model: TrendModel): Plot.PlotOptions {
  const L = trendLayout(model);
  const { labels, title } = model.settings;
  return {
    ...frameOptions(L, title ?? (L.area ? labels.areaChart : labels.lineChart), trendDescription(model)),
    x: { type: 'utc', domain: [new Date(L.x0), new Date(L.x1)], inset: INSET, axis: null },
    y: { type: 'linear', domain: L.axis.domain, axis: null },
    marks: [
      ...axesMarks(model, L),
      ...eventMarks(L),
      ...referenceMarks(model),
      ...seriesMarks(model, L),
      ...missingMarks(L),
      ...periodMarks(model, L),
      ...labelMarks(L),
      ...baselineMarks(L),
    ],
  };
}

/** Plot options for a trend chart from rows; render with `render` from ./render.ts. */
export function trendSpec(rows: readonly TrendRow[], options: TrendOptions = {}): Plot.PlotOptions {
  return trendPlot(trendModel(rows, options));
}
