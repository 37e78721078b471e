// The Nätverkshem page's figures from fixed data (src/views/network/figures.ts), without a database.
import { describe, expect, it } from 'vitest';
import type { NetworkChoices } from '../../../src/views/network/choices.ts';
import type { NetworkData } from '../../../src/views/network/data.ts';
import { comparisonFigure, countsFigure, hierarchyTable, missingUnits, shareFigure } from '../../../src/views/network/figures.ts';
import { region } from './helpers.ts';
import { measureChoice, sources, unit, unitChoice } from './figures-fixed.ts';
import { rows } from './helpers.ts';

const NBSP = '\u00a0';
const choices: NetworkChoices = {
  ...unitChoice(unit('1111', 'Testkommun')),
  ...measureChoice(2, 1),
};

const data: NetworkData = {
  computed: [
    { period: '2025-Q3', natverkshem: 10, familjehem_alla: 40, andel: 25, markering: null },
    { period: '2025-Q4', natverkshem: 12, familjehem_alla: null, andel: null, markering: 'sekretess' },
  ],
  computedSources: ['k'],
  reported: [],
  targets: [{ period: '2025', andel: 30, markering: null, kalla: 'k' }],
  national: [{ period: '2024', andel: 16.5, markering: null, kalla: 'k' }],
  comparedPeriod: '2025-Q4',
  comparison: [
    { enhetskod: '1111', enhetsnamn: 'Testkommun', kind: 'beraknad', har_period: true, andel: null, markering: 'sekretess', kalla: null },
    { enhetskod: '2222', enhetsnamn: 'Grannby', kind: 'rapporterad', har_period: true, andel: 21.5, markering: null, kalla: 'k' },
    { enhetskod: '3333', enhetsnamn: 'Ödeby', kind: 'rapporterad', har_period: false, andel: null, markering: null, kalla: null },
  ],
  links: [],
  ancestors: [],
  above: [],
  hierarchy: [],
  events: [],
  sources,
};

describe('Nätverkshem figures from fixed data', () => {
  it('the share: the national share and the target as reference lines, a hidden share and its counts as markers', () => {
    const f = shareFigure(choices, data);
    expect(f.recipe?.kind === 'trend' && f.recipe.references).toEqual([{ label: 'Riket 2024', value: 16.5 }, { label: 'Mål 2025', value: 30 }]);
    expect(rows(f)).toEqual([
      [`kv.${NBSP}3${NBSP}2025`, `25,0${NBSP}%`, '10', '40'],
      [`kv.${NBSP}4${NBSP}2025`, 'Skyddad av sekretess', '12', 'Skyddad av sekretess'],
    ]);
    expect(f.table?.rows[1][1]).toEqual({ text: 'Skyddad av sekretess', marker: 'sekretess' });
    expect(f.csv[2]).toEqual(['2025-Q4', 'Skyddad av sekretess', 12, 'Skyddad av sekretess']);
    expect(f.notes).toContain('När något av de tre antalen är skyddat av sekretess visas varken summan eller andelen, så att det skyddade antalet inte kan räknas fram.');
  });

  it('the counts behind the share, with the hidden sum as its marker', () => {
    expect(rows(countsFigure(choices, data))?.[1]).toEqual([`kv.${NBSP}4${NBSP}2025`, 'Skyddad av sekretess', '12']);
  });

  it('the comparison: units with a share as bars, the rest listed with why, the unit itself highlighted', () => {
    const f = comparisonFigure(choices, data);
    expect(rows(f)).toEqual([['Grannby (rapporterad)', `21,5${NBSP}%`], ['Testkommun', 'Skyddad av sekretess'], ['Ödeby', 'Uppgift saknas']]);
    expect(f.recipe?.kind === 'bars' && f.recipe.highlight).toEqual(['1111']);
    expect(f.summary).toBe(
      `Under kv.${NBSP}4${NBSP}2025 var andelen 21,5${NBSP}% i Grannby (rapporterad). ` +
        `Enheter utan andel för kv.${NBSP}4${NBSP}2025: Testkommun (skyddad av sekretess) och Ödeby (uppgift saknas).`,
    );
    expect(missingUnits(choices, data)).toEqual({
      kind: 'missingUnits',
      heading: `Enheter utan andel för kv.${NBSP}4${NBSP}2025`,
      units: [
        { enhetskod: '1111', name: 'Testkommun', markering: 'sekretess', text: 'Testkommun: skyddad av sekretess' },
        { enhetskod: '3333', name: 'Ödeby', markering: 'saknas', text: 'Ödeby: uppgift saknas' },
      ],
      none: null,
    });
  });
});

describe('the unit against its county and the nation', () => {
  const county = { enhetskod: '11', enhetsnamn: 'Testlänet', niva: 'lan', overordnad: '00', befolkning: null, steg: 1 };
  const nation = { enhetskod: '00', enhetsnamn: 'Riket', niva: 'riket', overordnad: '', befolkning: null, steg: 2 };
  const share = (enhetskod: string, kind: 'beraknad' | 'rapporterad', andel: number | null, markering: string | null = null) =>
    ({ enhetskod, kind, andel, markering, natverkshem: null, familjehem_alla: null, kalla: 'k' });
  const withCounty: NetworkData = {
    ...data,
    comparedPeriod: '2025-Q3',
    ancestors: [county, nation],
    above: [{ enhetskod: '11', enhetsnamn: 'Testlänet', rows: [{ period: '2025-Q2', andel: 17, kalla: 'k' }, { period: '2025-Q3', andel: 18.5, kalla: 'k' }] }],
    hierarchy: [share('1111', 'beraknad', 25), share('11', 'beraknad', 18.5), share('00', 'rapporterad', null, 'saknas')],
  };

  it("draws the county's latest share as a reference line before the nation's", () => {
    const f = shareFigure(choices, withCounty);
    expect(f.recipe?.kind === 'trend' && f.recipe.references).toEqual([
      { label: 'Testlänet kv.\u00a03\u00a02025', value: 18.5 },
      { label: 'Riket 2024', value: 16.5 },
      { label: 'Mål 2025', value: 30 },
    ]);
  });

  it('says Kommunen – Länet – Riket for the compared period, with the difference in percentage points where both have a share', () => {
    const r = hierarchyTable(choices, withCounty);
    if (r.kind !== 'hierarchy' || !r.tables[0]) throw new Error('no table');
    expect(r.tables[0].rows.map((x) => [x.level, x.name, x.cell.text, x.difference])).toEqual([
      ['Kommunen', 'Testkommun', '25,0\u00a0%', null],
      ['Länet', 'Testlänet', '18,5\u00a0%', '+6,5'],
      ['Riket', 'Riket', 'Uppgift saknas', null],
    ]);
    expect(r.tables[0].differenceHeader).toBe('Skillnad mot Testkommun (procentenheter)');
    expect(region({ regions: { levels: r } }, 'levels')).toContain('data-markering="saknas"');
  });

  it('is left out for a unit without a parent', () => {
    expect(hierarchyTable(choices, data)).toEqual({ kind: 'none' });
  });
});
