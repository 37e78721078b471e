import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import { trendModel, trendSpec, type TrendRow } from '../../../src/charts/trend.ts';
import { PALETTE, textWidth } from '../../../src/charts/theme.ts';
import { events, formLabels, networkShare, placements } from './fixtures.ts';
import { expectSnapshot, renderSvg } from './snapshot.ts';

const seriesLabel = (s: string) => formLabels[s] ?? s;

/** The vertices of an SVG path ("M1,2L3,4M5,6" → subpaths of [x, y]). */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((sub) => sub.split('L').map((pair) => pair.split(',').map(Number) as [number, number]));
}

function linePath(svg: Element, color: string): string {
  // A line mark: a group with a stroke and no fill, its paths drawn with the series' colour.
  const g = [...svg.querySelectorAll('g[fill="none"]')].find((e) => e.getAttribute('stroke') === color && e.querySelector('path'));
  const d = g?.querySelector('path')?.getAttribute('d');
  if (!d) throw new Error(`no line in ${color}`);
  return d;
}

function baselineY(spec: Plot.PlotOptions): number {
  return (spec.height as number) - (spec.marginBottom as number);
}

describe('trend snapshots', () => {
  it('lines with events and missing values', () => {
    const spec = trendSpec(placements, { title: 'Placerade barn per placeringsform', yLabel: 'Antal placerade barn', seriesLabel, events });
    expectSnapshot('trend-lines', renderSvg(spec, 'trend-lines'));
  });
  it('stacked areas', () => {
    const spec = trendSpec(placements, { kind: 'area', yLabel: 'Antal placerade barn', seriesLabel, events });
    expectSnapshot('trend-area', renderSvg(spec, 'trend-area'));
  });
  it('a share with reference lines and a suppressed latest value', () => {
    const spec = trendSpec(networkShare, {
      format: 'percent',
      yLabel: 'Andel i nätverkshem',
      seriesLabel: () => 'Stadsdelen',
      references: [
        { label: 'Riket', value: 11.5 },
        { label: 'Mål', value: 15 },
      ],
    });
    expectSnapshot('trend-share', renderSvg(spec, 'trend-share'));
  });
  it('few quarters: every quarter labelled', () => {
    const spec = trendSpec(
      placements.filter((r) => r.period >= '2024-Q2'),
      { yLabel: 'Antal', seriesLabel },
    );
    expectSnapshot('trend-quarters', renderSvg(spec, 'trend-quarters'));
  });
  it('years, small', () => {
    const rows: TrendRow[] = [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y, i) => ({
      period: String(y),
      serie: 'Kommunen',
      varde: y === 2021 ? null : 100 + i * 7,
      markering: y === 2021 ? 'inget_att_redovisa' : null,
    }));
    const spec = trendSpec(rows, { width: 320, height: 200 });
    expectSnapshot('trend-years-small', renderSvg(spec, 'trend-years-small'));
  });
});

