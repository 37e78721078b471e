// The dashboard's chart figures in the browser: tooltips and controls on the built figures, a redraw to
// the room there is (narrow screens) or as stacked areas, and a figure drawn anew from a view's model after
// a filter change, with the same renderers as the build (src/render).

import { enhanceTooltips } from '../../charts/tooltip.ts';
import { spokenText } from '../../i18n/text.ts';
import type { ChartRecipe } from '../../charts/recipe.ts';
import type { FigureData, FigureModel } from '../../views/figure.ts';
import { scratchDocument } from './downloads.ts';

export type Chart = 'line' | 'area';

const drawing = () => import('./drawing.ts');

function json<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A figure's data: set on it once the browser has drawn it, else in the built page's <template data-figure> at its end. */
export function figureDataOf(el: HTMLElement): FigureData | null {
  const carried = el.dataset.figure ?? el.querySelector<HTMLTemplateElement>(':scope > template[data-figure]')?.dataset.figure;
  return json<FigureData | null>(carried, null);
}

/** The width to draw at: the recipe's, or the room there is on a narrow screen. */
function widthFor(el: HTMLElement, recipe: ChartRecipe): number {
  const room = el.querySelector<HTMLElement>('[data-plot]')?.clientWidth ?? el.clientWidth;
  // Shown at four fifths of its size or more, a chart stays readable; below that it is drawn anew.
  return room > 0 && room < recipe.width * 0.8 ? Math.max(260, Math.floor(room)) : recipe.width;
}

/**
 * The built chart shown is drawn too wide for its room (shown below four fifths of its size, its text too
 * small). The build's narrow rendering (src/render/chart.ts builtSvgs) fits a phone, so there it is not:
 * nothing is redrawn at start, and nothing moves.
 */
function tooWide(el: HTMLElement): boolean {
  const plot = el.querySelector<HTMLElement>('[data-plot]');
  const shown = [...(plot?.querySelectorAll<SVGSVGElement>('svg.ss-chart') ?? [])].find((svg) => svg.getClientRects().length > 0);
  const drawn = Number(shown?.getAttribute('width')) || shown?.viewBox?.baseVal?.width || 0;
  const room = plot?.clientWidth ?? 0;
  return drawn > 0 && room > 0 && room < drawn * 0.8;
}

/**
 * A chart's recipe cut to a few periods (a trend) or bars: drawn, it runs the same drawing code as the
 * whole chart in a fraction of the time, so rehearsing it adds no long task. Null for other kinds.
 */
function smallRecipe(recipe: ChartRecipe): ChartRecipe | null {
  if (recipe.kind === 'trend') {
    const periods = new Set([...new Set(recipe.rows.map((r) => r[0]))].slice(-6));
    return { ...recipe, rows: recipe.rows.filter((r) => periods.has(r[0])) };
  }
  if (recipe.kind === 'bars') return { ...recipe, rows: recipe.rows.slice(0, 3) };
  return null;
}

export interface Figures {
  /** Lines or stacked areas, as chosen. */
  readonly chart: Chart;
  all(): HTMLElement[];
  /** Controls shown and tooltips added to every figure; charts drawn anew where the room or the kind needs it. */
  start(chart: Chart): Promise<void>;
  setChart(next: Chart): Promise<void>;
  /** A figure drawn anew from a view's model (after a filter change). */
  render(el: HTMLElement, model: FigureModel): Promise<void>;
  /**
   * The first chart drawn once off the page and dropped, so the drawing code is compiled before a change
   * needs it (its first run is several times slower than the next). Nothing on the page changes.
   */
  rehearse(): Promise<void>;
}

/**
 * The page's one polite live region for the charts: the point reached with the keyboard, read out (the
 * drawn tooltip is aria-hidden). Visually hidden, so adding it moves nothing.
 */
function announcer(root: HTMLElement): (text: string) => void {
  const region = Object.assign(document.createElement('p'), { className: 'visually-hidden' });
  region.setAttribute('aria-live', 'polite');
  region.dataset.chartAnnouncer = '';
  root.append(region);
  return (text) => {
    region.textContent = spokenText(text);
  };
}

/** The chart points to its text summary, which says in words what it shows. */
function describe(el: HTMLElement, svg: SVGSVGElement): void {
  const summary = el.querySelector<HTMLElement>('[data-summary][id]');
  if (summary) svg.setAttribute('aria-describedby', summary.id);
}

