// Ej verkställda beslut as a view: choices → data → figures. Run at build time
// (src/pages/ej-verkstallda-beslut.astro), in the browser after a filter change and by the benchmark,
// through the same `load`.

import { decisionsWords as w } from '../../i18n/decisions.ts';
import { dashboard as words } from '../../i18n/dashboard.ts';
import { viewLabel } from '../choices.ts';
import { headlineRegion } from '../headline.ts';
import { loadEvents, SourceBook } from '../sources.ts';
import { emptyView, inventedNotice, NONE, type DashboardPage } from '../view.ts';
import { chooseDecisions, decisionDefaults, decisionFilter, decisionFilters, decisionState } from './choices.ts';
import { loadDecisionData } from './data.ts';
import { comparisonRegion, decisionFigures, FIGURE_IDS, levelsRegion } from './figures.ts';
import { loadAncestors } from '../compare/hierarchy.ts';
import { unitDecisionTotalsQuery } from '../../queries/compare.ts';
import { runQuery } from '../../queries/runner.ts';

export { FIGURE_IDS } from './figures.ts';

const noDataset = () => emptyView(decisionsPage.id, { notice: NONE, headline: NONE, levels: NONE, comparison: { kind: 'paragraph', text: w.noDataset } });

export const decisionsPage: DashboardPage = {
  id: 'ej-verkstallda-beslut',
  datasets: ['ej_verkstallda_beslut', 'kallor', 'enheter', 'handelser'],

  async load(runner, params, env) {
    if (!env.datasets.includes('ej_verkstallda_beslut')) return noDataset();
    const c = await chooseDecisions(runner, params, env);
    if (!c) return noDataset();
    const data = await loadDecisionData(runner, decisionFilter(c));
    const [events, sources, ancestors] = await Promise.all([loadEvents(runner, env, c.unit.enhetskod), SourceBook.load(runner, env), loadAncestors(runner, env, c.unit.enhetskod)]);
    const levelTotals = ancestors.length && data.latest
      ? await runQuery<{ enhetskod: string; lag: string; antal: number | null; markering: string | null }>(runner, unitDecisionTotalsQuery([c.unit.enhetskod, ...ancestors.map((a) => a.enhetskod)], data.latest))
      : [];
    const context = { events, sources };
    const figures = decisionFigures(c, data, context);
    return {
      page: decisionsPage.id,
      state: decisionState(c),
      defaults: decisionDefaults(c),
      filters: decisionFilters(c),
      figures,
      regions: {
        notice: inventedNotice(c.unit.enhetsnamn, c.unit.pahittad || sources.invented(data.sources)),
        headline: headlineRegion(figures[FIGURE_IDS.totals], [
          { serie: 'SoL', id: 'beslut-sol', label: words.overview.decisionsSol, unitWord: words.overview.decisionsUnit },
          { serie: 'LSS', id: 'beslut-lss', label: words.overview.decisionsLss, unitWord: words.overview.decisionsUnit },
        ]),
        comparison: comparisonRegion(c, data, context),
        levels: levelsRegion(c, data.latest, ancestors, levelTotals),
      },
      label: viewLabel(c.unit.enhetsnamn, c.range.from || undefined, c.range.to || undefined),
      messages: c.messages,
    };
  },
};
