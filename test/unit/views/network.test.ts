// The Nätverkshem page's view (src/views/network/) against the fixture in ../queries/dashboard-fixture.ts:
// the share with its references, the counts behind it, and the comparison between units with every unit
// lacking a share listed with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { networkUnitsSourceQuery } from '../../../src/queries/network.ts';
import { unitsQuery } from '../../../src/queries/unit-catalogs.ts';
import { comparisonGroup, networkPage } from '../../../src/views/network/index.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { GENERATED, kallor, natverkshemsandel, openDashboardFixture } from '../queries/dashboard-fixture.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';
import { region, rows } from './helpers.ts';

let runner: NodeRunner;
let env: PageEnv;
beforeAll(async () => ({ runner, env } = await openDashboardFixture()));
afterAll(() => runner?.close());

describe('the units compared', () => {
  // [enhetskod, overordnad]
  const links = [['00', ''], ['14', '00'], ['1401', '14'], ['1402', '14'], ['0180', '01'], ['0180-01', '0180'], ['9999', '']].map(
    ([enhetskod, overordnad]) => ({ enhetskod, overordnad }),
  );
  const all = ['14', '1401', '1402', '0180', '0180-01', '9999'];
  it('are a unit and the units under it, the units beside it under its parent, or else all', () => {
    expect(comparisonGroup('0180', all, links)).toEqual({ codes: new Set(['0180', '0180-01']), kind: 'children', parent: '0180' });
    expect(comparisonGroup('1401', all, links)).toEqual({ codes: new Set(['14', '1401', '1402']), kind: 'siblings', parent: '14' });
    expect(comparisonGroup('9999', all, links)).toEqual({ codes: new Set(all), kind: 'all', parent: null });
    expect(comparisonGroup('9999', all, [])).toEqual({ codes: new Set(all), kind: 'all', parent: null });
  });
});

