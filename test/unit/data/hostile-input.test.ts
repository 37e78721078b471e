// Careless and hostile input, as issue 12 tried it: every file refused with file, line and column (or read
// right where the contract says it should be), at any size, and every check the build relies on made by
// the pipeline that check-data runs too.
import { describe, expect, it } from 'vitest';
import { IssueLog, issue, moreIssues } from '../../../src/data/errors.ts';
import { csv, messages, PLACERINGAR_HEADER, readAll, validateText } from './helpers.ts';

const place = (o: { period?: string; kod?: string; namn?: string; form?: string; kon?: string; antal?: string } = {}) =>
  [o.period ?? '2025-Q3', o.kod ?? '0180', o.namn ?? 'Stockholm', o.form ?? 'jourhem', o.kon ?? 'totalt', '0-20', 'under_perioden', o.antal ?? '10'].join(';');
const ENHETER = 'enhetskod;enhetsnamn;niva;overordnad';
/** The warnings other than the one that rows name no source (these files have no kalla column). */
const warningsBut = (r: ReturnType<typeof readAll>) => r.warnings.filter((w) => w.column !== 'kalla');

describe('sizes: millions of errors never crash and never fill the memory', () => {
  it('200 000 bad rows (400 000 errors): the first 100 are kept, in order, and all are counted', () => {
    const bad = '2025-Q3;180;Stockholm;fosterhem;totalt;0-20;under_perioden;5';
    const text = `${PLACERINGAR_HEADER}\n${`${bad}\n`.repeat(200_000)}`;
    const r = readAll({ 'placeringar.csv': text });
    expect(r.errorCount).toBe(400_000);
    expect(r.errors).toHaveLength(100);
    expect(r.errors.slice(0, 3).map((e) => [e.line, e.column])).toEqual([[2, 'enhetskod'], [2, 'placeringsform'], [3, 'enhetskod']]);
    expect(r.errors[99].line).toBe(51);
    expect(moreIssues(r.errors.length, r.errorCount, 'error')).toBe(
      '… och 399 900 fel till som inte visas (de första 100 visas ovan). / … and 399900 more errors not shown (the first 100 are above).');
  }, 60_000);
  it('a header of a million columns: one error per unknown column, the first 100 kept', () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `x${i}`).join(';');
    const r = readAll({ 'placeringar.csv': `${header}\n` });
    // A million unknown columns, and the four required ones missing.
    expect(r.errorCount).toBe(1_000_004);
    expect(r.errors).toHaveLength(100);
    expect(r.errors[0]).toMatchObject({ line: 1, column: 'x0', columnLetter: 'A' });
    expect(r.errors[99]).toMatchObject({ line: 1, column: 'x99', columnLetter: 'CV' });
  }, 60_000);
  it('a group of a million parts names a few of their lines, not all of them', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `2025-Q3;2580;Luleå;SoL;ÄO;Insats ${i};totalt;totalt;1`);
    const r = readAll({ 'ej_verkstallda_beslut.csv': csv('period;enhetskod;enhetsnamn;lag;verksamhet;insats;kon;status;antal', '2025-Q3;2580;Luleå;SoL;ÄO;totalt;totalt;totalt;10', ...rows) });
    expect(r.errorCount).toBe(1);
    const first30 = Array.from({ length: 30 }, (_, i) => i + 3).join(', ');
    expect(r.errors[0].sv).toBe(`är mindre än summan 20000 av delarna efter insats (rad ${first30} och 19 970 till).`);
    expect(r.errors[0].en).toBe(`is smaller than the sum 20000 of its parts by insats (lines ${first30} and 19970 more).`);
  });
  it('IssueLog keeps errors and warnings apart, each up to its limit', () => {
    const log = new IssueLog(2);
    for (let i = 0; i < 5; i++) log.add(issue('error', { file: 'f', line: i }, 'x', 'x'));
    for (let i = 0; i < 3; i++) log.add(issue('warning', { file: 'f', line: i }, 'w', 'w'));
    expect([log.errors.length, log.errorCount, log.warnings.length, log.warningCount]).toEqual([2, 5, 2, 3]);
    expect(moreIssues(2, 3, 'warning')).toBe('… och 1 varningar till som inte visas (de första 2 visas ovan). / … and 1 more warning not shown (the first 2 are above).');
    expect(moreIssues(5, 5, 'error')).toBeNull();
  });
});

