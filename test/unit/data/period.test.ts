import { describe, expect, it } from 'vitest';
import { parsePeriod, periodEndDate, periodToDate, shiftPeriod } from '../../../src/data/period.ts';
import { csv, PLACERINGAR_HEADER, messages, validateText } from './helpers.ts';

const canonical = (s: string) => parsePeriod(s)?.canonical ?? null;

describe('parsePeriod: every accepted form gives the canonical period', () => {
  it('2025-Q3 (the canonical form itself)', () => {
    expect(parsePeriod('2025-Q3')).toEqual({ canonical: '2025-Q3', kind: 'quarter', year: 2025, quarter: 3 });
  });
  it('2025Q3', () => expect(canonical('2025Q3')).toBe('2025-Q3'));
  it('2025K3 (Swedish K for kvartal)', () => expect(canonical('2025K3')).toBe('2025-Q3'));
  it('lower case 2025-q3 and 2025k3', () => {
    expect(canonical('2025-q3')).toBe('2025-Q3');
    expect(canonical('2025k3')).toBe('2025-Q3');
  });
  it('Q3 2025', () => expect(canonical('Q3 2025')).toBe('2025-Q3'));
  it('kvartal 3 2025', () => expect(canonical('kvartal 3 2025')).toBe('2025-Q3'));
  it('kv. 3 2025 (the site’s own short form)', () => expect(canonical('kv. 3 2025')).toBe('2025-Q3'));
  it('3:e kvartalet 2025', () => expect(canonical('3:e kvartalet 2025')).toBe('2025-Q3'));
  it('1:a kvartalet 2025 and 2:a kvartalet 2025', () => {
    expect(canonical('1:a kvartalet 2025')).toBe('2025-Q1');
    expect(canonical('2:a kvartalet 2025')).toBe('2025-Q2');
  });
  it('tredje kvartalet 2025 (ordinal word), also första, andra, fjärde', () => {
    expect(canonical('tredje kvartalet 2025')).toBe('2025-Q3');
    expect(canonical('första kvartalet 2025')).toBe('2025-Q1');
    expect(canonical('andra kvartalet 2025')).toBe('2025-Q2');
    expect(canonical('Fjärde kvartalet 2025')).toBe('2025-Q4');
  });
  it('the last day of each quarter names that quarter', () => {
    expect(canonical('2025-03-31')).toBe('2025-Q1');
    expect(canonical('2025-06-30')).toBe('2025-Q2');
    expect(canonical('2025-09-30')).toBe('2025-Q3');
    expect(canonical('2025-12-31')).toBe('2025-Q4');
  });
  it('a year stays a year: 2020 is never spread over quarters', () => {
    expect(parsePeriod('2020')).toEqual({ canonical: '2020', kind: 'year', year: 2020, quarter: null });
  });
  it('surrounding and repeated spaces are ignored', () => {
    expect(canonical('  Q3   2025 ')).toBe('2025-Q3');
    expect(canonical(' 2020 ')).toBe('2020');
  });
});

describe('parsePeriod: refusals', () => {
  it('a date that is not the last day of a quarter', () => {
    expect(parsePeriod('2025-09-29')).toBeNull();
    expect(parsePeriod('2025-10-01')).toBeNull();
  });
  it('a quarter that does not exist: 2025-Q5, 2025-Q0, kvartal 5 2025', () => {
    expect(parsePeriod('2025-Q5')).toBeNull();
    expect(parsePeriod('2025-Q0')).toBeNull();
    expect(parsePeriod('kvartal 5 2025')).toBeNull();
  });
  it('garbage, empty text, a month and a two-digit year', () => {
    for (const s of ['', 'hösten', 'Q3', '2025-09', '25-Q3', 'abc 2025', '2025-Q3x', '20201']) {
      expect(parsePeriod(s), s).toBeNull();
    }
  });
});

