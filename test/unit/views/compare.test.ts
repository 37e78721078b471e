// The comparison pages (src/views/compare/) against the bundled data (data/, the real figures of the
// source documents): Stockholm's 13 districts by placement form for 2020 (source 004) with the city's
// total 2 044 and the `*` cells as markers, and Göteborgsregionen's network-home shares (source 001)
// with Härryda and Partille missing for sekretess and Öckerö for bortfall.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { decisionComparePage } from '../../../src/views/compare/decisions.ts';
import { decisionsPage } from '../../../src/views/decisions/index.ts';
import { networkPage } from '../../../src/views/network/index.ts';
import { placementsPage } from '../../../src/views/placements/index.ts';
import { networkComparePage } from '../../../src/views/compare/network.ts';
import { placementComparePage } from '../../../src/views/compare/placements.ts';
import type { PageEnv } from '../../../src/views/view.ts';
import { publishFixture } from '../helpers/publish-fixture.ts';
import { region, rows } from './helpers.ts';

const DATA = path.resolve(import.meta.dirname, '../../../data');

let runner: NodeRunner;
let env: PageEnv;
beforeAll(async () => {
  const files = Object.fromEntries(readdirSync(DATA).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(path.join(DATA, f), 'utf8')]));
  const { dir } = await publishFixture(files);
  runner = await NodeRunner.open(dir);
  env = { datasets: runner.datasets, generated: '2026-02-01T10:00:00.000Z' };
});
afterAll(() => runner?.close());

describe('units side by side: placements', () => {
  it("shows Stockholm's 13 districts by placement form for 2020, the city's total 2 044 at the foot and the * cells as markers", async () => {
    const view = await placementComparePage.load(runner, new URLSearchParams(), env);
    expect(view.state).toEqual({ grupp: '0180', matt: 'under_perioden', period: '2020', enhet: '' });
    const t = view.regions.table;
    if (t.kind !== 'unitTable' || !t.table) throw new Error('no table');
    const table = t.table;
    expect(table.rows.map((r) => r.enhetskod)).toEqual(Array.from({ length: 13 }, (_, i) => `0180-${String(i + 1).padStart(2, '0')}`));
    expect(table.columns).toEqual(['Jourhem', 'Familjehem', 'HVB', 'SiS (§ 12-hem)', 'Stödboende', 'Skyddat boende', 'Totalt']);
    const bromma = table.rows.find((r) => r.name === 'Bromma');
    expect(bromma?.cells.map((c) => c.text)).toEqual(['47', '38', '16', 'Skyddad av sekretess', '4', '0', '105']);
    expect(bromma?.cells[3].marker).toBe('sekretess');
    expect(table.totals).toHaveLength(1);
    expect(table.totals[0].name).toBe('Stockholm totalt');
    expect(table.totals[0].cells.map((c) => c.text)).toEqual(['817', '622', '307', '97', '193', '8', '2\u00a0044']);
    // Every `*` of the source is a marker, never a number (Rinkeby-Kista's skyddat boende, Östermalm's SiS and HVB …).
    const hidden = table.rows.flatMap((r) => r.cells.flatMap((c, i) => (c.marker === 'sekretess' ? [`${r.name}: ${table.columns[i]}`] : [])));
    expect(hidden).toEqual([
      'Rinkeby-Kista: Skyddat boende', 'Bromma: SiS (§ 12-hem)', 'Kungsholmen: SiS (§ 12-hem)', 'Norrmalm: Skyddat boende',
      'Östermalm: HVB', 'Östermalm: SiS (§ 12-hem)', 'Södermalm: Skyddat boende', 'Enskede-Årsta-Vantör: Skyddat boende', 'Skarpnäck: SiS (§ 12-hem)',
      'Hägersten-Älvsjö: Skyddat boende', 'Skärholmen: SiS (§ 12-hem)', 'Skärholmen: Skyddat boende',
    ]);
    expect(table.notes.join(' ')).toContain('varje barn räknat en gång');
    const html = region(view, 'table');
    expect(html).toContain('<tfoot>');
    expect(html).toContain('data-markering="sekretess"');
    expect(table.csv[0]).toEqual(['Kod', 'Enhet', ...table.columns]);
    expect(table.csv.at(-1)).toEqual(['0180', 'Stockholm totalt', 817, 622, 307, 97, 193, 8, 2044]);
  });

  it('draws the totals as bars with the chosen unit highlighted, and says per 1 000 needs a population', async () => {
    const view = await placementComparePage.load(runner, new URLSearchParams('enhet=0180-04'), env);
    const bars = view.figures.totals;
    expect(bars.recipe?.kind === 'bars' && bars.recipe.highlight).toEqual(['0180-04']);
    expect(rows(bars)?.[0]).toEqual(['Rinkeby-Kista', '326']);
    expect(view.figures.rate.recipe).toBeNull();
    expect(view.figures.rate.empty).toContain('befolkning');
  });

  it("ranks the demo city's districts per 1 000 inhabitants where enheter gives a population", async () => {
    const view = await placementComparePage.load(runner, new URLSearchParams('grupp=9999&period=2025-Q4&matt=vid_periodens_slut'), env);
    const rate = view.figures.rate;
    expect(rate.recipe?.kind).toBe('bars');
    expect(rate.table?.rows.length).toBe(3);
  });
});

