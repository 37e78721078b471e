// The benchmark's figures: statistics over runs, the targets of issue 6, and the printed table.
// Pure: numbers in, verdicts and text out.

/** Median (mean of the middle two for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}

/** Median of the non-null values, or null when any run gave none (a run that failed is not skipped). */
export function medianOrNull(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : median(values as number[]);
}

/** The targets of issue 6, in the units the benchmark measures. */
export const TARGETS = {
  /** First chart visible (median) after navigation, ms. */
  firstChartMs: 300,
  /**
   * Bytes a page with charts has received when its first chart is drawn in full, over a slow line and
   * with no compression (a browser draws HTML as it arrives; no JavaScript is needed for the chart).
   */
  firstViewBytes: 50_000,
  /** Cumulative layout shift of a page's load (the worst run): nothing moves once it is drawn. */
  cls: 0.001,
  /** Total blocking time of a page's load (median, this machine's speed, no CPU slowdown), ms. */
  blockingMs: 100,
  /** A4 pages a topic page prints on. */
  printPages: 2,
  /** From the first filter change, the engine not started (the worst case), to the first chart re-rendered by duckdb-wasm (median), ms. */
  filterRerenderMs: 1500,
  /** The table builder: 290 municipalities × 40 quarters pivoted and drawn once the engine is ready (median), ms. */
  tableBuilderMs: 300,
  /** A filter change 3 s after the load event (the engine started once the page was idle) to the first chart re-rendered (median), ms. */
  warmFilterRerenderMs: 300,
  queryMedianMs: 50,
  queryP95Ms: 150,
  buildMs: 120_000,
  /** A comparison page's view and markup at national scale, in Node (what the build prerenders). */
  comparePrerenderMs: 10_000,
  /** Data files the browser downloads, gzip-compressed, in all. */
  dataGzipBytes: 5_000_000,
  /** JS heap of the page and its engine worker after the queries. */
  heapBytes: 300_000_000,
} as const;

export interface TargetResult {
  name: string;
  value: number | string | null;
  /** 'ms', 'B' or '' for numbers. */
  unit?: string;
  limit: string;
  ok: boolean;
  /** What to look at when it fails. */
  note?: string;
}

/** value < limit; a missing value (the measurement failed) misses the target. */
export function below(name: string, value: number | null, limit: number, unit: string, note?: string): TargetResult {
  return { name, value: value === null ? null : round(value), unit, limit: `< ${formatValue(limit, unit)}`, ok: value !== null && value < limit, note };
}

export function check(name: string, ok: boolean, value: string, limit: string, note?: string): TargetResult {
  return { name, value, limit, ok, note };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function formatValue(n: number | null, unit: string): string {
  if (n === null) return '–';
  if (unit === 'B') return formatBytes(n);
  if (unit === 'ms') return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`;
  return `${round(n)} ${unit}`.trim();
}

export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** A plain-text table with a header row; columns padded to their widest cell. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function targetsTable(results: TargetResult[]): string {
  return table(
    ['mål / target', 'uppmätt / measured', 'gräns / limit', ''],
    results.map((r) => [r.name, typeof r.value === 'number' ? formatValue(r.value, r.unit ?? '') : (r.value ?? '–'), r.limit, r.ok ? 'OK' : 'MISSAT / MISSED']),
  );
}

/**
 * Where the bytes of a page's HTML go (UTF-8 bytes, overlapping parts counted once in the outer one):
 * inline chart SVG (and the tooltip titles within it), data tables, the filter form's lists, data
 * attributes the scripts read (data-figure and the like), and the rest. So a page over its budget says what to trim.
 */
export function htmlComposition(html: string): Record<string, number> {
  const bytes = (s: string) => Buffer.byteLength(s);
  const total = bytes(html);
  const all = (re: RegExp, text = html) => [...text.matchAll(re)].reduce((a, m) => a + bytes(m[0]), 0);
  const svg = all(/<svg\b[\s\S]*?<\/svg>/g);
  const svgTitles = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].reduce((a, m) => a + all(/<title>[\s\S]*?<\/title>/g, m[0]), 0);
  const tables = all(/<table\b[\s\S]*?<\/table>/g);
  const lists = all(/<select\b[\s\S]*?<\/select>/g) + all(/<datalist\b[\s\S]*?<\/datalist>/g);
  const dataAttributes = all(/\sdata-[a-z-]+="[^"]{200,}"/g) + all(/\sdata-[a-z-]+='[^']{200,}'/g);
  return { total, svg, svgTitles, tables, lists, dataAttributes, rest: total - svg - tables - lists - dataAttributes };
}
