// The placement queries and the Placeringar page model against a small published fixture whose numbers
// are worked out by hand in ./dashboard-fixture.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import {
  placementBreakdownQuery,
  placementFormsQuery,
  placementMeasuresQuery,
  placementSlicesQuery,
  placementTotalQuery,
} from '../../../src/queries/placements.ts';
import { unitCatalogQuery } from '../../../src/queries/unit-catalogs.ts';
import { unitsQuery } from '../../../src/queries/unit-catalogs.ts';
import { placementsPage, periodsWithSuppressedParts } from '../../../src/views/placements/index.ts';
import { pickMeasure } from '../../../src/views/choices.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { GENERATED, publishDashboardFixture } from './dashboard-fixture.ts';
import { region, rows } from '../views/helpers.ts';


let runner: NodeRunner;
let env: PageEnv;
beforeAll(async () => {
  const { dir } = await publishDashboardFixture();
  runner = await NodeRunner.open(dir);
  env = { datasets: runner.datasets, generated: GENERATED };
});
afterAll(() => runner?.close());

const run = <T>(q: { sql: string; params: unknown[] }) => runner.run<T>(q.sql, q.params);
const quarters = { unit: '0180', avser: 'vid_periodens_slut', quarterly: true, from: '2024-Q4', to: '2025-Q2' };

describe('placement queries', () => {
  it('list the units with their periods, numbers and whether their figures are invented', async () => {
    // Stored by the build (unit-catalogs.ts), and the same as the catalog SQL over the published table.
    const stored = await run(unitsQuery('placeringar', runner.datasets)!);
    expect(await run(unitCatalogQuery('placeringar', runner.datasets))).toEqual(stored);
    expect(stored).toEqual([
      { enhetskod: '0180', enhetsnamn: 'Stockholm', niva: 'kommun', perioder: 4, varden: 27, pahittad: false },
      { enhetskod: '9999', enhetsnamn: 'Exempelstad (påhittade siffror)', niva: 'kommun', perioder: 4, varden: 16, pahittad: true },
    ]);
  });

  it('tell the measures apart, with how much data each has', async () => {
    const measures = await run<{ avser: string; perioder: number; varden: number }>(placementMeasuresQuery('0180'));
    expect(measures).toEqual([
      { avser: 'under_perioden', perioder: 1, varden: 1 },
      { avser: 'vid_periodens_slut', perioder: 3, varden: 26 },
    ]);
    expect(pickMeasure(measures)).toBe('vid_periodens_slut');
  });

  it('give the filter choices of one measure only', async () => {
    const slices = await run<{ period: string; kon: string; aldersgrupp: string }>(placementSlicesQuery('0180', 'under_perioden'));
    expect(slices).toEqual([{ period: '2024', kon: 'totalt', aldersgrupp: '0-20' }]);
  });

  it('read the published total as a row of its own and keep hidden counts as markers', async () => {
    const rows = await run<{ period: string; placeringsform: string; antal: number | null; markering: string | null }>(
      placementFormsQuery({ ...quarters, kon: 'totalt', aldersgrupp: '0-20' }),
    );
    const at = (p: string) => Object.fromEntries(rows.filter((r) => r.period === p).map((r) => [r.placeringsform, r.antal ?? r.markering]));
    expect(at('2024-Q4')).toEqual({ familjehem: 40, hvb: 8, jourhem: 10, natverkshem: 12, totalt: 68 });
    expect(at('2025-Q1')).toEqual({ familjehem: 42, hvb: 9, jourhem: 'sekretess', natverkshem: 15, totalt: 66 });
    expect(at('2025-Q2')).toEqual({ familjehem: 45, hvb: 'sekretess', jourhem: 11, natverkshem: 14, totalt: 70 });
    // 68 is the published total, not 40 + 8 + 10 + 12 = 70.
  });

  it('never mix the measures or the kinds of period', async () => {
    const years = await run<{ period: string }>(placementTotalQuery({ unit: '0180', avser: 'under_perioden', quarterly: false, from: '0000', to: '9999' }));
    expect(years.map((r) => r.period)).toEqual(['2024']);
    const quarterRows = await run<{ period: string }>(placementTotalQuery({ ...quarters, from: '0000', to: '9999' }));
    expect(quarterRows.map((r) => r.period)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    // The year asked for as quarters gives nothing.
    expect(await run(placementTotalQuery({ unit: '0180', avser: 'under_perioden', quarterly: true, from: '0000', to: '9999' }))).toEqual([]);
  });

  it('break all placed children down by sex with the second hidden cell, and by age group', async () => {
    const bySex = await run<{ period: string; grupp: string; antal: number | null; markering: string | null }>(
      placementBreakdownQuery({ ...quarters, by: 'kon', placeringsform: 'totalt', kon: 'totalt', aldersgrupp: '0-20' }),
    );
    expect(bySex.filter((r) => r.period === '2025-Q1').map((r) => [r.grupp, r.antal, r.markering])).toEqual([
      ['flickor', null, 'sekretess'],
      ['pojkar', null, 'sekretess'],
      ['totalt', 66, null],
    ]);
    const byAge = await run<{ period: string; grupp: string; antal: number | null }>(
      placementBreakdownQuery({ ...quarters, by: 'aldersgrupp', placeringsform: 'totalt', kon: 'totalt', aldersgrupp: '0-20' }),
    );
    expect(byAge.filter((r) => r.period === '2025-Q2').map((r) => [r.grupp, r.antal])).toEqual([
      ['0-12', 33],
      ['0-20', 70],
      ['13-17', 30],
      ['18-20', 7],
    ]);
  });

  it('bind every value: a quote in a unit code is data, not SQL', async () => {
    expect(await run(placementFormsQuery({ ...quarters, unit: "0180' OR '1'='1", kon: 'totalt', aldersgrupp: '0-20' }))).toEqual([]);
  });
});

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
    expect(region(demo, 'notice')).toContain('Siffrorna för Exempelstad (påhittade siffror) är påhittade.');
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
