// The data contract as a user meets it: what records get, and every error message (Swedish and English)
// naming file, line, column and value.
import { describe, expect, it } from 'vitest';
import { BESLUT_HEADER, csv, messages, PLACERINGAR_HEADER, readAll, validateText, values } from './helpers.ts';

const PLACEMENT_FORMS = 'jourhem, familjehem, natverkshem, hvb, sis, stodboende, skyddat_boende, ovrigt, totalt';
/** A placeringar row with the given cells, the rest ordinary. */
const place = (o: { period?: string; kod?: string; form?: string; kon?: string; alder?: string; avser?: string; antal?: string } = {}) =>
  [o.period ?? '2025-Q3', o.kod ?? '0180', 'Stockholm', o.form ?? 'jourhem', o.kon ?? 'totalt', o.alder ?? '0-20', o.avser ?? 'under_perioden', o.antal ?? '10'].join(';');
/** An ej_verkstallda_beslut row. */
const beslut = (o: { lag?: string; verksamhet?: string; insats?: string; kon?: string; status?: string; antal?: string } = {}) =>
  ['2025-Q3', '2580', 'Luleå', o.lag ?? 'SoL', o.verksamhet ?? 'ÄO', o.insats ?? 'Särskilt boende', o.kon ?? 'totalt', o.status ?? 'totalt', o.antal ?? '10'].join(';');

describe('records', () => {
  it('a full placeringar row gets exactly the contract values', () => {
    const { rows, issues } = validateText('placeringar', csv(`${PLACERINGAR_HEADER};kalla`, '2020;0180-01;Rinkeby-Kista;familjehem;flickor;13-17;vid_periodens_slut;94;stockholm'));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]._file).toBe('placeringar.csv');
    expect(rows[0]._line).toBe(2);
    expect(values(rows[0])).toEqual({
      period: '2020', enhetskod: '0180-01', enhetsnamn: 'Rinkeby-Kista', placeringsform: 'familjehem', kon: 'flickor',
      aldersgrupp: '13-17', avser: 'vid_periodens_slut', antal: 94, markering: null, kalla: 'stockholm',
    });
  });
  it('optional columns left out default to totalt / 0-20 / under_perioden', () => {
    const { rows, issues } = validateText('placeringar', csv('period;enhetskod;placeringsform;antal', '2025-Q3;0180;hvb;12'));
    expect(issues).toEqual([]);
    expect(values(rows[0])).toEqual({
      period: '2025-Q3', enhetskod: '0180', enhetsnamn: '', placeringsform: 'hvb', kon: 'totalt',
      aldersgrupp: '0-20', avser: 'under_perioden', antal: 12, markering: null, kalla: '',
    });
  });
  it('empty cells of optional columns take the same defaults', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, '2025-Q3;0180;;hvb;;;;12'));
    expect(issues).toEqual([]);
    expect([rows[0].kon, rows[0].aldersgrupp, rows[0].avser]).toEqual(['totalt', '0-20', 'under_perioden']);
  });
  it('ej_verkstallda_beslut defaults kon and status to totalt', () => {
    const { rows, issues } = validateText('ej_verkstallda_beslut', csv('period;enhetskod;lag;verksamhet;insats;antal', '2025-Q3;2580;SoL;ÄO;Hemtjänst;4'));
    expect(issues).toEqual([]);
    expect([rows[0].kon, rows[0].status]).toEqual(['totalt', 'totalt']);
  });
  it('K, M and T mean flickor, pojkar, totalt for children', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ kon: 'T' }), place({ kon: 'K', antal: '4' }), place({ kon: 'm', antal: '6' })));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.kon)).toEqual(['totalt', 'flickor', 'pojkar']);
  });
  it('K, M and T mean kvinnor, män, totalt for adults', () => {
    const { rows, issues } = validateText('ej_verkstallda_beslut', csv(BESLUT_HEADER, beslut({ kon: 'T' }), beslut({ kon: 'K', antal: '4' }), beslut({ kon: 'M', antal: '6' })));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.kon)).toEqual(['totalt', 'kvinnor', 'män']);
  });
  it('enum values are read regardless of case, with Swedish letters', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ form: 'Nätverkshem' }), place({ form: 'SKYDDAT BOENDE' }), place({ form: 'Stödboende' })));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.placeringsform)).toEqual(['natverkshem', 'skyddat_boende', 'stodboende']);
  });
  it('LSS decisions have an empty verksamhet', () => {
    const { rows, issues } = validateText('ej_verkstallda_beslut', csv(BESLUT_HEADER, beslut({ lag: 'LSS', verksamhet: '', insats: '9.4 Biträde av kontaktperson' })));
    expect(issues).toEqual([]);
    expect([rows[0].lag, rows[0].verksamhet, rows[0].insats]).toEqual(['LSS', '', '9.4 Biträde av kontaktperson']);
  });
  it('enhetsnamn is taken from enheter.csv, with a warning where the file names the unit otherwise', () => {
    const r = readAll({
      'enheter.csv': csv('enhetskod;enhetsnamn;niva;overordnad', '01;Stockholms län;lan;', '0180;Stockholms stad;kommun;01'),
      'placeringar.csv': csv(`${PLACERINGAR_HEADER};kalla`, place({ antal: '10' }) + ';k', place({ form: 'hvb', antal: '5' }) + ';k'),
      'kallor.csv': csv('kalla;titel', 'k;Rapport'),
    });
    expect(r.errors).toEqual([]);
    expect(r.tables.placeringar?.map((x) => x.enhetsnamn)).toEqual(['Stockholms stad', 'Stockholms stad']);
    expect(messages(r.warnings)).toEqual([
      'VARNING: placeringar.csv, rad 2, kolumn (enhetsnamn): "Stockholm" skiljer sig från namnet i enheter.csv ("Stockholms stad"), som används.\n' +
        '  WARNING: placeringar.csv, line 2, column (enhetsnamn): "Stockholm" differs from the name in enheter.csv ("Stockholms stad"), which is used.',
    ]);
  });
  it('without enheter.csv the units are derived from the figures', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place(), place({ kod: '0180-01', antal: '4' })) });
    expect(r.errors).toEqual([]);
    expect(r.tables.enheter?.map(values)).toEqual([
      { enhetskod: '0180', enhetsnamn: 'Stockholm', niva: 'kommun', overordnad: '' },
      { enhetskod: '0180-01', enhetsnamn: 'Stockholm', niva: 'enhet', overordnad: '0180' },
    ]);
  });
  it('placeringsform totalt counts children once: forms adding up to more is no error', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ form: 'totalt', antal: '10' }), place({ form: 'jourhem', antal: '5' }), place({ form: 'familjehem', antal: '8' })) });
    expect(r.errors).toEqual([]);
  });
});

