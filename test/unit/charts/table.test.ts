import { describe, expect, it } from 'vitest';
import { barsModel, type BarRow, type BarsOptions } from '../../../src/charts/bars.ts';
import { barsCsv as csvOfBars, barsTable as tableOfBars, cellTexts, csvCell, toCsv, trendCsv as csvOfTrend, trendTable as tableOfTrend } from '../../../src/charts/table.ts';
import { trendModel, type TrendOptions, type TrendRow } from '../../../src/charts/trend.ts';
import { ageSex, formLabels, placements, unitShares } from './fixtures.ts';

// The tables and CSVs are read from the charts' models (built once per figure); these build the model
// from rows, as a figure does, and show the cells as the texts a reader sees.
const trendTable = (rows: TrendRow[], options: TrendOptions) => {
  const table = tableOfTrend(trendModel(rows, options));
  return { header: table.header, rows: cellTexts(table) };
};
const trendCsv = (rows: TrendRow[], options: TrendOptions) => csvOfTrend(trendModel(rows, options));
const barsTable = (rows: BarRow[], options: BarsOptions & { valueHeader?: string } = {}) => {
  const table = tableOfBars(barsModel(rows, options), options.valueHeader);
  return { header: table.header, rows: cellTexts(table) };
};
const barsCsv = (rows: BarRow[], options: BarsOptions & { valueHeader?: string } = {}) => csvOfBars(barsModel(rows, options), options.valueHeader);

const seriesLabel = (s: string) => formLabels[s] ?? s;

describe('trendTable', () => {
  it('has periods down and series across, missing values as marker text', () => {
    const table = trendTable(placements, { seriesLabel });
    expect(table.header).toEqual(['Period', 'Familjehem', 'HVB', 'Jourhem', 'Nätverkshem']);
    expect(table.rows).toHaveLength(15);
    expect(table.rows[5]).toEqual(['kv.\u00a02\u00a02023', '236', '72', '28', 'Skyddad av sekretess']);
    expect(table.rows[8]).toEqual(['kv.\u00a01\u00a02024', '244', 'Uppgift saknas', '32', '34']);
  });

  it('formats percent and leaves periods outside a series empty', () => {
    const rows = [
      { period: '2024', serie: 'a', varde: 1234.56, markering: null },
      { period: '2025', serie: 'a', varde: 7, markering: null },
      { period: '2025', serie: 'b', varde: 12.25, markering: null },
    ];
    expect(trendTable(rows, { format: 'percent' }).rows).toEqual([
      ['2024', '1\u00a0234,6\u00a0%', ''],
      ['2025', '7,0\u00a0%', '12,3\u00a0%'],
    ]);
  });
});

describe('barsTable', () => {
  it('lists bars in chart order', () => {
    expect(barsTable(unitShares, { format: 'percent', valueHeader: 'Andel' })).toEqual({
      header: ['Kategori', 'Andel'],
      rows: [
        ['Västra stadsdelen', '22,7\u00a0%'],
        ['Norra stadsdelen', '18,4\u00a0%'],
        ['Södra stadsdelen', '12,1\u00a0%'],
        ['Centrum', '9,8\u00a0%'],
        ['Östra stadsdelen', 'Skyddad av sekretess'],
        ['Hamnen', 'Uppgift saknas'],
      ],
    });
  });
  it('has a group column when grouped', () => {
    const table = barsTable(ageSex);
    expect(table.header).toEqual(['Kategori', 'Grupp', 'Värde']);
    expect(table.rows[4]).toEqual(['18–20 år', 'Flickor', 'Skyddad av sekretess']);
  });
});

describe('CSV', () => {
  it('starts with a BOM, separates with ";", ends lines with CRLF and writes decimal commas', () => {
    const csv = toCsv([
      ['Period', 'Andel'],
      ['2025-Q3', 12.5],
      ['2025-Q4', null],
    ]);
    expect(csv).toBe('\ufeffPeriod;Andel\r\n2025-Q3;12,5\r\n2025-Q4;\r\n');
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  // Each case: the cell's value and how it is written.
  const cells = (cases: [Parameters<typeof csvCell>[0], string][]) => {
    for (const [value, written] of cases) expect(csvCell(value)).toBe(written);
  };

  it('writes numbers without grouping and with full precision', () =>
    cells([[1234567, '1234567'], [-3.25, '-3,25'], [1e-7, '0,0000001'], [1e21, '1000000000000000000000'], [-2.5e22, '-25000000000000000000000'], [1.25e-9, '0,00000000125'], [Number.NaN, '']]));

  it('quotes cells with the delimiter, quotes or line breaks', () =>
    cells([['a;b', '"a;b"'], ['säger "hej"', '"säger ""hej"""'], ['rad 1\nrad 2', '"rad 1\nrad 2"'], ['a,b', 'a,b']]));

  it('defuses text that a spreadsheet would run as a formula', () =>
    // A negative number is a number, not text: no apostrophe.
    cells([['=SUM(A1:A9)', "'=SUM(A1:A9)"], ['+46', "'+46"], ['-1', "'-1"], ['@cmd', "'@cmd"], ['\tx', "'\tx"], ['=a;b', '"\'=a;b"'], [-1, '-1']]));

  it('gives chart data with canonical periods, raw numbers and marker text', () => {
    const csv = toCsv(trendCsv(placements, { seriesLabel }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\ufeffPeriod;Familjehem;HVB;Jourhem;Nätverkshem');
    expect(lines[6]).toBe('2023-Q2;236;72;28;Skyddad av sekretess');
    expect(toCsv(barsCsv(unitShares, { valueHeader: 'Andel (%)' })).split('\r\n').slice(0, 2)).toEqual([
      '\ufeffKategori;Andel (%)',
      'Västra stadsdelen;22,7',
    ]);
  });
});
