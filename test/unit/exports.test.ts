// The downloads of a table, for every table on the site and every result (src/exports/): CSV in the
// "Excel (Sverige)" and "Data" profiles, XLSX read back with exceljs and with LibreOffice (codes stay
// text, numbers stay numbers, the second sheet says source, date, markers and suppression), and
// JSON-stat 2.0 read back with jsonstat-toolkit.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
// @ts-expect-error: the toolkit ships no types
import JSONstat from 'jsonstat-toolkit';
import { afterAll, describe, expect, test } from 'vitest';
import { chartModel, type HeatmapRecipe } from '../../src/charts/recipe.ts';
import { trendModel } from '../../src/charts/trend-model.ts';
import { exportCsv } from '../../src/exports/csv.ts';
import { figureCube, figureTable } from '../../src/exports/figure.ts';
import { exportJsonStat } from '../../src/exports/jsonstat.ts';
import type { ExportMeta, ExportTable } from '../../src/exports/table.ts';
import { exportXlsx } from '../../src/exports/xlsx.ts';
import { exportWords } from '../../src/i18n/exports.ts';
import { periodLabel } from '../../src/i18n/format.ts';
import { formLabels, placements } from './charts/fixtures.ts';

const META: ExportMeta = {
  title: 'Placerade barn och unga per placeringsform',
  subtitle: 'Exempelstad · antal barn · kv. 1 2022–kv. 3 2025',
  source: 'Källa: Exempelstads socialtjänst. Data publicerade 2026-01-15.',
  published: '2026-01-15',
  threshold: 5,
};

/** A result as the SQL page has it: codes that look like numbers, a float sum, a hidden count. */
const RESULT: ExportTable = {
  columns: [
    { name: 'enhetskod', kind: 'text' },
    { name: 'kod', kind: 'text' },
    { name: 'period', kind: 'text' },
    { name: 'andel', kind: 'number' },
    { name: 'antal', kind: 'number' },
    { name: 'text', kind: 'text' },
  ],
  rows: [
    ['0180', '01', '9999-01', 0.1 + 0.2, 1234, '=SUM(A1)'],
    ['0181', '02', '2025-Q3', 12.345678912, null, 'Öckerö, "x"'],
  ],
  markers: [
    [null, null, null, null, null, null],
    [null, null, null, null, 'sekretess', null],
  ],
  meta: META,
};

