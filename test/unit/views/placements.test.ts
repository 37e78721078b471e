// The Placeringar page's view (src/views/placements/) against the small published fixture whose numbers
// are worked out by hand in ../queries/dashboard-fixture.ts: what a user reads in each figure and region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRunner } from '../../../src/queries/node-runner.ts';
import { placementsPage, periodsWithSuppressedParts } from '../../../src/views/placements/index.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { openDashboardFixture } from '../queries/dashboard-fixture.ts';
import { region, rows } from './helpers.ts';

let runner: NodeRunner;
let env: PageEnv;
beforeAll(async () => ({ runner, env } = await openDashboardFixture()));
afterAll(() => runner?.close());

describe('the Placeringar page', () => {
  it('shows by default the unit with most periods whose figures are not invented, over its whole range', async () => {
    const view = await placementsPage.load(runner, new URLSearchParams(), env);
    expect(view.state).toEqual({ enhet: '0180', fran: '2024-Q4', till: '2025-Q2', kon: 'totalt', alder: '0-20', matt: 'vid_periodens_slut' });
    expect(view.defaults).toEqual(view.state);
    expect(region(view, 'notice')).toBe('');
    expect(view.messages).toEqual([]);
    const trend = view.figures.trend;
    expect(trend.summary).toBe(
      'Under kv.\u00a02\u00a02025 var antalet placerade barn och unga (totalt) 70, en ökning med 4 jämfört med kv.\u00a01\u00a02025. ' +
        'Det är det högsta värdet under kv.\u00a04\u00a02024–kv.\u00a02\u00a02025.',
    );
    expect(trend.invented).toBe(false);
    expect(trend.source).toBe('Källa: Uppföljning av placerade barn (Stockholms stad, 1 augusti 2025). Data publicerade 1 februari 2026.');
    // The total says that it includes parts whose counts are hidden.
    expect(trend.notes).toContain('Totalen omfattar också placeringar vars antal är skyddade av sekretess (kv.\u00a01\u00a02025 och kv.\u00a02\u00a02025).');
    // The table shows the hidden count as its marker, never as a number.
    expect(trend.table?.header).toEqual(['Period', 'Totalt (barn räknas en gång)', 'Jourhem', 'Familjehem', 'Nätverkshem', 'HVB']);
    expect(rows(trend)).toEqual([
      ['kv.\u00a04\u00a02024', '68', '10', '40', '12', '8'],
      ['kv.\u00a01\u00a02025', '66', 'Skyddad av sekretess', '42', '15', '9'],
      ['kv.\u00a02\u00a02025', '70', '11', '45', '14', 'Skyddad av sekretess'],
    ]);
    expect(trend.csv[2]).toEqual(['2025-Q1', 66, 'Skyddad av sekretess', 42, 15, 9]);
    // The page leads with its answer: the latest total and its change, the chart's own numbers.
    const headline = view.regions.headline;
    expect(headline.kind === 'keyFigures' && headline.level).toBe(2);
    expect(headline.kind === 'keyFigures' && headline.figures.map((f) => [f.id, f.value, f.period, f.changes.map((x) => [x.period, x.delta])])).toEqual([
      ['placeringar', 70, '2025-Q2', [['2025-Q1', 4], ['2024-Q2', null]]],
    ]);
    expect(region(view, 'headline')).toContain('<h2 class="key-figure__label">Placerade barn och unga</h2>');
    // Stacked areas stack the forms only: the published total is never put on top of its parts.
    expect(trend.recipe?.kind === 'trend' && trend.recipe.areaSeries).toEqual(['jourhem', 'familjehem', 'natverkshem', 'hvb']);
    expect(trend.switchable).toBe(true);
    expect(trend.recipe?.kind === 'trend' && trend.recipe.events).toEqual([
      { datum: '2024-11-01', rubrik: 'Lokalt beslut' },
      { datum: '2025-01-15', rubrik: 'Ny lag' },
    ]);
  });

  it('shows the latest composition as bars, with the total as a reference and the hidden form by its marker', async () => {
    const view = await placementsPage.load(runner, new URLSearchParams(), env);
    const c = view.figures.composition;
    expect(c.title).toBe('Placeringsformer kv.\u00a02\u00a02025');
    expect(c.recipe?.kind === 'bars' && c.recipe.references).toEqual([{ label: 'Totalt (barn räknas en gång)', value: 70 }]);
    expect(rows(c)).toEqual([
      ['Familjehem', '45'],
      ['Nätverkshem', '14'],
      ['Jourhem', '11'],
      ['HVB', 'Skyddad av sekretess'],
    ]);
    expect(c.summary).toBe(
      'Under kv.\u00a02\u00a02025 var flest barn placerade i familjehem (45), nätverkshem (14) och jourhem (11). Totalt (barn räknas en gång): 70. HVB: skyddad av sekretess.',
    );
  });

  it('breaks down by sex with both hidden cells as markers, and by age group', async () => {
    const view = await placementsPage.load(runner, new URLSearchParams(), env);
    expect(rows(view.figures.sex)).toEqual([
      ['kv.\u00a04\u00a02024', '30', '38'],
      ['kv.\u00a01\u00a02025', 'Skyddad av sekretess', 'Skyddad av sekretess'],
      ['kv.\u00a02\u00a02025', '32', '38'],
    ]);
    expect(view.figures.age.table?.header).toEqual(['Period', '0–12 år', '13–17 år', '18–20 år']);
    expect(rows(view.figures.age)?.[2]).toEqual(['kv.\u00a02\u00a02025', '33', '30', '7']);
  });

  it('answers the choices in the URL: another unit, a measure, a period range', async () => {
    const demo = await placementsPage.load(runner, new URLSearchParams('enhet=9999&fran=2024-Q4'), env);
    expect(demo.state).toMatchObject({ enhet: '9999', fran: '2024-Q4', till: '2025-Q2' });
    expect(demo.defaults).toMatchObject({ enhet: '0180', fran: '2024-Q3', till: '2025-Q2' });
    expect(demo.figures.trend.summary).toMatch(/^Under kv.\u00a02\u00a02025 var antalet placerade barn och unga \(totalt\) 57, en ökning med 2 jämfört med kv.\u00a01\u00a02025\./);
    // Invented figures say so, near the charts and in every source line.
    expect(region(demo, 'notice')).toContain('Siffrorna för Exempelstad (påhittade siffror) är påhittade för att visa webbplatsen.');
    expect(demo.figures.trend.source.startsWith('Påhittade siffror. Källa: Påhittade siffror')).toBe(true);
    // No sex or age breakdown in the data: the figures say so instead of drawing nothing.
    expect(demo.figures.sex.recipe).toBeNull();
    expect(demo.figures.sex.empty).toBe('Uppgifterna för enheten är inte uppdelade på kön för det här urvalet.');
    expect(demo.filters.find((f) => f.name === 'kon')?.hidden).toBe(true);

    const year = await placementsPage.load(runner, new URLSearchParams('matt=under_perioden'), env);
    expect(year.state).toMatchObject({ enhet: '0180', matt: 'under_perioden', fran: '2024', till: '2024' });
    expect(rows(year.figures.trend)).toEqual([['2024', '120']]);
    expect(year.filters.find((f) => f.name === 'matt')).toMatchObject({ hidden: false, value: 'under_perioden' });
  });

  it('falls back to the default with a message for choices that do not exist', async () => {
    const view = await placementsPage.load(runner, new URLSearchParams('enhet=1234&fran=2019-Q1&kon=okänt'), env);
    expect(view.state).toMatchObject({ enhet: '0180', fran: '2024-Q4', kon: 'totalt' });
    expect(view.messages).toEqual([
      'Enheten ”1234” finns inte i uppgifterna; sidan visar Stockholm.',
      'Perioden ”2019-Q1” finns inte för enheten; hela perioden visas.',
      'Könsuppdelningen finns inte för enheten; totalt visas.',
    ]);
    const swapped = await placementsPage.load(runner, new URLSearchParams('fran=2025-Q2&till=2024-Q4'), env);
    expect(swapped.state).toMatchObject({ fran: '2024-Q4', till: '2025-Q2' });
  });

  it('finds the periods where a total includes hidden parts', () => {
    expect(
      periodsWithSuppressedParts(
        [
          { period: '2025-Q1', serie: 'totalt', varde: 66, markering: null },
          { period: '2025-Q1', serie: 'jourhem', varde: null, markering: 'sekretess' },
          { period: '2025-Q2', serie: 'totalt', varde: null, markering: 'sekretess' },
          { period: '2025-Q2', serie: 'hvb', varde: null, markering: 'sekretess' },
          { period: '2025-Q3', serie: 'totalt', varde: 70, markering: null },
          { period: '2025-Q3', serie: 'hvb', varde: null, markering: 'saknas' },
        ],
        'totalt',
      ),
    ).toEqual(['2025-Q1']);
  });
});