describe('a ranking: the network-home share', () => {
  it("lists Göteborgsregionen's units without a share with the reason: Härryda and Partille sekretess, Öckerö bortfall", async () => {
    const view = await networkComparePage.load(runner, new URLSearchParams('grupp=14'), env);
    expect(view.state).toMatchObject({ grupp: '14', period: '2022' });
    const missing = view.regions.missing;
    if (missing.kind !== 'missingUnits') throw new Error('no list');
    expect(missing.units.map((u) => [u.name, u.markering])).toEqual([['Härryda', 'sekretess'], ['Partille', 'sekretess'], ['Öckerö', 'bortfall']]);
    expect(missing.units.map((u) => u.text)).toEqual(['Härryda: skyddad av sekretess', 'Partille: skyddad av sekretess', 'Öckerö: bortfall (enheten har inte redovisat någon uppgift)']);
    const share = view.figures.share;
    // The nation is the reference line; the units are written where their bars would be, never as 0.
    expect(share.recipe?.kind === 'bars' && share.recipe.references).toEqual([{ label: 'Riket', value: 15 }]);
    expect(rows(share)).toEqual([['Härryda', 'Skyddad av sekretess'], ['Partille', 'Skyddad av sekretess'], ['Öckerö', 'Uppgift saknas']]);
    expect(share.summary).toContain('Öckerö (bortfall');
  });

  it("ranks Stockholm's districts by their computed share in 2020, highest first, the chosen district highlighted", async () => {
    const view = await networkComparePage.load(runner, new URLSearchParams('grupp=0180&enhet=0180-04'), env);
    const share = view.figures.share;
    expect(share.recipe?.kind === 'bars' && share.recipe.highlight).toEqual(['0180-04']);
    const t = view.regions.table;
    if (t.kind !== 'unitTable' || !t.table) throw new Error('no table');
    expect(t.table.rows).toHaveLength(13);
    expect(t.table.totals[0].enhetskod).toBe('0180');
  });
});

describe('unexecuted decisions across units', () => {
  it("sets the municipalities side by side for one quarter, per insats of an area, with the report's total", async () => {
    const view = await decisionComparePage.load(runner, new URLSearchParams('grupp=kommun&period=2025-Q4&omrade=LSS'), env);
    const t = view.regions.table;
    if (t.kind !== 'unitTable' || !t.table) throw new Error('no table');
    expect(t.table.rows.map((r) => r.name)).toEqual(['Stockholm', 'Solna', 'Härryda', 'Partille', 'Öckerö', 'Luleå', 'Exempelstad (påhittade siffror)']);
    expect(t.table.columns.at(-1)).toBe('Totalt');
    expect(t.table.columns[0]).toMatch(/^9\.1 /);
    const lulea = t.table.rows.find((r) => r.name === 'Luleå');
    // LSS 9.2 in Luleå: 1 (women 1) is below the threshold and published as sekretess, never as 1.
    const i92 = t.table.columns.findIndex((c) => c.startsWith('9.2 '));
    expect(lulea?.cells[i92]).toMatchObject({ marker: 'sekretess', value: null });
    expect(t.table.rows.find((r) => r.name === 'Solna')?.cells.every((c) => c.marker === 'saknas')).toBe(true);
  });

  it('for SoL as a whole has a column per area, and Solna its zero of 2022-Q3', async () => {
    const view = await decisionComparePage.load(runner, new URLSearchParams('grupp=kommun&period=2022-Q3'), env);
    expect(view.state).toMatchObject({ omrade: 'SoL', period: '2022-Q3' });
    const t = view.regions.table;
    if (t.kind !== 'unitTable' || !t.table) throw new Error('no table');
    expect(t.table.rows.find((r) => r.name === 'Solna')?.cells.at(-1)).toMatchObject({ text: '0', value: 0 });
  });
});

