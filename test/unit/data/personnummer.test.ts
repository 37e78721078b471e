// The build refuses input that looks like personal data, and never repeats the number in its messages.
import { describe, expect, it } from 'vitest';
import { containsPersonalNumber, findPersonalNumbers, maskDigits, normaliseForGuard } from '../../../src/data/personnummer.ts';
import { csv, luhnDigit, messages, PLACERINGAR_HEADER, readAll, validateText } from './helpers.ts';

/** A valid number from its first nine digits (YYMMDDNNN) and the Luhn digit. */
const valid = (nine: string) => nine + luhnDigit(nine);
const SAMORDNING = valid('701063239'); // born 1970-10-03, day + 60
const FEB29 = valid('000229123'); // 2000-02-29
const GUARD_SV = 'ser ut som ett personnummer. Personuppgifter får aldrig finnas i indata; ta bort cellen.';
const GUARD_EN = 'looks like a Swedish personal identity number. Personal data must never be in the input; remove the cell.';

describe('the Luhn helper of these tests agrees with the well-known test numbers', () => {
  it('19121212-1212 and 811228-9874', () => {
    expect(luhnDigit('121212121')).toBe('2');
    expect(luhnDigit('811228987')).toBe('4');
  });
});

describe('containsPersonalNumber: valid numbers are found', () => {
  const found = [
    ['with century and -', '19121212-1212'],
    ['with century, no separator', '191212121212'],
    ['without century, with -', '121212-1212'],
    ['without century, no separator', '1212121212'],
    ['with + (a person over 100)', '121212+1212'],
    ['811228-9874', '811228-9874'],
    ['8112289874', '8112289874'],
    ['19811228-9874', '19811228-9874'],
    ['with a space before the last four', '811228 9874'],
    ['samordningsnummer (day + 60)', `${SAMORDNING.slice(0, 6)}-${SAMORDNING.slice(6)}`],
    ['samordningsnummer with century, no separator', `19${SAMORDNING}`],
    ['a leap day', FEB29],
    ['inside other text', 'Ärende 811228-9874 avslutat'],
  ];
  for (const [what, text] of found) it(what, () => expect(containsPersonalNumber(text)).toBe(true));
});

describe('containsPersonalNumber: no false alarms', () => {
  const clean = [
    ['an invalid Luhn digit', '19121212-1213'],
    ['an invalid Luhn digit, short form', '811228-9875'],
    ['a date', '2025-09-30'],
    ['a date without dashes', '20250930'],
    ['a date-like ten-digit number failing Luhn', '2509301234'],
    ['month 13 with a valid Luhn digit', valid('121312123')],
    ['day 32 with a valid Luhn digit', valid('121232123')],
    ['a century that is no century', '21121212-1212'],
    ['ordinary counts', '1 204'],
    ['a six-digit count', '123456'],
    ['a period', '2025-Q3'],
    ['an insats name', '9.4 Biträde av kontaktperson'],
    ['a longer digit run', '12121212121212'],
  ];
  for (const [what, text] of clean) it(what, () => expect(containsPersonalNumber(text), text).toBe(false));
});