describe('trend rendering', () => {
  it('is deterministic and has no generated ids', () => {
    const spec = () => trendSpec(placements, { seriesLabel, events });
    const a = renderSvg(spec(), 'a').outerHTML;
    const b = renderSvg(spec(), 'a').outerHTML;
    expect(a).toBe(b);
    expect(a).not.toMatch(/plot-(clip|pattern|marker)-\d/);
  });

  it('labels the SVG as one image with a computed description', () => {
    const svg = renderSvg(trendSpec(placements, { title: 'Placerade barn', seriesLabel }), 'x');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Placerade barn');
    expect(svg.getAttribute('aria-description')).toBe(
      'Linjediagram, 4 serier: Familjehem, HVB, Jourhem och Nätverkshem, kv.\u00a01\u00a02022–kv.\u00a03\u00a02025. ' +
        '2 värden saknas (skyddad av sekretess och uppgift saknas). Luckor i linjerna är värden som saknas.',
    );
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  it('breaks a line at a missing value instead of drawing it at zero or across', () => {
    const spec = trendSpec(placements, { seriesLabel });
    const svg = renderSvg(spec, 'gap');
    const baseline = baselineY(spec);
    // HVB (second series) has no row for 2024-Q1; nätverkshem (fourth) is suppressed in 2023-Q2.
    for (const color of [PALETTE[1], PALETTE[3]]) {
      const parts = subpaths(linePath(svg, color));
      expect(parts).toHaveLength(2);
      for (const [, y] of parts.flat()) expect(Math.abs(y - baseline)).toBeGreaterThan(1);
    }
    // Fifteen quarters: a symbol at every known value, none for the missing one, and none carries a tooltip
    // of its own (the quarter's column does).
    const hvbDots = [...svg.querySelectorAll('g.ss-symbols')].find((g) => g.getAttribute('fill') === PALETTE[1]);
    expect(hvbDots?.children.length).toBe(14);
    expect(svg.querySelectorAll('g.ss-symbols title').length).toBe(0);
  });

  it('draws a long series as a line with one symbol at its end, and keeps a value alone between gaps', () => {
    const quarters = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const rows = quarters.flatMap((period, i) => [
      { period, serie: 'a', varde: 100 + i, markering: null },
      // b: missing on both sides of 2018-Q3 (index 10), so that value stands alone.
      { period, serie: 'b', varde: i === 9 || i === 11 ? null : 50 + i, markering: i === 9 || i === 11 ? 'sekretess' : null },
    ]);
    const svg = renderSvg(trendSpec(rows), 'long');
    const groups = [...svg.querySelectorAll('g.ss-symbols')];
    const cx = (g: Element) => [...g.children].map((c) => Number(c.getAttribute('cx') ?? /translate\(([-\d.]+)/.exec(c.getAttribute('transform') ?? '')?.[1]));
    expect(groups).toHaveLength(2);
    expect(groups[0].children).toHaveLength(1);
    // b: the lone 2018-Q3 value and the end.
    expect(groups[1].children).toHaveLength(2);
    // Both series end in the same quarter, so their end symbols share an x.
    expect(cx(groups[0])[0]).toBe(cx(groups[1])[1]);
    expect(cx(groups[1])[0]).toBeLessThan(cx(groups[1])[1]);
    // Next to each direct label, the series' symbol again (one per series), so a greyscale print still tells them apart.
    const keys = [...svg.querySelectorAll('g.ss-key')];
    expect(keys.map((g) => g.getAttribute('fill'))).toEqual(groups.map((g) => g.getAttribute('fill')));
    // a is drawn with circles, b with the next symbol (a path): the same shape at the line's end and by the label.
    expect(keys.map((g) => g.firstElementChild?.tagName)).toEqual(groups.map((g) => g.firstElementChild?.tagName));
    expect(keys[0].firstElementChild?.tagName).not.toBe(keys[1].firstElementChild?.tagName);
  });

  it('marks each missing value with a glyph, says why in its quarter\'s tooltip, and explains the glyphs in a legend', () => {
    const svg = renderSvg(trendSpec(placements, { seriesLabel }), 'm');
    expect(svg.querySelectorAll('g.ss-missing > path').length).toBe(2);
    const titles = [...svg.querySelectorAll('g.ss-periods title')].map((t) => t.textContent ?? '');
    expect(titles.find((t) => t.startsWith('kv.\u00a01\u00a02024'))).toContain('HVB: \u25cb\u00a0Uppgift saknas');
    expect(titles.find((t) => t.startsWith('kv.\u00a02\u00a02023'))).toContain('Nätverkshem: \u00d7\u00a0Skyddad av sekretess');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('Skyddad av sekretess');
    expect(texts).toContain('Uppgift saknas');
    expect(texts).not.toContain('Inget att redovisa');
  });

  it('draws a lane of many missing values as one path whose marker puts a glyph at each of their quarters', () => {
    // 40 quarters of one series, every third hidden: 14 glyphs in one element, each under its quarter.
    const periods = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const rows: TrendRow[] = periods.map((period, i) => (i % 3 === 0 ? { period, serie: 'hvb', varde: null, markering: 'sekretess' } : { period, serie: 'hvb', varde: 10 + i, markering: null }));
    const svg = renderSvg(trendSpec(rows, { seriesLabel }), 'g');
    const paths = [...svg.querySelectorAll('g.ss-missing > path')];
    expect(paths).toHaveLength(1);
    expect(paths[0].getAttribute('data-marker')).toBe('sekretess');
    // The path's vertices carry the glyph: a marker (a cross, as the legend draws it) at each, one per hidden quarter.
    const id = paths[0].getAttribute('marker-mid')?.match(/^url\(#(.+)\)$/)?.[1];
    expect(id).toBe('g-glyph-1');
    expect(['marker-start', 'marker-end'].map((a) => paths[0].getAttribute(a))).toEqual([`url(#${id})`, `url(#${id})`]);
    const glyph = svg.querySelector(`marker#${id} > path`);
    expect(glyph?.getAttribute('fill')).toBe('none');
    expect(subpaths(glyph?.getAttribute('d') ?? '')).toHaveLength(2);
    const xs: number[] = [];
    for (const m of (paths[0].getAttribute('d') ?? '').matchAll(/([Mm])(-?[\d.]+),(-?[\d.]+)h0/g)) xs.push(m[1] === 'M' ? Number(m[2]) : xs[xs.length - 1] + Number(m[2]));
    expect(xs).toHaveLength(14);
    const columns = [...svg.querySelectorAll('g.ss-periods rect')].map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')) / 2);
    const hidden = periods.flatMap((_, i) => (i % 3 === 0 ? [columns[i]] : []));
    for (let k = 0; k < 14; k++) expect(Math.abs(xs[k] - hidden[k])).toBeLessThan(1.5);
  });

  it('has no marker legend when nothing is missing', () => {
    const rows = placements.filter((r) => r.serie === 'familjehem');
    const svg = renderSvg(trendSpec(rows, { seriesLabel }), 'n');
    expect(svg.querySelectorAll('g.ss-missing').length).toBe(0);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).not.toContain('Skyddad av sekretess');
  });

  it('gives every quarter one tooltip with the exact sv-SE value of every series there', () => {
    const svg = renderSvg(trendSpec(networkShare, { format: 'percent', seriesLabel: () => 'Stadsdelen' }), 't');
    const titles = [...svg.querySelectorAll('g.ss-points title')].map((t) => t.textContent);
    expect(titles).toHaveLength(15);
    expect(titles[0]).toBe('kv.\u00a01\u00a02022\nStadsdelen: 7,4\u00a0%');
    expect(titles[14]).toBe('kv.\u00a03\u00a02025\nStadsdelen: \u00d7\u00a0Skyddad av sekretess');
    const all = renderSvg(trendSpec(placements, { seriesLabel }), 't4');
    const first = all.querySelector('g.ss-periods title')?.textContent?.split('\n');
    const q1 = (serie: string) => placements.find((r) => r.serie === serie && r.period === '2022-Q1')!.varde;
    expect(first).toEqual(['kv.\u00a01\u00a02022', ...['familjehem', 'hvb', 'jourhem', 'natverkshem'].map((c) => `${formLabels[c]}: ${q1(c)}`)]);
    // The columns tile the plot: each starts where the one before ends.
    const rects = [...all.querySelectorAll('g.ss-periods rect')].map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))]);
    for (let k = 1; k < rects.length; k++) expect(rects[k][0]).toBeCloseTo(rects[k - 1][0] + rects[k - 1][1], 0);
  });

  it('writes every series name as a direct label', () => {
    const svg = renderSvg(trendSpec(placements, { seriesLabel }), 'l');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const name of Object.values(formLabels)) expect(texts).toContain(name);
  });
});

