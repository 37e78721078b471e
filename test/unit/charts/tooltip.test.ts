import { describe, expect, it } from 'vitest';
import { barsSpec } from '../../../src/charts/bars.ts';
import { enhanceAllTooltips, enhanceTooltips, nextPoint, tipPoints } from '../../../src/charts/tooltip.ts';
import { spokenText } from '../../../src/i18n/text.ts';
import { trendSpec } from '../../../src/charts/trend.ts';
import { ageSex, formLabels, placements } from './fixtures.ts';
import { renderSvg } from './snapshot.ts';

const seriesLabel = (s: string) => formLabels[s] ?? s;

function press(svg: Element, key: string) {
  const KeyboardEvent = svg.ownerDocument.defaultView!.KeyboardEvent;
  svg.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

function tipText(svg: Element): string[] {
  return [...svg.querySelectorAll('.ss-tip tspan')].map((t) => t.textContent ?? '');
}

describe('tooltips', () => {
  it('finds every point with its tooltip text and position, facets included', () => {
    const svg = renderSvg(barsSpec(ageSex), 'tt');
    const points = tipPoints(svg);
    expect(points.map((p) => p.lines[0])).toEqual([
      '0–12 år, Flickor: 88',
      '0–12 år, Pojkar: 95',
      '13–17 år, Flickor: 104',
      '13–17 år, Pojkar: 121',
      '18–20 år, Pojkar: 14',
      '18–20 år, Flickor: Skyddad av sekretess',
    ]);
    // Facets are translated groups: points further down have larger y.
    expect(points[2].y).toBeGreaterThan(points[1].y);
  });

  it('in a trend, moves quarter by quarter with ←/→, each tooltip listing every series', () => {
    const svg = renderSvg(trendSpec(placements, { seriesLabel }), 'tt');
    const points = tipPoints(svg);
    const quarters = [...new Set(placements.map((r) => r.period))];
    expect(points).toHaveLength(quarters.length);
    expect(points[0].lines).toEqual(['kv.\u00a01\u00a02022', 'Familjehem: 212', 'HVB: 64', 'Jourhem: 31', 'Nätverkshem: 18']);
    const next = nextPoint(points, 0, 'ArrowRight')!;
    expect(points[next].lines[0]).toBe('kv.\u00a02\u00a02022');
    expect(points[next].x).toBeGreaterThan(points[0].x);
    expect(nextPoint(points, 0, 'ArrowLeft')).toBeNull();
    expect(points[nextPoint(points, 0, 'End')!].lines[0]).toBe('kv.\u00a03\u00a02025');
    // No second row of points to move to: every series is in the one tooltip.
    expect(nextPoint(points, 0, 'ArrowDown')).toBeNull();
  });

  it('moves across series with ↑/↓ where points are separate (bars)', () => {
    const svg = renderSvg(barsSpec(ageSex), 'tt-bars');
    const points = tipPoints(svg);
    const down = nextPoint(points, 0, 'ArrowDown');
    expect(down).not.toBeNull();
    expect(points[down!].y).toBeGreaterThan(points[0].y);
  });

  it('shows the tooltip on focus and keys, without native titles left behind, and can be undone', () => {
    const svg = renderSvg(trendSpec(placements, { seriesLabel }), 'tt');
    const before = svg.outerHTML;
    const [undo] = enhanceAllTooltips(svg.ownerDocument.body.appendChild(svg).parentElement!);
    expect(svg.getAttribute('tabindex')).toBe('0');
    expect(svg.querySelectorAll('.ss-points title').length).toBe(0);
    svg.dispatchEvent(new (svg.ownerDocument.defaultView!.FocusEvent)('focus'));
    expect(tipText(svg)).toEqual(['kv.\u00a01\u00a02022', 'Familjehem: 212', 'HVB: 64', 'Jourhem: 31', 'Nätverkshem: 18']);
    // A rule marks the quarter.
    expect(svg.querySelector('.ss-tip line')?.getAttribute('display')).toBeNull();
    press(svg, 'ArrowRight');
    expect(tipText(svg)).toEqual(['kv.\u00a02\u00a02022', 'Familjehem: 218', 'HVB: 61', 'Jourhem: 29', 'Nätverkshem: 20']);
    press(svg, 'Escape');
    expect(svg.querySelector('.ss-tip')?.getAttribute('display')).toBe('none');
    undo();
    svg.remove();
    expect(svg.outerHTML.length).toBe(before.length);
  });
});

describe('the point reached with the keyboard is said in words', () => {
  it('announces the quarter and the value of every series on focus and on each arrow key, never on the pointer', () => {
    const svg = renderSvg(trendSpec(placements, { seriesLabel }), 'tt-said') as SVGSVGElement;
    const said: string[] = [];
    enhanceTooltips(svg, { announce: (t) => said.push(t) });
    svg.dispatchEvent(new (svg.ownerDocument.defaultView!.FocusEvent)('focus'));
    press(svg, 'ArrowRight');
    expect(said).toEqual([
      'kv.\u00a01\u00a02022. Familjehem: 212. HVB: 64. Jourhem: 31. Nätverkshem: 18',
      'kv.\u00a02\u00a02022. Familjehem: 218. HVB: 61. Jourhem: 29. Nätverkshem: 20',
    ]);
    // The drawn tooltip stays hidden from screen readers: the words come from the live region only.
    expect(svg.querySelector('.ss-tip')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('reads a grouped number as one number, and leaves quarters and years alone', () => {
    expect(spokenText('Familjehem. kv.\u00a04\u00a02025: 11\u00a0700')).toBe('Familjehem. kv.\u00a04\u00a02025: 11700');
    expect(spokenText('1 234 567 barn')).toBe('1234567 barn');
    expect(spokenText('kv. 4 2025: 12,5 %')).toBe('kv. 4 2025: 12,5 %');
  });
});
