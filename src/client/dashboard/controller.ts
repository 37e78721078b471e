// The browser side of a dashboard page (progressive enhancement of the prerendered view):
//
// - shows the filter form, adds tooltips to the charts, wires the downloads and the line/area switch;
// - on "Visa" (or on load with choices in the URL) starts duckdb-wasm once, lazily, with visible progress
//   in [data-engine-status], runs the page's own `load` (the same queries as the build) and swaps the
//   figures and regions in place, re-rendered with the same chart code; `data-rendered` becomes `browser`;
// - keeps the choices in the URL (history), so a view can be bookmarked, shared and navigated back to;
// - if the engine fails, says so in plain Swedish and leaves the page as it was.
// Without choices in the URL nothing is downloaded: the static view stays as built.
//
// Use from a page:  startDashboard(() => import('…/my-page.ts').then((m) => m.myPage));

import type { ChartRecipe, FigureData, FigureModel } from '../../components/dashboard/figure.ts';
import type { DashboardPage, FilterField, PageEnv, PageView } from '../../components/dashboard/page.ts';
import { enhanceTooltips } from '../../charts/tooltip.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { formatDate } from '../../i18n/format.ts';
import { sv } from '../../i18n/sv.ts';
import { memoRunner, type Runner } from '../../queries/runner.ts';
import { downloadPng, downloadSvg, scratchDocument } from './downloads.ts';
import { enhanceUnitSearch, optionNodes, type UnitSearch } from './unit-search.ts';
import { chartParam, dataParams, differs, submittedParams, viewUrl } from './url-state.ts';

type Chart = 'line' | 'area';

interface Shown {
  state: Record<string, string>;
  defaults: Record<string, string>;
  label: string;
}

function json<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A figure's data: set on it once the browser has drawn it, else in the built page's <template data-figure> at its end. */
function figureData(el: HTMLElement): FigureData | null {
  const carried = el.dataset.figure ?? el.querySelector<HTMLTemplateElement>(':scope > template[data-figure]')?.dataset.figure;
  return json<FigureData | null>(carried, null);
}

/** Moves the options the built page carries after its charts (<template data-filter-options>) into their selects. */
function placeDeferredOptions(root: HTMLElement, form: HTMLFormElement): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[data-filter-options]')) {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${CSS.escape(template.dataset.filterOptions ?? '')}"]`);
    if (!select) continue;
    const value = select.value;
    select.replaceChildren(template.content);
    select.value = value;
    template.remove();
  }
}

const figureModule = () => import('../../components/dashboard/figure.ts');