describe('the guard in a file', () => {
  const row = (name: string, antal = '5') => `2025-Q3;0180;${name};jourhem;totalt;0-20;under_perioden;${antal}`;

  it('in a known column: an error naming file, line and column, with every digit hidden', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, row('19121212-1212')));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      `FEL: placeringar.csv, rad 2, kolumn C (enhetsnamn): "••••••••-••••" ${GUARD_SV}\n  ERROR: placeringar.csv, line 2, column C (enhetsnamn): "••••••••-••••" ${GUARD_EN}`,
    ]);
  });
  it('in an unknown column: the same error, beside the unknown-column error', () => {
    const { issues } = validateText('placeringar', csv(`${PLACERINGAR_HEADER};anteckning`, `${row('Stockholm')};811228-9874`));
    const text = messages(issues).join('\n');
    expect(text).not.toContain('9874');
    expect(text).not.toContain('811228');
    expect(issues.map((i) => [i.line, i.columnLetter, i.column, i.value])).toEqual([
      [1, 'I', 'anteckning', 'anteckning'],
      [2, 'I', 'anteckning', '••••••-••••'],
    ]);
    expect(issues[1].sv).toBe(GUARD_SV);
    expect(issues[1].en).toBe(GUARD_EN);
  });
  it('forms without century, with + and samordningsnummer are refused in every column', () => {
    const numbers = ['121212+1212', '8112289874', SAMORDNING, `19${SAMORDNING}`];
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, ...numbers.map((n, i) => row(`Enhet ${n}`, String(10 + i)))));
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.line, i.column, i.sv])).toEqual(numbers.map((_, i) => [2 + i, 'enhetsnamn', GUARD_SV]));
    const text = messages(issues).join('\n');
    for (const n of numbers) expect(text).not.toContain(n.slice(-4));
  });
  it('no message repeats the number, whatever else is wrong with the cell or row', () => {
    // In antal (also not a valid count), in enhetskod (then also an unknown unit), in insats twice (a duplicate),
    // and in a field beyond the header.
    const r = readAll({
      'enheter.csv': csv('enhetskod;enhetsnamn;niva', '0180;Stockholm;kommun'),
      'placeringar.csv': csv(PLACERINGAR_HEADER, row('Stockholm', '8112289874'), '2025-Q3;0180-8112289874;S;hvb;totalt;0-20;under_perioden;5', `${row('Stockholm')};19121212-1212`),
      'ej_verkstallda_beslut.csv': csv('period;enhetskod;lag;verksamhet;insats;antal', '2025-Q3;0180;SoL;ÄO;Hemtjänst 811228-9874;5', '2025-Q3;0180;SoL;ÄO;Hemtjänst 811228-9874;5'),
    });
    const text = messages([...r.errors, ...r.warnings]).join('\n');
    for (const digits of ['8112289874', '9874', '811228', '1212']) expect(text).not.toContain(digits);
    expect(r.errors.filter((e) => e.sv === GUARD_SV).map((e) => [e.file, e.line, e.column])).toEqual([
      ['ej_verkstallda_beslut.csv', 2, 'insats'],
      ['ej_verkstallda_beslut.csv', 3, 'insats'],
      ['placeringar.csv', 2, 'antal'],
      ['placeringar.csv', 3, 'enhetskod'],
      ['placeringar.csv', 4, ''],
    ]);
    // A row with personal data is never kept, so nothing downstream sees it.
    expect(r.tables.placeringar).toEqual([]);
    expect(r.tables.ej_verkstallda_beslut).toEqual([]);
  });
  it('a personal number as a header is masked in the unknown-column error', () => {
    const { issues } = validateText('placeringar', csv(`${PLACERINGAR_HEADER};811228-9874`, `${row('Stockholm')};`));
    expect(messages(issues).join('\n')).not.toContain('9874');
  });
  it('an invalid Luhn number, a quarter-end date and ordinary counts pass', () => {
    const { rows, issues } = validateText('placeringar', csv(`${PLACERINGAR_HEADER};kalla`,
      `${row('Enhet 19121212-1213', '1 204')};k`,
      `2025-09-30;0180;Stockholm;hvb;totalt;0-20;under_perioden;123456;rapport 2025-09-30`));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.enhetsnamn, r.period, r.antal])).toEqual([['Enhet 19121212-1213', '2025-Q3', 1204], ['Stockholm', '2025-Q3', 123456]]);
  });
});

describe('maskDigits', () => {
  it('hides every digit and keeps the rest', () => expect(maskDigits('Ärende 811228-9874')).toBe('Ärende ••••••-••••'));
});

