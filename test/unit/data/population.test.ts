// enheter's optional befolkning (inhabitants 0–20, for placements per 1 000 in the comparisons): read as
// a whole number like any count, left empty or out it is NULL, and a number the contract refuses stops
// the build with file, line and column.
import { describe, expect, it } from 'vitest';
import { csv, messages, validateText } from './helpers.ts';

describe('enheter.befolkning', () => {
  it('is a whole number with spaces as thousands separators, or NULL when empty or left out', () => {
    const { rows, issues } = validateText('enheter', csv('enhetskod;enhetsnamn;niva;overordnad;befolkning', '0180;Stockholm;kommun;01;213 456', '0184;Solna;kommun;01;'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.befolkning)).toEqual([213456, null]);
    const without = validateText('enheter', csv('enhetskod;enhetsnamn;niva', '0180;Stockholm;kommun'));
    expect(without.issues).toEqual([]);
    expect(without.rows[0].befolkning).toBeNull();
  });

  it('refuses a point as thousands separator, naming file, line and column', () => {
    const { issues } = validateText('enheter', csv('enhetskod;enhetsnamn;niva;overordnad;befolkning', '0180;Stockholm;kommun;01;213.456'));
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(1);
    expect(messages(issues)[0]).toMatch(/^FEL: enheter\.csv, rad 2, kolumn E \(befolkning\)/);
  });
});
