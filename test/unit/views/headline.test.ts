// A topic page's headline cards come from its first chart's own recipe: the latest number of each series
// asked for, its change from the quarter before and from a year earlier; nothing for a series the chart
// lacks, and nothing for a chart of one period (drawn as bars: the chart is the answer there).
import { describe, expect, it } from 'vitest';
import type { TrendRecipe } from '../../../src/charts/recipe.ts';
import { headlineFigures, headlineRegion } from '../../../src/views/headline.ts';
import { trendFigure } from '../../../src/views/figure.ts';

const base = { id: 'f', level: 2 as const, title: 'T', subtitle: 'S', source: 'Källa', invented: true, summary: '', notes: [], file: 'f' };
const recipe = (rows: TrendRecipe['rows']): TrendRecipe => ({
  kind: 'trend', rows, chart: 'line', series: ['SoL', 'LSS'], labels: {}, format: 'count', width: 760, height: 300, title: 'T',
});

describe('headline cards', () => {
  it('give the latest value and both changes of each series asked for, in that order', () => {
    const figure = trendFigure(base, recipe([
      ['2024-Q4', 'SoL', 100, null], ['2025-Q3', 'SoL', 90, null], ['2025-Q4', 'SoL', 95, null],
      ['2024-Q4', 'LSS', 10, null], ['2025-Q3', 'LSS', null, 'sekretess'], ['2025-Q4', 'LSS', 12, null],
    ]));
    const cards = headlineFigures(figure, [
      { serie: 'LSS', id: 'lss', label: 'LSS', unitWord: 'beslut' },
      { serie: 'SoL', id: 'sol', label: 'SoL', unitWord: 'beslut' },
      { serie: 'saknas', id: 'x', label: 'X', unitWord: '' },
    ]);
    expect(cards.map((c) => [c.id, c.value, c.period, c.invented, c.changes.map((x) => [x.period, x.delta, x.why])])).toEqual([
      ['lss', 12, '2025-Q4', true, [['2025-Q3', null, 'sekretess'], ['2024-Q4', 2, null]]],
      ['sol', 95, '2025-Q4', true, [['2025-Q3', 5, null], ['2024-Q4', -5, null]]],
    ]);
  });

  it('are left out for a chart of one period, which is drawn as bars', () => {
    const figure = trendFigure(base, recipe([['2020', 'SoL', 7, null], ['2020', 'LSS', 3, null]]));
    expect(figure.recipe?.kind).toBe('bars');
    expect(figure.table?.rows.map((r) => r.map((c) => c.text))).toEqual([['2020', '7', '3']]);
    expect(headlineRegion(figure, [{ serie: 'SoL', id: 'sol', label: 'SoL', unitWord: '' }])).toEqual({ kind: 'none' });
  });
});