const dir = mkdtempSync(path.join(tmpdir(), 'socialstatistik-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV profiles', () => {
  test('Excel (Sverige): BOM, ";", decimal comma, rounded as shown, markers in words, formulas neutralised', () => {
    expect(exportCsv(RESULT, 'excel')).toBe(
      '\ufeff' +
        [
          'enhetskod;kod;period;andel;antal;text',
          "0180;01;9999-01;0,3;1234;'=SUM(A1)",
          '0181;02;2025-Q3;12,345679;Skyddad av sekretess;"Öckerö, ""x"""',
          '',
        ].join('\r\n'),
    );
  });

  test('Data: no BOM, ",", decimal point, full precision, the marker in a column of its own', () => {
    expect(exportCsv(RESULT, 'data')).toBe(
      [
        'enhetskod,kod,period,andel,antal,antal markering,text',
        "0180,01,9999-01,0.30000000000000004,1234,,'=SUM(A1)",
        '0181,02,2025-Q3,12.345678912,,sekretess,"Öckerö, ""x"""',
        '',
      ].join('\r\n'),
    );
  });

  test('a figure: periods down, series across, the suppressed value as its marker; a share keeps one decimal', () => {
    const chart = { kind: 'trend' as const, model: trendModel(placements, { seriesLabel: (s) => formLabels[s] ?? s }) };
    const lines = exportCsv(figureTable(chart, META), 'excel').slice(1).split('\r\n');
    expect(lines[0]).toBe('Period;Familjehem;HVB;Jourhem;Nätverkshem');
    expect(lines[1]).toBe('2022-Q1;212;64;31;18');
    expect(lines.find((l) => l.startsWith('2023-Q2'))).toBe('2023-Q2;236;72;28;Skyddad av sekretess');
    expect(lines.find((l) => l.startsWith('2024-Q1'))).toBe('2024-Q1;244;Uppgift saknas;32;34');
    const data = exportCsv(figureTable(chart, META), 'data').split('\r\n');
    expect(data[0]).toBe('Period,Familjehem,HVB,HVB markering,Jourhem,Nätverkshem,Nätverkshem markering');
    expect(data.find((l) => l.startsWith('2023-Q2'))).toBe('2023-Q2,236,72,,28,,sekretess');
  });
});

/** A heat map as the comparison page draws it: a row per unit, a column per placement form, the total last. */
const HEATMAP: HeatmapRecipe = {
  kind: 'heatmap',
  rows: [
    ['0180', 'familjehem', 212, null], ['0180', 'hvb', 64, null], ['0180', 'totalt', 290, null],
    ['0181', 'familjehem', 40, null], ['0181', 'hvb', null, 'sekretess'], ['0181', 'totalt', 44, null],
    ['0182', 'familjehem', 7, null], ['0182', 'totalt', 7, null],
  ],
  rowOrder: ['0180', '0181', '0182'],
  columnOrder: ['familjehem', 'hvb', 'totalt'],
  rowLabels: { '0180': 'Exempelstad', '0181': 'Övre Byn', '0182': 'Nedre Byn' },
  columnLabels: { familjehem: 'Familjehem', hvb: 'HVB', totalt: 'Totalt' },
  format: 'count', width: 760, rowHeader: 'Enhet', columnHeader: 'Placeringsform', title: 'Placeringsformerna per enhet',
};

describe('a heat map figure', () => {
  test('a row per unit, a column per placement form, the hidden and the missing number as their markers', async () => {
    const table = figureTable(chartModel(HEATMAP), META);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([['Enhet', 'text'], ['Familjehem', 'number'], ['HVB', 'number'], ['Totalt', 'number']]);
    expect(table.rows).toEqual([
      ['Exempelstad', 212, 64, 290],
      ['Övre Byn', 40, null, 44],
      ['Nedre Byn', 7, null, 7],
    ]);
    expect(table.markers).toEqual([
      [null, null, null, null],
      [null, null, 'sekretess', null],
      [null, null, 'saknas', null],
    ]);
    expect(exportCsv(table, 'excel').slice(1).split('\r\n')).toEqual([
      'Enhet;Familjehem;HVB;Totalt',
      'Exempelstad;212;64;290',
      'Övre Byn;40;Skyddad av sekretess;44',
      'Nedre Byn;7;Uppgift saknas;7',
      '',
    ]);
    expect(exportCsv(table, 'data').split('\r\n')[0]).toBe('Enhet,Familjehem,HVB,HVB markering,Totalt');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await exportXlsx(table)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(exportWords.sheets.data)!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Enhet', 'Familjehem', 'HVB', 'Totalt']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Exempelstad', 212, 64, 290]);
    expect(sheet.rowCount).toBe(4);
  });

  test('as JSON-stat: units × placement forms, the forms\' dimension named by its header', () => {
    const ds = JSONstat(JSON.parse(JSON.stringify(exportJsonStat(figureCube(chartModel(HEATMAP), META)))));
    expect(ds.id).toEqual(['rad', 'kolumn']);
    expect(ds.size).toEqual([3, 3]);
    expect(ds.Dimension('rad').label).toBe('Enhet');
    expect(ds.Dimension('rad').Category('0181').label).toBe('Övre Byn');
    expect(ds.Dimension('kolumn').label).toBe('Placeringsform');
    expect(ds.Dimension('kolumn').id).toEqual(['familjehem', 'hvb', 'totalt']);
    expect(ds.Data({ rad: '0180', kolumn: 'totalt' }).value).toBe(290);
    expect(ds.Data({ rad: '0181', kolumn: 'hvb' })).toEqual({ value: null, status: 'sekretess' });
    expect(ds.Data({ rad: '0182', kolumn: 'hvb' })).toEqual({ value: null, status: 'saknas' });
  });
});

