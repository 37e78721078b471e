import { describe, expect, it } from 'vitest';
import { barsModel, barsSpec, labelLines, type BarRow } from '../../../src/charts/bars.ts';
import { BAR_COLOR, BAR_MUTED_COLOR, textWidth } from '../../../src/charts/theme.ts';
import { ageSex, unitShares } from './fixtures.ts';
import { expectSnapshot, renderSvg } from './snapshot.ts';

describe('bars snapshots', () => {
  it('units compared, one highlighted, a reference, two without a number', () => {
    const spec = barsSpec(unitShares, {
      format: 'percent',
      title: 'Andel i nätverkshem per stadsdel, kv. 3 2025',
      xLabel: 'Andel i nätverkshem',
      highlight: ['Södra stadsdelen'],
      references: [{ label: 'Riket', value: 11.5 }],
    });
    expectSnapshot('bars-units', renderSvg(spec, 'bars-units'));
  });
  it('grouped by age and sex', () => {
    const spec = barsSpec(ageSex, { xLabel: 'Antal placerade barn' });
    expectSnapshot('bars-grouped', renderSvg(spec, 'bars-grouped'));
  });
});

describe('bars rendering', () => {
  it('draws no bar for a missing value, and no bar of zero width', () => {
    const svg = renderSvg(barsSpec(unitShares, { format: 'percent' }), 'b');
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects).toHaveLength(4);
    for (const r of rects) expect(Number(r.getAttribute('width'))).toBeGreaterThan(0);
  });

  it('writes the marker text where a missing bar would be', () => {
    const svg = renderSvg(barsSpec(unitShares, { format: 'percent' }), 'b');
    const missing = [...svg.querySelectorAll('g.ss-missing text')].map((t) => t.firstChild?.textContent);
    expect(missing).toEqual(['× Skyddad av sekretess', '○ Uppgift saknas']);
  });

  it('writes values in sv-SE at the bar ends and as tooltips', () => {
    const svg = renderSvg(barsSpec(unitShares, { format: 'percent' }), 'b');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('22,7\u00a0%');
    const titles = [...svg.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles[0]).toBe('Västra stadsdelen: 22,7\u00a0%');
  });

  it('labels the SVG with a description naming the highest, the lowest and the missing', () => {
    const svg = renderSvg(barsSpec(unitShares, { format: 'percent', title: 'Andel per stadsdel' }), 'b');
    expect(svg.getAttribute('aria-label')).toBe('Andel per stadsdel');
    expect(svg.getAttribute('aria-description')).toBe(
      'Stapeldiagram, 6 kategorier. Högst: Västra stadsdelen (22,7\u00a0%); lägst: Centrum (9,8\u00a0%). ' +
        '2 värden saknas: Östra stadsdelen (skyddad av sekretess) och Hamnen (uppgift saknas).',
    );
  });

  it('is deterministic', () => {
    const a = renderSvg(barsSpec(ageSex), 'g').outerHTML;
    const b = renderSvg(barsSpec(ageSex), 'g').outerHTML;
    expect(a).toBe(b);
  });
});

describe('barsModel', () => {
  it('sorts by value, largest first, missing last in the order given', () => {
    const model = barsModel(unitShares, { highlight: ['Centrum'] });
    expect(model.categories).toEqual([
      'Västra stadsdelen', 'Norra stadsdelen', 'Södra stadsdelen', 'Centrum', 'Östra stadsdelen', 'Hamnen',
    ]);
    expect(model.items.map((i) => i.color)).toEqual([
      BAR_MUTED_COLOR, BAR_MUTED_COLOR, BAR_MUTED_COLOR, BAR_COLOR, BAR_MUTED_COLOR, BAR_MUTED_COLOR,
    ]);
  });

  it('can sort ascending or keep the order given', () => {
    expect(barsModel(unitShares, { sort: 'ascending' }).categories.slice(0, 2)).toEqual(['Centrum', 'Södra stadsdelen']);
    expect(barsModel(unitShares, { sort: 'none' }).categories).toEqual([
      'Norra stadsdelen', 'Södra stadsdelen', 'Västra stadsdelen', 'Centrum', 'Östra stadsdelen', 'Hamnen',
    ]);
  });

  it('keeps categories in the given order when grouped, groups in the order of appearance', () => {
    const model = barsModel(ageSex);
    expect(model.categories).toEqual(['0–12 år', '13–17 år', '18–20 år']);
    expect(model.groups).toEqual(['Flickor', 'Pojkar']);
  });

  it('treats a row without markering but without a value as missing', () => {
    const rows: BarRow[] = [{ kategori: 'A', varde: null, markering: null }];
    expect(barsModel(rows).items[0]).toMatchObject({ varde: null, markering: 'saknas', shown: '○ Uppgift saknas' });
  });
});

