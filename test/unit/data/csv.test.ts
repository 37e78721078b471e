import { describe, expect, it } from 'vitest';
import { columnLetter, decodeChunks, decodeCsvBytes, decodeText, detectCsvEncoding, detectDelimiter, parseCsvText, readCsv, scanCsvChunks, scanCsvText } from '../../../src/data/csv.ts';
import { BESLUT_HEADER, messages, PLACERINGAR_HEADER, readAll, utf8, validateText, values } from './helpers.ts';

/** Windows-1252 bytes of an ASCII text where `{ä}`-style placeholders stand for single bytes. */
function cp1252(text: string): Uint8Array {
  const map: Record<string, number> = { ä: 0xe4, å: 0xe5, ö: 0xf6, Ä: 0xc4, Å: 0xc5, Ö: 0xd6 };
  const out: number[] = [];
  for (const ch of text) {
    if (ch in map) out.push(map[ch]);
    else {
      const code = ch.charCodeAt(0);
      if (code > 0x7f) throw new Error(`not ASCII: ${ch}`);
      out.push(code);
    }
  }
  return new Uint8Array(out);
}

describe('delimiters', () => {
  it('`;` (Swedish Excel)', () => {
    const t = readCsv(utf8('period;enhetskod;antal\n2025-Q3;0180;5\n'));
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['period', 'enhetskod', 'antal']);
    expect(t.rows).toEqual([{ line: 2, cells: ['2025-Q3', '0180', '5'] }]);
  });
  it('`,` with a quoted decimal-comma value', () => {
    const t = readCsv(utf8('period,enhetskod,andel\n2022,00,"15,2"\n'));
    expect(t.delimiter).toBe(',');
    expect(t.rows).toEqual([{ line: 2, cells: ['2022', '00', '15,2'] }]);
  });
  it('the header decides: commas inside a `;` file’s data do not matter', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3,5')).toBe(';');
  });
  it('a `,` file reads the same as a `;` file through validation', () => {
    const semi = validateText('ej_verkstallda_beslut', `${BESLUT_HEADER}\n2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;12\n`);
    const comma = validateText('ej_verkstallda_beslut', `${BESLUT_HEADER.replaceAll(';', ',')}\n2025-Q3,2580,Luleå,SoL,ÄO,Särskilt boende,kvinnor,totalt,12\n`);
    expect(comma.issues).toEqual([]);
    expect(comma.rows.map(values)).toEqual(semi.rows.map(values));
  });
});

describe('encodings', () => {
  const text = 'enhetskod;enhetsnamn;niva\n2580;Luleå;kommun\n1480;Göteborg;kommun\n14;Västra Götalands län;lan\n';
  const expected = [['2580', 'Luleå', 'kommun'], ['1480', 'Göteborg', 'kommun'], ['14', 'Västra Götalands län', 'lan']];

  it('UTF-8 without BOM', () => {
    const t = readCsv(utf8(text));
    expect(t.encoding).toBe('utf-8');
    expect(t.rows.map((r) => r.cells)).toEqual(expected);
  });
  it('UTF-8 with BOM: the BOM does not stick to the first column name', () => {
    const t = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(t.encoding).toBe('utf-8');
    expect(t.header).toEqual(['enhetskod', 'enhetsnamn', 'niva']);
    expect(t.rows.map((r) => r.cells)).toEqual(expected);
  });
  it('Windows-1252 bytes (0xE5 å, 0xF6 ö, 0xE4 ä) decode to å, ö, ä', () => {
    const bytes = cp1252(text);
    // å in Luleå is the single byte 0xE5, not UTF-8's two bytes.
    expect([...bytes.subarray(31, 36)]).toEqual([0x4c, 0x75, 0x6c, 0x65, 0xe5]);
    const t = readCsv(bytes);
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows.map((r) => r.cells)).toEqual(expected);
  });
  it('decodeText: 0xC4 0xD6 0xC5 are Ä Ö Å in Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xc4, 0xd6, 0xc5]))).toEqual({ text: 'ÄÖÅ', encoding: 'windows-1252' });
  });
  it('a Windows-1252 decisions file gives verksamhet ÄO and kon män', () => {
    const { rows, issues } = validateText('ej_verkstallda_beslut', cp1252(`${BESLUT_HEADER}\r\n2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;män;totalt;7\r\n`));
    expect(issues).toEqual([]);
    expect(values(rows[0])).toEqual({
      period: '2025-Q3', enhetskod: '2580', enhetsnamn: 'Luleå', lag: 'SoL', verksamhet: 'ÄO', insats: 'Särskilt boende',
      kon: 'män', status: 'totalt', antal: 7, markering: null, kalla: '',
    });
  });
});

