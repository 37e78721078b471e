// The drawing code the dashboard needs once the page changes: the chart renderer (Plot, d3), the figure
// and region renderers and the figures' data. Loaded on demand (import('./drawing.ts')), never before the
// first chart: the built page draws it without any script.

export { chartFor, pageSvg, standaloneSvg, headedPageSvg } from '../../render/chart.ts';
export { figureHtml } from '../../render/figure.ts';
export { Html } from '../../render/html.ts';
export { regionHtml } from '../../render/regions.ts';
export { figureData } from '../../views/figure.ts';