describe('cell errors', () => {
  it('an unknown placeringsform lists the allowed ones', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ form: 'fosterhem' })));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      `FEL: placeringar.csv, rad 2, kolumn D (placeringsform): "fosterhem" är inget tillåtet värde för placeringsform. Tillåtna: ${PLACEMENT_FORMS}.\n` +
        `  ERROR: placeringar.csv, line 2, column D (placeringsform): "fosterhem" is not an allowed value of placeringsform. Allowed: ${PLACEMENT_FORMS}.`,
    ]);
  });
  it('a negative count (hyphen, real minus sign)', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ antal: '-3' }), place({ form: 'hvb', antal: '\u22123' })));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn H (antal): "-3" är negativt. Ett antal kan inte vara mindre än 0.\n' +
        '  ERROR: placeringar.csv, line 2, column H (antal): "-3" is negative. A count cannot be less than 0.',
      'FEL: placeringar.csv, rad 3, kolumn H (antal): "\u22123" är negativt. Ett antal kan inte vara mindre än 0.\n' +
        '  ERROR: placeringar.csv, line 3, column H (antal): "\u22123" is negative. A count cannot be less than 0.',
    ]);
  });
  it('a fractional count', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ antal: '2,5' })));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn H (antal): "2,5" har decimaler. Ett antal måste vara ett heltal.\n' +
        '  ERROR: placeringar.csv, line 2, column H (antal): "2,5" has decimals. A count must be a whole number.',
    ]);
  });
  it('a kommun code written 180 (Excel dropped the zero) gets the hint "Menade du 0180?"', () => {
    const { issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ kod: '180' })));
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn B (enhetskod): "180" är ingen enhetskod. Förväntat: 00 (riket), två siffror (län), fyra siffror (kommun, t.ex. 0180) eller kommunkod-nummer (t.ex. 0180-01). Menade du 0180? Excel tar bort inledande nollor om kolumnen inte är formaterad som text.\n' +
        '  ERROR: placeringar.csv, line 2, column B (enhetskod): "180" is not a unit code. Expected: 00 (the nation), two digits (county), four digits (municipality, e.g. 0180) or municipality code-number (e.g. 0180-01). Did you mean 0180? Excel drops leading zeros unless the column is formatted as text.',
    ]);
  });
  it('a län code written 1 gets the hint "Menade du 01?"; a code that is no number gets no hint', () => {
    const { issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, place({ kod: '1' }), place({ kod: 'Sthlm', form: 'hvb' })));
    expect(issues.map((i) => [i.line, i.value, i.sv.includes('Menade du 01?'), i.en.includes('Did you mean 01?'), i.sv.includes('Menade du')])).toEqual([
      [2, '1', true, true, true],
      [3, 'Sthlm', false, false, false],
    ]);
  });
  it('riket may be written as the word riket and is stored as 00', () => {
    const { rows, issues } = validateText('natverkshemsandel', csv('period;enhetskod;enhetsnamn;andel', '2022;riket;Riket;15'));
    expect(issues).toEqual([]);
    expect(rows[0].enhetskod).toBe('00');
  });
  it('an empty required text cell', () => {
    const { issues } = validateText('ej_verkstallda_beslut', csv(BESLUT_HEADER, beslut({ insats: '' })));
    expect(messages(issues)).toEqual([
      'FEL: ej_verkstallda_beslut.csv, rad 2, kolumn F (insats): är tom, men insats måste anges.\n' +
        '  ERROR: ej_verkstallda_beslut.csv, line 2, column F (insats): is empty, but insats is required.',
    ]);
  });
  it('a row with more fields than the header names the first extra column', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, `${place()};extra`));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn I: "extra" raden har 9 fält men rubrikraden 8. Kontrollera avgränsare och citattecken.\n' +
        '  ERROR: placeringar.csv, line 2, column I: "extra" the row has 9 fields but the header 8. Check the delimiter and quotes.',
    ]);
  });
  it('all errors of a file are reported at once: three bad cells give three errors', () => {
    const text = csv(PLACERINGAR_HEADER,
      place({ kod: '180', form: 'fosterhem', antal: '-1' }),
      place({ form: 'hvb' }),
      place({ form: 'sis', period: 'hösten 2025' }));
    const { rows, issues } = validateText('placeringar', text);
    expect(rows.map((r) => r._line)).toEqual([3]);
    expect(issues.map((i) => [i.line, i.columnLetter, i.column, i.value])).toEqual([
      [2, 'B', 'enhetskod', '180'],
      [2, 'D', 'placeringsform', 'fosterhem'],
      [2, 'H', 'antal', '-1'],
      [4, 'A', 'period', 'hösten 2025'],
    ]);
  });
});

