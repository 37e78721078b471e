import { describe, expect, it } from 'vitest';
import { heatmapModel, heatmapPlot, heatmapResized, type HeatRow } from '../../../src/charts/heatmap.ts';
import { textWidth } from '../../../src/charts/theme.ts';
import { renderSvg } from './snapshot.ts';

// Source 004's table: districts down, the placement forms across.
const forms = ['Jourhem', 'Familjehem', 'HVB', 'SiS (§ 12-hem)', 'Stödboende', 'Skyddat boende', 'Totalt'];
const districts = ['Rinkeby-Kista', 'Spånga-Tensta', 'Hässelby-Vällingby'];
const rows: HeatRow[] = districts.flatMap((rad, i) =>
  forms.map((kolumn, j) => ({ rad, kolumn, varde: j === 5 && i === 0 ? null : 10 * (i + 1) + j, markering: j === 5 && i === 0 ? 'sekretess' : null })),
);

/** The column headers as drawn: their text lines, and whether they are turned. */
function headers(width: number) {
  const model = heatmapResized(heatmapModel(rows, { title: 'Placeringsformerna per enhet' }), width);
  const svg = renderSvg(heatmapPlot(model), 'h');
  const first = [...svg.querySelectorAll('text')].find((t) => t.textContent?.startsWith('Jourhem'));
  const texts = [...(first?.parentElement?.querySelectorAll('text') ?? [])];
  const cellWidth = Number(svg.querySelector('g.ss-points rect')?.getAttribute('width'));
  return {
    cellWidth,
    turned: texts.map((t) => /rotate\(-90\)/.test(t.getAttribute('transform') ?? '')),
    lines: texts.map((t) => {
      const spans = [...t.querySelectorAll('tspan')];
      return spans.length ? spans.map((s) => s.textContent ?? '') : [t.textContent ?? ''];
    }),
  };
}

describe('heat map column headers', () => {
  it('stand across their columns at desktop width, each line within its column', () => {
    const h = headers(760);
    expect(h.lines.map((l) => l.join(' '))).toEqual(forms);
    expect(h.turned.every((t) => !t)).toBe(true);
    for (const line of h.lines.flat()) expect(textWidth(line) * 1.08).toBeLessThanOrEqual(h.cellWidth);
  });

  it('are turned to read upwards on a phone, where "Familjehem" is wider than its column, and keep their whole names', () => {
    const h = headers(358);
    expect(textWidth('Familjehem')).toBeGreaterThan(h.cellWidth);
    expect(h.turned).toEqual(forms.map(() => true));
    expect(h.lines.map((l) => l.join(' '))).toEqual(forms);
  });
});

describe('heat map row names on a phone', () => {
  const names = ['Rinkeby-Kista', 'Spånga-Tensta', 'Hässelby-Vällingby', 'Enskede-Årsta-Vantör', 'Skarpnäck', 'Kungsholmen'];
  const data: HeatRow[] = names.flatMap((rad) => forms.map((kolumn, j) => ({ rad, kolumn, varde: 10 + j, markering: null })));
  function rowNames(width: number) {
    const svg = renderSvg(heatmapPlot(heatmapResized(heatmapModel(data), width)), 'h');
    const texts = [...svg.querySelectorAll('text')].filter((t) => names.some((n) => n.startsWith(t.firstChild?.textContent?.split('-')[0] ?? '\u0000')));
    const lines = texts.map((t) => {
      const spans = [...t.querySelectorAll('tspan')];
      return spans.length ? spans.map((s) => s.textContent ?? '') : [t.textContent ?? ''];
    });
    const rect = svg.querySelector('g.ss-points rect');
    return { lines, rowHeight: Number(rect?.getAttribute('height')), left: Number(rect?.getAttribute('x')) };
  }

  it.each([358, 330])('wrap after a hyphen onto two lines, whole, instead of ending in "…" (%i px)', (width) => {
    const r = rowNames(width);
    expect(r.lines.map((l) => l.join(''))).toEqual(names);
    expect(r.lines.flat().some((l) => l.includes('\u2026'))).toBe(false);
    expect(r.lines.find((l) => l.join('') === 'Enskede-Årsta-Vantör')).toEqual(['Enskede-', 'Årsta-Vantör']);
    // Each line fits left of the cells (bold is about a tenth wider), and the rows are tall enough for two lines.
    for (const line of r.lines.flat()) expect(textWidth(line) * 1.1 + 8).toBeLessThanOrEqual(r.left);
    expect(r.rowHeight).toBeGreaterThanOrEqual(2 * 13);
  });

  it('stay on one line, rows as before, where there is room', () => {
    const r = rowNames(760);
    expect(r.lines.every((l) => l.length === 1)).toBe(true);
    expect(r.rowHeight).toBeLessThan(24);
  });
});
