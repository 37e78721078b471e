// The SQL page's pure parts: the editor's lexer, the query in the link and the local history, how result
// values are shown and written to CSV, and the quick chart's data.

import { tableFromArrays, tableFromIPC, tableFromJSON } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnInfos, formatResultNumber, formatTemporal, markerText, resultExportTable, resultRows, showCell } from '../../src/client/explore/cells.ts';
import { chartColumns, chartData, defaultChoice, periodOf, valueLabel } from '../../src/client/explore/chart-data.ts';
import { fileStem, resultArrow } from '../../src/client/explore/export.ts';
import { exportCsv } from '../../src/exports/csv.ts';
import { changesSchema, hasCode, tokenize, tokenAt } from '../../src/client/explore/sql-tokens.ts';
import { HISTORY, historyLabel, MAX_FRAGMENT_LENGTH, queryFromFragment, queryToFragment } from '../../src/client/explore/url-state.ts';
import { addRecent, parseRecent } from '../../src/client/recent/list.ts';

const words = { nullValue: 'NULL', yes: 'sant', no: 'falskt' };

describe('the lexer', () => {
  const kinds = (sql: string) => tokenize(sql).filter((t) => t.kind !== 'space').map((t) => [t.kind, t.text]);

  it('gives the text back exactly, token by token', () => {
    const sql = "SELECT \"Ålder (år)\", 'it''s' -- kommentar\n/* a /* nested */ b */ FROM t WHERE x >= 1.5e3 AND y = $1 AND z = ?; $$ body $$ E'a\\'b'";
    expect(tokenize(sql).map((t) => t.text).join('')).toBe(sql);
    expect(kinds(sql)).toEqual([
      ['keyword', 'SELECT'],
      ['quoted', '"Ålder (år)"'],
      ['punctuation', ','],
      ['string', "'it''s'"],
      ['comment', '-- kommentar'],
      ['comment', '/* a /* nested */ b */'],
      ['keyword', 'FROM'],
      ['identifier', 't'],
      ['keyword', 'WHERE'],
      ['identifier', 'x'],
      ['operator', '>='],
      ['number', '1.5e3'],
      ['keyword', 'AND'],
      ['identifier', 'y'],
      ['operator', '='],
      ['parameter', '$1'],
      ['keyword', 'AND'],
      ['identifier', 'z'],
      ['operator', '='],
      ['parameter', '?'],
      ['punctuation', ';'],
      ['string', '$$ body $$'],
      ['string', "E'a\\'b'"],
    ]);
  });

  it('keeps Swedish letters in names and runs an unterminated string to the end', () => {
    expect(kinds('SELECT år, väg FROM "t')).toEqual([
      ['keyword', 'SELECT'],
      ['identifier', 'år'],
      ['punctuation', ','],
      ['identifier', 'väg'],
      ['keyword', 'FROM'],
      ['quoted', '"t'],
    ]);
    expect(kinds("SELECT 'öppen")).toEqual([['keyword', 'SELECT'], ['string', "'öppen"]]);
  });

  it('tells code from strings and comments', () => {
    expect(changesSchema('CREATE TABLE x AS SELECT 1')).toBe(true);
    expect(changesSchema("SELECT 'DROP TABLE x' -- CREATE")).toBe(false);
    expect(changesSchema('detach pub_placeringar')).toBe(true);
    expect(hasCode('  -- bara en kommentar\n ; ')).toBe(false);
    expect(hasCode('SELECT 1')).toBe(true);
  });

  it('finds the token at an error position, or the last one at the end', () => {
    const tokens = tokenize('SELECT 1 +');
    expect(tokenAt(tokens, 7)?.text).toBe('1');
    expect(tokenAt(tokens, 10)?.text).toBe('+');
  });
});