describe('row labels in a narrow drawing', () => {
  const max = 124; // a 340 px drawing: 40 % for the labels, less the gap to the axis
  it('keeps a label that fits on one line', () => {
    expect(labelLines('Kontaktperson (OF)', max)).toEqual(['Kontaktperson (OF)']);
  });
  it('wraps a long label at spaces and after a slash, every line within the room and the words whole', () => {
    for (const label of ['Verkställt efter rapportperioden, minst', 'Dagverksamhet/sysselsättning (ÄO)', '9.6 Korttidsvistelse utanför det egna hemmet']) {
      const lines = labelLines(label, max);
      expect(lines.length, label).toBeGreaterThan(1);
      for (const line of lines) expect(textWidth(line.trimEnd()), line).toBeLessThanOrEqual(max);
      // Joined as the SVG's text is read (tspans, no separator), the lines give the label itself.
      expect(lines.join(''), label).toBe(label);
    }
  });
  it('cuts only the last of three lines when even that is not enough', () => {
    const lines = labelLines('Bostad med särskild service för vuxna eller annan särskilt anpassad bostad enligt LSS', max);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith('\u2026')).toBe(true);
    expect(lines.slice(0, 2).every((l) => !l.endsWith('\u2026'))).toBe(true);
  });
});

describe('reference labels', () => {
  const rows: BarRow[] = [
    { kategori: 'Jourhem', varde: 120, markering: null },
    { kategori: 'Familjehem', varde: 640, markering: null },
    { kategori: 'HVB', varde: 210, markering: null },
  ];
  const label = 'Totalt (barn räknas en gång)';
  /** The reference label as drawn: its lines and the span they cover, in the drawing's pixels. */
  function drawn(value: number, width: number) {
    const svg = renderSvg(barsSpec(rows, { width, references: [{ label, value }] }), 'b');
    const text = [...svg.querySelectorAll('text')].find((t) => t.textContent?.startsWith('Totalt'));
    const g = text?.parentElement;
    const shift = (s: string | null | undefined) => Number(/translate\(([-\d.]+)/.exec(s ?? '')?.[1] ?? 0);
    const x = shift(g?.getAttribute('transform')) + shift(text?.getAttribute('transform'));
    const spans = [...(text?.querySelectorAll('tspan') ?? [])].map((s) => s.textContent ?? '');
    const lines = spans.length ? spans : [text?.textContent ?? ''];
    const w = Math.max(...lines.map((l) => textWidth(l.trimEnd())));
    const anchor = g?.getAttribute('text-anchor');
    return { lines, anchor, from: anchor === 'end' ? x - w : x, to: anchor === 'end' ? x : x + w, width: Number(svg.getAttribute('width')) };
  }

  it('stays whole inside a phone-wide drawing when its rule is near the right edge', () => {
    const d = drawn(935, 358);
    expect(d.lines.join('')).toBe(`${label}: 935`);
    expect(d.anchor).toBe('end');
    expect(d.from).toBeGreaterThanOrEqual(0);
    expect(d.to).toBeLessThanOrEqual(d.width);
  });

  it('is written to the right of a rule with room after it', () => {
    const d = drawn(150, 760);
    expect(d.anchor).toBe('start');
    expect(d.lines).toEqual([`${label}: 150`]);
  });

  it('wraps, whole, when neither side of the rule holds it, and the chart grows to keep it above the bars', () => {
    const one = renderSvg(barsSpec(rows, { width: 760, references: [{ label, value: 500 }] }), 'b');
    const d = drawn(500, 240);
    expect(d.lines.length).toBeGreaterThan(1);
    expect(d.lines.join('')).toBe(`${label}: 500`);
    expect(d.from).toBeGreaterThanOrEqual(0);
    expect(d.to).toBeLessThanOrEqual(d.width);
    const narrow = renderSvg(barsSpec(rows, { width: 240, references: [{ label, value: 500 }] }), 'b');
    const firstBar = (svg: SVGSVGElement) => Number(svg.querySelector('g.ss-points rect')?.getAttribute('y'));
    expect(firstBar(narrow) - firstBar(one)).toBeGreaterThanOrEqual((d.lines.length - 1) * 15);
  });
});

describe('compound names', () => {
  it('break after the hyphen of a compound name, never inside an age band', () => {
    expect(labelLines('Enskede-Årsta-Vantör', 90, 2)).toEqual(['Enskede-', 'Årsta-Vantör']);
    expect(labelLines('Hässelby-Vällingby', 80, 2)).toEqual(['Hässelby-', 'Vällingby']);
    const age = labelLines('Placerade barn 13-17 år', 100, 3);
    expect(age.some((l) => l.includes('13-17'))).toBe(true);
    expect(age.join('')).toBe('Placerade barn 13-17 år');
  });
});