describe('period dates and steps', () => {
  it('periodToDate gives the first day (UTC) of a quarter or a year', () => {
    expect(periodToDate('2025-Q1').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(periodToDate('2025-Q3').toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(periodToDate('2020').toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
  it('periodEndDate gives the last day of each quarter and of a year', () => {
    expect(periodEndDate('2025-Q1').toISOString().slice(0, 10)).toBe('2025-03-31');
    expect(periodEndDate('2025-Q2').toISOString().slice(0, 10)).toBe('2025-06-30');
    expect(periodEndDate('2025-Q3').toISOString().slice(0, 10)).toBe('2025-09-30');
    expect(periodEndDate('2025-Q4').toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(periodEndDate('2020').toISOString().slice(0, 10)).toBe('2020-12-31');
  });
  it('periodEndDate and the quarter-end date form agree (round trip)', () => {
    for (const q of ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']) {
      expect(canonical(periodEndDate(q).toISOString().slice(0, 10))).toBe(q);
    }
  });
  it('shiftPeriod steps over year boundaries both ways and keeps years as years', () => {
    expect(shiftPeriod('2025-Q3', 1)).toBe('2025-Q4');
    expect(shiftPeriod('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftPeriod('2025-Q1', -1)).toBe('2024-Q4');
    expect(shiftPeriod('2025-Q3', -4)).toBe('2024-Q3');
    expect(shiftPeriod('2025-Q2', -9)).toBe('2023-Q1');
    expect(shiftPeriod('2020', -1)).toBe('2019');
    expect(shiftPeriod('2020', 3)).toBe('2023');
  });
  it('period arithmetic reaches past the years a file may hold: the period after 2100 and before 1900', () => {
    // A chart's time axis ends at the period after the last one; a key figure compares with the one before.
    expect(shiftPeriod('2100', 1)).toBe('2101');
    expect(periodToDate(shiftPeriod('2100', 1))).toEqual(new Date(Date.UTC(2101, 0, 1)));
    expect(shiftPeriod('2100-Q4', 1)).toBe('2101-Q1');
    expect(periodEndDate('2101-Q1')).toEqual(new Date(Date.UTC(2101, 2, 31)));
    expect(shiftPeriod('1900-Q1', -4)).toBe('1899-Q1');
    expect(shiftPeriod('1900', -1)).toBe('1899');
  });
  it('the date helpers refuse what is not a period', () => {
    expect(() => periodToDate('hösten')).toThrow('not a period: hösten');
    expect(() => periodEndDate('2025-Q5')).toThrow('not a period: 2025-Q5');
    expect(() => shiftPeriod('x', 1)).toThrow('not a period: x');
  });
});

describe('periods in a file', () => {
  it('every form in one file is stored canonically', () => {
    const forms = ['2025-Q3', '2025Q3', '2025K3', 'Q3 2025', 'kvartal 3 2025', 'kv. 3 2025', '3:e kvartalet 2025', 'tredje kvartalet 2025', '2025-09-30'];
    const text = csv(PLACERINGAR_HEADER, ...forms.map((p, i) => `${p};0180;Stockholm;jourhem;totalt;0-20;under_perioden;${10 + i}`), '2020;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5');
    const { rows, issues } = validateText('placeringar', text);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.period)).toEqual([...forms.map(() => '2025-Q3'), '2020']);
  });
  it('an unparseable period is an error naming file, line, column and the accepted forms', () => {
    const { rows, issues } = validateText('placeringar', csv(PLACERINGAR_HEADER, '2025-09-29;0180;Stockholm;jourhem;totalt;0-20;under_perioden;5'));
    expect(rows).toEqual([]);
    expect(messages(issues)).toEqual([
      'FEL: placeringar.csv, rad 2, kolumn A (period): "2025-09-29" är ingen period som går att läsa. Använd t.ex. 2025-Q3, 2025Q3, 2025K3, Q3 2025, kvartal 3 2025, 3:e kvartalet 2025, 2025-09-30 (kvartalets sista dag) eller 2020 (år).\n' +
        '  ERROR: placeringar.csv, line 2, column A (period): "2025-09-29" is not a period that can be read. Use e.g. 2025-Q3, 2025Q3, 2025K3, Q3 2025, kvartal 3 2025, 3:e kvartalet 2025, 2025-09-30 (last day of a quarter) or 2020 (year).',
    ]);
  });
});