describe('header errors', () => {
  it('an unknown column is refused, listing the allowed columns', () => {
    const { issues } = validateText('placeringar', csv('period;enhetskod;placeringsform;antal;personnr', '2025-Q3;0180;hvb;12;'));
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 1, kolumn E (personnr): "personnr" är ingen kolumn i placeringar. Tillåtna kolumner: period, enhetskod, enhetsnamn, placeringsform, kon, aldersgrupp, avser, antal, kalla. Andra kolumner publiceras inte, så att inga personuppgifter följer med.\n' +
        '  ERROR: placeringar.csv, line 1, column E (personnr): "personnr" is not a column of placeringar. Allowed columns: period, enhetskod, enhetsnamn, placeringsform, kon, aldersgrupp, avser, antal, kalla. Other columns are refused so that no personal data slips through.',
    ]);
  });
  it('a missing required column is reported once, not again on every row', () => {
    const { rows, issues } = validateText('ej_verkstallda_beslut', csv('period;enhetskod;lag;verksamhet;antal', '2025-Q3;2580;SoL;ÄO;4', '2025-Q3;2580;SoL;OF;5'));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: ej_verkstallda_beslut.csv, rad 1, kolumn (insats): kolumnen insats saknas i rubrikraden.\n' +
        '  ERROR: ej_verkstallda_beslut.csv, line 1, column (insats): the column insats is missing from the header row.',
    ]);
  });
  it('a column given twice', () => {
    const { issues } = validateText('placeringar', csv('period;enhetskod;placeringsform;antal;Antal', '2025-Q3;0180;hvb;12;12'));
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 1, kolumn E (antal): "Antal" kolumnen finns två gånger.\n' +
        '  ERROR: placeringar.csv, line 1, column E (antal): "Antal" the column appears twice.',
    ]);
  });
  it('an empty file', () => {
    const { issues } = validateText('placeringar', '');
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 1: filen är tom eller saknar rubrikrad.\n  ERROR: placeringar.csv, line 1: the file is empty or has no header row.',
    ]);
  });
});

