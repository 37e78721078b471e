import { describe, expect, it } from 'vitest';
import { DASHES, PALETTE, dodge, seriesStyle, textWidth, wrapText } from '../../../src/charts/theme.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe('theme', () => {
  it('every series colour has at least 3:1 contrast on white', () => {
    for (const c of PALETTE) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(3);
  });

  it('no two of the first 36 series share colour and dash pattern', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 36; i++) {
      const s = seriesStyle(i);
      const key = `${s.color} ${s.dash}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(new Set(DASHES).size).toBe(DASHES.length);
  });

  it('moves overlapping labels apart within bounds', () => {
    const y = dodge([100, 102, 104, 300], [15, 15, 15, 15], 0, 400);
    const sorted = [...y].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(15 - 1e-9);
    expect(y[3]).toBe(300);
    const atBottom = dodge([398, 399], [15, 15], 0, 400);
    expect(Math.max(...atBottom)).toBeLessThanOrEqual(400 - 7.5);
  });

  it('estimates text width and wraps at spaces', () => {
    expect(textWidth('Familjehem')).toBeGreaterThan(textWidth('HVB'));
    expect(wrapText('Hem för vård eller boende', 80)).toEqual(['Hem för vård', 'eller boende']);
    expect(wrapText('Nätverkshem', 10)).toEqual(['Nätverkshem']);
    // "§ 12" stays together: never "SiS (§" on one line and "12-hem)" on the next.
    expect(wrapText('SiS (§ 12-hem)', 40)).toEqual(['SiS', '(§ 12-hem)']);
  });
});
