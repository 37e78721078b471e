// The start page's key figures (latest value, change from the quarter before and from the same quarter a
// year earlier, in words) and the overview page model against the fixture of the query tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRunner } from '../../../src/queries/node-runner.ts';
import { keyFigureOf, mergeUnits, overviewPage } from '../../../src/views/overview/index.ts';
import { changeText } from '../../../src/i18n/text.ts';
import { keyFiguresHtml as renderKeyFigures } from '../../../src/render/key-figures.ts';
import { GENERATED, publishDashboardFixture } from '../queries/dashboard-fixture.ts';
import { region } from './helpers.ts';

const keyFiguresHtml = (...args: Parameters<typeof renderKeyFigures>) => renderKeyFigures(...args).html;


describe('key figures', () => {
  const points = [
    { period: '2024-Q2', varde: 50, markering: null },
    { period: '2025-Q1', varde: 55, markering: null },
    { period: '2025-Q2', varde: 62, markering: null },
  ];

  it('compare the latest quarter with the one before and with the same quarter a year earlier', () => {
    expect(keyFigureOf(points)).toEqual({
      period: '2025-Q2',
      value: 62,
      markering: null,
      changes: [
        { period: '2025-Q1', delta: 7, why: null },
        { period: '2024-Q2', delta: 12, why: null },
      ],
    });
  });

  it('say why there is no comparison, and never compare a hidden value', () => {
    const hidden = keyFigureOf([...points.slice(0, 2), { period: '2025-Q2', varde: null, markering: 'sekretess' }]);
    expect(hidden?.value).toBeNull();
    expect(hidden?.markering).toBe('sekretess');
    expect(hidden?.changes.every((c) => c.delta === null)).toBe(true);
    const gap = keyFigureOf([{ period: '2025-Q1', varde: null, markering: 'sekretess' }, { period: '2025-Q2', varde: 9, markering: null }]);
    expect(gap?.changes).toEqual([
      { period: '2025-Q1', delta: null, why: 'sekretess' },
      { period: '2024-Q2', delta: null, why: 'saknas' },
    ]);
    // A year is compared with the year before only.
    expect(keyFigureOf([{ period: '2020', varde: 29, markering: null }])?.changes).toEqual([{ period: '2019', delta: null, why: 'saknas' }]);
  });

  it('put changes in words with an arrow, counts and percentage points alike', () => {
    expect(changeText({ period: '2025-Q1', delta: 7, why: null }, 'count')).toEqual({ arrow: '↑', direction: 'up', text: 'ökning med 7 från kv.\u00a01\u00a02025' });
    expect(changeText({ period: '2025-Q1', delta: -1.25, why: null }, 'percent')).toEqual({
      arrow: '↓', direction: 'down', text: 'minskning med 1,3 procentenheter från kv.\u00a01\u00a02025',
    });
    expect(changeText({ period: '2025-Q1', delta: 0.02, why: null }, 'percent')).toEqual({ arrow: '→', direction: 'same', text: 'oförändrat från kv.\u00a01\u00a02025' });
    expect(changeText({ period: '2024-Q2', delta: null, why: 'sekretess' }, 'count').text).toBe('ingen jämförelse med kv.\u00a02\u00a02024 (skyddad av sekretess)');
  });

  it('render as cards whose arrows are hidden from screen readers, the words carrying the meaning', () => {
    const html = keyFiguresHtml(
      [{ id: 'x', label: 'Placerade <barn>', unitWord: 'barn', format: 'count', invented: true, ...keyFigureOf(points)! }],
      'inget',
    );
    expect(html).toContain('<h3 class="key-figure__label">Placerade &lt;barn&gt;</h3>');
    expect(html).toContain('<data value="62">62</data> <span class="key-figure__unit">barn</span>');
    expect(html).toContain('<li class="change change--up"><span class="change__arrow" aria-hidden="true">↑</span> ökning med 7 från kv.\u00a01\u00a02025</li>');
    expect(html).toContain('<p class="key-figure__invented">Påhittade siffror</p>');
    expect(keyFiguresHtml([], 'Det finns inga uppgifter.')).toBe('<p>Det finns inga uppgifter.</p>');
  });

  it('merge the units of the topics, adding their periods', () => {
    const u = (enhetskod: string, perioder: number, pahittad = false) => ({ enhetskod, enhetsnamn: enhetskod, niva: null, perioder, varden: perioder, pahittad });
    expect(mergeUnits([[u('A', 3), u('B', 1)], [u('A', 2, true)]])).toEqual([
      { ...u('A', 5, true), varden: 5 },
      u('B', 1),
    ]);
  });
});

describe('the Översikt page', () => {
  let runner: NodeRunner;
  beforeAll(async () => {
    runner = await NodeRunner.open((await publishDashboardFixture()).dir);
  });
  afterAll(() => runner?.close());

  it('shows the latest figures of the default unit with their changes, and small charts linking to the topics', async () => {
    const view = await overviewPage.load(runner, new URLSearchParams(), { datasets: runner.datasets, generated: GENERATED });
    // 0180 and 9999 both have 4 placement periods; 0180 adds 3 share periods, 9999 4: 9999 has most periods in all.
    expect(view.state).toEqual({ enhet: '9999' });
    expect(region(view, 'keyheading')).toBe('Senaste siffrorna för Exempelstad (påhittade siffror)');
    const html = region(view, 'keyfigures');
    expect(html).toContain('<data value="57">57</data>');
    expect(html).toContain('ökning med 2 från kv.\u00a01\u00a02025');
    // 9999 starts in 2024-Q3: there is no same quarter a year earlier to compare with.
    expect(html).toContain('ingen jämförelse med kv.\u00a02\u00a02024 (uppgift saknas)');
    expect(html).toContain('<data value="25">25,0\u00a0%</data>');
    expect(html).toContain('ökning med 1,0 procentenheter från kv.\u00a01\u00a02025');
    expect(region(view, 'datadate')).toBe('Data publicerade 1 februari 2026. Senaste period i uppgifterna: kv.\u00a02\u00a02025.');
    expect(view.figures.placements.link).toEqual({ href: '/placeringar/', text: 'Till sidan Placeringar' });
    expect(view.figures.decisions.empty).toBe('Det finns inga uppgifter om ej verkställda beslut för enheten.');
  });

  it('carries another unit to the topic pages and shows a hidden latest value as its marker', async () => {
    const view = await overviewPage.load(runner, new URLSearchParams('enhet=0180'), { datasets: runner.datasets, generated: GENERATED });
    expect(view.figures.network.link?.href).toBe('/natverkshem/?enhet=0180');
    expect(region(view, 'notice')).toBe('');
    // Stockholm's share: 2025-Q2 20,0 %; the quarter before is hidden, so it is not compared.
    expect(region(view, 'keyfigures')).toContain('<data value="20">20,0\u00a0%</data>');
    expect(region(view, 'keyfigures')).toContain('ingen jämförelse med kv.\u00a01\u00a02025 (skyddad av sekretess)');
  });
});
