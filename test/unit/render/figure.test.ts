// A chart figure is data (a recipe, its model and its texts) rendered by the same functions at build time
// and in the browser: the recipe survives JSON (the page carries it), the page's SVG has nothing a strict CSP
// refuses, the table shows markers as words, and every text from the data is escaped.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Heading } from '../../../src/charts/heading.ts';
import type { ChartRecipe, TrendRecipe } from '../../../src/charts/recipe.ts';
import { serverDocument } from '../../../src/charts/server.ts';
import { builtSvgs, chartFor, NARROW_WIDTH, pageSvg as svgOf, standaloneSvg as fileOf } from '../../../src/render/chart.ts';
import { csvHref, figureHtml, type FigureRenderOptions } from '../../../src/render/figure.ts';
import { Html } from '../../../src/render/html.ts';
import { barsFigure, figureData, trendFigure, type FigureModel } from '../../../src/views/figure.ts';

// The chart's SVG from its recipe, and the figure's markup, as the page's renderers write them.
const pageSvg = (recipe: ChartRecipe, doc: Document, id: string) => svgOf(chartFor(recipe), doc, id);
const standaloneSvg = (recipe: ChartRecipe, heading: Heading, doc: Document, id: string) => fileOf(chartFor(recipe), heading, doc, id);
const figureInnerHtml = (model: FigureModel, svg: string | null, options?: FigureRenderOptions) =>
  figureHtml(model, svg === null ? null : Html.unsafe(svg), options).html;

const recipe: TrendRecipe = {
  kind: 'trend',
  rows: [
    ['2025-Q1', 'a', 10, null],
    ['2025-Q2', 'a', null, 'sekretess'],
    ['2025-Q3', 'a', 12, null],
    ['2025-Q1', 'b', 4, null],
    ['2025-Q2', 'b', 5, null],
    ['2025-Q3', 'b', 7, null],
  ],
  chart: 'line',
  series: ['a', 'b'],
  labels: { a: 'Serie <A>', b: 'Serie B' },
  format: 'count',
  width: 600,
  height: 300,
  yLabel: 'Antal',
  events: [{ datum: '2025-05-01', rubrik: 'Händelse' }],
  title: 'Titel & mer',
};

const base = {
  id: 'test-figur',
  level: 2 as const,
  title: 'Titel & mer',
  subtitle: 'Enhet <x> · antal',
  source: 'Källa: X.',
  invented: false,
  summary: 'Sammanfattning "citerad".',
  notes: ['En not.'],
  file: 'test-figur',
};