describe('encodings that would decode into garbage are named, not read', () => {
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let i = 0;
    for (const p of parts) out.set(p, (i += p.length) - p.length);
    return out;
  };
  const head = 'enhetskod;enhetsnamn;niva\n';
  const utf16 = (text: string, order: 'LE' | 'BE', bom: boolean) => {
    const out: number[] = bom ? (order === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      out.push(...(order === 'LE' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
    }
    return new Uint8Array(out);
  };

  it('one Windows-1252 line in a UTF-8 file: the first line that differs', () => {
    const bytes = concat(utf8(`${head}2580;Luleå;kommun\n1480;Göteborg;kommun\n`), cp1252('0180;Västerås;kommun\n'), utf8('14;Västra Götalands län;lan\n'));
    expect(decodeCsvBytes(bytes)).toEqual({ problem: { kind: 'mixed', line: 4, lineEncoding: 'windows-1252', firstLine: 2, firstEncoding: 'utf-8' } });
  });
  it('one UTF-8 line in a Windows-1252 file (CRLF line ends)', () => {
    const bytes = concat(cp1252(`${head}2580;Luleå;kommun\r\n0180;Stockholm;kommun\r\n`), utf8('1480;Göteborg;kommun\r\n'));
    expect(decodeCsvBytes(bytes)).toEqual({ problem: { kind: 'mixed', line: 4, lineEncoding: 'utf-8', firstLine: 2, firstEncoding: 'windows-1252' } });
  });
  it('both encodings on one line', () => {
    const bytes = concat(utf8(`${head}2580;Luleå;`), cp1252('Luleå\n'));
    expect(decodeCsvBytes(bytes)).toEqual({ problem: { kind: 'mixed', line: 2, lineEncoding: 'windows-1252', firstLine: 2, firstEncoding: 'utf-8' } });
  });
  it('a file all in one encoding decodes as before, with or without BOM', () => {
    const text = `${head}2580;Luleå;kommun\n1480;Göteborg;kommun\n`;
    expect(decodeCsvBytes(cp1252(text))).toEqual({ text, encoding: 'windows-1252' });
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), cp1252(text)))).toEqual({ text, encoding: 'windows-1252' });
  });
  it('UTF-16 little and big endian, with and without BOM', () => {
    const text = `${head}2580;Luleå;kommun\n`;
    for (const order of ['LE', 'BE'] as const) {
      for (const bom of [true, false]) {
        expect(decodeCsvBytes(utf16(text, order, bom)), `${order} ${bom}`).toEqual({ problem: { kind: 'utf-16', byteOrder: order } });
      }
    }
  });
  it('an Excel workbook renamed to .csv', () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ problem: { kind: 'workbook', format: 'xlsx' } });
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toEqual({ problem: { kind: 'workbook', format: 'xls' } });
  });
  it('the messages: a mixed file names the line, UTF-16 says UTF-16 and how to save as UTF-8', () => {
    const mixed = readAll({ 'enheter.csv': concat(utf8(`${head}2580;Luleå;kommun\n`), cp1252('1480;Göteborg;kommun\n')), 'placeringar.csv': `${PLACERINGAR_HEADER}\n` });
    expect(messages(mixed.errors)).toEqual([
      'FEL: enheter.csv, rad 3: filen blandar teckenkodningar: rad 2 är UTF-8 men rad 3 är Windows-1252, så å, ä och ö skulle bli fel. Rätta raden, eller spara hela filen på nytt med en kodning, helst UTF-8. I Excel: Arkiv > Spara som > filformat "CSV UTF-8 (kommaavgränsad) (*.csv)". I Anteckningar: Spara som > Kodning: UTF-8.\n' +
      '  ERROR: enheter.csv, line 3: the file mixes encodings: line 2 is UTF-8 but line 3 is Windows-1252, so å, ä and ö would come out wrong. Correct the line, or save the whole file again in one encoding, preferably UTF-8. In Excel: File > Save As > file format "CSV UTF-8 (Comma delimited) (*.csv)". In Notepad: Save As > Encoding: UTF-8.',
    ]);
    const wide = readAll({ 'placeringar.csv': utf16(`${PLACERINGAR_HEADER}\n2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5\n`, 'LE', true) });
    expect(messages(wide.errors)).toEqual([
      'FEL: placeringar.csv, rad 1: filen är sparad som UTF-16 (little endian, "Unicode-text"), som inte läses. Spara den som UTF-8 i stället. I Excel: Arkiv > Spara som > filformat "CSV UTF-8 (kommaavgränsad) (*.csv)". I Anteckningar: Spara som > Kodning: UTF-8.\n' +
      '  ERROR: placeringar.csv, line 1: the file is saved as UTF-16 (little endian, "Unicode text"), which is not read. Save it as UTF-8 instead. In Excel: File > Save As > file format "CSV UTF-8 (Comma delimited) (*.csv)". In Notepad: Save As > Encoding: UTF-8.',
    ]);
  });
});

