// Nätverkshem as a view: choices → data → figures. Run at build time (src/pages/natverkshem.astro), in the
// browser after a filter change and by the benchmark, through the same `load`.

import { dashboard as words } from '../../i18n/dashboard.ts';
import { viewLabel } from '../choices.ts';
import { headlineRegion } from '../headline.ts';
import { emptyView, inventedNotice, NONE, type DashboardPage } from '../view.ts';
import { chooseNetwork, networkDefaults, networkFilters, networkState } from './choices.ts';
import { loadNetwork } from './data.ts';
import { hierarchyTable, missingUnits, networkFigures } from './figures.ts';

export const networkPage: DashboardPage = {
  id: 'natverkshem',
  datasets: ['placeringar', 'natverkshemsandel', 'kallor', 'enheter', 'handelser'],

  async load(runner, params, env) {
    const c = await chooseNetwork(runner, params, env);
    if (!c) return emptyView(networkPage.id, { notice: NONE, missing: NONE, headline: NONE, levels: NONE });
    const data = await loadNetwork(runner, c, env);
    const figures = networkFigures(c, data);
    return {
      page: networkPage.id,
      state: networkState(c),
      defaults: networkDefaults(c),
      filters: networkFilters(c),
      figures,
      regions: {
        notice: inventedNotice(c.unit.enhetsnamn, c.unit.pahittad || figures.share.invented),
        headline: headlineRegion(figures.share, [
          { serie: 'beraknad', id: 'natverkshem', label: words.overview.network, unitWord: '', note: words.overview.networkUnit },
          { serie: 'rapporterad', id: 'natverkshem-rapporterad', label: words.overview.network, unitWord: '', note: words.network.reported.toLowerCase() },
        ]),
        missing: missingUnits(c, data),
        levels: hierarchyTable(c, data),
      },
      label: viewLabel(c.unit.enhetsnamn, c.range.from, c.range.to),
      messages: c.messages,
    };
  },
};

export { comparisonGroup, latestKnown, mergeComparison } from './comparison.ts';
