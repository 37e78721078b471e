import { describe, expect, it } from 'vitest';
import { barsSpec } from '../../../src/charts/bars.ts';
import { withHeading } from '../../../src/charts/heading.ts';
import { renderToString } from '../../../src/charts/server.ts';
import { trendSpec } from '../../../src/charts/trend.ts';
import { ageSex, formLabels, placements } from './fixtures.ts';
import { expectSnapshot, renderSvg } from './snapshot.ts';

const heading = {
  title: 'Placerade barn och unga per placeringsform',
  subtitle: 'Antal vid periodens slut, kv. 1 2022–kv. 3 2025',
  source: 'Källa: Socialtjänstens uppföljning (påhittade siffror). Data från 31 december 2025.',
};

describe('withHeading (for downloads)', () => {
  it('adds title and source around an unchanged plot frame', () => {
    const spec = trendSpec(placements, { seriesLabel: (s) => formLabels[s] });
    const framed = withHeading(spec, heading);
    const frame = (s: typeof spec) => Number(s.height) - Number(s.marginTop) - Number(s.marginBottom);
    expect(frame(framed)).toBe(frame(spec));
    expect(Number(framed.height)).toBeGreaterThan(Number(spec.height));
    const svg = renderSvg(framed, 'dl');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain(heading.title);
    expect(texts).toContain(heading.source);
    expectSnapshot('heading-trend', svg);
  });

  it('draws the heading once on a faceted chart', () => {
    const svg = renderSvg(withHeading(barsSpec(ageSex), { title: 'Efter ålder och kön' }), 'dl2');
    expect([...svg.querySelectorAll('text')].filter((t) => t.textContent === 'Efter ålder och kön')).toHaveLength(1);
    expectSnapshot('heading-bars', svg);
  });
});

describe('renderToString', () => {
  it('gives standalone SVG markup from the shared server-side document', () => {
    const markup = renderToString(barsSpec(ageSex), { id: 'srv' });
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toContain('role="img"');
    expect(markup).toContain('class="plot-d6a7b5 ss-chart"');
  });
});
