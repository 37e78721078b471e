// The quick chart under a result: the analyst picks the chart kind and columns, the site's own chart code
// draws it (the same trend and bar charts as the other pages, with markers for missing values), and the
// numbers behind it are there as a table too.

import type { Row } from '../../queries/runner.ts';
import { barsModel, barsPlot } from '../../charts/bars.ts';
import { render } from '../../charts/render.ts';
import { barsTable, trendTable, type DataTable } from '../../charts/table.ts';
import { enhanceTooltips } from '../../charts/tooltip.ts';
import { trendModel, trendPlot } from '../../charts/trend.ts';
import { exploreWords } from '../../i18n/explore.ts';
import {
  chartColumns,
  chartData,
  defaultChoice,
  MAX_BARS,
  MAX_CHART_ROWS,
  MAX_SERIES,
  valueLabel,
  type ChartChoice,
  type ChartColumns,
} from './chart-data.ts';

const w = exploreWords.chart;

export class QuickChart {
  private readonly root: HTMLElement;
  private readonly kind: HTMLSelectElement;
  private readonly x: HTMLSelectElement;
  private readonly y: HTMLSelectElement;
  private readonly series: HTMLSelectElement;
  private readonly message: HTMLElement;
  private readonly output: HTMLElement;
  private columns: string[] = [];
  private rows: Row[] = [];
  private cols: ChartColumns = { periods: [], numbers: [], categories: [], series: [] };
  private cleanup: (() => void) | null = null;

  constructor(root: HTMLElement) {
    this.root = root;
    const select = (name: string) => root.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
    this.kind = select('kind');
    this.x = select('x');
    this.y = select('y');
    this.series = select('series');
    this.message = root.querySelector('.chart-message') as HTMLElement;
    this.output = root.querySelector('.chart-output') as HTMLElement;
    this.kind.addEventListener('change', () => {
      this.fillX(null);
      this.draw();
    });
    for (const s of [this.x, this.y, this.series]) s.addEventListener('change', () => this.draw());
  }

  clear(): void {
    this.cleanup?.();
    this.cleanup = null;
    this.output.replaceChildren();
    this.root.hidden = true;
  }

  /** A new result: offer its columns and draw the first sensible chart (or the example's own). */
  show(columns: string[], rows: Row[], total: number, hint?: Partial<ChartChoice> | null): void {
    this.clear();
    if (total > MAX_CHART_ROWS) {
      this.root.hidden = false;
      this.setControls(false);
      return this.say(w.tooManyRows(total, MAX_CHART_ROWS));
    }
    this.columns = columns;
    this.rows = rows;
    this.cols = chartColumns(columns, rows);
    const choice = defaultChoice(this.cols, hint);
    this.root.hidden = false;
    if (!choice) {
      this.setControls(false);
      return this.say(w.none);
    }
    this.setControls(true);
    this.kind.value = choice.kind;
    fill(this.y, this.cols.numbers.map((c) => [c, c]), choice.y);
    this.fillX(choice.x);
    fill(this.series, [['', w.noSeries], ...this.cols.series.map((c): [string, string] => [c, c])], choice.series ?? '');
    this.draw();
  }

  private setControls(enabled: boolean): void {
    for (const s of [this.kind, this.x, this.y, this.series]) s.disabled = !enabled;
  }

  private fillX(wanted: string | null): void {
    const options = this.kind.value === 'line' ? this.cols.periods : this.cols.categories;
    fill(this.x, options.map((c) => [c, c]), wanted ?? options[0] ?? '');
  }

  private say(text: string): void {
    this.message.textContent = text;
    this.message.hidden = !text;
  }

