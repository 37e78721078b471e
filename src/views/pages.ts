// Every dashboard page's view, by its id, loaded lazily (a page's module pulls in only its own queries).
// The benchmark runs each of them; a new dashboard page adds one line here.

import type { DashboardPage } from './view.ts';

/** A page with some choices fixed (the benchmark's comparison of all municipalities), the rest from the URL. */
export function withParams(page: DashboardPage, fixed: Record<string, string>): DashboardPage {
  return {
    ...page,
    load: (runner, params, env) => {
      const all = new URLSearchParams(params);
      for (const [k, v] of Object.entries(fixed)) all.set(k, v);
      return page.load(runner, all, env);
    },
  };
}

export const DASHBOARD_PAGES: readonly { id: string; load: () => Promise<DashboardPage> }[] = [
  { id: 'oversikt', load: () => import('./overview/index.ts').then((m) => m.overviewPage) },
  { id: 'placeringar', load: () => import('./placements/index.ts').then((m) => m.placementsPage) },
  { id: 'natverkshem', load: () => import('./network/index.ts').then((m) => m.networkPage) },
  { id: 'ej-verkstallda-beslut', load: () => import('./decisions/index.ts').then((m) => m.decisionsPage) },
  { id: 'jamforelser', load: () => import('./compare/placements.ts').then((m) => m.placementComparePage) },
  { id: 'jamforelser/natverkshem', load: () => import('./compare/network.ts').then((m) => m.networkComparePage) },
  { id: 'jamforelser/natverkshem?grupp=kommun', load: () => import('./compare/network.ts').then((m) => withParams(m.networkComparePage, { grupp: 'kommun' })) },
  { id: 'jamforelser/ej-verkstallda-beslut', load: () => import('./compare/decisions.ts').then((m) => m.decisionComparePage) },
];
