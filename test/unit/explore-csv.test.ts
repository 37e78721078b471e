// The analyst's own CSV on the SQL page: the same tolerance as the build (delimiters, BOM, Windows-1252,
// decimal comma, markers), column typing, names, problems with their line, and the Arrow batches DuckDB
// reads (read back with apache-arrow and with DuckDB itself).

import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { convertCsv, normaliseNewlines, readNumber, scanCsv, type ColumnBatch, type CsvPlan } from '../../src/client/explore/csv-import.ts';
import { checkTableName, columnNames, sanitiseName, tableNameFromFile } from '../../src/client/explore/names.ts';
import { decodeText } from '../../src/data/csv.ts';

function plan(text: string): CsvPlan {
  const r = scanCsv(normaliseNewlines(text));
  if (!r.ok) throw new Error(`scan failed: ${JSON.stringify(r.problems)}`);
  return r.plan;
}

function rows(text: string, batchRows = 1000): { plan: CsvPlan; batches: ColumnBatch[]; objects: Record<string, unknown>[] } {
  const t = normaliseNewlines(text);
  const p = plan(t);
  const batches: ColumnBatch[] = [];
  convertCsv(t, p, batchRows, (b) => batches.push(b));
  const objects = batches.flatMap((b) => tableFromIPC(b.toIpc()).toArray().map((r) => r.toJSON() as Record<string, unknown>));
  return { plan: p, batches, objects };
}

const kinds = (p: CsvPlan) => Object.fromEntries(p.columns.map((c) => [c.name, c.kind]));

describe('typing the columns', () => {
  it('Swedish numbers: decimal comma, spaces between thousands, percent', () => {
    const { plan: p, objects } = rows('enhet;antal;andel;kostnad\nA;1 234;15,2 %;2\u00a0044,50\nB;7;3,0;12\n');
    expect(kinds(p)).toEqual({ enhet: 'text', antal: 'integer', andel: 'double', kostnad: 'double' });
    expect(objects).toEqual([
      { enhet: 'A', antal: 1234, andel: 15.2, kostnad: 2044.5 },
      { enhet: 'B', antal: 7, andel: 3, kostnad: 12 },
    ]);
  });

  it('markers become NULL with the reason in `markering`, never a number', () => {
    const { plan: p, objects } = rows('enhetskod;antal\n0180;12\n0181;*\n0182;..\n0183;-\n0184;\n0185;<4\n');
    expect(p.columns.map((c) => [c.name, c.kind, c.markerColumn])).toEqual([
      ['enhetskod', 'text', null],
      ['antal', 'integer', 'markering'],
    ]);
    expect(objects.map((o) => [o.antal, o.markering])).toEqual([
      [12, null],
      [null, 'sekretess'],
      [null, 'saknas'],
      [null, 'inget_att_redovisa'],
      [null, 'saknas'],
      [null, 'sekretess'],
    ]);
  });

  it('several value columns with markers each get their own marker column', () => {
    const p = plan('a;b;c\n1;x;*\n2;3;4\n');
    expect(p.columns.map((c) => c.markerColumn)).toEqual([null, 'b_markering', 'c_markering']);
  });

  it('codes keep their leading zero; contract text columns are never numbers', () => {
    const { plan: p, objects } = rows('kommun;enhetskod;kon;x\n0180;1401;totalt;5\n0114;2580;totalt;6\n');
    expect(kinds(p)).toEqual({ kommun: 'text', enhetskod: 'text', kon: 'text', x: 'integer' });
    expect(objects[0]).toEqual({ kommun: '0180', enhetskod: '1401', kon: 'totalt', x: 5 });
  });

  it('periods in any accepted form are stored canonically, so they join with the published tables', () => {
    const { plan: p, objects } = rows('period;v\n2025K3;1\nkvartal 4 2025;2\n2020;3\n2025-09-30;4\n');
    expect(p.columns[0].kind).toBe('period');
    expect(objects.map((o) => o.period)).toEqual(['2025-Q3', '2025-Q4', '2020', '2025-Q3']);
  });

  it('ISO dates become DATE; a column with one word among numbers is text, and says why', () => {
    const { plan: p, objects } = rows('datum;antal\n2025-01-31;5\n2025-02-28;12 st\n2025-03-31;7\n');
    expect(kinds(p)).toEqual({ datum: 'date', antal: 'text' });
    expect(p.columns[1].textBecause).toEqual({ line: 3, value: '12 st' });
    expect(objects[0].datum).toBe(Date.UTC(2025, 0, 31));
    expect(objects[1].antal).toBe('12 st');
  });

  it('integers beyond 32 bits and fractions make a DOUBLE column', () => {
    expect(kinds(plan('a;b\n3000000000;1,5\n1;2\n'))).toEqual({ a: 'double', b: 'double' });
  });

  it('readNumber refuses codes and ambiguous thousands but reads Swedish forms', () => {
    expect(readNumber('0180')).toBeNull();
    expect(readNumber('1.234,5')).toBeNull();
    expect(readNumber('−3')).toBe(-3);
    expect(readNumber('0,5')).toBe(0.5);
    expect(readNumber('15 %')).toBe(15);
  });
});