describe('one normaliser: every spelling a word processor, a spreadsheet or a web page makes is found', () => {
  const spelled = [
    ['an en dash (Word and Excel autocorrect)', '121212\u20131212'],
    ['an em dash', '121212\u20141212'],
    ['the hyphen U+2010 and the figure dash U+2012', '121212\u20101212 and 121212\u20121212'],
    ['a horizontal bar U+2015', '121212\u20151212'],
    ['the minus sign U+2212', '121212\u22121212'],
    ['a non-breaking hyphen U+2011', '121212\u20111212'],
    ['a soft hyphen U+00AD', '121212\u00ad1212'],
    ['a zero-width space inside', '1212\u200b12-1212'],
    ['a zero-width joiner and a word joiner', '12\u200d1212\u2060-1212'],
    ['a BOM inside', '121212-\ufeff1212'],
    ['a bidi override around it', '\u202e121212-1212\u202c'],
    ['full-width digits', '\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12'],
    ['full-width digits and a full-width hyphen-minus', '\uff11\uff12\uff11\uff12\uff11\uff12\uff0d\uff11\uff12\uff11\uff12'],
    ['mathematical bold digits', '\u{1d7cf}\u{1d7d0}\u{1d7cf}\u{1d7d0}\u{1d7cf}\u{1d7d0}-\u{1d7cf}\u{1d7d0}\u{1d7cf}\u{1d7d0}'],
    ['Arabic-Indic digits', '\u0668\u0661\u0661\u0662\u0662\u0668-\u0669\u0668\u0667\u0664'],
    ['with century, dashes between the parts of the date', '1912-12-12-1212'],
    ['dots between the parts of the date', '12.12.12-1212'],
    ['spaces between the parts of the date', '12 12 12 1212'],
    ['a no-break space before the last four', '121212\u00a01212'],
    ['spaces around the dash', '121212 - 1212'],
    ['a NUL inside', '121212\u00001212'],
    ['in a file name', 'placeringar_121212-1212.csv'],
    ['in a file name with an underscore', 'placeringar_19121212_1212.csv'],
    ['samordningsnummer with an en dash', `${SAMORDNING.slice(0, 6)}\u2013${SAMORDNING.slice(6)}`],
  ];
  for (const [what, text] of spelled) it(what, () => expect(containsPersonalNumber(text), JSON.stringify(text)).toBe(true));

  it('normaliseForGuard folds them all to digits and -', () => {
    expect(normaliseForGuard('\uff11\uff12\u00ad3\u200b4\u2011\u22125\u2013')).toBe('1234--5-');
    expect(normaliseForGuard('a\u00a0b')).toBe('a b');
  });
});

describe('containsPersonalNumber: no false alarms on legitimate values', () => {
  const clean = [
    ['a quarter-end date', '2025-09-30'],
    ['a date and a count in text', 'Beslut 2025-09-30 om 12 barn'],
    ['a district code', '0180-01'],
    ['a count with space grouping', '2 044'],
    ['a large count with space grouping (ten digits)', '1 212 121 212'],
    ['a count with no-break space grouping', '1\u00a0212\u00a0121\u00a0212'],
    ['a phone number', '070-123 45 67'],
    ['a phone number with the country code', '+46 70 123 45 67'],
    ['a URL with a date and an id', 'https://example.se/2025-09-30/dokument/1234567890'],
    ['an insats name with a paragraph number', '9.10 Daglig verksamhet'],
    ['a range of periods', '2016-Q1–2025-Q4'],
  ];
  for (const [what, text] of clean) it(what, () => expect(containsPersonalNumber(text), text).toBe(false));
});

describe('maskDigits masks every spelling of a digit', () => {
  it('full-width and other digits are hidden too, and invisible characters are dropped', () => {
    expect(maskDigits('Ärende \uff18\uff11\uff11\uff12\uff12\uff18\u2013\uff19\uff18\uff17\uff14')).toBe('Ärende ••••••-••••');
    expect(maskDigits('121212\u200b1212')).toBe('••••••••••');
  });
});