describe('XLSX', () => {
  test('read back with exceljs: codes as text, numbers as numbers, a header row, and a sheet about the figures', async () => {
    const bytes = await exportXlsx(RESULT, new Date('2026-02-01T10:00:00Z'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([exportWords.sheets.data, exportWords.sheets.about]);
    const sheet = book.getWorksheet(exportWords.sheets.data)!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'enhetskod', 'kod', 'period', 'andel', 'antal', 'text']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual(['0180', '01', '9999-01']);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe(0.3);
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).value).toBe(1234);
    expect(row.getCell(6).value).toBe('=SUM(A1)');
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(5).value).toBe('Skyddad av sekretess');
    const about = book.getWorksheet(exportWords.sheets.about)!;
    const text: string[] = [];
    about.eachRow((r) => text.push(`${r.getCell(1).value}: ${r.getCell(2).value}`));
    expect(text).toContain(`Källa: ${META.source}`);
    expect(text).toContain('Data publicerade: 15 januari 2026');
    expect(text.find((t) => t.startsWith('Markeringar:'))).toMatch(/^Markeringar: Skyddad av sekretess \(sekretess\): /);
    expect(text).toContain(`Sekretess: ${exportWords.about.threshold(4)}`);
  });

  test('read back with LibreOffice: 0180, 01 and 9999-01 survive as written, the numbers as numbers', async () => {
    const file = path.join(dir, 'resultat.xlsx');
    writeFileSync(file, await exportXlsx(RESULT));
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    // LibreOffice quotes every text cell: the quotes go, what they held stays.
    const csv = readFileSync(path.join(dir, 'resultat.csv'), 'utf8').split(/\r?\n/).map((l) => l.replace(/"/g, ''));
    expect(csv[0]).toBe('enhetskod;kod;period;andel;antal;text');
    expect(csv[1]).toMatch(/^0180;01;9999-01;0[.,]3;1[ ,\u00a0]?234;=SUM\(A1\)$/);
    expect(csv[2]).toMatch(/^0181;02;2025-Q3;12[.,]345679;Skyddad av sekretess;/);
  }, 130_000);
});

describe('JSON-stat 2.0', () => {
  test('a figure as a dataset, read back with jsonstat-toolkit: labels, values, the marker as status, the source', () => {
    const chart = { kind: 'trend' as const, model: trendModel(placements, { seriesLabel: (s) => formLabels[s] ?? s }) };
    const json = exportJsonStat(figureCube(chart, META, 'Placeringsform'));
    const ds = JSONstat(JSON.parse(JSON.stringify(json)));
    expect(ds.class).toBe('dataset');
    expect(ds.id).toEqual(['period', 'serie']);
    expect(ds.Dimension('serie').label).toBe('Placeringsform');
    expect(ds.Dimension('serie').Category('natverkshem').label).toBe('Nätverkshem');
    expect(ds.Dimension('period').Category('2023-Q2').label).toBe(periodLabel('2023-Q2'));
    expect(ds.role.time).toEqual(['period']);
    expect(ds.Data({ period: '2022-Q1', serie: 'familjehem' }).value).toBe(212);
    expect(ds.Data({ period: '2023-Q2', serie: 'natverkshem' })).toEqual({ value: null, status: 'sekretess' });
    expect(ds.Data({ period: '2024-Q1', serie: 'hvb' })).toEqual({ value: null, status: 'saknas' });
    expect(ds.source).toBe(META.source);
    expect(ds.updated).toBe('2026-01-15');
    expect(json.extension.suppression).toBe(exportWords.about.threshold(4));
    expect(Object.keys(json.extension.markers as object)).toEqual(['sekretess', 'saknas']);
  });
});

describe('a result as JSON-stat', () => {
  test('text columns are the dimensions, number columns the measures; a repeated combination is no cube', async () => {
    const { tableCube } = await import('../../src/exports/jsonstat.ts');
    const cube = tableCube(RESULT)!;
    expect(cube.dimensions.map((d) => d.id)).toEqual(['enhetskod', 'kod', 'period', 'text', 'matt']);
    const ds = JSONstat(JSON.parse(JSON.stringify(exportJsonStat(cube))));
    expect(ds.Data({ enhetskod: '0181', kod: '02', period: '2025-Q3', text: 'Öckerö, "x"', matt: 'antal' })).toEqual({ value: null, status: 'sekretess' });
    expect(ds.Data({ enhetskod: '0180', kod: '01', period: '9999-01', text: '=SUM(A1)', matt: 'andel' }).value).toBeCloseTo(0.3);
    expect(tableCube({ ...RESULT, rows: [RESULT.rows[0], RESULT.rows[0]] })).toBeNull();
    expect(tableCube({ ...RESULT, columns: RESULT.columns.map((c) => ({ ...c, kind: 'text' as const })) })).toBeNull();
  });
});
