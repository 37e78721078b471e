// The page "Ej verkställda beslut": its figures and the comparison region from fixed data
// (src/views/decisions/figures.ts), without a database.
import { describe, expect, it } from 'vitest';
import type { DecisionChoices } from '../../../src/views/decisions/choices.ts';
import type { DecisionData } from '../../../src/views/decisions/data.ts';
import { comparisonRegion, FIGURE_IDS, insatsFigure, statusFigure, totalsFigure } from '../../../src/views/decisions/figures.ts';
import { sources, unit, unitChoice } from './figures-fixed.ts';
import { rows } from './helpers.ts';

const NBSP = '\u00a0';
const choices: DecisionChoices = {
  ...unitChoice(unit('1111', 'Testkommun')),
  periods: ['2025-Q3', '2025-Q4'],
  range: { from: '2025-Q3', to: '2025-Q4' },
  sexes: ['totalt'],
  sex: 'totalt',
  defaultSex: 'totalt',
};
const cell = (antal: number | null, dolda_delar = 0) => ({ antal, markering: antal === null ? 'sekretess' : null, dolda_delar });
const data: DecisionData = {
  filter: { unit: '1111' },
  latest: '2025-Q4',
  totals: [
    { period: '2025-Q3', lag: 'SoL', ...cell(20) },
    { period: '2025-Q4', lag: 'SoL', ...cell(25, 1) },
  ],
  areas: [],
  insatser: [
    { period: '2025-Q4', lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende', overordnad_insats: '', ...cell(21) },
    { period: '2025-Q4', lag: 'SoL', verksamhet: 'ÄO', insats: 'Kontaktperson', overordnad_insats: '', ...cell(null) },
    { period: '2025-Q4', lag: 'SoL', verksamhet: 'ÄO', insats: 'totalt', overordnad_insats: '', ...cell(25, 1) },
    { period: '2025-Q4', lag: 'SoL', verksamhet: 'totalt', insats: 'totalt', overordnad_insats: '', ...cell(25, 1) },
  ],
  sexes: [],
  statuses: [{ lag: 'SoL', status: 'saknar_plats', ...cell(9, 1), summerad: true }],
  sources: ['k'],
  sourcesByLaw: { SoL: ['k'], LSS: [] },
};
const context = { events: [], sources };

describe('Ej verkställda beslut figures from fixed data', () => {
  it('the totals per quarter, and the note that they include hidden parts', () => {
    const f = totalsFigure(choices, data, context);
    expect(f.id).toBe(FIGURE_IDS.totals);
    expect(rows(f)).toEqual([[`kv.${NBSP}3${NBSP}2025`, '20'], [`kv.${NBSP}4${NBSP}2025`, '25']]);
    expect(f.notes.join(' ')).toContain(`gäller kv.${NBSP}4${NBSP}2025`);
  });

  it('per insats: the largest named in the summary, a hidden one as its marker; LSS has none and says so', () => {
    const sol = insatsFigure(choices, data, context, 'SoL', FIGURE_IDS.insatsSol);
    expect(rows(sol)).toEqual([['Särskilt boende (ÄO)', '21'], ['Kontaktperson (ÄO)', 'Skyddad av sekretess']]);
    expect(sol.summary).toBe(`Under kv.${NBSP}4${NBSP}2025 gällde flest ej verkställda beslut enligt SoL Särskilt boende (ÄO): 21 av totalt 25.`);
    expect(insatsFigure(choices, data, context, 'LSS', FIGURE_IDS.insatsLss).empty).toBe('Det finns inga uppgifter per insats enligt LSS för kvartalet.');
  });

  it('the state at the reporting date: a sum with hidden parts is a lower bound', () => {
    const f = statusFigure(choices, data, context, 'SoL', FIGURE_IDS.statusSol);
    expect(rows(f)).toEqual([['Plats saknas (t.ex. kö), minst', '9']]);
    expect(f.summary).toContain('plats saknas (t.ex. kö) (minst 9)');
  });

  it('the comparison region: the quarters compared and a table per law with figures', () => {
    const region = comparisonRegion(choices, data, context);
    expect(region.kind).toBe('comparison');
    if (region.kind !== 'comparison') return;
    expect(region.lead).toBe(`Kvartalen i jämförelsen: kv.${NBSP}3${NBSP}2025 och kv.${NBSP}4${NBSP}2025.`);
    expect(region.parts.map((p) => p.table.lag)).toEqual(['SoL']);
    const area = region.parts[0].table.groups[0];
    expect(area.rows.map((r) => [r.label, ...r.cells.map((c) => c.text + (c.hiddenParts ? '*' : ''))])).toEqual([
      ['Kontaktperson', 'Uppgift saknas', 'Skyddad av sekretess'],
      ['Särskilt boende', 'Uppgift saknas', '21'],
      ['Totalt ÄO', 'Uppgift saknas', '25*'],
    ]);
  });
});