describe('a file with only a header row', () => {
  it('gets a warning; the dataset exists with no rows', () => {
    const r = readAll({ 'placeringar.csv': `${PLACERINGAR_HEADER}\n\n` });
    expect(r.errors).toEqual([]);
    expect(r.tables.placeringar).toEqual([]);
    expect(messages(r.warnings)).toEqual([
      'VARNING: placeringar.csv: har en rubrikrad men inga rader med uppgifter, så filen bidrar inte med något. Var det rätt fil?\n' +
      '  WARNING: placeringar.csv: has a header row but no rows of data, so the file adds nothing. Was it the right file?',
    ]);
  });
});

describe('periods in the future', () => {
  const today = new Date(Date.UTC(2026, 11, 1)); // 2026-12-01: the quarter after is 2027-Q1
  it('after the quarter following today: one warning per file, at its first such row, with a count', () => {
    const r = readAll({
      'placeringar.csv': csv(PLACERINGAR_HEADER, place({ period: '2027-Q1' }), place({ period: '2027-Q2' }), place({ period: '2052' }), place({ period: '2100', form: 'hvb' })),
    }, { today });
    expect(r.errors).toEqual([]);
    expect(messages(warningsBut(r))).toEqual([
      'VARNING: placeringar.csv, rad 3, kolumn (period): "2027-Q2" ligger i framtiden: efter 2027-Q1, kvartalet efter i dag (2026-12-01), liksom 2 rader till i filen. Kontrollera perioden.\n' +
      '  WARNING: placeringar.csv, line 3, column (period): "2027-Q2" lies in the future: after 2027-Q1, the quarter after today (2026-12-01), as do 2 more rows of the file. Check the period.',
    ]);
  });
  it('the current year and quarter, and the next quarter, are no warning', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ period: '2026' }), place({ period: '2026-Q4' }), place({ period: '2027-Q1' })) }, { today });
    expect(warningsBut(r)).toEqual([]);
  });
});

