// The choices every dashboard page makes the same way, and the source line under every chart.
import { describe, expect, it } from 'vitest';
import { pickDefaultUnit, resolveRange } from '../../../src/views/choices.ts';
import { SourceBook } from '../../../src/views/sources.ts';
import { viewSearch } from '../../../src/views/url.ts';

describe('page helpers', () => {
  it('name the sources under a chart, invented ones first and in words', () => {
    const book = new SourceBook(
      [
        { kalla: 'a', titel: 'Rapport A', utgivare: 'Kommunen', datum: '2025-03-31', url: null, pahittad: false, totaler: 'omfattar_dolda' },
        { kalla: 'demo', titel: 'Demo', utgivare: null, datum: null, url: null, pahittad: true, totaler: 'omfattar_dolda' },
      ],
      '2026-01-15T08:00:00Z',
    );
    expect(book.line(['a', 'a', null])).toBe('Källa: Rapport A (Kommunen, 31 mars 2025). Data publicerade 15 januari 2026.');
    expect(book.line(['demo', 'a'])).toBe('Påhittade siffror. Källor: Rapport A (Kommunen, 31 mars 2025); Demo. Data publicerade 15 januari 2026.');
    expect(book.invented(['a'])).toBe(false);
    expect(book.invented(['a', 'demo'])).toBe(true);
  });

  it('pick the default unit: most periods, then real before invented figures', () => {
    const u = (enhetskod: string, perioder: number, pahittad: boolean) => ({ enhetskod, enhetsnamn: enhetskod, niva: null, perioder, varden: 1, pahittad });
    expect(pickDefaultUnit([u('A', 3, false), u('B', 5, true)])?.enhetskod).toBe('B');
    expect(pickDefaultUnit([u('B', 5, true), u('A', 5, false)])?.enhetskod).toBe('A');
    expect(pickDefaultUnit([])).toBeNull();
  });

  it('pick the municipality before its districts, even where a district has more numbers shown', () => {
    const u = (enhetskod: string, niva: string | null, varden: number) => ({ enhetskod, enhetsnamn: enhetskod, niva, perioder: 40, varden, pahittad: true });
    expect(pickDefaultUnit([u('9999-02', 'stadsdel', 1302), u('9999', 'kommun', 1228), u('9999-03', 'stadsdel', 1289)])?.enhetskod).toBe('9999');
    expect(pickDefaultUnit([u('B', null, 5), u('A', null, 9)])?.enhetskod).toBe('A');
  });

  it('keep a period range inside the data and the right way round', () => {
    const messages: string[] = [];
    expect(resolveRange(['2024-Q4', '2025-Q1', '2025-Q2'], '2025-Q2', '2024-Q4', messages)).toEqual({ from: '2024-Q4', to: '2025-Q2' });
    expect(resolveRange(['2024-Q4', '2025-Q1'], 'x', null, messages)).toEqual({ from: '2024-Q4', to: '2025-Q1' });
    expect(messages).toEqual(['Perioden ”x” finns inte för enheten; hela perioden visas.']);
    expect(viewSearch({ enhet: 'A', fran: '2024-Q4' }, { enhet: 'B', fran: '2024-Q4' })).toBe('?enhet=A');
  });
});
