import { describe, expect, it } from 'vitest';
import { summarizeTrend } from '../../../src/charts/summary.ts';
import type { TrendRow } from '../../../src/charts/trend.ts';
import { networkShare, placements } from './fixtures.ts';

// Expected sentences are written with ordinary spaces; the output uses no-break spaces in numbers and
// period labels, which this turns back for readability.
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const row = (period: string, varde: number | null, markering: string | null = null): TrendRow => ({
  period,
  serie: 's',
  varde,
  markering,
});

describe('summarizeTrend', () => {
  it('gives the latest value, both changes and that it is the peak', () => {
    expect(plain(summarizeTrend(placements, { serie: 'familjehem', subject: 'antalet barn i familjehem' }))).toBe(
      'Under kv. 3 2025 var antalet barn i familjehem 266, en ökning med 7 jämfört med kv. 2 2025 och med 17 ' +
        'jämfört med kv. 3 2024. Det är det högsta värdet under kv. 1 2022–kv. 3 2025.',
    );
  });

  it('names opposite changes each, and the earlier peak', () => {
    expect(plain(summarizeTrend(placements, { serie: 'hvb', subject: 'antalet barn i HVB' }))).toBe(
      'Under kv. 3 2025 var antalet barn i HVB 60, en ökning med 2 jämfört med kv. 2 2025 och en minskning med 6 ' +
        'jämfört med kv. 3 2024. Det högsta värdet under kv. 1 2022–kv. 3 2025 var 75 (kv. 3 2023).',
    );
  });

  it('describes a suppressed latest value as such, never as a number', () => {
    const text = plain(summarizeTrend(networkShare, { format: 'percent', subject: 'andelen i nätverkshem' }));
    expect(text).toBe(
      'För kv. 3 2025 är uppgiften skyddad av sekretess. Det senast redovisade värdet är 15,5 % (kv. 2 2025).',
    );
  });

  it('uses percentage points for shares', () => {
    expect(plain(summarizeTrend(networkShare.slice(0, -1), { format: 'percent', subject: 'andelen i nätverkshem' }))).toBe(
      'Under kv. 2 2025 var andelen i nätverkshem 15,5 %, en ökning med 1,4 procentenheter jämfört med kv. 1 2025 ' +
        'och med 3,8 procentenheter jämfört med kv. 2 2024. Det är det högsta värdet under kv. 1 2022–kv. 2 2025.',
    );
  });

  it('says unchanged when the shown difference is zero, and leaves out a comparison with a missing value', () => {
    const rows = [row('2024-Q3', 10, null), row('2025-Q2', null, 'sekretess'), row('2025-Q3', 10)];
    expect(plain(summarizeTrend(rows))).toBe('Under kv. 3 2025 var värdet 10, oförändrat jämfört med kv. 3 2024.');
  });

  it('compares years with the year before only', () => {
    const rows = [row('2021', 120), row('2022', 140), row('2023', 1234)];
    expect(plain(summarizeTrend(rows, { subject: 'antalet beslut' }))).toBe(
      'Under 2023 var antalet beslut 1 234, en ökning med 1 094 jämfört med 2022. Det är det högsta värdet under 2021–2023.',
    );
  });

  it('treats a series without a row in the newest period as missing there', () => {
    const rows: TrendRow[] = [row('2025-Q1', 4), { period: '2025-Q2', serie: 'other', varde: 9, markering: null }];
    expect(plain(summarizeTrend(rows, { serie: 's' }))).toBe(
      'För kv. 2 2025 saknas uppgiften. Det senast redovisade värdet är 4 (kv. 1 2025).',
    );
  });

  it('handles "inget att redovisa" and a series with no number at all', () => {
    expect(plain(summarizeTrend([row('2025-Q3', null, 'inget_att_redovisa')]))).toBe(
      'För kv. 3 2025 finns inget att redovisa.',
    );
    expect(summarizeTrend([])).toBe('Det finns inga uppgifter att visa.');
  });
});
