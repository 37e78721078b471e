// The table builder without a browser: the catalog from distinct values, the choice in the link (only the
// catalog's names and values survive), the exact SQL a choice gives, the pivot of a small result (rows,
// columns, the published totals, markers kept, combinations the data lack left out), the table's markup
// (th scope) and the downloads made from it.

import { describe, expect, test } from 'vitest';
import { exportCsv } from '../../src/exports/csv.ts';
import { exportJsonStat } from '../../src/exports/jsonstat.ts';
import { builderSql } from '../../src/queries/table-builder.ts';
import { PIVOT_WIDTHS, pivotSideWidths, pivotTableHtml, pivotTableWidth } from '../../src/render/pivot-table.ts';
import { datasetCatalog } from '../../src/views/table-builder/catalog.ts';
import { choiceFromFragment, choiceLabel, choiceToFragment, defaultChoice, moveVariable, normaliseChoice, swapAxes } from '../../src/views/table-builder/choice.ts';
import { fixedText, pivot, pivotCube, pivotExportTable } from '../../src/views/table-builder/pivot.ts';

const placements = datasetCatalog('placeringar', {
  units: [{ code: '0180', name: 'Stockholm', rows: 5 }, { code: '0181', name: 'Södertälje', rows: 9 }, { code: '00', name: 'Riket', rows: 1 }],
  periods: ['2025-Q2', '2025-Q1', '2024-Q4', '2020'],
  values: { placeringsform: ['totalt', 'hvb', 'familjehem'], kon: ['pojkar', 'totalt', 'flickor'], aldersgrupp: ['0-20', '13-17'], avser: ['vid_periodens_slut'] },
  firstUnitCounts: { placeringsform: { hvb: 3, familjehem: 2, totalt: 4 }, kon: { totalt: 4, flickor: 1 }, aldersgrupp: { '0-20': 9 }, avser: { vid_periodens_slut: 9 } },
});
const decisions = datasetCatalog('ej_verkstallda_beslut', {
  units: [{ code: '9999', name: "O'Stad", rows: 3 }],
  periods: ['2025-Q1'],
  values: { lag: ['LSS', 'SoL'], verksamhet: ['', 'ÄO', 'totalt'], insats: ['Bostad', 'totalt', "Dagverksamhet 'A'"], kon: ['totalt'], status: ['totalt'] },
});
const catalog = [placements, decisions];

