// A view asked for (the filter form, the address, the history) and answered: the page's own `load` run by
// the engine, then its figures, regions and filter fields drawn in place with the same renderers as the
// build. The choices shown are kept in the address, so a view can be bookmarked, shared and gone back to.
// A failure says so in plain Swedish and leaves the page as it was.

import { dashboard as words } from '../../i18n/dashboard.ts';
import type { PageEnv, PageView } from '../../views/view.ts';
import type { PageEngine } from './engine.ts';
import type { Figures } from './figures.ts';
import type { FilterForm } from './filters.ts';
import type { StatusLine } from './status.ts';
import { viewUrl } from './url-state.ts';

/** What the page shows now: its choices, their defaults and the words for it. */
export interface Shown {
  state: Record<string, string>;
  defaults: Record<string, string>;
  label: string;
}

export interface Parts {
  root: HTMLElement;
  env: PageEnv;
  status: StatusLine;
  figures: Figures;
  filters: FilterForm | null;
  engine: PageEngine;
}

export type HistoryMode = 'push' | 'replace' | 'none';

export interface Viewer {
  shown(): Shown;
  apply(params: URLSearchParams, history: HistoryMode): Promise<void>;
}

async function draw(p: Parts, view: PageView): Promise<void> {
  const { regionHtml } = await import('./drawing.ts');
  for (const [name, region] of Object.entries(view.regions)) {
    for (const el of p.root.querySelectorAll<HTMLElement>(`[data-region="${name}"]`)) el.innerHTML = regionHtml(region).html;
  }
  p.filters?.sync(view.filters);
  p.filters?.shown(view.label);
  p.root.dataset.state = JSON.stringify(view.state);
  p.root.dataset.label = view.label;
  await Promise.all(
    Object.values(view.figures).map((model) => {
      const el = p.root.querySelector<HTMLElement>(`figure[data-chart="${CSS.escape(model.id)}"]`);
      return el ? p.figures.render(el, model) : Promise.resolve();
    }),
  );
}

function remember(view: PageView, chart: 'line' | 'area', history: HistoryMode): void {
  const url = viewUrl(location.pathname, view.state, view.defaults, chart, location.hash);
  if (history === 'push' && url !== `${location.pathname}${location.search}${location.hash}`) window.history.pushState({ dashboard: true }, '', url);
  else if (history !== 'none') window.history.replaceState({ dashboard: true }, '', url);
}

function failed(p: Parts, error: unknown, shown: Shown): void {
  console.warn(error);
  const reason = error instanceof Error ? error.message : String(error);
  p.status.say(words.engine.failed(/[.!?]$/.test(reason) ? reason : `${reason}.`, shown.label), 'error');
  p.root.dataset.engine = 'error';
}

export function viewer(p: Parts, initial: Shown): Viewer {
  let shown = initial;
  let sequence = 0;
  async function apply(params: URLSearchParams, history: HistoryMode): Promise<void> {
    const mine = ++sequence;
    p.root.setAttribute('aria-busy', 'true');
    p.filters?.busy(true);
    // With the engine already running (started once the page was idle) there is nothing to fetch.
    if (!p.engine.ready()) p.status.say(words.engine.loading, 'loading');
    try {
      const { page, runner } = await p.engine.runner(p.status.progress);
      if (mine !== sequence) return;
      p.status.say(words.engine.working, 'loading');
      const view = await page.load(runner, params, p.env);
      if (mine !== sequence) return;
      shown = { state: view.state, defaults: view.defaults, label: view.label };
      await draw(p, view);
      remember(view, p.figures.chart, history);
      p.status.say(words.engine.done(view.label), 'ready', view.messages);
      p.root.dataset.engine = 'ready';
    } catch (error) {
      if (mine === sequence) failed(p, error, shown);
    } finally {
      if (mine === sequence) {
        p.root.removeAttribute('aria-busy');
        p.filters?.busy(false);
      }
    }
  }
  return { shown: () => shown, apply };
}