describe('trendModel', () => {
  it('turns a missing row inside a series into a "saknas" gap, but not the periods before it starts', () => {
    const rows: TrendRow[] = [
      { period: '2024-Q1', serie: 'a', varde: 5, markering: null },
      { period: '2024-Q3', serie: 'a', varde: 7, markering: null },
      { period: '2024-Q2', serie: 'b', varde: 1, markering: null },
      { period: '2024-Q3', serie: 'b', varde: 2, markering: null },
    ];
    const model = trendModel(rows);
    expect(model.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(model.series[0].points.map((p) => [p.period, p.varde, p.markering])).toEqual([
      ['2024-Q1', 5, null],
      ['2024-Q2', null, 'saknas'],
      ['2024-Q3', 7, null],
    ]);
    expect(model.series[1].points.map((p) => p.period)).toEqual(['2024-Q2', '2024-Q3']);
    expect(model.missing).toHaveLength(1);
  });

  it('fills periods that no series has, so the axis has no hole either', () => {
    const rows: TrendRow[] = [
      { period: '2019', serie: 'a', varde: 5, markering: null },
      { period: '2021', serie: 'a', varde: 7, markering: null },
    ];
    expect(trendModel(rows).periods).toEqual(['2019', '2020', '2021']);
  });

  it('leaves a stacked band unknown where it or a band below is missing', () => {
    const rows: TrendRow[] = [
      { period: '2024-Q1', serie: 'a', varde: 5, markering: null },
      { period: '2024-Q2', serie: 'a', varde: null, markering: 'sekretess' },
      { period: '2024-Q1', serie: 'b', varde: 2, markering: null },
      { period: '2024-Q2', serie: 'b', varde: 3, markering: null },
    ];
    const [a, b] = trendModel(rows).series;
    expect(a.points.map((p) => [p.y1, p.y2])).toEqual([[0, 5], [null, null]]);
    expect(b.points.map((p) => [p.y1, p.y2])).toEqual([[5, 7], [null, null]]);
  });

  it('keeps the series order given', () => {
    const model = trendModel(placements, { series: ['natverkshem', 'familjehem'], seriesLabel });
    expect(model.series.map((s) => s.name)).toEqual(['Nätverkshem', 'Familjehem']);
  });
});

describe('event labels on a phone', () => {
  it('wrap onto two lines, whole, inside the drawing, where one line has no room on either side of the event', () => {
    const long = [{ datum: '2024-03-01', rubrik: 'Ny rekrytering av familjehem (påhittad)' }];
    const svg = renderSvg(trendSpec(placements, { seriesLabel, events: long, width: 358 }), 't');
    const text = [...svg.querySelectorAll('text')].find((t) => t.textContent?.startsWith('Ny rekrytering'));
    const spans = [...(text?.querySelectorAll('tspan') ?? [])].map((s) => s.textContent ?? '');
    expect(spans.length).toBe(2);
    expect(spans.join('')).toBe('Ny rekrytering av familjehem (påhittad)');
    const shift = (s: string | null | undefined) => Number(/translate\(([-\d.]+)/.exec(s ?? '')?.[1] ?? 0);
    const x = shift(text?.parentElement?.getAttribute('transform')) + shift(text?.getAttribute('transform'));
    const w = Math.max(...spans.map((l) => textWidth(l.trimEnd())));
    const end = text?.parentElement?.getAttribute('text-anchor') === 'end';
    expect(end ? x - w : x).toBeGreaterThanOrEqual(0);
    expect(end ? x : x + w).toBeLessThanOrEqual(358);
  });
});