describe('the query in the link', () => {
  it('round-trips any query, with Swedish letters and URL characters', () => {
    const sql = "SELECT 'å & ä # ö + 100 %' AS x\n-- ?sql=\nFROM placeringar";
    const fragment = queryToFragment(sql);
    expect(fragment).toMatch(/^sql=/);
    expect(fragment).not.toMatch(/[\s#&](?!.*sql=)/);
    expect(queryFromFragment(`#${fragment}`)).toBe(sql);
    expect(queryFromFragment(fragment as string)).toBe(sql);
  });

  it('refuses a query too long for a link, and reads no query from an empty or broken fragment', () => {
    expect(queryToFragment(`SELECT '${'x'.repeat(MAX_FRAGMENT_LENGTH)}'`)).toBeNull();
    expect(queryToFragment('   ')).toBeNull();
    expect(queryFromFragment('')).toBeNull();
    expect(queryFromFragment('#')).toBeNull();
    expect(queryFromFragment('#annat=1')).toBeNull();
    expect(() => queryFromFragment('#sql=%E0%A4%A')).not.toThrow();
    expect(queryFromFragment('#sql=+++')).toBeNull();
  });

  it('the history: newest first, no duplicates, at most 20, tolerant of anything stored', () => {
    let list = addRecent([], 'SELECT 1', '2026-01-01T10:00:00Z', HISTORY);
    list = addRecent(list, 'SELECT 2', '2026-01-01T10:01:00Z', HISTORY);
    list = addRecent(list, ' SELECT 1 ', '2026-01-01T10:02:00Z', HISTORY);
    expect(list).toEqual([
      { text: 'SELECT 1', at: '2026-01-01T10:02:00Z' },
      { text: 'SELECT 2', at: '2026-01-01T10:01:00Z' },
    ]);
    for (let i = 0; i < 30; i++) list = addRecent(list, `SELECT ${i + 10}`, '2026-01-01T11:00:00Z', HISTORY);
    expect(list).toHaveLength(HISTORY.size);
    expect(addRecent([], 'x'.repeat(HISTORY.maxLength + 1), 't', HISTORY)).toEqual([]);
    expect(parseRecent(JSON.stringify(list), HISTORY.size)).toEqual(list);
    expect(parseRecent('inte json', HISTORY.size)).toEqual([]);
    expect(parseRecent('{"sql":"x"}', HISTORY.size)).toEqual([]);
    // The page's earlier entries ({ sql, at }) are kept.
    expect(parseRecent('[{"sql":1},{"sql":"SELECT 1","at":"t"},{"text":"SELECT 2","at":"u"}]', HISTORY.size)).toEqual([
      { text: 'SELECT 1', at: 't' },
      { text: 'SELECT 2', at: 'u' },
    ]);
    expect(historyLabel('-- Rubrik\n\n  SELECT   a,\n b FROM t')).toBe('SELECT a,');
    expect(historyLabel(`SELECT ${'x'.repeat(100)}`)).toHaveLength(80);
  });
});

describe('result values as the page shows them', () => {
  it('numbers in sv-SE: space between thousands, decimal comma, real minus; years without a space', () => {
    expect(formatResultNumber(2044)).toBe('2\u00a0044');
    expect(formatResultNumber(1234.5)).toBe('1\u00a0234,5');
    expect(formatResultNumber(-3)).toBe('\u22123');
    expect(formatResultNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatResultNumber(1 / 3)).toBe('0,333333');
    expect(formatResultNumber(2025, true)).toBe('2025');
    expect(formatResultNumber(Number.NaN)).toBe('NaN');
    expect(formatTemporal(Date.UTC(2025, 8, 30), 'date')).toBe('2025-09-30');
    expect(formatTemporal(Date.UTC(2025, 8, 30, 14, 5), 'timestamp')).toBe('2025-09-30 14:05:00');
  });

  it('a NULL beside a marker is the marker, never a number; without one it is NULL', () => {
    const table = tableFromArrays({ antal: Int32Array.from([5, 0, 0]), markering: ['', 'sekretess', ''] });
    const [antal] = columnInfos(table.schema.fields);
    expect(antal.markerIndex).toBe(1);
    expect(showCell(null, antal, 'sekretess', words)).toEqual({ text: '× Skyddad av sekretess', kind: 'marker', title: 'sekretess' });
    expect(showCell(null, antal, 'inget_att_redovisa', words).text).toBe('◇ Inget att redovisa');
    expect(showCell(null, antal, null, words)).toEqual({ text: 'NULL', kind: 'null' });
    expect(showCell(5, antal, null, words)).toEqual({ text: '5', kind: 'num' });
    expect(markerText('okänd')).toBe('okänd');
  });

  it('CSV of a result: BOM, ";", decimal comma, formula cells neutralised; Arrow reads back', () => {
    const table = tableFromArrays({
      text: ['=1+1', '+46', '-3', '@A1', 'vanlig; text'],
      tal: Float64Array.from([1.5, 2044, -0.25, 0, 1e15]),
    });
    const meta = { title: 't', source: 's', published: null, threshold: null };
    expect(exportCsv(resultExportTable(table, meta), 'excel')).toBe(
      "\ufefftext;tal\r\n'=1+1;1,5\r\n'+46;2044\r\n'-3;-0,25\r\n'@A1;0\r\n\"vanlig; text\";1000000000000000\r\n",
    );
    // A hidden count beside its marker column is the marker in words, never an empty cell or 0.
    const hidden = tableFromJSON([
      { enhetskod: '0180', antal: 0.1 + 0.2, markering: null },
      { enhetskod: '0181', antal: null, markering: 'sekretess' },
    ]);
    expect(exportCsv(resultExportTable(hidden, meta), 'excel')).toBe('\ufeffenhetskod;antal;markering\r\n0180;0,3;\r\n0181;Skyddad av sekretess;sekretess\r\n');
    const back = tableFromIPC(resultArrow(table));
    expect(back.toArray().map((r) => r.toJSON())).toEqual(table.toArray().map((r) => r.toJSON()));
    expect(resultRows(table)[0]).toEqual({ text: '=1+1', tal: 1.5 });
    expect(fileStem('utforska-resultat', new Date(2026, 0, 5, 9, 7))).toBe('utforska-resultat-2026-01-05-0907');
  });
});

describe('the quick chart', () => {
  const rows = [
    { period: '2025-Q1', form: 'jourhem', antal: 10, markering: null },
    { period: '2025-Q2', form: 'jourhem', antal: null, markering: 'sekretess' },
    { period: '2025-Q1', form: 'natverkshem', antal: 4, markering: null },
    { period: '2025-Q2', form: 'natverkshem', antal: 6, markering: null },
    { period: '2025-Q1', form: 'hvb', antal: null, markering: 'saknas' },
  ];
  const columns = ['period', 'form', 'antal', 'markering'];

  it('finds period, number and category columns', () => {
    expect(chartColumns(columns, rows)).toEqual({ periods: ['period'], numbers: ['antal'], categories: ['period', 'form'], series: ['period', 'form'] });
    expect(periodOf(2020)).toBe('2020');
    expect(periodOf('2020-Q5')).toBeNull();
    expect(chartColumns(['p'], [{ p: '2020' }, { p: '2020-Q1' }]).periods).toEqual([]);
  });

  it('a line per series, markers kept, a series without any value left out and named', () => {
    const choice = defaultChoice(chartColumns(columns, rows), { kind: 'line', x: 'period', y: 'antal', series: 'form' });
    expect(choice).toEqual({ kind: 'line', x: 'period', y: 'antal', series: 'form' });
    const data = chartData(columns, rows, choice!);
    expect(data).toMatchObject({ ok: true, kind: 'line', series: ['jourhem', 'natverkshem'], omitted: ['hvb'], format: 'count' });
    if (data.ok && data.kind === 'line') {
      expect(data.rows.find((r) => r.serie === 'jourhem' && r.period === '2025-Q2')).toEqual({ period: '2025-Q2', serie: 'jourhem', varde: null, markering: 'sekretess' });
    }
  });

  it('says why there is no chart: two rows for one point, too many bars', () => {
    expect(chartData(columns, rows, { kind: 'line', x: 'period', y: 'antal', series: null })).toEqual({ ok: false, reason: 'duplicates' });
    const many = Array.from({ length: 61 }, (_, i) => ({ k: `k${i}`, v: i }));
    expect(chartData(['k', 'v'], many, { kind: 'bar', x: 'k', y: 'v', series: null })).toEqual({ ok: false, reason: 'tooMany', count: 61 });
    expect(chartData(['k', 'v'], many.slice(0, 3), { kind: 'bar', x: 'k', y: 'v', series: null })).toMatchObject({ ok: true, kind: 'bar' });
  });

  it('labels coded values with the data contract\'s words, and treats andel as percent', () => {
    expect(valueLabel('placeringsform', 'natverkshem')).toBe('Nätverkshem');
    expect(valueLabel('status', 'saknar_plats')).toBe('Plats saknas (t.ex. kö)');
    expect(valueLabel(null, 'x')).toBe('x');
    const data = chartData(['ar', 'andel'], [{ ar: '2024', andel: 20.5 }, { ar: '2025', andel: 22 }], { kind: 'line', x: 'ar', y: 'andel', series: null });
    expect(data).toMatchObject({ ok: true, format: 'percent', digits: 1 });
  });
});