describe('a unit larger than the unit it is part of', () => {
  const enheter = csv(ENHETER, '01;Stockholms län;lan;', '0180;Stockholm;kommun;01', '0180-01;Rinkeby-Kista;stadsdel;0180', '0180-02;Spånga-Tensta;stadsdel;0180');

  it('a district with more than its municipality (same period, form, sex, age and measure)', () => {
    const r = readAll({ 'enheter.csv': enheter, 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ kod: '0180-01', namn: 'Rinkeby-Kista', antal: '12' }), place({ kod: '0180-02', namn: 'Spånga-Tensta', antal: '9' })) });
    expect(messages(r.errors)).toEqual([
      'FEL: placeringar.csv, rad 3, kolumn (antal): "12" är större än 10 för 0180 Stockholm, som enheten 0180-01 ingår i (placeringar.csv rad 2). En del kan inte vara större än helheten: kontrollera enhetskoderna och talen.\n' +
      '  ERROR: placeringar.csv, line 3, column (antal): "12" is larger than 10 for 0180 Stockholm, which the unit 0180-01 is part of (placeringar.csv line 2). A part cannot be larger than its whole: check the unit codes and the figures.',
    ]);
  });
  it('a municipality with more than its county; compared with the nearest unit above that has a number', () => {
    const r = readAll({
      'enheter.csv': enheter,
      'placeringar.csv': csv(PLACERINGAR_HEADER, place({ kod: '01', namn: 'Stockholms län', antal: '20' }), place({ antal: '*' }), place({ kod: '0180-01', antal: '21' }), place({ kod: '0180', antal: '25', form: 'hvb' }), place({ kod: '01', antal: '24', form: 'hvb' })),
    });
    expect(r.errors.map((e) => [e.line, e.value, e.sv.split(',')[0]])).toEqual([
      [4, '21', 'är större än 20 för 01 Stockholms län'],
      [5, '25', 'är större än 24 för 01 Stockholms län'],
    ]);
  });
  it('other keys are not compared: another period, form or sex; and districts may add up to more than their municipality', () => {
    const r = readAll({
      'enheter.csv': enheter,
      'placeringar.csv': csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ kod: '0180-01', antal: '12', period: '2025-Q2' }), place({ kod: '0180-01', antal: '12', form: 'hvb' }),
        place({ kod: '0180-01', antal: '6' }), place({ kod: '0180-02', antal: '6' })),
    });
    expect(r.errors).toEqual([]);
  });
  it('ej_verkstallda_beslut too, and without enheter.csv a district belongs to the municipality its code starts with', () => {
    const r = readAll({
      'ej_verkstallda_beslut.csv': csv('period;enhetskod;lag;verksamhet;insats;antal', '2025-Q3;2580;LSS;;totalt;3', '2025-Q3;2580-01;LSS;;totalt;4'),
    });
    expect(r.errors.map((e) => [e.file, e.line, e.column, e.value])).toEqual([['ej_verkstallda_beslut.csv', 3, 'antal', '4']]);
  });
  it('overordnad forming a loop is an error', () => {
    const r = readAll({ 'enheter.csv': csv(ENHETER, '0180;Stockholm;kommun;0180-01', '0180-01;Rinkeby-Kista;stadsdel;0180'), 'placeringar.csv': csv(PLACERINGAR_HEADER, place()) });
    expect(messages(r.errors)).toEqual([
      'FEL: enheter.csv, rad 2, kolumn (overordnad): "0180-01" gör att enheterna bildar en slinga (0180 → 0180-01 → 0180): en enhet kan inte ingå i sig själv.\n' +
      '  ERROR: enheter.csv, line 2, column (overordnad): "0180-01" makes the units form a loop (0180 → 0180-01 → 0180): a unit cannot be part of itself.',
    ]);
  });
});

