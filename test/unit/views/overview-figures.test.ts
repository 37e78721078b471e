// The start page's figures and key figures from fixed data (src/views/overview/figures.ts), without a
// database.
import { describe, expect, it } from 'vitest';
import type { OverviewData } from '../../../src/views/overview/data.ts';
import { decisionsFigure, keyFigures, networkFigure, overviewRegions, placementsFigure } from '../../../src/views/overview/figures.ts';
import { GENERATED, sources, unit, unitChoice } from './figures-fixed.ts';

const NBSP = '\u00a0';
const choices = { ...unitChoice(unit('1111', 'Testkommun')), fallback: unit('0000', 'Standard') };
const data: OverviewData = {
  placements: {
    measure: 'vid_periodens_slut',
    rows: [
      { period: '2025-Q3', placeringsform: 'totalt', antal: 40, markering: null, kalla: 'k' },
      { period: '2025-Q4', placeringsform: 'totalt', antal: 44, markering: null, kalla: 'k' },
    ],
  },
  share: { measure: 'vid_periodens_slut', rows: [{ period: '2025-Q4', serie: 'rapporterad', varde: 21.5, markering: null }], sources: ['k'] },
  decisions: { rows: [], sources: [] },
  events: [],
  sources,
};

describe('Översikt figures from fixed data', () => {
  it('small charts link to their topic with the unit chosen, and say when a topic has nothing', () => {
    expect(placementsFigure(choices, data).link).toEqual({ href: '/placeringar/?enhet=1111', text: 'Till sidan Placeringar' });
    const network = networkFigure(choices, data).recipe;
    // One period is drawn as a bar (a line of one dot says nothing); the table keeps the period.
    expect(network?.kind === 'bars' && network.rows).toEqual([['rapporterad', 21.5, null]]);
    expect(networkFigure(choices, data).table?.rows.map((r) => r.map((c) => c.text))[0][0]).toBe('kv.\u00a04\u00a02025');
    expect(decisionsFigure(choices, data).empty).toBe('Det finns inga uppgifter om ej verkställda beslut för enheten.');
  });

  it('key figures: the latest value, its changes, and a reported share said to be reported', () => {
    const [placements, share] = keyFigures(data);
    expect(placements).toMatchObject({ id: 'placeringar', value: 44, period: '2025-Q4', note: 'placerade vid periodens slut' });
    expect(placements.changes).toEqual([
      { period: '2025-Q3', delta: 4, why: null },
      { period: '2024-Q4', delta: null, why: 'saknas' },
    ]);
    expect(share).toMatchObject({ id: 'natverkshem', value: 21.5, format: 'percent', note: 'rapporterad andel' });
  });

  it('the data date names the latest quarter of the key figures', () => {
    expect(overviewRegions(choices, keyFigures(data), GENERATED).datadate).toEqual({
      kind: 'text',
      text: `Data publicerade 1 februari 2026. Senaste period i uppgifterna: kv.${NBSP}4${NBSP}2025.`,
    });
  });
});
