import { describe, expect, it } from 'vitest';
import { parseNumber, readContractNumber } from '../../../src/data/numbers.ts';
import { csv, messages, PLACERINGAR_HEADER, validateText } from './helpers.ts';

describe('parseNumber: numbers as Swedish Excel writes them', () => {
  it('a plain whole number', () => expect(parseNumber('42')).toBe(42));
  it('decimal comma', () => expect(parseNumber('15,2')).toBe(15.2));
  it('decimal point', () => expect(parseNumber('1.5')).toBe(1.5));
  it('an ordinary space as thousands separator', () => expect(parseNumber('2 044')).toBe(2044));
  it('a no-break space U+00A0 as thousands separator', () => expect(parseNumber('2\u00a0044')).toBe(2044));
  it('a narrow no-break space U+202F as thousands separator', () => expect(parseNumber('1\u202f234\u202f567')).toBe(1234567));
  it('thousands separator and decimal comma together', () => expect(parseNumber('1 234,5')).toBe(1234.5));
  it('`%` after a share, with or without a space, when a share is read', () => {
    expect(parseNumber('15,2 %', { percent: true })).toBe(15.2);
    expect(parseNumber('15,2%', { percent: true })).toBe(15.2);
    expect(parseNumber('15,2\u00a0%', { percent: true })).toBe(15.2);
  });
  it('a real minus sign U+2212 and a hyphen-minus', () => {
    expect(parseNumber('\u22123')).toBe(-3);
    expect(parseNumber('-3')).toBe(-3);
  });
  it('surrounding spaces', () => expect(parseNumber('  7 ')).toBe(7));
});

describe('parseNumber: refusals', () => {
  it('text, empty text and a lone sign', () => {
    for (const s of ['', 'abc', '12a', '-', '1 2 3x', '−']) expect(parseNumber(s), JSON.stringify(s)).toBeNull();
  });
  it('both a comma and a point (1.234,5 is ambiguous)', () => expect(parseNumber('1.234,5')).toBeNull());
  it('two decimal commas', () => expect(parseNumber('1,2,3')).toBeNull());
  it('`%` where a count is read', () => expect(parseNumber('15 %')).toBeNull());
});

describe('counts and shares in a file', () => {
  it('counts with spaces, no-break and narrow no-break spaces are read as whole numbers', () => {
    const text = csv(PLACERINGAR_HEADER,
      '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;1 204',
      '2025-Q3;0180;Stockholm;familjehem;totalt;0-20;under_perioden;2\u00a0044',
      '2025-Q3;0180;Stockholm;hvb;totalt;0-20;under_perioden;3\u202f001');
    const { rows, issues } = validateText('placeringar', text);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.antal, r.markering])).toEqual([[1204, null], [2044, null], [3001, null]]);
  });
  it('a share with decimal comma and `%` is read as a number of percent', () => {
    const { rows, issues } = validateText('natverkshemsandel', csv('period;enhetskod;enhetsnamn;andel', '2022;00;Riket;15,2 %', '2023;00;Riket;16'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.andel, r.markering])).toEqual([[15.2, null], [16, null]]);
  });
  it('a share above 100 % is an error', () => {
    const { issues } = validateText('natverkshemsandel', csv('period;enhetskod;enhetsnamn;andel', '2022;00;Riket;152'));
    expect(messages(issues)).toEqual([
      'FEL: natverkshemsandel.csv, rad 2, kolumn D (andel): "152" ligger utanför 0–100 %.\n' +
        '  ERROR: natverkshemsandel.csv, line 2, column D (andel): "152" is outside 0–100 %.',
    ]);
  });
  it('a count that is not a number is an error listing what is expected', () => {
    const { issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, '2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;många'));
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn H (antal): "många" är inget antal. Förväntat: ett heltal (mellanslag som tusentalsavgränsare går bra) eller en markering (*, x, U, <4, .., NA, -).\n' +
        '  ERROR: placeringar.csv, line 2, column H (antal): "många" is not a count. Expected: a whole number (spaces as thousands separators are fine) or a marker (*, x, U, <4, .., NA, -).',
    ]);
  });
});

describe('readContractNumber: exactly what data/README.md lists', () => {
  const accepted: [string, number, boolean?][] = [
    ['42', 42], ['0', 0], ['2044', 2044], ['2 044', 2044], ['2\u00a0044', 2044], ['1\u202f234\u202f567', 1234567], ['1\u2009234', 1234],
    ['15,2', 15.2], ['1 234,5', 1234.5], ['-3', -3], ['\u22123', -3], ['\u20133', -3], ['  7 ', 7], ['1,0', 1], ['1,2345', 1.2345],
    ['15,2 %', 15.2, true], ['15,2%', 15.2, true], ['15,2\u00a0%', 15.2, true], ['0,125', 0.125],
  ];
  for (const [text, value, percent] of accepted) {
    it(`reads ${JSON.stringify(text)}`, () => expect(readContractNumber(text, { percent })).toEqual({ value }));
  }
  const refused: [string, string, string][] = [
    ['12.000', 'ambiguous-point', '12 000'],
    ['1.234', 'ambiguous-point', '1 234'],
    ['1,000', 'ambiguous-comma', '1 000'],
    ['15,250', 'ambiguous-comma', '15 250'],
    ['1.234.567', 'point-grouping', '1 234 567'],
    ['1,234,567', 'comma-grouping', '1 234 567'],
    ['1.234,5', 'point-and-comma', '1 234,5'],
    ['1,234.5', 'point-and-comma', '1 234,5'],
    ['15.2', 'decimal-point', '15,2'],
    ['0.125', 'decimal-point', '0,125'],
    ['20 44', 'misplaced-space', '2 044'],
    ['1 2345', 'misplaced-space', '12 345'],
    ['12a', 'not-a-number', ''],
    ['1,2,3', 'not-a-number', ''],
    ['15 %', 'not-a-number', ''],
  ];
  for (const [text, problem, suggestion] of refused) {
    it(`refuses ${JSON.stringify(text)} (${problem})`, () => expect(readContractNumber(text)).toEqual({ problem, suggestion }));
  }
});