  private draw(): void {
    this.cleanup?.();
    this.cleanup = null;
    this.output.replaceChildren();
    const kind = this.kind.value as 'line' | 'bar';
    if (!this.x.value) return this.say(kind === 'line' ? w.needsPeriod : w.needsNumber);
    const choice: ChartChoice = { kind, x: this.x.value, y: this.y.value, series: this.series.value && this.series.value !== this.x.value ? this.series.value : null };
    const data = chartData(this.columns, this.rows, choice);
    if (!data.ok) return this.say(refusal(data, kind));
    const doc = this.root.ownerDocument;
    const title = w.title(choice.y, choice.x);
    const width = Math.max(260, Math.min(900, Math.round(this.output.clientWidth || this.root.clientWidth || 640)));
    let spec;
    let table: DataTable;
    if (data.kind === 'line') {
      const options = {
        width,
        // Room for every series' label at the right end, however close the lines run.
        height: Math.max(320, 120 + data.series.length * 30),
        title,
        yLabel: choice.y,
        format: data.format,
        digits: data.digits,
        series: data.series,
        seriesLabel: (s: string) => valueLabel(choice.series, s),
      };
      const model = trendModel(data.rows, options);
      spec = trendPlot(model);
      table = trendTable(model);
      this.say(data.omitted.length ? w.omitted(data.omitted.map((s) => valueLabel(choice.series, s)).join(', ')) : '');
    } else {
      const options = {
        width,
        title,
        xLabel: choice.y,
        format: data.format,
        digits: data.digits,
        categoryLabel: (k: string) => valueLabel(choice.x, k),
        groupLabel: (g: string) => valueLabel(choice.series, g),
        valueHeader: choice.y,
      };
      const model = barsModel(data.rows, options);
      spec = barsPlot(model);
      table = barsTable(model, options.valueHeader);
      this.say('');
    }
    const figure = doc.createElement('figure');
    figure.className = 'chart-figure';
    const caption = doc.createElement('figcaption');
    caption.textContent = title;
    const chart = render(spec, doc, { id: 'utforska-diagram' });
    // Plot adds a <style> element of its own; the page's stylesheet has the same rules, and a strict
    // Content-Security-Policy (style-src 'self') would refuse the inline one.
    for (const style of chart.querySelectorAll('style')) style.remove();
    figure.append(caption, chart);
    this.output.append(figure, dataTable(doc, table, title));
    const svg = chart.tagName.toLowerCase() === 'svg' ? (chart as SVGSVGElement) : chart.querySelector('svg');
    if (svg) this.cleanup = enhanceTooltips(svg);
  }
}

function fill(select: HTMLSelectElement, options: [string, string][], value: string): void {
  const doc = select.ownerDocument;
  select.replaceChildren(
    ...options.map(([v, label]) => {
      const o = doc.createElement('option');
      o.value = v;
      o.textContent = label;
      return o;
    }),
  );
  select.value = options.some(([v]) => v === value) ? value : (options[0]?.[0] ?? '');
}

/** The chart's numbers as a table under it (in a details element), the chart's text alternative. */
function dataTable(doc: Document, table: DataTable, title: string): HTMLElement {
  const details = doc.createElement('details');
  details.className = 'chart-table';
  const summary = doc.createElement('summary');
  summary.textContent = w.tableSummary;
  const scroll = doc.createElement('div');
  scroll.className = 'table-scroll';
  const t = doc.createElement('table');
  const caption = doc.createElement('caption');
  caption.textContent = title;
  const head = doc.createElement('thead');
  const hr = doc.createElement('tr');
  table.header.forEach((h, i) => {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    if (i > 0) th.className = 'num';
    hr.append(th);
  });
  head.append(hr);
  const body = doc.createElement('tbody');
  for (const row of table.rows) {
    const tr = doc.createElement('tr');
    row.forEach((cell, i) => {
      const td = doc.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.setAttribute('scope', 'row');
      else td.className = 'num';
      td.textContent = cell.text;
      tr.append(td);
    });
    body.append(tr);
  }
  t.append(caption, head, body);
  scroll.append(t);
  details.append(summary, scroll);
  return details;
}

/** Why a chart cannot be drawn from the result, in words. */
function refusal(data: { reason: string; count?: number }, kind: 'line' | 'bar'): string {
  const reason: Record<string, string> = {
    needsPeriod: w.needsPeriod,
    needsNumber: w.needsNumber,
    tooManyRows: w.tooManyRows(data.count ?? 0, MAX_CHART_ROWS),
    tooMany: w.tooMany(data.count ?? 0, MAX_BARS),
    tooManySeries: w.tooManySeries(data.count ?? 0, MAX_SERIES),
    duplicates: w.duplicates(kind),
  };
  return reason[data.reason];
}