describe('findPersonalNumbers: where they are in a parsed table (for the SQL page to warn about an analyst’s file)', () => {
  it('the header, and (line, row, column) of every cell', () => {
    const table = {
      header: ['namn', '121212-1212', 'antal'],
      rows: [
        { line: 2, cells: ['Anna', '', '5'] },
        { line: 3, cells: ['Ärende 811228\u20139874', 'x', '7'] },
        { line: 5, cells: ['Bo', '2025-09-30', '1\u00a0212\u00a0121\u00a0212'] },
        { line: 6, cells: ['Cid', '', '\uff18\uff11\uff11\uff12\uff12\uff18\uff19\uff18\uff17\uff14'] },
      ],
    };
    expect(findPersonalNumbers(table)).toEqual([
      { line: 1, row: null, column: 1 },
      { line: 3, row: 1, column: 0 },
      { line: 6, row: 3, column: 2 },
    ]);
  });
  it('nothing in a clean table', () => {
    expect(findPersonalNumbers({ header: ['period', 'antal'], rows: [{ line: 2, cells: ['2025-09-30', '2 044'] }] })).toEqual([]);
  });
});

describe('the guard on headers and file names', () => {
  it('a personal number as a column name is an error of its own, masked', () => {
    const { issues } = validateText('placeringar', csv(`${PLACERINGAR_HEADER};811228\u20139874`, '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5;'));
    expect(messages(issues)[0]).toBe(
      'FEL: placeringar.csv, rad 1, kolumn I: "••••••-••••" rubriken ser ut som ett personnummer. Personuppgifter får aldrig finnas i indata; ta bort cellen.\n' +
      '  ERROR: placeringar.csv, line 1, column I: "••••••-••••" the header looks like a Swedish personal identity number. Personal data must never be in the input; remove the cell.');
  });
  it('a personal number in a file name stops the build, and the name is never repeated in full', () => {
    const r = readAll({
      'placeringar_121212\u20131212.csv': csv(PLACERINGAR_HEADER, '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5', '2025-Q3;0180;Stockholm;hvb;totalt;0-20;under_perioden;många'),
    });
    const text = messages([...r.errors, ...r.warnings]).join('\n');
    expect(text).not.toMatch(/1212/);
    expect(messages(r.errors)[0]).toBe(
      'FEL: placeringar_••••••-••••.csv: filnamnet ser ut att innehålla ett personnummer. Byt namn på filen: filnamnen publiceras på webbplatsen (i data/manifest.json), och personuppgifter får aldrig finnas i indata.\n' +
      '  ERROR: placeringar_••••••-••••.csv: the file name seems to hold a personal identity number. Rename the file: file names are published with the site (in data/manifest.json), and personal data must never be in the input.');
    // The file's contents are checked too, under the masked name; the name never reaches the list of files.
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([['placeringar_••••••-••••.csv', 0], ['placeringar_••••••-••••.csv', 3]]);
    expect(JSON.stringify(r.files)).not.toMatch(/1212/);
  });
  it('a file name with a date and a quarter passes', () => {
    const r = readAll({ 'placeringar_2025-09-30_2025Q3.csv': csv(PLACERINGAR_HEADER, '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5') });
    expect(r.errors).toEqual([]);
  });
  it('every spelling in a cell is refused with file, line and column', () => {
    const cells = ['121212\u20131212', '121212\u22121212', '1212\u200b12-1212', '\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12', '1912-12-12-1212', '12.12.12-1212'];
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, ...cells.map((c, i) => `2025-Q3;0180;${c};jourhem;totalt;0-20;under_perioden;${10 + i}`)));
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.line, i.columnLetter, i.column, i.sv])).toEqual(cells.map((_, i) => [2 + i, 'C', 'enhetsnamn', GUARD_SV]));
    expect(messages(issues).join('\n')).not.toMatch(/1212|\uff11/);
  });
});
