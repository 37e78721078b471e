// rowKeys: the keys that group rows by some of their columns (duplicates, totals and their parts, secondary
// suppression). Rows must get the same key exactly when their values are the same, whether the keys are
// combined numbers or, for very many distinct values, strings.
import { describe, expect, it } from 'vitest';
import { rowKeys } from '../../../src/data/checks.ts';
import type { DataRow } from '../../../src/data/validate.ts';

const row = (values: Record<string, string | number | null>, line = 2) => ({ ...values, _file: 'x.csv', _line: line }) as DataRow;

/** Which rows share a key, as lists of row indexes. */
function partition(keys: (number | string)[]): number[][] {
  const groups = new Map<number | string, number[]>();
  keys.forEach((k, i) => groups.set(k, [...(groups.get(k) ?? []), i]));
  return [...groups.values()];
}

describe('rowKeys', () => {
  it('gives rows the same key exactly when the chosen columns agree', () => {
    const rows = [
      row({ period: '2025-Q1', enhetskod: '0180', kon: 'totalt', antal: 5 }),
      row({ period: '2025-Q1', enhetskod: '0180', kon: 'flickor', antal: 2 }),
      row({ period: '2025-Q2', enhetskod: '0180', kon: 'totalt', antal: 5 }),
      row({ period: '2025-Q1', enhetskod: '0180', kon: 'totalt', antal: 7 }),
      row({ period: '2025-Q1', enhetskod: '1480', kon: 'totalt', antal: 5 }),
    ];
    expect(partition(rowKeys(rows, ['period', 'enhetskod', 'kon']))).toEqual([[0, 3], [1], [2], [4]]);
    expect(partition(rowKeys(rows, ['period', 'enhetskod']))).toEqual([[0, 1, 3], [2], [4]]);
    expect(partition(rowKeys(rows, ['enhetskod']))).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('treats an empty cell and a missing value alike, and a number like its text', () => {
    const rows = [row({ verksamhet: '', n: 1 }), row({ verksamhet: null, n: '1' }), row({ verksamhet: 'ÄO', n: 1 })];
    expect(partition(rowKeys(rows, ['verksamhet', 'n']))).toEqual([[0, 1], [2]]);
  });

  it('falls back to text keys when the combinations do not fit in a number, with the same grouping', () => {
    // Seven columns of 300 distinct values each: 300^7 combinations is more than 2^53.
    const columns = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const rows: DataRow[] = [];
    for (let i = 0; i < 300; i++) rows.push(row(Object.fromEntries(columns.map((c) => [c, `${c}${i}`]))));
    rows.push(row(Object.fromEntries(columns.map((c) => [c, `${c}0`]))));
    const keys = rowKeys(rows, columns);
    expect(typeof keys[0]).toBe('string');
    expect(partition(keys).filter((g) => g.length > 1)).toEqual([[0, 300]]);
    expect(new Set(keys).size).toBe(300);
  });
});
