// Every dashboard page's view, by its id, loaded lazily (a page's module pulls in only its own queries).
// The benchmark runs each of them; a new dashboard page adds one line here.

import type { DashboardPage } from './view.ts';

export const DASHBOARD_PAGES: readonly { id: string; load: () => Promise<DashboardPage> }[] = [
  { id: 'oversikt', load: () => import('./overview/index.ts').then((m) => m.overviewPage) },
  { id: 'placeringar', load: () => import('./placements/index.ts').then((m) => m.placementsPage) },
  { id: 'natverkshem', load: () => import('./network/index.ts').then((m) => m.networkPage) },
  { id: 'ej-verkstallda-beslut', load: () => import('./decisions/index.ts').then((m) => m.decisionsPage) },
];