export function dashboardFigures(root: HTMLElement): Figures {
  let chart: Chart = 'line';
  const all = () => [...root.querySelectorAll<HTMLElement>('figure[data-chart]')];
  const announce = announcer(root);
  // A chart's tooltips are wired when a pointer or the keyboard first reaches it, not at start: a page of
  // charts has hundreds of points, and reading them all before anyone asks is the start's longest task.
  const tooltips = (el: HTMLElement, svg: SVGSVGElement) => {
    describe(el, svg);
    if (!svg.hasAttribute('tabindex')) svg.setAttribute('tabindex', '0');
    const wire = (event: Event) => {
      for (const type of ['pointerenter', 'focus']) svg.removeEventListener(type, wire);
      enhanceTooltips(svg, { announce });
      // The event that asked is handled by the tooltips just wired (the first tooltip shows at once).
      svg.dispatchEvent(event.type === 'focus' ? new FocusEvent('focus') : new PointerEvent('pointermove', event as PointerEvent));
    };
    for (const type of ['pointerenter', 'focus']) svg.addEventListener(type, wire);
  };

  function enhance(el: HTMLElement): void {
    // The chart takes focus itself now (tooltips), so its box is no longer a tab stop of its own.
    for (const plot of el.querySelectorAll<HTMLElement>('[data-plot][tabindex]')) {
      plot.removeAttribute('tabindex');
      plot.removeAttribute('role');
      plot.removeAttribute('aria-labelledby');
    }
    for (const waiting of el.querySelectorAll<HTMLElement>('[data-chart-switch][data-waiting], [data-download][data-waiting]')) waiting.removeAttribute('data-waiting');
    for (const svg of el.querySelectorAll<SVGSVGElement>('svg.ss-chart')) tooltips(el, svg);
    for (const input of el.querySelectorAll<HTMLInputElement>('[data-chart-switch] input')) input.checked = input.value === chart;
  }

  /** Redraws a figure's chart from its recipe (new width or chart kind), without new data. */
  async function redraw(el: HTMLElement): Promise<void> {
    const data = figureDataOf(el);
    const plot = el.querySelector<HTMLElement>('[data-plot]');
    if (!data?.recipe || !plot) return;
    const { chartFor, pageSvg } = await drawing();
    plot.innerHTML = pageSvg(chartFor(data.recipe, { width: widthFor(el, data.recipe), chart }), scratchDocument(), el.dataset.chart ?? 'chart').outerHTML;
    const fresh = plot.querySelector<SVGSVGElement>('svg.ss-chart');
    if (fresh) tooltips(el, fresh);
  }

  async function start(initial: Chart): Promise<void> {
    chart = initial;
    for (const el of all()) enhance(el);
    const need = all().filter((el) => {
      const data = figureDataOf(el);
      if (!data?.recipe) return false;
      const switched = chart !== 'line' && el.querySelector('[data-chart-switch]') !== null;
      return switched || tooWide(el);
    });
    for (const el of need) await redraw(el);
  }

  async function setChart(next: Chart): Promise<void> {
    const changed = next !== chart;
    chart = next;
    for (const el of all().filter((e) => e.querySelector('[data-chart-switch]'))) {
      for (const input of el.querySelectorAll<HTMLInputElement>('[data-chart-switch] input')) input.checked = input.value === chart;
      if (changed) await redraw(el);
    }
  }

  async function render(el: HTMLElement, model: FigureModel): Promise<void> {
    const { chartFor, figureData, figureHtml, Html, pageSvg } = await drawing();
    const svg = model.recipe ? Html.unsafe(pageSvg(chartFor(model.recipe, { width: widthFor(el, model.recipe), chart }, model.chart), scratchDocument(), model.id).outerHTML) : null;
    el.innerHTML = figureHtml(model, svg, { js: true, chart }).html;
    el.dataset.figure = JSON.stringify(figureData(model));
    el.setAttribute('aria-labelledby', `${model.id}-titel`);
    el.dataset.rendered = 'browser';
    enhance(el);
  }

  async function rehearse(): Promise<void> {
    const el = all().find((e) => figureDataOf(e)?.recipe);
    const recipe = el && figureDataOf(el)?.recipe;
    const small = recipe && smallRecipe(recipe);
    if (!el || !small) return;
    const { chartFor, pageSvg } = await drawing();
    pageSvg(chartFor(small, { width: widthFor(el, small), chart }), scratchDocument(), 'ovning');
  }

  return { get chart() { return chart; }, all, start, setChart, render, rehearse };
}
