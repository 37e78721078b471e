// The Placeringar page's figures from fixed data (src/views/placements/figures.ts): no database, the rows
// a query would return written by hand.
import { describe, expect, it } from 'vitest';
import type { PlacementChoices } from '../../../src/views/placements/choices.ts';
import type { PlacementData } from '../../../src/views/placements/data.ts';
import { ageFigure, compositionFigure, formsFigure, levelsRegion, sexFigure } from '../../../src/views/placements/figures.ts';
import { measureChoice, sources, unit, unitChoice } from './figures-fixed.ts';
import { rows } from './helpers.ts';

const NBSP = '\u00a0';
const choices: PlacementChoices = {
  ...unitChoice(unit('1111', 'Testkommun')),
  ...measureChoice(2, 8),
  sexes: ['totalt', 'flickor', 'pojkar'],
  ages: ['0-20'],
  kon: 'totalt',
  aldersgrupp: '0-20',
  defaultSex: 'totalt',
  defaultAge: '0-20',
};

const form = (period: string, placeringsform: string, antal: number | null) => ({ period, placeringsform, antal, markering: antal === null ? 'sekretess' : null, kalla: 'k' });
const data: PlacementData = {
  forms: [
    form('2025-Q3', 'totalt', 40), form('2025-Q3', 'familjehem', 30), form('2025-Q3', 'hvb', 8),
    form('2025-Q4', 'totalt', 44), form('2025-Q4', 'familjehem', 33), form('2025-Q4', 'hvb', null),
  ],
  bySex: [
    { period: '2025-Q3', grupp: 'flickor', antal: 18, markering: null, kalla: 'k' },
    { period: '2025-Q3', grupp: 'pojkar', antal: 22, markering: null, kalla: 'k' },
    { period: '2025-Q4', grupp: 'flickor', antal: 20, markering: null, kalla: 'k' },
    { period: '2025-Q4', grupp: 'pojkar', antal: 24, markering: null, kalla: 'k' },
  ],
  byAge: [],
  events: [{ datum: '2025-10-01', rubrik: 'Ny lag' }],
  sources,
  ancestors: [],
  self: null,
  levels: [],
};

describe('Placeringar figures from fixed data', () => {
  it('the trend by form: the total first, a hidden form as its marker, the note that the total includes it', () => {
    const f = formsFigure(choices, data);
    expect(rows(f)).toEqual([
      [`kv.${NBSP}3${NBSP}2025`, '40', '30', '8'],
      [`kv.${NBSP}4${NBSP}2025`, '44', '33', 'Skyddad av sekretess'],
    ]);
    expect(f.table?.rows[1][3]).toEqual({ text: 'Skyddad av sekretess', marker: 'sekretess' });
    expect(f.csv[2]).toEqual(['2025-Q4', 44, 33, 'Skyddad av sekretess']);
    expect(f.notes).toContain(`Totalen omfattar också placeringar vars antal är skyddade av sekretess (kv.${NBSP}4${NBSP}2025).`);
    expect(f.summary).toMatch(/^Under kv.\u00a04\u00a02025 var antalet placerade barn och unga \(totalt\) 44, en ökning med 4/);
    expect(f.recipe?.kind === 'trend' && f.recipe.areaSeries).toEqual(['familjehem', 'hvb']);
    expect(f.source).toBe('Källa: Kvartalsrapport (Testkommun, 31 december 2025). Data publicerade 1 februari 2026.');
    expect(f.file).toBe('placeringar-former-1111-2025-q3-2025-q4');
  });

  it('the composition: the latest period, the total as a reference, the hidden form named in the summary', () => {
    const f = compositionFigure(choices, data);
    expect(f.title).toBe(`Placeringsformer kv.${NBSP}4${NBSP}2025`);
    expect(f.recipe?.kind === 'bars' && f.recipe.references).toEqual([{ label: 'Totalt (barn räknas en gång)', value: 44 }]);
    expect(rows(f)).toEqual([['Familjehem', '33'], ['HVB', 'Skyddad av sekretess']]);
    expect(f.summary).toBe(`Under kv.${NBSP}4${NBSP}2025 var flest barn placerade i familjehem (33). Totalt (barn räknas en gång): 44. HVB: skyddad av sekretess.`);
  });

  it('by sex: both sexes as series; by age: too few groups, said in words instead of a chart', () => {
    const sex = sexFigure(choices, data);
    expect(sex.table?.header).toEqual(['Period', 'Flickor', 'Pojkar']);
    expect(sex.summary.startsWith(`Under kv.${NBSP}4${NBSP}2025: Flickor 20 och pojkar 24.`)).toBe(true);
    const age = ageFigure(choices, data);
    expect(age.chart).toBeNull();
    expect(age.empty).toBe('Uppgifterna för enheten är inte uppdelade på åldersgrupp för det här urvalet.');
  });

  it('an invented unit says so in every figure', () => {
    const demo = { ...choices, ...unitChoice(unit('9999', 'Exempelstad', true)) };
    for (const f of [formsFigure(demo, data), compositionFigure(demo, data), sexFigure(demo, data)]) {
      expect(f.invented).toBe(true);
      expect(f.source.startsWith('Påhittade siffror.')).toBe(true);
    }
  });
});

describe('Placeringar: the unit against its county and the nation', () => {
  const county = { enhetskod: '11', enhetsnamn: 'Testlänet', niva: 'lan', overordnad: '00', steg: 1 };
  const nation = { enhetskod: '00', enhetsnamn: 'Riket', niva: 'riket', overordnad: '', steg: 2 };
  const levels = [
    { enhetskod: '1111', antal: 44, markering: null },
    { enhetskod: '11', antal: 900, markering: null },
    { enhetskod: '00', antal: null, markering: 'saknas' },
  ];

  it('compares placements per 1 000 inhabitants with the difference where enheter gives the populations', () => {
    const r = levelsRegion(choices, { ...data, self: { enhetskod: '1111', enhetsnamn: 'Testkommun', niva: 'kommun', overordnad: '11', befolkning: 4000 }, ancestors: [{ ...county, befolkning: 100000 }, { ...nation, befolkning: 2000000 }], levels });
    if (r.kind !== 'hierarchy') throw new Error('no table');
    expect(r.tables[0].rows.map((x) => [x.level, x.cell.text, x.difference])).toEqual([
      ['Kommunen', '11,0', null],
      ['Länet', '9,0', '+2,0'],
      ['Riket', 'Uppgift saknas', null],
    ]);
    expect(r.tables[0].valueHeader).toBe('Per 1 000 invånare 0–20 år');
  });

  it('shows the published totals without a difference where there is no population', () => {
    const r = levelsRegion(choices, { ...data, ancestors: [{ ...county, befolkning: null }, { ...nation, befolkning: null }], levels });
    if (r.kind !== 'hierarchy') throw new Error('no table');
    expect(r.tables[0].rows.map((x) => [x.cell.text, x.difference])).toEqual([['44', null], ['900', null], ['Uppgift saknas', null]]);
    expect(r.tables[0].differenceHeader).toBeNull();
  });
});
