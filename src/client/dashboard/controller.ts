// The browser side of a dashboard page, progressive enhancement of the prerendered view. This file only
// wires the parts, each a module with one job:
//
//   status.ts    the engine status line            figures.ts   tooltips, redraws, figures drawn anew
//   filters.ts   the filter form                   downloads.ts SVG and PNG of a chart
//   engine.ts    page, engine and drawing code     apply.ts     a view asked for, computed and drawn
//   url-state.ts choices in the address            print.ts     printing
//
// Without choices in the URL the static view stays as built. Once the page is idle after its first chart,
// the code a filter needs is fetched, then the engine starts and opens the page's data, a step per idle
// moment, so a later filter change waits only for its queries; a user who asked to save data
// (navigator.connection.saveData) gets only the code, and the engine starts at the first focus or press
// in the filter form.
//
// Use from a page:  startDashboard(() => import('../views/<page>/index.ts').then((m) => m.myPage));

import type { DashboardPage, PageEnv } from '../../views/view.ts';
import { viewer, type Shown, type Viewer } from './apply.ts';
import { wireDownloads } from './downloads.ts';
import { pageEngine, type PageEngine } from './engine.ts';
import { dashboardFigures, figureDataOf, type Figures } from './figures.ts';
import { filterForm, type FilterForm } from './filters.ts';
import { wirePrinting } from './print.ts';
import { statusLine } from './status.ts';
import { PARAM } from '../../views/url.ts';
import { chartParam, dataParams, differs, submittedParams, viewUrl } from './url-state.ts';

function json<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** What the built page says about itself: the data it has and the view it shows. */
function builtPage(root: HTMLElement): { env: PageEnv; shown: Shown } {
  return {
    env: { datasets: (root.dataset.datasets ?? '').split(',').filter(Boolean), generated: root.dataset.generated ?? '' },
    shown: { state: json(root.dataset.state, {}), defaults: json(root.dataset.defaults, {}), label: root.dataset.label ?? '' },
  };
}

/**
 * The form: the engine starts at the first sign that a choice is coming; "Visa" asks for the view. A new
 * unit is shown at once (after a short pause, so stepping through the list with the arrow keys asks once),
 * so the other fields follow the unit before anything else is chosen.
 */
function wireForm(filters: FilterForm, engine: PageEngine, view: Viewer): void {
  for (const type of ['focusin', 'pointerdown', 'change', 'input']) filters.form.addEventListener(type, engine.warmUp);
  const ask = () => void view.apply(submittedParams(filters.values(), view.shown().state), 'push');
  let pending: ReturnType<typeof setTimeout> | undefined;
  filters.form.addEventListener('change', (event) => {
    if ((event.target as HTMLSelectElement).name !== PARAM.unit) return;
    clearTimeout(pending);
    pending = setTimeout(ask, 250);
  });
  filters.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pending);
    ask();
  });
}

/** The line/area switch and the browser's back and forward buttons. */
function wireHistory(root: HTMLElement, figures: Figures, view: Viewer): void {
  const setChart = async (next: 'line' | 'area', updateUrl: boolean) => {
    await figures.setChart(next);
    const { state, defaults } = view.shown();
    if (updateUrl) history.replaceState(history.state, '', viewUrl(location.pathname, state, defaults, figures.chart, location.hash));
  };
  root.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.matches?.('[data-chart-switch] input') && input.checked) void setChart(input.value === 'area' ? 'area' : 'line', true);
  });
  window.addEventListener('popstate', () => {
    const params = dataParams(location.search);
    const wanted = chartParam(location.search);
    // A choice left out of an address means its default: compare whole addresses, not single choices.
    const { state, defaults } = view.shown();
    const current = dataParams(viewUrl('', state, defaults, 'line').replace(/^[^?]*/, ''));
    if (params.toString() !== current.toString()) void view.apply(params, 'none').then(() => setChart(wanted, false));
    else void setChart(wanted, false);
  });
}

export function startDashboard(loadPage: () => Promise<DashboardPage>): void {
  const root = document.querySelector<HTMLElement>('[data-dashboard]');
  if (!root) return;
  const { env, shown } = builtPage(root);
  const figures = dashboardFigures(root);
  const filters = filterForm(root);
  const engine = pageEngine(loadPage, env);
  const view = viewer({ root, env, status: statusLine(root), figures, filters, engine }, shown);
  if (filters) wireForm(filters, engine, view);
  wireHistory(root, figures, view);
  wireDownloads(root, figureDataOf, () => figures.chart);
  wirePrinting(root, env.generated);
  // Charts are now drawn to the room there is; the no-JavaScript minimum width (scrolling) is off.
  root.dataset.enhanced = '';
  const initial = dataParams(location.search);
  void (async () => {
    await figures.start(chartParam(location.search));
    if (differs(initial, shown.state)) await view.apply(initial, 'replace');
    // Once the page is idle, the code a filter needs is fetched and evaluated, then (unless the user saves
    // data, or the page starts it only on demand: the report) the engine starts with the page's data, so a
    // filter change waits only for its queries.
    else if (filters) {
      const rehearse = new URLSearchParams(shown.state);
      whenIdle(() => void (savesData() || root.dataset.engineOnDemand !== undefined ? engine.modules(false).catch(() => undefined) : engine.prepare(idle, rehearse, () => figures.rehearse())));
    }
  })();
}

/** The user asked for less data to be used (a browser or system setting; Chromium's NetworkInformation). */
function savesData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/** Resolves at the browser's next idle moment (or soon, where there is no idle callback). */
function idle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });
}

/** Runs `work` when the browser is idle after the page has loaded. */
function whenIdle(work: () => void): void {
  const schedule = () => void idle(3000).then(work);
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