describe('the file as Excel writes it', () => {
  it('UTF-8 with BOM, `;` and CRLF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Enhet;Värde\r\nÖckerö;1,5\r\n')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-8');
    const { plan: p, objects } = rows(text);
    expect(p.delimiter).toBe(';');
    expect(p.columns.map((c) => [c.name, c.header])).toEqual([['enhet', 'Enhet'], ['värde', 'Värde']]);
    expect(objects).toEqual([{ enhet: 'Öckerö', värde: 1.5 }]);
  });

  it('Windows-1252 and `,` with quoted decimal commas', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('enhet,andel\n'), 0xd6, ...new TextEncoder().encode('cker'), 0xf6, ...new TextEncoder().encode(',"15,5"\n')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(rows(text).objects).toEqual([{ enhet: 'Öckerö', andel: 15.5 }]);
  });

  it('empty trailing columns (";;") are dropped; an empty header with values becomes kolumn_<letter>', () => {
    const p = plan('a;;b;;\n1;x;2;;\n');
    expect(p.columns.map((c) => c.name)).toEqual(['a', 'kolumn_b', 'b']);
  });

  it('blank lines are skipped but counted, and quoted newlines count as lines', () => {
    const r = scanCsv('a;b\n1;2\n\n"x\ny";3\n4;5;6\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ line: 6, code: 'tooMany', got: 3, want: 2 }]);
  });

  it('short rows are padded, as the build reads them', () => {
    expect(rows('a;b;c\n1;2\n').objects).toEqual([{ a: 1, b: 2, c: null }]);
  });

  it('batches hold `batchRows` rows each and keep the order', () => {
    const text = `n;t\n${Array.from({ length: 25 }, (_, i) => `${i};r${i}`).join('\n')}\n`;
    const { batches, objects } = rows(text, 10);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(objects.map((o) => o.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });
});

describe('problems, with the line where they are', () => {
  const problems = (text: string) => {
    const r = scanCsv(text);
    return r.ok ? [] : r.problems;
  };
  it('a row with more fields than the header', () => {
    expect(problems('a;b\n1;2\n3;4;5\n')).toEqual([{ line: 3, code: 'tooMany', got: 3, want: 2 }]);
  });
  it('a quote that is never closed', () => {
    expect(problems('a;b\n1;2\n3;"open\n5;6\n')).toEqual([{ line: 3, code: 'missingQuote' }]);
  });
  it('empty file, binary file, header only', () => {
    expect(problems('')).toEqual([{ line: null, code: 'empty' }]);
    expect(problems('PK\u0003\u0004\u0000\u0000junk')).toEqual([{ line: null, code: 'binary' }]);
    expect(problems('a;b\n')).toEqual([{ line: null, code: 'noRows' }]);
  });
  it('keeps the first ten and counts all', () => {
    const r = scanCsv(`a\n${Array.from({ length: 15 }, () => '1;2').join('\n')}\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.total).toBe(15);
      expect(r.problems).toHaveLength(10);
      expect(r.problems[0].line).toBe(2);
    }
  });
});

describe('names', () => {
  it('table name from the file name: sanitised, never a published name, never taken', () => {
    const cases: [string, string][] = [
      ['Mina enheter (2025).csv', 'mina_enheter_2025'], ['2025 kostnader.CSV', 't_2025_kostnader'], ['placeringar.csv', 'placeringar_egen'],
      ['Café Ünique.csv', 'cafe_unique'], ['select.csv', 'select_data'], ['.csv', 'egen_tabell'],
    ];
    for (const [file, name] of cases) expect(tableNameFromFile(file)).toBe(name);
    expect(tableNameFromFile('data.csv', new Set(['data']))).toBe('data_2');
  });
  it('checkTableName says why a name cannot be used', () => {
    const cases: [string, string | null][] = [
      ['', 'empty'], ['Min tabell', 'invalid'], ['1abc', 'invalid'], ['from', 'reserved'], ['enheter', 'published'],
      ['natverkshemsandel_beraknad', 'published'], ['x'.repeat(64), 'tooLong'], ['mina_värden_2', null],
    ];
    for (const [name, problem] of cases) expect(checkTableName(name)).toBe(problem);
    expect(checkTableName('mina', new Set(['mina']))).toBe('taken');
  });
  it('column names: sanitised, unique, reserved words suffixed', () => {
    expect(columnNames(['Antal barn', 'antal barn', '2025', 'Order', '', 'Ålder (år)'])).toEqual([
      'antal_barn', 'antal_barn_2', 'k_2025', 'order_kolumn', 'kolumn_e', 'ålder_år',
    ]);
    expect(sanitiseName('  --  ', 'k')).toBe('');
  });
});

describe('DuckDB reads the batches', () => {
  it('as a table with the decided types, joinable on text codes and canonical periods', async () => {
    const text = 'Period;Enhetskod;Kostnad (kr);Antal\r\n2025K3;0180;1 234,5;*\r\n2025-Q4;0180;99;12\r\n';
    const { plan: p, batches } = rows(normaliseNewlines(text), 1);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    // Node's DuckDB has no Arrow insert: read the same IPC bytes as duckdb-wasm's insertArrowFromIPCStream
    // would get them, through apache-arrow, and compare with what DuckDB makes of the plan's types.
    await conn.run(
      `CREATE TABLE t (${p.columns.map((c) => `"${c.name}" ${{ integer: 'INTEGER', double: 'DOUBLE', date: 'DATE', period: 'VARCHAR', text: 'VARCHAR' }[c.kind]}${c.markerColumn ? `, "${c.markerColumn}" VARCHAR` : ''}`).join(', ')})`,
    );
    for (const b of batches) {
      for (const row of tableFromIPC(b.toIpc()).toArray()) {
        const values = Object.values(row.toJSON());
        await conn.run(`INSERT INTO t VALUES (${values.map(() => '?').join(', ')})`, values as (string | number | null)[]);
      }
    }
    const described = (await conn.runAndReadAll('DESCRIBE t')).getRowObjectsJS().map((r) => [r.column_name, r.column_type]);
    expect(described).toEqual([
      ['period', 'VARCHAR'],
      ['enhetskod', 'VARCHAR'],
      ['kostnad_kr', 'DOUBLE'],
      ['antal', 'INTEGER'],
      ['markering', 'VARCHAR'],
    ]);
    const got = (await conn.runAndReadAll("SELECT * FROM t WHERE period = '2025-Q3' AND enhetskod = '0180'")).getRowObjectsJS();
    expect(got).toEqual([{ period: '2025-Q3', enhetskod: '0180', kostnad_kr: 1234.5, antal: null, markering: 'sekretess' }]);
    conn.closeSync();
  });
});