describe('errors across rows and files', () => {
  it('a duplicate row in one file names the first one', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place(), place({ form: 'hvb' }), place()) });
    expect(messages(r.errors)).toEqual([
      'FEL: placeringar.csv, rad 4: raden är en dubblett av placeringar.csv rad 2 (period=2025-Q3, enhetskod=0180, placeringsform=jourhem, kon=totalt, aldersgrupp=0-20, avser=under_perioden).\n' +
        '  ERROR: placeringar.csv, line 4: the row duplicates placeringar.csv line 2 (period=2025-Q3, enhetskod=0180, placeringsform=jourhem, kon=totalt, aldersgrupp=0-20, avser=under_perioden).',
    ]);
  });
  it('rows written differently but meaning the same are duplicates (2025Q3 = 2025-Q3, K = flickor)', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place({ kon: 'flickor', antal: '4' }), place({ period: '2025Q3', kon: 'K', antal: '4' })) });
    expect(r.errors.map((e) => [e.file, e.line, e.sv.startsWith('raden är en dubblett av placeringar.csv rad 2')])).toEqual([['placeringar.csv', 3, true]]);
  });
  it('a duplicate across two files of one dataset (placeringar.csv and placeringar_demo.csv)', () => {
    const r = readAll({
      'placeringar_demo.csv': csv(PLACERINGAR_HEADER, place({ form: 'hvb' }), place()),
      'placeringar.csv': csv(PLACERINGAR_HEADER, place()),
    });
    expect(r.files.placeringar).toEqual(['placeringar.csv', 'placeringar_demo.csv']);
    expect(messages(r.errors)).toEqual([
      'FEL: placeringar_demo.csv, rad 3: raden är en dubblett av placeringar.csv rad 2 (period=2025-Q3, enhetskod=0180, placeringsform=jourhem, kon=totalt, aldersgrupp=0-20, avser=under_perioden).\n' +
        '  ERROR: placeringar_demo.csv, line 3: the row duplicates placeringar.csv line 2 (period=2025-Q3, enhetskod=0180, placeringsform=jourhem, kon=totalt, aldersgrupp=0-20, avser=under_perioden).',
    ]);
  });
  it('an unknown enhetskod, when enheter.csv exists', () => {
    const r = readAll({
      'enheter.csv': csv('enhetskod;enhetsnamn;niva', '0180;Stockholm;kommun'),
      'placeringar.csv': csv(PLACERINGAR_HEADER, place(), place({ kod: '0181' })),
    });
    expect(messages(r.errors)).toEqual([
      'FEL: placeringar.csv, rad 3, kolumn (enhetskod): "0181" finns inte i enheter.csv. Lägg till enheten där eller rätta koden.\n' +
        '  ERROR: placeringar.csv, line 3, column (enhetskod): "0181" is not in enheter.csv. Add the unit there or correct the code.',
    ]);
  });
  it('a source that is not in kallor.csv, and a source without any kallor.csv', () => {
    const withKallor = readAll({ 'kallor.csv': csv('kalla;titel', 'a;Rapport A'), 'placeringar.csv': csv(`${PLACERINGAR_HEADER};kalla`, `${place()};b`) });
    expect(messages(withKallor.errors)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn (kalla): "b" finns inte i kallor.csv.\n  ERROR: placeringar.csv, line 2, column (kalla): "b" is not in kallor.csv.',
    ]);
    const without = readAll({ 'placeringar.csv': csv(`${PLACERINGAR_HEADER};kalla`, `${place()};b`) });
    expect(messages(without.errors)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn (kalla): "b" hänvisar till en källa, men kallor.csv saknas.\n  ERROR: placeringar.csv, line 2, column (kalla): "b" names a source, but there is no kallor.csv.',
    ]);
  });
  it('a file name that belongs to no dataset', () => {
    const r = readAll({ 'placeringar.csv': csv(PLACERINGAR_HEADER, place()), 'placering.csv': csv(PLACERINGAR_HEADER, place()), 'README.md': '# not data' });
    expect(messages(r.errors)).toEqual([
      'FEL: placering.csv: hör inte till något dataset. Filnamnet ska börja med ett av: kallor, enheter, placeringar, ej_verkstallda_beslut, natverkshemsandel, handelser (t.ex. placeringar_2026-Q1.csv).\n' +
        '  ERROR: placering.csv: belongs to no dataset. The file name must start with one of: kallor, enheter, placeringar, ej_verkstallda_beslut, natverkshemsandel, handelser (e.g. placeringar_2026-Q1.csv).',
    ]);
  });
  it('file names: a dataset name followed by _, -, . or space and anything belongs to it', () => {
    const r = readAll({
      'placeringar_demo.csv': csv(PLACERINGAR_HEADER, place({ form: 'hvb' })),
      'placeringar-2026.csv': csv(PLACERINGAR_HEADER, place({ form: 'sis' })),
      'placeringar 2.csv': csv(PLACERINGAR_HEADER, place({ form: 'ovrigt' })),
      'Ej_verkstallda_beslut_2026-Q1.CSV': csv(BESLUT_HEADER, beslut()),
    });
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual({ placeringar: ['placeringar 2.csv', 'placeringar-2026.csv', 'placeringar_demo.csv'], ej_verkstallda_beslut: ['Ej_verkstallda_beslut_2026-Q1.CSV'] });
  });
  it('a folder with no figure files', () => {
    const expected = [
      'FEL: (datamappen): innehåller inga uppgifter. Minst en av placeringar.csv, ej_verkstallda_beslut.csv, natverkshemsandel.csv måste finnas.\n' +
        '  ERROR: (datamappen): holds no figures. At least one of placeringar.csv, ej_verkstallda_beslut.csv, natverkshemsandel.csv must exist.',
    ];
    expect(messages(readAll({}).errors)).toEqual(expected);
    expect(messages(readAll({ 'enheter.csv': csv('enhetskod;enhetsnamn;niva', '0180;Stockholm;kommun'), 'README.md': 'x' }).errors)).toEqual(expected);
  });
  it('LSS with a verksamhet', () => {
    const r = readAll({ 'ej_verkstallda_beslut.csv': csv(BESLUT_HEADER, beslut({ lag: 'LSS', verksamhet: 'OF', insats: '9.2 Biträde av personlig assistans' })) });
    expect(messages(r.errors)).toEqual([
      'FEL: ej_verkstallda_beslut.csv, rad 2, kolumn (verksamhet): "OF" ska vara tom för LSS (verksamhet ÄO, OF och IFO gäller SoL).\n' +
        '  ERROR: ej_verkstallda_beslut.csv, line 2, column (verksamhet): "OF" must be empty for LSS (the areas ÄO, OF and IFO apply to SoL).',
    ]);
  });
  it('SoL without a verksamhet', () => {
    const r = readAll({ 'ej_verkstallda_beslut.csv': csv(BESLUT_HEADER, beslut({ verksamhet: '' })) });
    expect(messages(r.errors)).toEqual([
      'FEL: ej_verkstallda_beslut.csv, rad 2, kolumn (verksamhet): saknas: ett SoL-beslut hör till ÄO, OF, IFO eller totalt.\n' +
        '  ERROR: ej_verkstallda_beslut.csv, line 2, column (verksamhet): is missing: a SoL decision belongs to ÄO, OF, IFO or totalt.',
    ]);
  });
});