describe('ambiguous numbers in a file: refused with how to write them', () => {
  const count = (antal: string) => messages(validateText('placeringar', csv(PLACERINGAR_HEADER, `2025-Q3;0180;Stockholm;jourhem;totalt;0-20;under_perioden;${antal}`)).issues);
  const share = (andel: string) => messages(validateText('natverkshemsandel', csv('period;enhetskod;enhetsnamn;andel', `2022;00;Riket;${andel}`)).issues);
  const at = (column: string) => `placeringar.csv, rad 2, kolumn H (${column})`;

  it('12.000 (twelve thousand with a point) is not published as 12', () => {
    expect(count('12.000')).toEqual([
      `FEL: ${at('antal')}: "12.000" är tvetydigt: punkten kan vara en tusentalsavgränsare eller ett decimaltecken. Skriv tusental med mellanslag eller utan avgränsare: 12 000 eller 12000.\n` +
      '  ERROR: placeringar.csv, line 2, column H (antal): "12.000" is ambiguous: the point may be a thousands separator or a decimal point. Write thousands with a space or no separator: 12 000 or 12000.',
    ]);
  });
  it('1,000 is not read as 1 (and then hidden)', () => {
    expect(count('1,000')).toEqual([
      `FEL: ${at('antal')}: "1,000" är tvetydigt: kommat kan vara en tusentalsavgränsare eller ett decimalkomma. Skriv tusental med mellanslag eller utan avgränsare: 1 000 eller 1000.\n` +
      '  ERROR: placeringar.csv, line 2, column H (antal): "1,000" is ambiguous: the comma may be a thousands separator or a decimal comma. Write thousands with a space or no separator: 1 000 or 1000.',
    ]);
  });
  it('1.234,5 (both a point and a comma)', () => {
    expect(count('1.234,5')[0]).toContain('"1.234,5" har både punkt och komma. Skriv tusental med mellanslag och decimaler med komma: 1 234,5.');
  });
  it('1,234,567 and 1.234.567 (grouping with commas or points)', () => {
    expect(count('1,234,567')[0]).toContain('"1,234,567" har komma som tusentalsavgränsare. Skriv tusental med mellanslag eller utan avgränsare: 1 234 567 eller 1234567.');
    expect(count('1.234.567')[0]).toContain('"1.234.567" har punkt som tusentalsavgränsare. Skriv tusental med mellanslag eller utan avgränsare: 1 234 567 eller 1234567.');
  });
  it('a space in the wrong place', () => {
    expect(count('20 44')[0]).toContain('"20 44" har mellanslag på fel ställe. Mellanslag får bara stå som tusentalsavgränsare, före var tredje siffra räknat från slutet: 2 044.');
  });
  it('a count with a decimal point', () => {
    expect(count('2.5')[0]).toContain('"2.5" har punkt som decimaltecken, och ett antal måste vara ett heltal.');
  });
  it('a share with a decimal point says to write a comma', () => {
    expect(share('15.2')).toEqual([
      'FEL: natverkshemsandel.csv, rad 2, kolumn D (andel): "15.2" har punkt som decimaltecken. Skriv decimaler med komma: 15,2.\n' +
      '  ERROR: natverkshemsandel.csv, line 2, column D (andel): "15.2" has a decimal point. Write decimals with a comma: 15,2.',
    ]);
  });
  it('a share of 12,500 % or 12.500 is ambiguous too', () => {
    expect(share('12,500 %')[0]).toContain('"12,500 %" är tvetydigt: kommat kan vara en tusentalsavgränsare eller ett decimalkomma. Skriv andelen i procent med decimalkomma och en eller två decimaler, t.ex. 12,5.');
    expect(share('12.500')[0]).toContain('"12.500" är tvetydigt: punkten kan vara en tusentalsavgränsare eller ett decimaltecken. Skriv andelen');
  });
  it('what the contract accepts still reads: 1 204, 2\u00a0044, 15,2 %, 12,5', () => {
    expect(count('1 204')).toEqual([]);
    expect(count('2\u00a0044')).toEqual([]);
    expect(share('15,2 %')).toEqual([]);
    expect(share('12,5')).toEqual([]);
  });
});
