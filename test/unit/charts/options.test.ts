// One SVG snapshot per option that changes the picture (Plot's pattern: render fixed data, compare with
// test/output/charts/<name>.svg). The base cases are in trend.test.ts, bars.test.ts and heading.test.ts.
import { describe, it } from 'vitest';
import { barsSpec, type BarRow } from '../../../src/charts/bars.ts';
import { trendSpec, type TrendRow } from '../../../src/charts/trend.ts';
import { events, formLabels, placements, unitShares } from './fixtures.ts';
import { expectSnapshot, renderSvg } from './snapshot.ts';

const seriesLabel = (s: string) => formLabels[s] ?? s;
const QUARTERS_40 = Array.from({ length: 40 }, (_, i) => `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

describe('trend options', () => {
  it('one period: the time domain widened around it', () => {
    const rows: TrendRow[] = [{ period: '2025-Q4', serie: 'a', varde: 12, markering: null }];
    expectSnapshot('trend-one-period', renderSvg(trendSpec(rows, { yLabel: 'Antal' }), 'trend-one-period'));
  });
  it('forty quarters: years on the axis, quarters as minor ticks, smaller points', () => {
    const rows: TrendRow[] = QUARTERS_40.map((period, i) => ({ period, serie: 'a', varde: 100 + ((i * 37) % 23), markering: null }));
    expectSnapshot('trend-forty-quarters', renderSvg(trendSpec(rows, { yLabel: 'Antal' }), 'trend-forty-quarters'));
  });
  it('seven series: colours repeat with the next dash and symbol', () => {
    const rows: TrendRow[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].flatMap((serie, s) =>
      ['2025-Q1', '2025-Q2', '2025-Q3'].map((period, p) => ({ period, serie, varde: 10 + s * 6 + p, markering: null })),
    );
    expectSnapshot('trend-seven-series', renderSvg(trendSpec(rows, {}), 'trend-seven-series'));
  });
  it('long series names close together: wrapped, moved apart, with leaders', () => {
    const names: Record<string, string> = { a: 'Placerade i alla typer av familjehem', b: 'Placerade i nätverkshem hos släkt' };
    const rows: TrendRow[] = ['2025-Q1', '2025-Q2', '2025-Q3'].flatMap((period, i) => [
      { period, serie: 'a', varde: 50 + i, markering: null },
      { period, serie: 'b', varde: 49 + i, markering: null },
    ]);
    expectSnapshot('trend-long-names', renderSvg(trendSpec(rows, { seriesLabel: (s) => names[s] }), 'trend-long-names'));
  });
  it('events close together: their labels in rows above the frame', () => {
    const crowded = [...events, { datum: '2023-02-01', rubrik: 'Ny nämnd' }, { datum: '2023-03-01', rubrik: 'Nytt verksamhetssystem' }];
    expectSnapshot('trend-crowded-events', renderSvg(trendSpec(placements, { seriesLabel, events: crowded }), 'trend-crowded-events'));
  });
  it('the series chosen and their order', () => {
    const spec = trendSpec(placements, { seriesLabel, series: ['natverkshem', 'jourhem'] });
    expectSnapshot('trend-series-chosen', renderSvg(spec, 'trend-series-chosen'));
  });
  it('narrow: drawn for a phone', () => {
    expectSnapshot('trend-narrow', renderSvg(trendSpec(placements, { seriesLabel, width: 320, height: 260 }), 'trend-narrow'));
  });
  it('percent with two decimals', () => {
    const rows: TrendRow[] = ['2025-Q1', '2025-Q2'].map((period, i) => ({ period, serie: 'a', varde: 12.345 + i, markering: null }));
    expectSnapshot('trend-digits', renderSvg(trendSpec(rows, { format: 'percent', digits: 2 }), 'trend-digits'));
  });
});

describe('bar options', () => {
  it('smallest first', () => {
    expectSnapshot('bars-ascending', renderSvg(barsSpec(unitShares, { format: 'percent', sort: 'ascending' }), 'bars-ascending'));
  });
  it('in the order given', () => {
    expectSnapshot('bars-as-given', renderSvg(barsSpec(unitShares, { format: 'percent', sort: 'none' }), 'bars-as-given'));
  });
  it('long category names wrapped to fit (whole, not cut), two references', () => {
    const rows: BarRow[] = [
      { kategori: 'Bostad med särskild service för vuxna eller annan särskilt anpassad bostad', varde: 27, markering: null },
      { kategori: 'Daglig verksamhet', varde: 5, markering: null },
    ];
    const spec = barsSpec(rows, { references: [{ label: 'Riket', value: 10 }, { label: 'Mål', value: 20 }], xLabel: 'Antal beslut' });
    expectSnapshot('bars-long-names', renderSvg(spec, 'bars-long-names'));
  });
  it('narrow: drawn for a phone', () => {
    expectSnapshot('bars-narrow', renderSvg(barsSpec(unitShares, { format: 'percent', width: 320 }), 'bars-narrow'));
  });
});
