// Översikt as a view: choices → data → figures. Run at build time (src/pages/index.astro), in the browser
// when another unit is chosen and by the benchmark, through the same `load`.

import { emptyView, inventedNotice, NONE, type DashboardPage } from '../view.ts';
import { PARAM } from '../url.ts';
import { chooseOverview, overviewFilters } from './choices.ts';
import { loadOverview } from './data.ts';
import { decisionsFigure, keyFigures, networkFigure, overviewRegions, placementsFigure } from './figures.ts';

export { mergeUnits } from './choices.ts';
export { keyFigureOf } from './key-figures.ts';

export const overviewPage: DashboardPage = {
  id: '',
  datasets: ['placeringar', 'natverkshemsandel', 'ej_verkstallda_beslut', 'kallor', 'enheter', 'handelser'],

  async load(runner, params, env) {
    const c = await chooseOverview(runner, params, env);
    if (!c) return emptyView(overviewPage.id, { notice: NONE, keyfigures: NONE, datadate: NONE });
    const data = await loadOverview(runner, c.unit.enhetskod, env);
    const figures = { placements: placementsFigure(c, data), network: networkFigure(c, data), decisions: decisionsFigure(c, data) };
    const invented = c.unit.pahittad || Object.values(figures).some((f) => f.invented);
    return {
      page: overviewPage.id,
      state: { [PARAM.unit]: c.unit.enhetskod },
      defaults: { [PARAM.unit]: c.fallback.enhetskod },
      filters: overviewFilters(c),
      figures,
      regions: { notice: inventedNotice(c.unit.enhetsnamn, invented), ...overviewRegions(c, keyFigures(data), env.generated) },
      label: c.unit.enhetsnamn,
      messages: c.messages,
    };
  },
};
