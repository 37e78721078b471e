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