describe('line ends and line numbers', () => {
  it('CRLF line ends leave no \\r in any cell', () => {
    const t = readCsv(utf8('period;enhetskod;antal\r\n2025-Q3;0180;5\r\n2025-Q4;0180;6\r\n'));
    expect(t.header).toEqual(['period', 'enhetskod', 'antal']);
    expect(t.rows).toEqual([{ line: 2, cells: ['2025-Q3', '0180', '5'] }, { line: 3, cells: ['2025-Q4', '0180', '6'] }]);
  });
  it('blank lines (also lines of only delimiters) are skipped but still counted', () => {
    const t = parseCsvText('a;b\n1;2\n\n;\n  \n3;4\n');
    expect(t.rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 6, cells: ['3', '4'] }]);
  });
  it('a quoted field with a line break counts its lines', () => {
    const t = parseCsvText('a;b\r\n"x\r\ny";1\r\n\r\nz;2\r\n');
    expect(t.rows).toEqual([{ line: 2, cells: ['x\ny', '1'] }, { line: 5, cells: ['z', '2'] }]);
  });
  it('an error after blank lines and a multi-line cell names the line as an editor shows it', () => {
    const text = [
      BESLUT_HEADER, // 1
      '2025-Q3;2580;Luleå;SoL;ÄO;Särskilt boende;kvinnor;totalt;5', // 2
      '', // 3
      '2025-Q3;2580;"Luleå', // 4
      'kommun";SoL;ÄO;Hemtjänst;kvinnor;totalt;3', // 5
      '', // 6
      '2025-Q3;2580;Luleå;SoL;ÄO;Dagverksamhet;kvinnor;totalt;tre', // 7
    ].join('\r\n');
    const { rows, issues } = validateText('ej_verkstallda_beslut', text);
    expect(rows.map((r) => [r._line, r.insats, r.enhetsnamn])).toEqual([[2, 'Särskilt boende', 'Luleå'], [4, 'Hemtjänst', 'Luleå kommun']]);
    expect(messages(issues)).toEqual([
      'FEL: ej_verkstallda_beslut.csv, rad 7, kolumn I (antal): "tre" är inget antal. Förväntat: ett heltal (mellanslag som tusentalsavgränsare går bra) eller en markering (*, x, U, <4, .., NA, -).\n' +
        '  ERROR: ej_verkstallda_beslut.csv, line 7, column I (antal): "tre" is not a count. Expected: a whole number (spaces as thousands separators are fine) or a marker (*, x, U, <4, .., NA, -).',
    ]);
  });
});

