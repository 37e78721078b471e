// Placeringar as a view: choices → data → figures. Run at build time (src/pages/placeringar.astro, the
// Node runner, no choices: the default view), in the browser after a filter change (src/client/dashboard,
// duckdb-wasm) and by the benchmark, through the same `load`.

import { dashboard as words } from '../../i18n/dashboard.ts';
import { PLACEMENTS } from '../../queries/contract.ts';
import { viewLabel } from '../choices.ts';
import { headlineRegion } from '../headline.ts';
import { emptyView, inventedNotice, NONE, type DashboardPage } from '../view.ts';
import { choosePlacements, placementDefaults, placementFilters, placementState } from './choices.ts';
import { loadPlacements } from './data.ts';
import { levelsRegion, placementFigures } from './figures.ts';

export const placementsPage: DashboardPage = {
  id: 'placeringar',
  datasets: ['placeringar', 'kallor', 'enheter', 'handelser'],

  async load(runner, params, env) {
    if (!env.datasets.includes('placeringar')) return emptyView(placementsPage.id, { notice: NONE, headline: NONE, levels: NONE });
    const c = await choosePlacements(runner, params, env);
    if (!c) return emptyView(placementsPage.id, { notice: NONE, headline: NONE, levels: NONE });
    const data = await loadPlacements(runner, c, env);
    const figures = placementFigures(c, data);
    const invented = c.unit.pahittad || Object.values(figures).some((f) => f.invented);
    return {
      page: placementsPage.id,
      state: placementState(c),
      defaults: placementDefaults(c),
      filters: placementFilters(c),
      figures,
      regions: {
        notice: inventedNotice(c.unit.enhetsnamn, invented),
        headline: headlineRegion(figures.trend, [{ serie: PLACEMENTS.allForms, id: 'placeringar', label: words.overview.placements, unitWord: words.overview.placementsUnit }]),
        levels: levelsRegion(c, data),
      },
      label: viewLabel(c.unit.enhetsnamn, c.range.from, c.range.to),
      messages: c.messages,
    };
  },
};

export { periodsWithSuppressedParts } from './figures.ts';