describe('catalog', () => {
  test('values in the contract’s order, periods in time order, the unit with most rows chosen first', () => {
    expect(placements.variables.map((v) => v.column)).toEqual(['enhetskod', 'period', 'placeringsform', 'kon', 'aldersgrupp', 'avser']);
    expect(placements.variables[0].values.map((v) => v.code)).toEqual(['00', '0180', '0181']);
    expect(placements.variables[0].defaults).toEqual(['0181']);
    expect(placements.variables[1].values.map((v) => v.code)).toEqual(['2020', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(placements.variables[1].values[1].label).toBe('kv.\u00a04\u00a02024');
    const forms = placements.variables[2];
    expect(forms.values.map((v) => [v.code, v.label, v.total ?? false])).toEqual([
      ['familjehem', 'Familjehem', false], ['hvb', 'HVB', false], ['totalt', 'Totalt (barn räknas en gång)', true],
    ]);
    expect(forms.defaults).toEqual(['familjehem', 'hvb', 'totalt']);
    expect(placements.variables[3].defaults).toEqual(['totalt']);
    expect(placements.variables[3].values.map((v) => v.code)).toEqual(['totalt', 'flickor', 'pojkar']);
  });

  test('insatser by name with the total first, LSS’s empty verksamhet labelled', () => {
    expect(decisions.variables.find((v) => v.column === 'insats')?.values.map((v) => v.label)).toEqual(['Samtliga insatser', 'Bostad', "Dagverksamhet 'A'"]);
    expect(decisions.variables.find((v) => v.column === 'verksamhet')?.values.map((v) => v.label)).toEqual(['Äldreomsorg (ÄO)', 'Samtliga verksamheter', 'LSS']);
  });
});

describe('choice in the link', () => {
  test('round-trips through the fragment', () => {
    const choice = moveVariable({ ...defaultChoice(placements), from: '2024-Q4', to: '2025-Q2' }, 'kon', 'columns');
    const again = choiceFromFragment(catalog, `#${choiceToFragment(choice)}`);
    expect(again).toEqual(choice);
    expect(again?.columns).toEqual(['period', 'kon']);
  });

  test('keeps only the catalog’s names and values: SQL in a link is dropped', () => {
    const hostile = "#tabell=placeringar&enhetskod=0180&enhetskod=0180')%3B DROP TABLE x;--&kon=totalt&rader=enhetskod,kon,evil&kolumner=period&fran=2025-Q9";
    const choice = choiceFromFragment(catalog, hostile);
    expect(choice?.values.enhetskod).toEqual(['0180']);
    expect(choice?.rows).toEqual(['enhetskod', 'kon', 'placeringsform', 'aldersgrupp', 'avser']);
    expect(choice?.from).toBe(defaultChoice(placements).from);
    expect(choiceFromFragment(catalog, '#tabell=nope')).toBeNull();
    expect(choiceFromFragment(catalog, '#sql=SELECT 1')).toBeNull();
    expect(choiceFromFragment(catalog, '')).toBeNull();
  });

  test('a variable with nothing chosen stays empty; LSS’s empty verksamhet is a value', () => {
    const choice = normaliseChoice(decisions, { values: { verksamhet: [''], lag: [] } });
    const again = choiceFromFragment(catalog, choiceToFragment(choice));
    expect(again?.values.verksamhet).toEqual(['']);
    expect(again?.values.lag).toEqual([]);
  });

  test('a recent table\'s line: the dataset, the variables with more than one value in rows × columns, the periods', () => {
    const choice = moveVariable({ ...defaultChoice(placements), values: { ...defaultChoice(placements).values, enhetskod: ['0180', '0181'] }, from: '2024-Q4', to: '2025-Q2' }, 'kon', 'columns');
    expect(choiceLabel(catalog, choiceToFragment(choice))).toBe('Placeringar: Enhet (2), Placeringsform × Period, kv.\u00a04\u00a02024–kv.\u00a02\u00a02025');
    const one = { ...choice, values: { ...choice.values, kon: ['flickor', 'pojkar'] }, from: '2025-Q1', to: '2025-Q1' };
    expect(choiceLabel(catalog, choiceToFragment(swapAxes(one)))).toBe('Placeringar: Kön × Enhet (2), Placeringsform, kv.\u00a01\u00a02025');
    expect(choiceLabel(catalog, 'tabell=okand')).toBeNull();
  });

  test('swap puts rows in columns', () => {
    const c = swapAxes(defaultChoice(placements));
    expect(c.rows).toEqual(['period']);
    expect(c.columns).toEqual(['enhetskod', 'placeringsform', 'kon', 'aldersgrupp', 'avser']);
  });
});

describe('SQL', () => {
  test('the exact query for a choice: plain names, every value a literal, the range as its periods, one-value variables not fetched', () => {
    const choice = normaliseChoice(placements, {
      values: { enhetskod: ['0180', '0181'], placeringsform: ['hvb', 'totalt'], kon: ['totalt'], aldersgrupp: ['0-20'], avser: ['vid_periodens_slut'] },
      from: '2025-Q2',
      to: '2024-Q4',
      rows: ['enhetskod', 'placeringsform'],
      columns: ['period'],
    });
    expect(builderSql(placements, choice)).toBe(
      [
        'SELECT enhetskod, placeringsform, period, antal, markering',
        'FROM placeringar',
        "WHERE enhetskod IN ('0180', '0181')",
        "  AND period IN ('2024-Q4', '2025-Q1', '2025-Q2')",
        "  AND placeringsform IN ('hvb', 'totalt')",
        "  AND kon IN ('totalt')",
        "  AND aldersgrupp IN ('0-20')",
        "  AND avser IN ('vid_periodens_slut')",
        'ORDER BY enhetskod, placeringsform, period',
      ].join('\n'),
    );
  });

  test('a value with a quote is a quoted literal; nothing chosen gives no query', () => {
    const choice = normaliseChoice(decisions, { values: { insats: ["Dagverksamhet 'A'"] } });
    expect(builderSql(decisions, choice)).toContain("insats IN ('Dagverksamhet ''A''')");
    expect(builderSql(decisions, normaliseChoice(decisions, { values: { lag: [] } }))).toBeNull();
  });
});

describe('pivot', () => {
  const choice = normaliseChoice(placements, {
    values: { enhetskod: ['0180', '0181'], placeringsform: ['hvb', 'totalt'], kon: ['totalt'], aldersgrupp: ['0-20'], avser: ['vid_periodens_slut'] },
    from: '2025-Q1',
    to: '2025-Q2',
    rows: ['enhetskod', 'placeringsform'],
    columns: ['period'],
  });
  const base = { kon: 'totalt', aldersgrupp: '0-20', avser: 'vid_periodens_slut' };
  const rows = [
    { ...base, enhetskod: '0180', placeringsform: 'hvb', period: '2025-Q1', antal: 12, markering: null },
    { ...base, enhetskod: '0180', placeringsform: 'hvb', period: '2025-Q2', antal: null, markering: 'sekretess' },
    { ...base, enhetskod: '0180', placeringsform: 'totalt', period: '2025-Q1', antal: 1234, markering: null },
    { ...base, enhetskod: '0180', placeringsform: 'totalt', period: '2025-Q2', antal: 1240, markering: null },
    // Södertälje: only its total, one quarter; HVB has no row at all, so no row in the table.
    { ...base, enhetskod: '0181', placeringsform: 'totalt', period: '2025-Q2', antal: null, markering: 'saknas' },
  ];
  const model = pivot(placements, choice, rows);

  test('rows × columns, the published total as its own row, markers kept, absent combinations left out', () => {
    expect(model.rowVars.map((v) => v.column)).toEqual(['enhetskod', 'placeringsform']);
    expect(model.colVars.map((v) => v.column)).toEqual(['period']);
    expect(model.rowKeys.map((k) => k.map((v) => v.label))).toEqual([
      ['Stockholm', 'HVB'], ['Stockholm', 'Totalt (barn räknas en gång)'], ['Södertälje', 'Totalt (barn räknas en gång)'],
    ]);
    expect(model.colKeys.map((k) => k[0].code)).toEqual(['2025-Q1', '2025-Q2']);
    expect(model.cells).toEqual([
      [{ value: 12, marker: null }, { value: null, marker: 'sekretess' }],
      [{ value: 1234, marker: null }, { value: 1240, marker: null }],
      [null, { value: null, marker: 'saknas' }],
    ]);
    expect(model.markers).toEqual(['sekretess', 'saknas']);
    expect(model.hasTotals).toBe(true);
    expect(fixedText(model)).toBe('Kön: Totalt, Åldersgrupp: 0–20 år, Mått: Placerade vid periodens slut');
  });

  test('the markup: th scope on both axes, numbers in the site’s format, markers in words, the legend', () => {
    const markup = pivotTableHtml(model).html;
    expect(markup).toContain('<th scope="col">Enhet</th><th scope="col">Placeringsform</th><th scope="col" class="num">kv.\u00a01\u00a02025</th>');
    expect(markup).toContain('<th scope="row">Stockholm</th><th scope="row">HVB</th><td class="num">12</td>');
    expect(markup).toContain('<td class="num pivot__total">1\u00a0234</td>');
    expect(markup).toContain('data-markering="sekretess"');
    expect(markup).toContain('Skyddad av sekretess');
    expect(markup).toContain('pivot__legend');
    expect(markup).toContain('<caption id="pivot-caption">Placeringar<span class="data-table__sub">Kön: Totalt');
  });

  test('two column variables: a colgroup header above the columns', () => {
    const c2 = moveVariable(choice, 'placeringsform', 'columns');
    const m2 = pivot(placements, c2, rows);
    expect(m2.colKeys.map((k) => k.map((v) => v.code).join('|'))).toEqual(['2025-Q1|hvb', '2025-Q1|totalt', '2025-Q2|hvb', '2025-Q2|totalt']);
    const markup = pivotTableHtml(m2).html;
    expect(markup).toContain('<td colspan="1" class="pivot__corner">Period</td><th scope="colgroup" colspan="2" class="num">kv.\u00a01\u00a02025</th>');
    expect(markup).toContain('<th scope="col" class="num">HVB</th><th scope="col" class="num pivot__total">Totalt (barn räknas en gång)</th>');
  });

  test('more than four columns: a marker is its glyph alone, an image named by its words (no hidden text to lay out)', () => {
    const earlier = { ...base, enhetskod: '0180', placeringsform: 'totalt', period: '2024-Q4', antal: 7, markering: null };
    const wide = pivot(placements, normaliseChoice(placements, { ...moveVariable(choice, 'placeringsform', 'columns'), from: '2024-Q4' }), [...rows, earlier]);
    expect(wide.colKeys.length).toBeGreaterThan(4);
    const markup = pivotTableHtml(wide).html;
    expect(markup).toContain('<td class="num marker" data-markering="sekretess"><span role="img" aria-label="Skyddad av sekretess" title="Skyddad av sekretess">×</span></td>');
    expect(markup).not.toContain('<span class="visually-hidden">Skyddad');
    // Two columns: the words beside the glyph, for everyone.
    expect(pivotTableHtml(model).html).toContain('<span aria-hidden="true">×\u00a0</span>Skyddad av sekretess</td>');
  });

  test('each row-header column is as wide as its labels on one line (a wrapped label makes the browser lay its row out twice), within bounds', () => {
    // "Totalt (barn räknas en gång)": 28 characters, wider than the least width; the units' names are not.
    const [units, forms] = pivotSideWidths(model);
    expect(units).toBe(PIVOT_WIDTHS.side);
    expect(forms).toBeGreaterThan(PIVOT_WIDTHS.side);
    expect(forms).toBeGreaterThanOrEqual(28 * PIVOT_WIDTHS.char);
    expect(forms).toBeLessThanOrEqual(PIVOT_WIDTHS.sideMax);
    expect(pivotTableWidth(model)).toBe(units + forms + 2 * PIVOT_WIDTHS.number);
    // On a phone the least width, as before.
    expect(pivotSideWidths(model, PIVOT_WIDTHS.side)).toEqual([PIVOT_WIDTHS.side, PIVOT_WIDTHS.side]);
  });

  const meta = { title: 'Placeringar', source: 'Källa', published: '2026-01-01', threshold: 4 };

  test('the download: row variables as text, one number column per column, markers beside', () => {
    const table = pivotExportTable(model, meta, 'Antal');
    expect(table.columns.map((c) => c.name)).toEqual(['Enhetskod', 'Enhet', 'Placeringsform', 'kv.\u00a01\u00a02025', 'kv.\u00a02\u00a02025']);
    const csv = exportCsv(table, 'data').split('\r\n');
    expect(csv[0]).toBe('Enhetskod,Enhet,Placeringsform,kv.\u00a01\u00a02025,kv.\u00a02\u00a02025,kv.\u00a02\u00a02025 markering');
    expect(csv[1]).toBe('0180,Stockholm,HVB,12,,sekretess');
    expect(exportCsv(table, 'excel').split('\r\n')[1]).toBe('0180;Stockholm;HVB;12;Skyddad av sekretess');
  });

  test('the cube: every variable a dimension, codes kept, markers as status', () => {
    const json = exportJsonStat(pivotCube(placements, choice, rows, meta));
    expect(json.id).toEqual(['enhetskod', 'placeringsform', 'kon', 'aldersgrupp', 'avser', 'period']);
    expect(json.size).toEqual([2, 2, 1, 1, 1, 2]);
    expect(json.dimension.enhetskod.category.index).toEqual(['0180', '0181']);
    expect(json.value).toEqual([12, null, 1234, 1240, null, null, null, null]);
    expect(json.status).toEqual({ 1: 'sekretess', 4: 'saknas', 5: 'saknas', 6: 'saknas', 7: 'saknas' });
    expect(json.role?.time).toEqual(['period']);
  });
});