describe('chart figures', () => {
  it('render from a recipe that survives JSON, as the page carries it', () => {
    const direct = pageSvg(recipe, serverDocument(), 'x').outerHTML;
    const carried = figureData(trendFigure(base, recipe));
    const again = pageSvg(JSON.parse(JSON.stringify(carried)).recipe, serverDocument(), 'x').outerHTML;
    expect(again).toBe(direct);
  });

  it('put no inline style in the page’s SVG (a strict CSP refuses it), but keep it in a download', () => {
    const svg = pageSvg(recipe, serverDocument(), 'x');
    expect(svg.outerHTML).not.toMatch(/\sstyle=|<style/);
    expect(svg.getAttribute('role')).toBe('img');
    // One image, named on its root only (Plot's names of its groups are not allowed inside role="img").
    expect(svg.getAttribute('aria-label')).toBe('Titel & mer');
    expect(svg.querySelectorAll('[aria-label], [aria-description]')).toHaveLength(0);
    expect(svg.classList.contains('ss-chart')).toBe(true);
    const file = standaloneSvg(recipe, { title: 'Titel', subtitle: 'Under', source: 'Källa: X.' }, serverDocument(), 'x');
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(file).toContain('<style>');
    expect(file).toContain('>Titel</text>');
    expect(file).toContain('>Källa: X.</text>');
  });

  it('download as well-formed XML that an SVG editor opens: no HTML entities such as &nbsp;', () => {
    // Period labels ("kv. 1 2025") hold no-break spaces, which HTML serialisation writes as &nbsp;, an
    // entity XML does not know; an SVG editor then refuses the file.
    for (const chart of ['line', 'area'] as const) {
      const file = standaloneSvg({ ...recipe, chart }, { title: 'Titel & <mer>', subtitle: 'kv.\u00a01 2025', source: 'Källa: "X".' }, serverDocument(), 'x');
      expect(file).not.toContain('&nbsp;');
      const window = serverDocument().defaultView as Window & typeof globalThis;
      const xml = new window.DOMParser().parseFromString(file, 'image/svg+xml');
      expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(xml.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(xml.documentElement.getAttribute('aria-description')).toContain('\u00a0');
      expect(xml.documentElement.textContent).toContain('Titel & <mer>');
    }
  });

  it('write the figure with escaped texts, the table with markers as words and the CSV as a link', () => {
    const model = trendFigure({ ...base, switchable: true }, recipe);
    const html = figureInnerHtml(model, '<svg></svg>', { js: false });
    expect(html).toContain('<h2 class="chart-figure__title" id="test-figur-titel">Titel &amp; mer</h2>');
    expect(html).toContain('<p class="chart-figure__subtitle">Enhet &lt;x&gt; · antal</p>');
    expect(html).toContain('<th scope="col" class="num">Serie &lt;A&gt;</th>');
    expect(html).toContain('<td class="num marker" data-markering="sekretess"><span aria-hidden="true">×\u00a0</span>Skyddad av sekretess</td>');
    expect(html).toContain('<p class="chart-figure__summary" id="test-figur-sammanfattning" data-summary>Sammanfattning &quot;citerad&quot;.</p>');
    // Controls that need JavaScript are hidden until the browser takes over; the CSV link works without.
    expect(html).toContain('<fieldset class="chart-switch" data-chart-switch data-waiting>');
    expect(html).toContain('data-download="png" data-waiting>');
    expect(html).toContain(`download="test-figur.csv" href="${csvHref(model.csv).replaceAll('&', '&amp;')}"`);
    expect(figureInnerHtml(model, '<svg></svg>', { js: true })).not.toContain(' hidden');
    expect(decodeURIComponent(csvHref(model.csv).split(',').slice(1).join(','))).toBe(
      '\ufeffPeriod;Serie <A>;Serie B\r\n2025-Q1;10;4\r\n2025-Q2;Skyddad av sekretess;5\r\n2025-Q3;12;7\r\n',
    );
  });

  it('say so instead of drawing an empty chart', () => {
    const empty = barsFigure(base, { kind: 'bars', rows: [], labels: {}, format: 'count', width: 600, title: 't' });
    expect(empty.recipe).toBeNull();
    const html = figureInnerHtml(empty, null);
    expect(html).toContain('<p class="chart-figure__empty">Det finns inga uppgifter att visa för det här urvalet.</p>');
    expect(html).not.toContain('data-download');
  });
});

describe('the built page draws a wide chart a second time for phones', () => {
  it('at its own width and at NARROW_WIDTH, each with its own ids; a narrow chart once', () => {
    const doc = serverDocument();
    const both = new JSDOM(`<div>${builtSvgs(chartFor(recipe), doc, 'f')}</div>`).window.document;
    const svgs = [...both.querySelectorAll('svg.ss-chart')];
    expect(svgs.map((s) => [s.getAttribute('class')?.match(/ss-chart--\w+/)?.[0], s.getAttribute('width')])).toEqual([
      ['ss-chart--wide', '600'],
      ['ss-chart--narrow', String(NARROW_WIDTH)],
    ]);
    const ids = [...both.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Text is drawn at 12 px: on a 360 px phone (324 px of room) the narrow chart's text stays ≥ 11 px.
    expect((12 * 324) / NARROW_WIDTH).toBeGreaterThanOrEqual(11);
    const small = new JSDOM(`<div>${builtSvgs(chartFor({ ...recipe, width: NARROW_WIDTH }), doc, 'g')}</div>`).window.document;
    expect(small.querySelectorAll('svg.ss-chart').length).toBe(1);
  });
});

describe('a series keeps its look between lines and stacked areas', () => {
  it('the areas leave a series out, yet each keeps the colour, dash and symbol it has as a line', () => {
    const withTotal: TrendRecipe = { ...recipe, series: ['a', 'b'], areaSeries: ['b'] };
    const line = chartFor(withTotal, { chart: 'line' });
    const area = chartFor(withTotal, { chart: 'area' });
    const styleOf = (c: typeof line, code: string) => (c.kind === 'trend' ? c.model.series.find((s) => s.code === code)?.style : undefined);
    expect(area.kind === 'trend' && area.model.series.map((s) => s.code)).toEqual(['b']);
    expect(styleOf(area, 'b')).toEqual(styleOf(line, 'b'));
    expect(styleOf(line, 'b')).not.toEqual(styleOf(line, 'a'));
  });
});
