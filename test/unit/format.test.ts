import { describe, expect, it } from 'vitest';
import {
  MINUS,
  NBSP,
  formatChange,
  formatCount,
  formatDate,
  formatNumber,
  formatPercent,
  formatValue,
  formatValueChange,
  locale,
  periodLabel,
  periodLabelLong,
  periodRangeLabel,
} from '../../src/i18n/format.ts';

// Expected strings spell the no-break space and the minus sign out, so a plain space or a hyphen fails.
const _ = '\u00a0';
const minus = '\u2212';

describe('sv-SE locale', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(NBSP).toBe(_);
    expect(MINUS).toBe(minus);
    expect(locale.format(',.2f')(1234567.891)).toBe(`1${_}234${_}567,89`);
  });
});

describe('formatCount', () => {
  it('writes whole numbers with no-break-space grouping', () => {
    expect(formatCount(2044)).toBe(`2${_}044`);
    expect(formatCount(278400)).toBe(`278${_}400`);
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-1234)).toBe(`${minus}1${_}234`);
    expect(formatCount(2044)).not.toContain(' ');
  });
  it('rounds a non-integer to a whole number', () => {
    expect(formatCount(2044.5)).toBe(`2${_}045`);
  });
});

describe('formatNumber and formatPercent', () => {
  it('rounds half away from zero, never shows −0', () => {
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.5)).toBe(`${minus}3`);
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatNumber(1234.56, 1)).toBe(`1${_}234,6`);
  });
  it('writes a value already in percent with a space before the sign', () => {
    expect(formatPercent(15.2)).toBe(`15,2${_}%`);
    expect(formatPercent(15.25)).toBe(`15,3${_}%`);
    expect(formatPercent(7, 0)).toBe(`7${_}%`);
    expect(formatPercent(100)).toBe(`100,0${_}%`);
  });
  it('formats by value kind', () => {
    expect(formatValue(2044, 'count')).toBe(`2${_}044`);
    expect(formatValue(12.345, 'percent')).toBe(`12,3${_}%`);
    expect(formatValue(12.345, 'percent', 2)).toBe(`12,35${_}%`);
  });
});

describe('formatChange', () => {
  it('writes a sign: plus, real minus, none for zero', () => {
    expect(formatChange(3)).toBe('+3');
    expect(formatChange(-2)).toBe(`${minus}2`);
    expect(formatChange(0)).toBe('0');
    expect(formatChange(1500)).toBe(`+1${_}500`);
    expect(formatChange(-0.3)).toBe('0');
    expect(formatChange(1.25, 1)).toBe('+1,3');
    expect(formatChange(-0.04, 1)).toBe('0,0');
    expect(formatValueChange(-1.2, 'percent')).toBe(`${minus}1,2`);
    expect(formatValueChange(12, 'count')).toBe('+12');
  });
});

describe('period labels', () => {
  it('labels quarters "kv. 3 2025" with no-break spaces, years as the year', () => {
    expect(periodLabel('2025-Q3')).toBe(`kv.${_}3${_}2025`);
    expect(periodLabel('2025-Q3').replace(/\u00a0/g, ' ')).toBe('kv. 3 2025');
    expect(periodLabel('2020')).toBe('2020');
  });
  it('has a long form', () => {
    const cases = { '2025-Q3': 'tredje kvartalet 2025', '2025-Q1': 'första kvartalet 2025', '2024-Q4': 'fjärde kvartalet 2024', '2020': '2020' };
    for (const [period, label] of Object.entries(cases)) expect(periodLabelLong(period)).toBe(label);
  });
  it('labels ranges with an en dash', () => {
    expect(periodRangeLabel('2022-Q1', '2025-Q3')).toBe(`kv.${_}1${_}2022–kv.${_}3${_}2025`);
    expect(periodRangeLabel('2020', '2020')).toBe('2020');
  });
  it('refuses anything that is not a canonical period', () => {
    expect(() => periodLabel('2025Q3')).toThrow(RangeError);
    expect(() => periodLabel('kv. 3 2025')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  const dated = (cases: Record<string, string>) => {
    for (const [iso, text] of Object.entries(cases)) expect(formatDate(iso)).toBe(text);
  };
  it('writes the day, the month in words and the year', () => dated({ '2025-12-31': '31 december 2025', '2026-01-05': '5 januari 2026' }));
  it('shows a timestamp as its day in Stockholm', () => dated({ '2025-12-31T23:30:00Z': '1 januari 2026', '2025-06-30T12:00:00Z': '30 juni 2025' }));
  it('returns what is not a date unchanged', () => dated({ 'okänt': 'okänt', '2025-13-01': '2025-13-01' }));
});