describe('totals smaller than their parts', () => {
  const partTooLarge = (file: string, partLine: number, part: number, total: number, dim: string, totalValue: string, totalLine: number) => [
    `FEL: ${file}, rad ${partLine}, kolumn (antal): "${part}" är större än totalen ${total} (${dim}=${totalValue}) på ${file} rad ${totalLine}.\n` +
      `  ERROR: ${file}, line ${partLine}, column (antal): "${part}" is larger than the total ${total} (${dim}=${totalValue}) at ${file} line ${totalLine}.`,
  ];
  const sumTooLarge = (file: string, totalLine: number, total: number, sum: number, dim: string, lines: string) => [
    `FEL: ${file}, rad ${totalLine}, kolumn (antal): "${total}" är mindre än summan ${sum} av delarna efter ${dim} (rad ${lines}).\n` +
      `  ERROR: ${file}, line ${totalLine}, column (antal): "${total}" is smaller than the sum ${sum} of its parts by ${dim} (lines ${lines}).`,
  ];
  const P = 'placeringar.csv';
  const B = 'ej_verkstallda_beslut.csv';

  it('placeringar by kon: a part larger than the total', () => {
    const r = readAll({ [P]: csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ kon: 'flickor', antal: '12' }), place({ kon: 'pojkar', antal: '0' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(P, 3, 12, 10, 'kon', 'totalt', 2));
  });
  it('placeringar by kon: parts summing above the total', () => {
    const r = readAll({ [P]: csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ kon: 'flickor', antal: '6' }), place({ kon: 'pojkar', antal: '5' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(P, 2, 10, 11, 'kon', '3, 4'));
  });
  it('placeringar by aldersgrupp: a part larger than the total', () => {
    const r = readAll({ [P]: csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ alder: '13-17', antal: '11' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(P, 3, 11, 10, 'aldersgrupp', '0-20', 2));
  });
  it('placeringar by aldersgrupp: parts summing above the total', () => {
    const r = readAll({ [P]: csv(PLACERINGAR_HEADER, place({ alder: '0-12', antal: '4' }), place({ antal: '10' }), place({ alder: '13-17', antal: '5' }), place({ alder: '18-20', antal: '2' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(P, 3, 10, 11, 'aldersgrupp', '2, 4, 5'));
  });
  it('placeringar: parts equal to the total, or with markers, are fine', () => {
    const r = readAll({ [P]: csv(PLACERINGAR_HEADER, place({ antal: '10' }), place({ kon: 'flickor', antal: '*' }), place({ kon: 'pojkar', antal: '10' }),
      place({ form: 'hvb', antal: '10' }), place({ form: 'hvb', kon: 'K', antal: '4' }), place({ form: 'hvb', kon: 'M', antal: '6' })) });
    expect(r.errors).toEqual([]);
  });
  it('ej_verkstallda_beslut by kon: a part larger than the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ antal: '10' }), beslut({ kon: 'kvinnor', antal: '12' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(B, 3, 12, 10, 'kon', 'totalt', 2));
  });
  it('ej_verkstallda_beslut by kon: parts summing above the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ antal: '10' }), beslut({ kon: 'kvinnor', antal: '6' }), beslut({ kon: 'män', antal: '5' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(B, 2, 10, 11, 'kon', '3, 4'));
  });
  it('ej_verkstallda_beslut by status: a part larger than the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ antal: '10' }), beslut({ status: 'saknar_plats', antal: '11' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(B, 3, 11, 10, 'status', 'totalt', 2));
  });
  it('ej_verkstallda_beslut by status: parts summing above the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ antal: '10' }), beslut({ status: 'verkstallt', antal: '4' }), beslut({ status: 'tackat_nej', antal: '3' }), beslut({ status: 'saknar_plats', antal: '4' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(B, 2, 10, 11, 'status', '3, 4, 5'));
  });
  it('ej_verkstallda_beslut by insats: a part larger than the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ insats: 'totalt', antal: '10' }), beslut({ insats: 'Särskilt boende', antal: '11' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(B, 3, 11, 10, 'insats', 'totalt', 2));
  });
  it('ej_verkstallda_beslut by insats: parts summing above the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ insats: 'Totalt', antal: '10' }), beslut({ insats: 'Särskilt boende', antal: '6' }), beslut({ insats: 'Hemtjänst', antal: '5' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(B, 2, 10, 11, 'insats', '3, 4'));
  });
  it('ej_verkstallda_beslut by verksamhet (SoL, all insatser): a part larger than the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ verksamhet: 'totalt', insats: 'totalt', antal: '10' }), beslut({ verksamhet: 'IFO', insats: 'totalt', antal: '11' })) });
    expect(messages(r.errors)).toEqual(partTooLarge(B, 3, 11, 10, 'verksamhet', 'totalt', 2));
  });
  it('ej_verkstallda_beslut by verksamhet (SoL, all insatser): parts summing above the total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ verksamhet: 'totalt', insats: 'totalt', antal: '10' }), beslut({ verksamhet: 'ÄO', insats: 'totalt', antal: '6' }), beslut({ verksamhet: 'IFO', insats: 'totalt', antal: '5' })) });
    expect(messages(r.errors)).toEqual(sumTooLarge(B, 2, 10, 11, 'verksamhet', '3, 4'));
  });
  it('insatser of different verksamheter are not parts of one total', () => {
    const r = readAll({ [B]: csv(BESLUT_HEADER, beslut({ verksamhet: 'ÄO', insats: 'totalt', antal: '5' }), beslut({ verksamhet: 'ÄO', insats: 'Hemtjänst', antal: '5' }), beslut({ verksamhet: 'IFO', insats: 'Kontaktperson', antal: '7' })) });
    expect(r.errors).toEqual([]);
  });
});

describe('the summary line', () => {
  it('counts errors in English with the right number', async () => {
    const { errorCount } = await import('../../../src/data/errors.ts');
    expect(errorCount(1)).toBe('1 error');
    expect(errorCount(6)).toBe('6 errors');
  });
});