describe('the Nätverkshem page', () => {
  it('shows the unit with most periods (the nation is the reference, not the default)', async () => {
    const view = await networkPage.load(runner, new URLSearchParams(), env);
    expect(view.state).toEqual({ enhet: '9999', fran: '2024-Q3', till: '2025-Q2', matt: 'vid_periodens_slut' });
    expect(region(view, 'notice')).toContain('påhittade');
  });

  it('draws the share with the national share and the local target as reference lines, and the counts in its table', async () => {
    const view = await networkPage.load(runner, new URLSearchParams('enhet=0180'), env);
    const share = view.figures.share;
    expect(share.recipe?.kind === 'trend' && share.recipe.references).toEqual([
      { label: 'Riket 2024', value: 16.5 },
      { label: 'Mål 2025', value: 30 },
    ]);
    expect(share.summary).toBe(
      'Under kv.\u00a02\u00a02025 var andelen placerade i nätverkshem 20,0\u00a0%. Riket 2024: 16,5\u00a0%. Mål 2025: 30,0\u00a0%.',
    );
    expect(share.table?.header).toEqual(['Period', 'Beräknad andel', 'Nätverkshem (antal)', 'Alla typer av familjehem (antal)']);
    expect(rows(share)).toEqual([
      ['kv.\u00a04\u00a02024', '19,4\u00a0%', '12', '62'],
      ['kv.\u00a01\u00a02025', 'Skyddad av sekretess', '15', 'Skyddad av sekretess'],
      ['kv.\u00a02\u00a02025', '20,0\u00a0%', '14', '70'],
    ]);
    expect(share.csv).toEqual([
      ['Period', 'Beräknad andel', 'Nätverkshem (antal)', 'Alla typer av familjehem (antal)'],
      ['2024-Q4', 19.4, 12, 62],
      ['2025-Q1', 'Skyddad av sekretess', 15, 'Skyddad av sekretess'],
      ['2025-Q2', 20, 14, 70],
    ]);
    expect(share.notes).toContain(
      'När något av de tre antalen är skyddat av sekretess visas varken summan eller andelen, så att det skyddade antalet inte kan räknas fram.',
    );
    expect(share.source).toBe(
      'Källor: Nationell statistik (Socialstyrelsen, 1 mars 2025); Uppföljning av placerade barn (Stockholms stad, 1 augusti 2025). Data publicerade 1 februari 2026.',
    );
    expect(rows(view.figures.counts)?.[1]).toEqual(['kv.\u00a01\u00a02025', 'Skyddad av sekretess', '15']);
  });

  it('compares the units of the latest period and lists those without a share, with why', async () => {
    const view = await networkPage.load(runner, new URLSearchParams('enhet=0180'), env);
    const c = view.figures.comparison;
    expect(c.title).toBe('Jämförelse mellan enheter kv.\u00a02\u00a02025');
    expect(c.table?.header).toEqual(['Enhet', 'Andel i nätverkshem']);
    expect(rows(c)).toEqual([
      ['Exempelstad (påhittade siffror)', '25,0\u00a0%'],
      ['Partille (rapporterad)', '22,5\u00a0%'],
      ['Stockholm', '20,0\u00a0%'],
      ['Härryda (rapporterad)', 'Skyddad av sekretess'],
      ['Öckerö', 'Uppgift saknas'],
    ]);
    expect(c.recipe?.kind === 'bars' && c.recipe.highlight).toEqual(['0180']);
    expect(c.summary).toBe(
      'Under kv.\u00a02\u00a02025 var andelen högst i Exempelstad (påhittade siffror) (25,0\u00a0%) och lägst i Stockholm (20,0\u00a0%). ' +
        'Stockholm har den lägsta andelen av 3 enheter med en andel. ' +
        'Enheter utan andel för kv.\u00a02\u00a02025: Härryda (skyddad av sekretess) och Öckerö (uppgift saknas).',
    );
    expect(region(view, 'missing')).toBe(
      '<h3>Enheter utan andel för kv.\u00a02\u00a02025</h3><ul class="missing-list">' +
        '<li data-enhet="1401" data-markering="sekretess">Härryda: skyddad av sekretess</li>' +
        '<li data-enhet="1407" data-markering="saknas">Öckerö: uppgift saknas</li></ul>',
    );
    // The comparison includes an invented unit, and says so.
    expect(c.invented).toBe(true);
    expect(c.source.startsWith('Påhittade siffror.')).toBe(true);
  });

  it('shows a reported share as reported, for a unit without counts', async () => {
    const view = await networkPage.load(runner, new URLSearchParams('enhet=1402'), env);
    expect(view.state).toEqual({ enhet: '1402', fran: '2025-Q1', till: '2025-Q2' });
    expect(view.figures.share.recipe?.kind === 'trend' && view.figures.share.recipe.series).toEqual(['rapporterad']);
    expect(rows(view.figures.share)).toEqual([
      ['kv.\u00a01\u00a02025', '21,0\u00a0%'],
      ['kv.\u00a02\u00a02025', '22,5\u00a0%'],
    ]);
    expect(view.figures.share.source).toContain('Nätverksarbete i regionen (Göteborgsregionen)');
    expect(view.figures.counts.recipe).toBeNull();
    expect(view.figures.counts.empty).toBe('Antalen bakom andelen finns inte för enheten; andelen är rapporterad som andel.');
  });
});

describe('without placeringar', () => {
  it('the network catalog is stored with the reported shares, and the page lists their units', async () => {
    const { dir } = await publishFixture({ 'natverkshemsandel.csv': natverkshemsandel, 'kallor.csv': kallor });
    const only = await NodeRunner.open(dir);
    try {
      const tables = await only.run<{ t: string }>("SELECT database_name || '.' || table_name AS t FROM duckdb_tables() ORDER BY t");
      expect(tables.map((r) => r.t)).toContain('pub_natverkshemsandel.natverkshem_enheter');
      expect(unitsQuery('placeringar', only.datasets)).toBeNull();
      const stored = await only.run(unitsQuery('natverkshem', only.datasets)!.sql);
      expect(stored).toEqual(await only.run(networkUnitsSourceQuery(only.datasets)!.sql));
      expect(stored.length).toBeGreaterThan(0);
      const view = await networkPage.load(only, new URLSearchParams(), { datasets: only.datasets, generated: GENERATED });
      expect(view.filters.find((f) => f.name === 'enhet')?.options.map((o) => o.value).sort()).toEqual(stored.map((u) => (u as { enhetskod: string }).enhetskod).sort());
    } finally {
      only.close();
    }
  });
});
