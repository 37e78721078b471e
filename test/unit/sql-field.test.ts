// The SQL field's text rules, shared by the plain textarea and the editor that takes its place
// (src/client/explore/sql-field.ts): a name inserted after a word gets a space, and an error's place.
import { describe, expect, test } from 'vitest';
import { errorRange, glued } from '../../src/client/explore/sql-field.ts';

describe('glued', () => {
  test('a space only where the name would run into the word, quote or bracket before it', () => {
    expect(glued('', 'placeringar')).toBe('placeringar');
    expect(glued(' ', 'placeringar')).toBe('placeringar');
    expect(glued('(', 'placeringar')).toBe('placeringar');
    expect(glued(',', 'antal')).toBe('antal');
    for (const before of ['M', 'ö', '9', '_', '"', "'", ')', ']']) expect(glued(before, 'antal'), before).toBe(' antal');
  });
});

describe('errorRange', () => {
  test('the token at the place, or at the very end the last character', () => {
    const sql = 'SELECT * FRM placeringar';
    expect(errorRange(sql, 9)).toEqual({ from: 9, to: 12 });
    expect(errorRange('SELECT (1', 9)).toEqual({ from: 8, to: 9 });
    expect(errorRange('', 0)).toEqual({ from: 0, to: 0 });
  });
});
