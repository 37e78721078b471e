// The benchmark's arithmetic: the verdict on a target is only as good as its median and percentile.
import { describe, expect, it } from 'vitest';
import { below, htmlComposition, median, medianOrNull, percentile } from '../../scripts/lib/bench-report.ts';

describe('benchmark statistics', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('takes the nearest-rank percentile', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(percentile(fifty, 95)).toBe(48);
    expect(percentile(fifty, 100)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNull();
  });

  it('does not hide a failed run in a median', () => {
    expect(medianOrNull([100, null, 120])).toBeNull();
    expect(medianOrNull([100, 140, 120])).toBe(120);
  });

  it('misses a target when the value is at the limit or was not measured', () => {
    expect(below('x', 49.9, 50, 'ms').ok).toBe(true);
    expect(below('x', 50, 50, 'ms').ok).toBe(false);
    expect(below('x', null, 50, 'ms').ok).toBe(false);
  });

  it('says where the bytes of a page go', () => {
    const svg = '<svg class="ss-chart"><path d="M0,0"></path><title>kv. 1 2025: 5</title></svg>';
    const table = '<table><tr><td>5</td></tr></table>';
    const select = '<select name="enhet"><option value="0180">Stockholm</option></select>';
    const attr = ` data-figure="${'x'.repeat(300)}"`;
    const html = `<main><figure data-chart="a"${attr}>${svg}</figure>${table}<form data-filters>${select}</form></main>`;
    const parts = htmlComposition(html);
    expect(parts).toEqual({
      total: html.length,
      svg: svg.length,
      svgTitles: '<title>kv. 1 2025: 5</title>'.length,
      tables: table.length,
      lists: select.length,
      dataAttributes: attr.length,
      rest: html.length - svg.length - table.length - select.length - attr.length,
    });
  });
});