describe('invisible, text-direction and control characters', () => {
  it('a zero-width space in a name is removed, with one warning per column', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ namn: 'Stock\u200bholm' }), place({ namn: '\u00adStockholm', form: 'hvb' }), place({ form: 'sis' })) });
    expect(r.errors).toEqual([]);
    expect(r.tables.placeringar?.map((row) => row.enhetsnamn)).toEqual(['Stockholm', 'Stockholm', 'Stockholm']);
    expect(messages(warningsBut(r))).toEqual([
      'VARNING: placeringar.csv, rad 2, kolumn C (enhetsnamn): "Stock<U+200B>holm" innehåller ett osynligt tecken, U+200B (nollbreddsmellanslag), som tas bort (även i 1 rad till i kolumnen). Sådana tecken följer ofta med när text kopieras från Word eller en webbsida.\n' +
      '  WARNING: placeringar.csv, line 2, column C (enhetsnamn): "Stock<U+200B>holm" holds an invisible character, U+200B (zero-width space), which is removed (also in 1 more row of the column). Such characters often come along when text is copied from Word or a web page.',
    ]);
  });
  it('a zero-width character in a code or a period is removed too, so the value reads right', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ period: '2025-Q3\u200b', kod: '\ufeff0180' })) });
    expect(r.errors).toEqual([]);
    expect([r.tables.placeringar?.[0].period, r.tables.placeringar?.[0].enhetskod]).toEqual(['2025-Q3', '0180']);
    expect(warningsBut(r).map((w) => w.column)).toEqual(['period', 'enhetskod']);
  });
  it('a bidi override in a name is refused', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ namn: 'Stock\u202eholm' })));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn C (enhetsnamn): "Stock<U+202E>holm" innehåller ett osynligt tecken för textriktning, U+202E (höger-till-vänster-åsidosättning). Det kan få texten att visas i en annan ordning än den lagras; ta bort tecknet.\n' +
      '  ERROR: placeringar.csv, line 2, column C (enhetsnamn): "Stock<U+202E>holm" holds an invisible text-direction character, U+202E (right-to-left override), which can make the text display in another order than it is stored; remove it.',
    ]);
  });
  it('isolates and marks are refused like overrides', () => {
    for (const c of ['\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u202a', '\u061c']) {
      const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ namn: `Solna${c}` })));
      expect(rows, c.codePointAt(0)?.toString(16)).toEqual([]);
      expect(issues[0].sv).toMatch(/^innehåller ett osynligt tecken för textriktning/);
    }
  });
  it('a NUL in a text is refused', () => {
    const { rows, issues } = validateText('handelser', csv('datum;rubrik;beskrivning', '2025-07-01;Ny lag;Text\u0000mer'));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: handelser.csv, rad 2, kolumn C (beskrivning): "Text<U+0000>mer" innehåller styrtecknet U+0000 (NUL), som inte hör hemma i text. Filen kan vara skadad eller sparad i fel format; ta bort tecknet eller spara filen på nytt som CSV.\n' +
      '  ERROR: handelser.csv, line 2, column C (beskrivning): "Text<U+0000>mer" holds the control character U+0000 (NUL), which does not belong in text. The file may be damaged or saved in the wrong format; remove the character or save the file again as CSV.',
    ]);
  });
  it('in a header: a zero-width character is removed with a warning, a bidi control refused', () => {
    const ok = validateText('placeringar', csv(PLACERINGAR_HEADER.replace('antal', 'an\u200btal'), place()));
    expect(ok.rows).toHaveLength(1);
    expect(ok.issues.map((i) => [i.severity, i.line, i.column])).toEqual([['warning', 1, 'antal']]);
    const bad = validateText('placeringar', csv(PLACERINGAR_HEADER.replace('antal', '\u202eantal'), place()));
    expect(bad.issues.map((i) => [i.severity, i.line, i.columnLetter, i.sv.split(',')[0]])).toEqual([
      ['error', 1, 'H', 'rubriken innehåller ett osynligt tecken för textriktning'],
      ['error', 1, '', 'kolumnen antal saknas i rubrikraden.'],
    ]);
  });
  it('in a file name: invisible, bidi and control characters are refused (file names are published)', () => {
    const r = readAll({ 'placeringar\u200b.csv': csv(PLACERINGAR_HEADER, place()), 'placeringar_\u202ecsv.exe.csv': csv(PLACERINGAR_HEADER, place()) });
    expect(messages(r.errors)).toEqual([
      'FEL: placeringar_<U+202E>csv.exe.csv: filnamnet innehåller tecknet U+202E (höger-till-vänster-åsidosättning), som inte syns eller styr textens riktning. Byt namn på filen (filnamnen publiceras på webbplatsen).\n' +
      '  ERROR: placeringar_<U+202E>csv.exe.csv: the file name holds the character U+202E (right-to-left override), which is invisible or controls the text direction. Rename the file (file names are published with the site).',
      'FEL: placeringar<U+200B>.csv: filnamnet innehåller tecknet U+200B (nollbreddsmellanslag), som inte syns eller styr textens riktning. Byt namn på filen (filnamnen publiceras på webbplatsen).\n' +
      '  ERROR: placeringar<U+200B>.csv: the file name holds the character U+200B (zero-width space), which is invisible or controls the text direction. Rename the file (file names are published with the site).',
      'FEL: (datamappen): innehåller inga uppgifter. Minst en av placeringar.csv, ej_verkstallda_beslut.csv, natverkshemsandel.csv måste finnas.\n' +
      '  ERROR: (datamappen): holds no figures. At least one of placeringar.csv, ej_verkstallda_beslut.csv, natverkshemsandel.csv must exist.',
    ]);
  });
});