export function startDashboard(loadPage: () => Promise<DashboardPage>): void {
  const root = document.querySelector<HTMLElement>('[data-dashboard]');
  if (!root) return;
  const dashboard = root;
  const form = root.querySelector<HTMLFormElement>('form[data-filters]');
  const status = root.querySelector<HTMLElement>('[data-engine-status]');
  const statusText = status?.querySelector<HTMLElement>('[data-engine-text]') ?? null;
  const statusMessages = status?.querySelector<HTMLElement>('[data-engine-messages]') ?? null;
  const bar = status?.querySelector<HTMLProgressElement>('progress') ?? null;
  const env: PageEnv = {
    datasets: (root.dataset.datasets ?? '').split(',').filter(Boolean),
    generated: root.dataset.generated ?? '',
  };
  /** The engine's runner over the page's data, once started; answers repeated queries from memory. */
  let runner: Runner | null = null;
  let shown: Shown = {
    state: json(root.dataset.state, {}),
    defaults: json(root.dataset.defaults, {}),
    label: root.dataset.label ?? '',
  };
  let chart: Chart = 'line';
  let sequence = 0;
  let unitSearch: UnitSearch | null = null;

  // --- status line -------------------------------------------------------------------------------
  function say(text: string, state: 'loading' | 'ready' | 'error' | 'idle', messages: readonly string[] = []): void {
    if (!status || !statusText) return;
    status.dataset.state = state;
    statusText.textContent = text;
    if (statusMessages) statusMessages.replaceChildren(...messages.map((m) => Object.assign(document.createElement('p'), { textContent: m })));
    if (bar && state !== 'loading') bar.hidden = true;
  }

  function progress(p: { phase: string; bytesLoaded: number; bytesTotal: number }): void {
    const downloading = p.phase === 'engine' || p.phase === 'data';
    const bytes = downloading && p.bytesLoaded > 0 ? ` ${sv.engine.bytes(p.bytesLoaded, p.bytesTotal)}` : '';
    say(`${sv.engine.phase[p.phase] ?? words.engine.loading}${bytes}`, 'loading');
    if (bar) {
      if (downloading && p.bytesTotal > 0) {
        bar.hidden = false;
        bar.max = p.bytesTotal;
        bar.value = Math.min(p.bytesLoaded, p.bytesTotal);
      } else if (!downloading) {
        bar.removeAttribute('value'); // indeterminate while the data are opened
      }
    }
  }

  // --- figures -------------------------------------------------------------------------------------
  const figures = () => [...dashboard.querySelectorAll<HTMLElement>('figure[data-chart]')];

  /** The width to draw at: the recipe's, or the room there is on a narrow screen. */
  function widthFor(el: HTMLElement, recipe: ChartRecipe): number {
    const room = el.querySelector<HTMLElement>('[data-plot]')?.clientWidth ?? el.clientWidth;
    // Shown at four fifths of its size or more, a chart stays readable; below that it is drawn anew.
    return room > 0 && room < recipe.width * 0.8 ? Math.max(260, Math.floor(room)) : recipe.width;
  }

  function enhanceFigure(el: HTMLElement): void {
    // The chart takes focus itself now (tooltips), so its box is no longer a tab stop of its own.
    for (const plot of el.querySelectorAll<HTMLElement>('[data-plot][tabindex]')) {
      plot.removeAttribute('tabindex');
      plot.removeAttribute('role');
      plot.removeAttribute('aria-labelledby');
    }
    for (const hidden of el.querySelectorAll<HTMLElement>('[data-chart-switch][hidden], [data-download][hidden]')) hidden.hidden = false;
    for (const svg of el.querySelectorAll<SVGSVGElement>('svg.ss-chart')) enhanceTooltips(svg);
    for (const input of el.querySelectorAll<HTMLInputElement>('[data-chart-switch] input')) input.checked = input.value === chart;
  }

  /** Redraws a figure's chart from its recipe (new width or chart kind), without new data. */
  async function redraw(el: HTMLElement): Promise<void> {
    const data = figureData(el);
    const plot = el.querySelector<HTMLElement>('[data-plot]');
    if (!data?.recipe || !plot) return;
    const { pageSvg } = await figureModule();
    const svg = pageSvg(data.recipe, scratchDocument(), el.dataset.chart ?? 'chart', { width: widthFor(el, data.recipe), chart });
    plot.innerHTML = svg.outerHTML;
    const fresh = plot.querySelector<SVGSVGElement>('svg.ss-chart');
    if (fresh) enhanceTooltips(fresh);
  }

  /** On load: redraw the charts that need it (a narrow screen, or areas asked for in the URL). */
  async function redrawWhereNeeded(): Promise<void> {
    const need = figures().filter((el) => {
      const data = figureData(el);
      if (!data?.recipe) return false;
      const switched = chart !== 'line' && el.querySelector('[data-chart-switch]') !== null;
      return switched || widthFor(el, data.recipe) !== data.recipe.width;
    });
    for (const el of need) await redraw(el);
  }

  async function setChart(next: Chart, updateUrl: boolean): Promise<void> {
    const changed = next !== chart;
    chart = next;
    const switchable = figures().filter((el) => el.querySelector('[data-chart-switch]'));
    for (const el of switchable) {
      for (const input of el.querySelectorAll<HTMLInputElement>('[data-chart-switch] input')) input.checked = input.value === chart;
      if (changed) await redraw(el);
    }
    if (updateUrl) history.replaceState(history.state, '', viewUrl(location.pathname, shown.state, shown.defaults, chart, location.hash));
  }

  async function renderFigure(el: HTMLElement, model: FigureModel, fromEngine: boolean): Promise<void> {
    const { figureData: dataOf, figureInnerHtml, pageSvg } = await figureModule();
    const svg = model.recipe
      ? pageSvg(model.recipe, scratchDocument(), model.id, { width: widthFor(el, model.recipe), chart }).outerHTML
      : null;
    el.innerHTML = figureInnerHtml(model, svg, { js: true, chart });
    el.dataset.figure = JSON.stringify(dataOf(model));
    el.setAttribute('aria-labelledby', `${model.id}-titel`);
    if (fromEngine) el.dataset.rendered = 'browser';
    enhanceFigure(el);
  }

  // --- the filter form -------------------------------------------------------------------------------
  function syncForm(fields: readonly FilterField[]): void {
    if (!form) return;
    for (const field of fields) {
      const wrapper = form.querySelector<HTMLElement>(`[data-field="${field.name}"]`);
      const select = form.querySelector<HTMLSelectElement>(`select[name="${field.name}"]`);
      if (!wrapper || !select) continue;
      const signature = JSON.stringify(field.options);
      if (select.dataset.options !== signature) {
        select.replaceChildren(...optionNodes(field.options, field.value));
        select.dataset.options = signature;
      }
      select.value = field.value;
      wrapper.hidden = field.hidden;
      select.disabled = field.hidden;
      if (field.name === 'enhet') unitSearch?.setOptions(field.options, field.value);
    }
  }

  // --- applying choices -------------------------------------------------------------------------------
  /**
   * The foot of every printed page: the address of the view shown (with its choices), the data's date and
   * today's date. Set only while printing, as a custom property through the CSSOM (which a strict CSP
   * allows) that @page in dashboard-print.css reads; nothing of it stays in the page afterwards.
   */
  function setPrintFooter(printing: boolean): void {
    const root = document.documentElement;
    if (!printing) {
      root.style.removeProperty('--ss-print-footer');
      if (!root.getAttribute('style')) root.removeAttribute('style');
      return;
    }
    const text = [
      `${words.print.footer} ${location.href}.`,
      env.generated ? words.print.data(formatDate(env.generated)) : '',
      words.print.printed(formatDate(new Date().toISOString().slice(0, 10))),
    ]
      .filter(Boolean)
      .join(' ');
    root.style.setProperty('--ss-print-footer', `"${text.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"`);
  }

  function render(view: PageView): Promise<void[]> {
    for (const [name, html] of Object.entries(view.regions)) {
      for (const el of dashboard.querySelectorAll<HTMLElement>(`[data-region="${name}"]`)) el.innerHTML = html;
    }
    syncForm(view.filters);
    shown = { state: view.state, defaults: view.defaults, label: view.label };
    dashboard.dataset.state = JSON.stringify(view.state);
    dashboard.dataset.label = view.label;
    const models = Object.values(view.figures);
    return Promise.all(
      models.map((model) => {
        const el = dashboard.querySelector<HTMLElement>(`figure[data-chart="${CSS.escape(model.id)}"]`);
        return el ? renderFigure(el, model, true) : Promise.resolve();
      }),
    );
  }

  /**
   * Starts the engine and fetches the page's data as soon as the form is used, before "Visa": the
   * download and start (seconds) then overlap with the user's own choosing. A failure here is left to
   * apply(), which tries again and says what went wrong.
   */
  let warming = false;
  function warmUp(): void {
    if (warming || runner) return;
    warming = true;
    void modules(true)
      .then(([page, engine]) => engine.getRunner(page.datasets.filter((d) => env.datasets.includes(d))))
      .catch(() => {
        warming = false;
      });
  }

  /**
   * The page's own module, the engine's and the chart code (Plot, d3), loaded together. With `start`, the
   * engine starts as soon as its module is in: its wasm download does not wait for the other two. A
   * failed start is reported by the getRunner call that needs it.
   */
  function modules(start: boolean) {
    const engine = import('../duckdb.ts');
    if (start) void engine.then((e) => e.getRunner([])).catch(() => undefined);
    return Promise.all([loadPage(), engine, figureModule()]);
  }

  async function apply(params: URLSearchParams, historyMode: 'push' | 'replace' | 'none'): Promise<void> {
    const mine = ++sequence;
    const submit = form?.querySelector<HTMLButtonElement>('button[type="submit"]');
    dashboard.setAttribute('aria-busy', 'true');
    if (submit) submit.disabled = true;
    say(words.engine.loading, 'loading');
    try {
      // The chart code loads while the engine starts, not after the queries.
      const [page, engine] = await modules(true);
      const datasets = page.datasets.filter((d) => env.datasets.includes(d));
      runner ??= memoRunner(await engine.getRunner(datasets, progress));
      if (mine !== sequence) return;
      say(words.engine.working, 'loading');
      const view = await page.load(runner, params, env);
      if (mine !== sequence) return;
      await render(view);
      const url = viewUrl(location.pathname, view.state, view.defaults, chart, location.hash);
      if (historyMode === 'push' && url !== `${location.pathname}${location.search}${location.hash}`) history.pushState({ dashboard: true }, '', url);
      else if (historyMode !== 'none') history.replaceState({ dashboard: true }, '', url);
      say(words.engine.done(view.label), 'ready', view.messages);
      dashboard.dataset.engine = 'ready';
    } catch (error) {
      if (mine !== sequence) return;
      console.warn(error);
      const reason = error instanceof Error ? error.message : String(error);
      say(words.engine.failed(/[.!?]$/.test(reason) ? reason : `${reason}.`, shown.label), 'error');
      dashboard.dataset.engine = 'error';
    } finally {
      if (mine === sequence) {
        dashboard.removeAttribute('aria-busy');
        if (submit) submit.disabled = false;
      }
    }
  }

  /**
   * Once the page is shown and idle, the code a filter needs (the page's queries, the chart code and the
   * engine's JavaScript: about 580 kB, 180 kB compressed, cached for every page) is fetched and evaluated,
   * so a first filter change waits only for the engine's wasm and the data, which stay unfetched until then.
   */
  function preloadCode(): void {
    modules(false).catch(() => undefined);
  }

  // --- wiring ------------------------------------------------------------------------------------------
  if (form) {
    placeDeferredOptions(dashboard, form);
    form.hidden = false;
    unitSearch = enhanceUnitSearch(form);
    // The engine starts at the first sign that a choice is coming (a control focused or pressed), so the
    // seconds of its download and start overlap with the choosing; a change or input starts it as well.
    for (const type of ['focusin', 'pointerdown', 'change', 'input']) form.addEventListener(type, warmUp);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === 'string') values.append(name, value);
      void apply(submittedParams(values, shown.state), 'push');
    });
  }

  dashboard.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.matches?.('[data-chart-switch] input') && input.checked) void setChart(input.value === 'area' ? 'area' : 'line', true);
  });

  dashboard.addEventListener('click', (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-download]');
    const el = button?.closest<HTMLElement>('figure[data-chart]');
    if (!button || !el) return;
    const data = figureData(el);
    if (!data) return;
    const kind = button.dataset.download;
    const override = { chart };
    const id = el.dataset.chart ?? 'chart';
    button.disabled = true;
    const work = kind === 'png' ? downloadPng(data, id, override) : downloadSvg(data, id, override);
    work
      .catch((error) => {
        console.warn(error);
        const note = Object.assign(document.createElement('p'), { className: 'chart-figure__download-error', textContent: words.figure.pngFailed });
        note.setAttribute('role', 'alert');
        button.parentElement?.after(note);
      })
      .finally(() => {
        button.disabled = false;
      });
  });

  window.addEventListener('popstate', () => {
    const params = dataParams(location.search);
    const wanted = chartParam(location.search);
    // A choice left out of an address means its default: compare whole addresses, not single choices.
    const current = dataParams(viewUrl('', shown.state, shown.defaults, 'line').replace(/^[^?]*/, ''));
    if (params.toString() !== current.toString()) void apply(params, 'none').then(() => setChart(wanted, false));
    else void setChart(wanted, false);
  });

  // Tables print open even where the browser cannot open <details> from the stylesheet.
  const opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    for (const d of dashboard.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
      d.open = true;
      opened.push(d);
    }
    setPrintFooter(true);
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.open = false;
    setPrintFooter(false);
  });

  chart = chartParam(location.search);
  // Charts are now drawn to the room there is; the no-JavaScript minimum width (scrolling) is off.
  dashboard.dataset.enhanced = '';
  for (const el of figures()) enhanceFigure(el);

  const initial = dataParams(location.search);
  void (async () => {
    await redrawWhereNeeded();
    if (differs(initial, shown.state)) await apply(initial, 'replace');
    else if (form) whenIdle(preloadCode);
  })();
}

/** Runs `work` when the browser is idle after the page has loaded (or soon, where there is no idle callback). */
function whenIdle(work: () => void): void {
  const schedule = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => work(), { timeout: 3000 }) : setTimeout(work, 200));
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
