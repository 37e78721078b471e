import { describe, expect, it } from 'vitest';
import { parseMarker } from '../../../src/data/markers.ts';
import { csv, PLACERINGAR_HEADER, validateText } from './helpers.ts';

// Each marker, as written in a file, gives antal NULL and the right markering — never 0.
const CASES: [string, string][] = [
  ['*', 'sekretess'],
  ['x', 'sekretess'],
  ['X', 'sekretess'],
  ['U', 'sekretess'],
  ['<4', 'sekretess'],
  ['..', 'saknas'],
  ['.', 'saknas'],
  ['NA', 'saknas'],
  ['', 'saknas'],
  ['-', 'inget_att_redovisa'],
  ['–', 'inget_att_redovisa'],
];

function countCell(cell: string) {
  const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, `2020;0180-01;Rinkeby-Kista;sis;totalt;0-20;under_perioden;${cell}`));
  expect(issues).toEqual([]);
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('markers in a count cell', () => {
  for (const [cell, marker] of CASES) {
    it(`${JSON.stringify(cell)} → antal NULL, markering ${marker}`, () => {
      const row = countCell(cell);
      expect(row.antal).toBeNull();
      expect(row.antal).not.toBe(0);
      expect(row.markering).toBe(marker);
    });
  }
  it('a marker with spaces around it is still the marker', () => {
    expect(countCell('  *  ').markering).toBe('sekretess');
    expect(countCell(' <4').markering).toBe('sekretess');
  });
  it('a published count has markering NULL', () => {
    const row = countCell('0');
    expect(row.antal).toBe(0);
    expect(row.markering).toBeNull();
  });
});

describe('markers in a share cell', () => {
  it('`*`, `..` and `-` give andel NULL with their markering', () => {
    const { rows, issues } = validateText('natverkshemsandel', csv('period;enhetskod;enhetsnamn;andel', '2023;1401;Härryda;*', '2023;1402;Partille;..', '2023;1407;Öckerö;-'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.andel, r.markering])).toEqual([[null, 'sekretess'], [null, 'saknas'], [null, 'inget_att_redovisa']]);
  });
});

describe('parseMarker', () => {
  it('knows every spelling', () => {
    for (const [cell, marker] of CASES) expect(parseMarker(cell), JSON.stringify(cell)).toBe(marker);
  });
  it('is null for numbers and other text', () => {
    for (const s of ['0', '4', '12', 'abc', '<', '4<']) expect(parseMarker(s), s).toBeNull();
  });
});