describe('a unit against the units above it, on the topic pages', () => {
  it('a district beside its city, county and the nation (placements 2020): the published totals, each as published', async () => {
    const view = await placementsPage.load(runner, new URLSearchParams('enhet=0180-04'), env);
    const r = view.regions.levels;
    if (r.kind !== 'hierarchy') throw new Error('no table');
    expect(r.tables[0].rows.map((x) => [x.level, x.name, x.cell.text])).toEqual([
      ['Stadsdelen', 'Bromma', '105'],
      ['Kommunen', 'Stockholm', '2\u00a0044'],
      ['Länet', 'Stockholms län', 'Uppgift saknas'],
      ['Riket', 'Riket', 'Uppgift saknas'],
    ]);
  });

  it("Luleå's unexecuted decisions beside Norrbotten and the nation, one table per law", async () => {
    const view = await decisionsPage.load(runner, new URLSearchParams('enhet=2580'), env);
    const r = view.regions.levels;
    if (r.kind !== 'hierarchy') throw new Error('no table');
    expect(r.tables.map((t) => t.caption)).toEqual([
      'Ej verkställda beslut, SoL, kv.\u00a04\u00a02025: enheten, länet och riket',
      'Ej verkställda beslut, LSS, kv.\u00a04\u00a02025: enheten, länet och riket',
    ]);
    expect(r.tables[0].rows.map((x) => x.name)).toEqual(['Luleå', 'Norrbottens län', 'Riket']);
    expect(r.tables[0].rows[0].cell.value).not.toBeNull();
  });

  it('the nation, with no unit above it, has no such table', async () => {
    const view = await networkPage.load(runner, new URLSearchParams('enhet=00'), env);
    expect(view.regions.levels).toEqual({ kind: 'none' });
  });
});

describe('the reasons', () => {
  it("a share computed from counts that are not there is 'saknas', not bortfall (Stockholm's districts have no nätverkshem count for 2020)", async () => {
    const view = await networkComparePage.load(runner, new URLSearchParams('grupp=0180'), env);
    const missing = view.regions.missing;
    if (missing.kind !== 'missingUnits') throw new Error('no list');
    expect(new Set(missing.units.map((u) => u.markering))).toEqual(new Set(['saknas']));
    expect(view.figures.share.summary).toMatch(/och 5 till\.$/);
  });

  it('the default group is the one with most units that have a share', async () => {
    const view = await networkComparePage.load(runner, new URLSearchParams(), env);
    expect(view.state.grupp).toBe('9999');
  });
});

describe('the heat map of units × placement forms', () => {
  it("has a cell per district and form, the * cells as markers, drawn from the same model as its table", async () => {
    const view = await placementComparePage.load(runner, new URLSearchParams('enhet=0180-07'), env);
    const heat = view.figures.heat;
    expect(heat.recipe?.kind).toBe('heatmap');
    expect(heat.table?.header).toEqual(['Enhet', 'Jourhem', 'Familjehem', 'HVB', 'SiS (§ 12-hem)', 'Stödboende', 'Skyddat boende', 'Totalt']);
    expect(rows(heat)?.[6]).toEqual(['Östermalm', '13', '11', 'Skyddad av sekretess', 'Skyddad av sekretess', '5', '0', '29']);
    expect(heat.csv[7]).toEqual(['Östermalm', 13, 11, 'Skyddad av sekretess', 'Skyddad av sekretess', 5, 0, 29]);
    expect(heat.summary).toContain('12 värden är skyddade');
    const { serverDocument } = await import('../../../src/charts/server.ts');
    const { pageSvg } = await import('../../../src/render/chart.ts');
    const svg = pageSvg(heat.chart as NonNullable<typeof heat.chart>, serverDocument(), heat.id).outerHTML;
    expect(svg).toContain('Östermalm, HVB: Skyddad av sekretess');
    expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(13 * 7);
  });
});