describe('scanCsvText: row by row, nothing kept', () => {
  it('gives the header and each row with its line, like parseCsvText', () => {
    const text = 'a;b\r\n1;2\r\n\r\n"x\r\ny";3\r\n4;5';
    const seen: unknown[] = [];
    scanCsvText(text, (h) => seen.push(['header', h]), (line, cells) => seen.push([line, cells]));
    expect(seen).toEqual([['header', ['a', 'b']], [2, ['1', '2']], [4, ['x\ny', '3']], [6, ['4', '5']]]);
    const parsed = parseCsvText(text);
    expect(parsed.rows).toEqual([{ line: 2, cells: ['1', '2'] }, { line: 4, cells: ['x\ny', '3'] }, { line: 6, cells: ['4', '5'] }]);
  });
  it('text in pieces of any size reads exactly as the whole: rows, quoted line breaks and CRLF split between pieces', () => {
    const text = 'a;b;c\r\n1;"x\r\ny";2\r\n\r\n3;"long ""quoted"" cell";4\r\n5;6;7\r8;9;10\n';
    const whole: unknown[] = [];
    scanCsvText(text, (h) => whole.push(h), (line, cells) => whole.push([line, cells]));
    expect(whole).toEqual([['a', 'b', 'c'], [2, ['1', 'x\ny', '2']], [5, ['3', 'long "quoted" cell', '4']], [6, ['5', '6', '7']], [7, ['8', '9', '10']]]);
    for (const size of [1, 2, 3, 5, 7]) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      const seen: unknown[] = [];
      scanCsvChunks(pieces, (h) => seen.push(h), (line, cells) => seen.push([line, cells]));
      expect(seen, `pieces of ${size}`).toEqual(whole);
    }
  });
  it('a header longer than a piece decides the delimiter as a whole', () => {
    const seen: unknown[] = [];
    const delimiter = scanCsvChunks(['a,b,c,d;e', ',f\n1,2,3,4;5,6\n'], (h) => seen.push(h), (_, cells) => seen.push(cells));
    expect(delimiter).toBe(',');
    expect(seen).toEqual([['a', 'b', 'c', 'd;e', 'f'], ['1', '2', '3', '4;5', '6']]);
  });
  it('a file decoded in pieces keeps a letter whose bytes straddle two pieces', () => {
    // The two bytes of å at 32 KiB − 1 and 32 KiB (and so at every multiple of it): the end of one piece
    // and the start of the next, whatever the pieces' size.
    const ascii = 'x'.repeat(32 * 1024 - 6);
    const bytes = utf8(`a;b\n${ascii};å\n`);
    expect([bytes[32 * 1024 - 1], bytes[32 * 1024]]).toEqual([0xc3, 0xa5]);
    const found = detectCsvEncoding(bytes);
    expect(found).toEqual({ encoding: 'utf-8', bom: false });
    const text = [...decodeChunks(bytes, found as { encoding: 'utf-8'; bom: boolean })].join('');
    expect(text.endsWith(';å\n')).toBe(true);
    expect(text.length).toBe(ascii.length + 7);
  });
  it('an empty text has an empty header', () => {
    const seen: unknown[] = [];
    scanCsvText('', (h) => seen.push(h), () => seen.push('row'));
    expect(seen).toEqual([[]]);
  });
});

describe('columnLetter', () => {
  it('follows Excel: A, Z, AA, AZ, BA', () => {
    expect([0, 25, 26, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});
