// natverkshemsandel.kvalificering: the word a source puts before a share ("drygt 15 procent"), kept so
// that the share is shown as the source gives it, from an allowed list.
import { describe, expect, it } from 'vitest';
import { csv, messages, readAll, validateText } from './helpers.ts';

const N = 'natverkshemsandel.csv';
const HEADER = 'period;enhetskod;enhetsnamn;andel;kvalificering';

describe('kvalificering', () => {
  it('is read from the allowed words and their other spellings', () => {
    const { rows, issues } = validateText('natverkshemsandel', csv(HEADER,
      '2022;00;Riket;15;drygt', '2021;00;Riket;15;Knappt', '2020;00;Riket;15;ca', '2019;00;Riket;15;ungefär',
      '2018;00;Riket;15;över', '2017;00;Riket;15;mer än', '2016;00;Riket;15;mindre än', '2015;00;Riket;15;nästan', '2014;00;Riket;15,2;'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.period, r.andel, r.kvalificering])).toEqual([
      ['2022', 15, 'drygt'], ['2021', 15, 'knappt'], ['2020', 15, 'cirka'], ['2019', 15, 'cirka'],
      ['2018', 15, 'over'], ['2017', 15, 'over'], ['2016', 15, 'under'], ['2015', 15, 'knappt'], ['2014', 15.2, ''],
    ]);
  });

  it('is empty when the column is left out', () => {
    const { rows, issues } = validateText('natverkshemsandel', csv('period;enhetskod;andel', '2022;00;15'));
    expect(issues).toEqual([]);
    expect(rows[0].kvalificering).toBe('');
  });

  it('refuses a word outside the list, naming file, line, column and the allowed words', () => {
    const { issues } = validateText('natverkshemsandel', csv(HEADER, '2022;00;Riket;15;runt'));
    expect(messages(issues)).toEqual([
      `FEL: ${N}, rad 2, kolumn E (kvalificering): "runt" är inget tillåtet värde för kvalificering. Tillåtna: drygt, knappt, cirka, over, under.\n` +
        `  ERROR: ${N}, line 2, column E (kvalificering): "runt" is not an allowed value of kvalificering. Allowed: drygt, knappt, cirka, over, under.`,
    ]);
  });

  it('refuses a qualifier on a share given as a marker', () => {
    const r = readAll({ [N]: csv(HEADER, '2022;1401;Härryda;*;drygt', '2022;1407;Öckerö;..;') });
    expect(messages(r.errors)).toEqual([
      `FEL: ${N}, rad 2, kolumn (kvalificering): "drygt" hör till ett tal, men andelen saknas (sekretess). Lämna kvalificering tom när andel är en markering.\n` +
        `  ERROR: ${N}, line 2, column (kvalificering): "drygt" belongs to a figure, but the share is missing (sekretess). Leave kvalificering empty when andel is a marker.`,
    ]);
  });
});
